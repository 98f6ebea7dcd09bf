import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { distDir, loadTestsRoot } from "../runner/bundle.ts";

const repoRoot = join(loadTestsRoot, "..");
let dir: string;
let tokensFile: string;
/** What a machine without k6 has: node, npx, make and the system's tools. */
const pathWithoutK6 = [dirname(process.execPath), "/usr/local/bin", "/usr/bin", "/bin"].join(":");

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "hireloop-load-test-"));
  tokensFile = join(dir, "tokens.json");
  writeFileSync(tokensFile, JSON.stringify([{ uid: "load-1", token: "a-token" }]));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function makeLoadTest(variables: Record<string, string>, path = pathWithoutK6) {
  const args = ["-s", "load-test", ...Object.entries(variables).map(([name, value]) => `${name}=${value}`)];
  return spawnSync("make", args, { cwd: repoRoot, encoding: "utf8", env: { ...process.env, PATH: path } });
}

describe("make load-test", () => {
  it("refuses an unknown scenario, naming the ones there are", () => {
    const run = makeLoadTest({ SCENARIO: "stampede", TARGET: "http://127.0.0.1:9" });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain(
      "SCENARIO must be one of: cell-kill, ramp, region-failover, smoke, soak, spike",
    );
  });

  it("without k6: bundles the scenario, says how to get k6 and how to run the bundle, and fails", () => {
    expect(spawnSync("sh", ["-c", "command -v k6"], { env: { PATH: pathWithoutK6 } }).status).not.toBe(0);
    const run = makeLoadTest({
      SCENARIO: "ramp",
      TARGET: "http://127.0.0.1:9",
      TOKENS_FILE: tokensFile,
      RATE: "3",
    });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain("k6 is not installed here");
    expect(run.stderr).toContain("https://grafana.com/docs/k6/latest/set-up/install-k6/");
    expect(run.stderr).toContain(
      `k6 run -e TARGET=http://127.0.0.1:9 -e TOKENS_FILE=${tokensFile} -e RATE=3 ${join(distDir, "ramp.js")}`,
    );
  });

  it("with k6 on the PATH: runs it on the bundle with the settings, and answers with k6's exit code", () => {
    const bin = join(dir, "bin");
    const argsFile = join(dir, "k6-args.json");
    spawnSync("mkdir", ["-p", bin]);
    // k6 itself may not run on these machines (AGPL); this stands in for it and records how it was called.
    writeFileSync(
      join(bin, "k6"),
      `#!/bin/sh\nnode -e 'require("fs").writeFileSync(process.argv[1], JSON.stringify(process.argv.slice(2)))' ${argsFile} "$@"\nexit 99\n`,
    );
    chmodSync(join(bin, "k6"), 0o755);
    const run = makeLoadTest(
      {
        SCENARIO: "cell-kill",
        TARGET: "http://127.0.0.1:9",
        TOKENS_FILE: tokensFile,
        STOPPED_CELL: "us-east-cell-2",
      },
      `${bin}:${pathWithoutK6}`,
    );
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain("Error 99");
    expect(JSON.parse(readFileSync(argsFile, "utf8"))).toEqual([
      "run",
      "-e",
      "TARGET=http://127.0.0.1:9",
      "-e",
      `TOKENS_FILE=${tokensFile}`,
      "-e",
      "STOPPED_CELL=us-east-cell-2",
      join(distDir, "cell-kill.js"),
    ]);
  });

  it("bundles scripts that import nothing but k6's own modules", () => {
    makeLoadTest({ SCENARIO: "smoke", TARGET: "http://127.0.0.1:9", TOKENS_FILE: tokensFile });
    const bundle = readFileSync(join(distDir, "smoke.js"), "utf8");
    const imports = [...bundle.matchAll(/^import\s.*?from\s*"([^"]+)"/gm)].map((match) => match[1]);
    expect(imports.length).toBeGreaterThan(0);
    expect(imports.filter((specifier) => !/^k6(\/|$)/.test(specifier ?? ""))).toEqual([]);
    // k6 reads the default export (the VU code) and `options` from the module.
    expect(bundle).toMatch(/export \{[^}]*\bas default\b[^}]*\boptions\b[^}]*\}/s);
  });
});
