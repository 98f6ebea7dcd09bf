import { execFile } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { extractResumeText } from "@hireloop/resume-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const exec = promisify(execFile);
const root = fileURLToPath(new URL("../../../", import.meta.url));
const output = `${root}tailored-resume.pdf`;
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
  return exec("npx", ["hireloop", ...args], { cwd: root, timeout: 300_000 });
}

beforeAll(async () => {
  const status = await hireloop("local", "status").catch(() => null);
  if (!status) {
    startedHere = true;
    await hireloop("local", "up");
  }
}, 320_000);

afterAll(async () => {
  rmSync(output, { force: true });
  if (startedHere) await hireloop("local", "down");
}, 120_000);

describe("the README walkthrough on the dev platform (make up)", () => {
  it("uploads, matches, tailors and downloads a PDF with the candidate's name and the matching skills", async () => {
    rmSync(output, { force: true });
    const { stdout } = await exec("bash", ["-euo", "pipefail", "-c", walkthroughScript()], {
      cwd: root,
      timeout: 120_000,
    });
    const match = JSON.parse(stdout.split("\n").find((line) => line.includes('"score"')) ?? "{}");
    expect(match.score).toBeGreaterThan(0);
    expect(stdout).toContain('event: end\ndata: {"status":"succeeded"}');
    expect(existsSync(output)).toBe(true);
    const { kind, text } = await extractResumeText(new Uint8Array(readFileSync(output)));
    expect(kind).toBe("pdf");
    expect(text).toContain("Jane Doe");
    for (const skill of match.matchedKeywords.slice(0, 3)) expect(text).toContain(skill);
  });
});
