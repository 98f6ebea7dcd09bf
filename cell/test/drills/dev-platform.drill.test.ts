import { execFile } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { signDevToken } from "@hireloop/identity";
import { cellFor, createPlacementStore } from "@hireloop/placement";
import { extractResumeText } from "@hireloop/resume-core/documents";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const exec = promisify(execFile);
const root = fileURLToPath(new URL("../../../", import.meta.url));
const output = `${root}tailored-resume.pdf`;
/** What the walkthrough writes into the repository root, besides the PDF. */
const otherOutputs = ["tailored-resume.docx", "best-jobs.json", "roast.json"].map((file) => `${root}${file}`);
let startedHere = false;

/** The README's walkthrough, exactly as a newcomer pastes it. */
function walkthroughScript(): string {
  const readme = readFileSync(`${root}README.md`, "utf8");
  const section = readme.slice(readme.indexOf("## Walkthrough"));
  const block = /```sh\n([\s\S]*?)```/.exec(section)?.[1];
  if (!block) throw new Error("README.md has no walkthrough shell block");
  return block;
}

async function hireloop(...args: string[]) {
  // Long enough for every process's own start timeout (MirrorMaker 2's is 240 s) in turn.
  return exec("npx", ["hireloop", ...args], { cwd: root, timeout: 480_000 });
}

beforeAll(async () => {
  const status = await hireloop("local", "status").catch(() => null);
  if (!status) {
    startedHere = true;
    await hireloop("local", "up");
  }
}, 500_000);

afterAll(async () => {
  for (const file of [output, ...otherOutputs]) rmSync(file, { force: true });
  if (startedHere) await hireloop("local", "down");
}, 120_000);

describe("the README walkthrough on the dev platform (make up)", () => {
  it("uploads, matches, tailors and downloads a PDF with the candidate's name and the matching skills", async () => {
    for (const file of [output, ...otherOutputs]) rmSync(file, { force: true });
    expect(walkthroughScript().startsWith("set -euo pipefail\n")).toBe(true);
    const { stdout } = await exec("bash", ["-c", walkthroughScript()], {
      cwd: root,
      timeout: 120_000,
    });
    const listed = JSON.parse(stdout.split("\n").find((line) => line.startsWith('{"resumes"')) ?? "{}");
    expect(listed.resumes[0]).toMatchObject({ name: "Jane Doe", kind: "pdf", version: 1 });
    expect(stdout).toContain("corrected: version 2");
    const match = JSON.parse(stdout.split("\n").find((line) => line.includes('"score"')) ?? "{}");
    expect(match.score).toBeGreaterThan(0);
    expect(stdout).toContain('event: end\ndata: {"status":"succeeded"}');
    const tailoring = JSON.parse(stdout.split("\n").find((line) => line.includes('"edits"')) ?? "{}");
    expect(tailoring.scoreAfter).toBeGreaterThanOrEqual(0);
    expect(tailoring.edits.length).toBeGreaterThan(0);
    expect(existsSync(output)).toBe(true);
    const { kind, text } = await extractResumeText(new Uint8Array(readFileSync(output)));
    expect(kind).toBe("pdf");
    expect(text).toContain("Jane Doe");
    // As an ATS reads them: in any case ("Backend Engineer" is matched by "Backend engineer with…").
    for (const skill of match.matchedKeywords.slice(0, 3))
      expect(text.toLowerCase()).toContain(skill.toLowerCase());

    const docx = await extractResumeText(new Uint8Array(readFileSync(`${root}tailored-resume.docx`)));
    expect(docx.kind).toBe("docx");
    expect(docx.text).toContain("Jane Doe");
    const best = JSON.parse(readFileSync(`${root}best-jobs.json`, "utf8"));
    expect(best.jobs.length).toBe(5);
    expect(best.jobs[0].posting.board).toBe("feed");
    expect(best.jobs[0].title).toMatch(/engineer|developer/i);
    const scores = best.jobs.map((job: { matchScore: number }) => job.matchScore);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const roast = JSON.parse(readFileSync(`${root}roast.json`, "utf8"));
    expect(roast.style).toBe("savage");
    expect(roast.points.length).toBeGreaterThan(0);

    // Alice's job read through eu-central's router comes from her us-east cell; Bruno lives in eu-central.
    expect(stdout).toMatch(/x-hl-region: us-east/i);
    expect(stdout).toMatch(/x-hl-entry-region: eu-central/i);
    expect(stdout).toMatch(/us-east\s+http:\/\/127\.0\.0\.1:8080\s+yes/);
    expect(stdout).toMatch(/eu-central\s+http:\/\/127\.0\.0\.1:9080\s+yes/);
    expect(stdout).toContain('"homeRegion":"eu-central","resident":true');
  });
});

describe("the shared services through the router on 127.0.0.1:8080", () => {
  it("roasts a resume in each style, with the rules engine and with the model mode falling back to it", async () => {
    const platform = JSON.parse(readFileSync(`${root}.local/dev/platform.json`, "utf8"));
    const api = platform.routers[0].url as string;
    const token = await signDevToken({
      uid: "roast-styles",
      projectId: platform.projectId,
      privateKeyPath: `${platform.keysDir}/private.jwk.json`,
    });
    const call = (path: string, body?: unknown) =>
      fetch(`${api}${path}`, {
        method: body === undefined ? "GET" : "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(15_000),
      });
    const text = readFileSync(`${root}packages/testkit/fixtures/resume.txt`, "utf8");
    const resume = await (await call("/v1/resumes", { text })).json();
    const roasts = [];
    for (const [style, mode] of [
      ["gentle", "rules"],
      ["honest", "auto"],
      ["savage", "rules"],
    ]) {
      const { workflowId } = await (await call("/v1/roasts", { resumeId: resume.id, style, mode })).json();
      let workflow = await (await call(`/v1/workflows/${workflowId}`)).json();
      for (let i = 0; i < 100 && workflow.status !== "succeeded" && workflow.status !== "failed"; i++) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        workflow = await (await call(`/v1/workflows/${workflowId}`)).json();
      }
      expect(workflow.status).toBe("succeeded");
      const roast = await (await call(`/v1/roasts/${workflow.resultId}`)).json();
      expect(roast).toMatchObject({ style, provider: "rules" });
      expect(roast.points.length).toBeGreaterThan(0);
      roasts.push(roast);
    }
    expect(new Set(roasts.map((roast) => roast.headline)).size).toBe(3);
  });
});

describe("placement through the router on 127.0.0.1:8080", () => {
  it("spreads 50 users over every cell, each always on the same cell, as the control plane says", async () => {
    const platform = JSON.parse(readFileSync(`${root}.local/dev/platform.json`, "utf8"));
    const router = platform.routers[0];
    const sql = postgres(router.controlDatabaseUrl, { max: 1, onnotice: () => {} });
    try {
      const table = await createPlacementStore(sql).currentTable(router.region);
      if (!table) throw new Error("the region has no placement table");
      const seen = new Map<string, string>();
      for (let i = 0; i < 50; i++) {
        const uid = `spread-user-${i}`;
        const token = await signDevToken({
          uid,
          projectId: platform.projectId,
          privateKeyPath: `${platform.keysDir}/private.jwk.json`,
        });
        for (let attempt = 0; attempt < 3; attempt++) {
          const res = await fetch(`${router.url}/v1/resumes/00000000-0000-4000-8000-000000000000`, {
            headers: { authorization: `Bearer ${token}` },
            signal: AbortSignal.timeout(10_000),
          });
          expect(res.status).toBe(404);
          const cell = res.headers.get("x-hl-cell") ?? "";
          expect(cell).toBe(cellFor(table, uid));
          if (attempt > 0) expect(cell).toBe(seen.get(uid));
          seen.set(uid, cell);
        }
      }
      const used = new Set(seen.values());
      const regionCells = platform.cells.filter((c: { region: string }) => c.region === router.region);
      expect([...used].sort()).toEqual(regionCells.map((c: { id: string }) => c.id).sort());
      console.info(
        `placement: ${[...used]
          .sort()
          .map((cell) => `${cell} ${[...seen.values()].filter((c) => c === cell).length}`)
          .join(", ")}`,
      );
    } finally {
      await sql.end();
    }
  });
});
