import { RoastMode, RoastStyle } from "@hireloop/proto/ai";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { answer, type FakeLlm, startFakeLlm } from "./support/fake-llm.ts";
import {
  caller,
  honestTailoring,
  PERSONAL,
  PERSONAL_FRAGMENTS,
  testJob,
  testResume,
} from "./support/fixtures.ts";
import { modelEnv, type RunningAiOptimizer, startAiOptimizer } from "./support/service.ts";

let openai: FakeLlm;
let anthropic: FakeLlm;
let service: RunningAiOptimizer;
const settings = { deadlineMs: 10_000 };

beforeEach(async () => {
  openai = await startFakeLlm("openai");
  anthropic = await startFakeLlm("anthropic");
  service = await startAiOptimizer(modelEnv({ openai: openai.baseUrl, anthropic: anthropic.baseUrl }));
});
afterEach(async () => {
  await service.close();
  await openai.close();
  await anthropic.close();
});

function expectNoPersonalData(raw: string) {
  const leaked = PERSONAL_FRAGMENTS.filter((fragment) => raw.toLowerCase().includes(fragment.toLowerCase()));
  expect(leaked).toEqual([]);
}

describe("personal data and external providers", () => {
  it("sends neither wire format any of the person's data, and restores it in the answer", async () => {
    // OpenAI fails so both providers receive the same request.
    openai.script(() => ({ kind: "status", status: 503 }));
    anthropic.script(answer(({ input }) => honestTailoring(input)));

    const response = await service.client.tailorResume(
      { caller: caller("user-pii"), resume: testResume(), job: testJob() },
      settings,
    );
    expect(openai.received).toHaveLength(1);
    expect(anthropic.received).toHaveLength(1);
    for (const request of [...openai.received, ...anthropic.received]) {
      expectNoPersonalData(request.raw);
      expect(request.userMessage).toMatch(/⟦NAME_\d+⟧/);
      expect(request.userMessage).toMatch(/⟦EMAIL_\d+⟧/);
      expect(request.userMessage).toMatch(/⟦PHONE_\d+⟧/);
      expect(request.userMessage).toMatch(/⟦ADDRESS_\d+⟧/);
      expect(request.userMessage).toMatch(/⟦URL_\d+⟧/);
    }

    expect(response.usage?.provider).toBe("anthropic");
    const tailored = response.tailored?.resume;
    expect(tailored?.contact?.email).toBe(PERSONAL.email);
    expect(tailored?.summary).toContain("Renée Dubois");
    expect(tailored?.summary).toContain(PERSONAL.portfolio);
    expect(tailored?.experience[0]?.bullets.join("\n")).toContain(PERSONAL.linkedin);
    expect(tailored?.experience[0]?.bullets.join("\n")).toContain(PERSONAL.otherEmail);
    expect(tailored?.otherSections[0]?.lines).toEqual([
      `Studio: ${PERSONAL.street}`,
      `Call ${PERSONAL.phone} or write to ${PERSONAL.email}`,
    ]);
    expect(JSON.stringify(response)).not.toMatch(/⟦/);
  });

  it("redacts the roast and match inputs too", async () => {
    openai.script(
      answer(({ userMessage }) => ({
        headline: `${/⟦NAME_\d+⟧/.exec(userMessage)?.[0]}, this needs work`,
        points: [
          { section: "experience", remark: "Too few figures.", fix: "Add numbers." },
          {
            section: "experience",
            remark: 'Say what "Prepared press-ready files for print runs" changed.',
            fix: "Add what it saved.",
          },
        ],
        score: 6,
      })),
      answer(() => ({
        explanation: "Strong Figma and typography evidence; add motion design only if you have it.",
      })),
    );
    const roast = await service.client.roastResume(
      {
        caller: caller("user-pii-roast"),
        resume: testResume(),
        style: RoastStyle.ROAST_STYLE_HONEST,
        mode: RoastMode.ROAST_MODE_MODEL,
      },
      settings,
    );
    expect(roast.usage?.provider).toBe("openai");
    expect(roast.headline).toMatch(/^(Renée|Dubois)[^⟦]*, this needs work$/);
    // A model's point names the bullets it quotes, as a rules point does.
    expect(roast.points.map((point) => point.bullets)).toEqual([
      [],
      [{ role: 1, index: 0, text: "Prepared press-ready files for print runs of up to 200,000 copies." }],
    ]);
    const match = await service.client.explainMatch(
      { caller: caller("user-pii-match"), resume: testResume(), job: testJob() },
      settings,
    );
    expect(match.usage?.provider).toBe("openai");
    for (const request of openai.received) expectNoPersonalData(request.raw);
  });

  it("keeps an audit trail of pointers: which redacted values went where, never the values", async () => {
    openai.script(answer(({ input }) => honestTailoring(input)));
    await service.client.tailorResume(
      { caller: caller("user-audit"), resume: testResume(), job: testJob() },
      settings,
    );

    const entries = await service.redis.xrange(`${service.keyPrefix}:audit`, "-", "+");
    expect(entries).toHaveLength(1);
    const [, fields] = entries[0] ?? ["", []];
    const record = Object.fromEntries(
      fields.flatMap((value, index) => (index % 2 === 0 ? [[value, fields[index + 1]]] : [])),
    ) as Record<string, string>;
    expect(record).toMatchObject({
      operation: "tailor_resume",
      provider: "openai",
      outcome: "ok",
      cell: "us-east-1",
    });
    expect(record.user).toMatch(/^[0-9a-f]{32}$/);
    const redactions = JSON.parse(record.redactions ?? "[]") as { placeholder: string; ref: string }[];
    expect(redactions.map((redaction) => redaction.placeholder)).toEqual(
      expect.arrayContaining(["⟦NAME_1⟧", "⟦EMAIL_1⟧", "⟦PHONE_1⟧", "⟦URL_1⟧", "⟦ADDRESS_1⟧"]),
    );
    for (const redaction of redactions) expect(redaction.ref).toMatch(/^[0-9a-f]{32}$/);
    const raw = JSON.stringify(entries);
    expectNoPersonalData(raw);
    expect(raw).not.toContain("user-audit");
  });
});
