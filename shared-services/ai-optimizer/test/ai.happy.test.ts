import { failureOf, status } from "@hireloop/grpc";
import { RoastMode, RoastStyle } from "@hireloop/proto/ai";
import { toWireResume } from "@hireloop/proto/convert";
import { Seniority } from "@hireloop/proto/resume";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { caller, coreResume, JOB_TEXT, testJob, testResume } from "./support/fixtures.ts";
import { type RunningAiOptimizer, startAiOptimizer } from "./support/service.ts";

let service: RunningAiOptimizer;
const settings = { deadlineMs: 5_000 };
beforeAll(async () => {
  // No provider configured: the built-in rules engine answers everything.
  service = await startAiOptimizer();
});
afterAll(() => service.close());

const rulesUsage = { provider: "rules", model: "rules-v1", cached: false, costMicroUsd: 0, fallbacks: [] };

/** A resume with the usual problems, each one something the roast can point at. */
function weakResume() {
  const resume = coreResume();
  return toWireResume({
    ...resume,
    summary: "Passionate, results-driven team player who loves design.",
    skills: ["Figma", "Kubernetes", "Typography"],
    experience: [
      {
        title: "Designer",
        company: "Bluebird Publishing",
        startDate: "2019",
        endDate: "2021",
        bullets: ["Responsible for book covers.", "Worked on marketing materials with Figma."],
      },
      { title: "Intern", company: "Maple & Moss Studio", startDate: "2018", endDate: "2019", bullets: [] },
    ],
    education: [],
  });
}

describe("the ai-optimizer with the rules engine", () => {
  it("analyzes a job", async () => {
    const response = await service.client.analyzeJob(
      { caller: caller("user-1", "free"), jobText: JOB_TEXT, title: "Senior Brand Designer" },
      settings,
    );
    expect(response.usage).toMatchObject(rulesUsage);
    expect(response.analysis?.title).toBe("Senior Brand Designer");
    expect(response.analysis?.seniority).toBe(Seniority.SENIORITY_SENIOR);
    expect(response.analysis?.requiredSkills).toEqual(expect.arrayContaining(["Figma", "Adobe Illustrator"]));
    expect(response.analysis?.yearsOfExperience).toBe(5);
  });

  it("tailors honestly (same facts, matching skills first) and explains the match", async () => {
    const tailored = await service.client.tailorResume(
      { caller: caller("user-1", "free"), resume: testResume(), job: testJob() },
      settings,
    );
    expect(tailored.usage).toMatchObject(rulesUsage);
    expect([...(tailored.tailored?.resume?.skills ?? [])].sort()).toEqual([...testResume().skills].sort());
    expect(tailored.tailored?.emphasizedSkills).toContain("Figma");

    const explained = await service.client.explainMatch(
      { caller: caller("user-1", "premium"), resume: testResume(), job: testJob() },
      settings,
    );
    expect(explained.usage).toMatchObject(rulesUsage);
    expect(explained.match?.score).toBeGreaterThan(0);
    expect(explained.explanation).toContain(`scores ${explained.match?.score}/100`);
  });

  it("roasts in the asked tone: same findings, gentle never mocks, savage never hedges", async () => {
    const roasts = await Promise.all(
      [RoastStyle.ROAST_STYLE_GENTLE, RoastStyle.ROAST_STYLE_HONEST, RoastStyle.ROAST_STYLE_SAVAGE].map(
        (style) =>
          service.client.roastResume(
            {
              caller: caller("user-2", "free"),
              resume: weakResume(),
              style,
              mode: RoastMode.ROAST_MODE_RULES,
            },
            settings,
          ),
      ),
    );
    const [gentle, honest, savage] = roasts.map((roast) => {
      expect(roast.usage).toMatchObject(rulesUsage);
      return roast;
    });
    if (!gentle || !honest || !savage) throw new Error("three roasts expected");

    // The same grounded findings in each style, only said differently.
    const sections = (roast: typeof gentle) => roast.points.map((point) => point.section);
    expect(sections(honest)).toEqual(sections(gentle));
    expect(sections(savage)).toEqual(sections(gentle));
    expect(gentle.score).toBe(savage.score);
    expect(gentle.score).toBeLessThan(6);
    expect(new Set([gentle.headline, honest.headline, savage.headline]).size).toBe(3);

    const all = (roast: typeof gentle) => roast.points.map((point) => point.remark).join("\n");
    expect(all(gentle)).toContain("Kubernetes"); // listed but never used in a role
    expect(all(savage)).toContain("Responsible for book covers.");
    // Each point about bullets names them: role and place.
    const weakOpeners = savage.points.find((point) => point.remark.includes("Responsible for book covers."));
    expect(weakOpeners?.bullets).toContainEqual({ role: 0, index: 0, text: "Responsible for book covers." });
    expect(all(honest)).toMatch(/education/i);
    const mocking =
      /cry for help|mediocre|decorative|bingo|shrug|disguise|memoir|bold strategy|did anything happen/i;
    const hedging = /\b(could|might|consider|may|would help|perhaps)\b/i;
    expect(`${gentle.headline}\n${all(gentle)}`).not.toMatch(mocking);
    expect(`${honest.headline}\n${all(honest)}`).not.toMatch(mocking);
    expect(`${savage.headline}\n${all(savage)}`).not.toMatch(hedging);
    expect(all(savage)).toMatch(mocking);
    expect(all(gentle)).toMatch(hedging);
    for (const point of savage.points) expect(point.fix.length).toBeGreaterThan(10);
  });

  it("scores a strong resume higher than a weak one", async () => {
    const roast = (resume: ReturnType<typeof testResume>) =>
      service.client.roastResume(
        {
          caller: caller("user-3"),
          resume,
          style: RoastStyle.ROAST_STYLE_HONEST,
          mode: RoastMode.ROAST_MODE_UNSPECIFIED,
        },
        settings,
      );
    const [strong, weak] = await Promise.all([roast(testResume()), roast(weakResume())]);
    expect(strong.score).toBeGreaterThan(weak.score);
  });

  it("refuses requests without a caller or input, with a machine-readable code", async () => {
    const noCaller = await service.client
      .analyzeJob({ jobText: JOB_TEXT, title: "" }, settings)
      .catch(failureOf);
    expect(noCaller).toMatchObject({ status: status.INVALID_ARGUMENT, code: "invalid_request" });
    const noResume = await service.client
      .tailorResume({ caller: caller("user-4"), job: testJob() }, settings)
      .catch(failureOf);
    expect(noResume).toMatchObject({ status: status.INVALID_ARGUMENT, code: "invalid_request" });
  });
});
