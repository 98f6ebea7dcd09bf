import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { CellProcesses } from "@hireloop/testkit/cell-processes";
import { json, signedIn } from "@hireloop/testkit/client";
import { startRoutedRegion } from "@hireloop/testkit/routed-region";
import { expect } from "vitest";
import { resumeAndJob } from "../support/requests.ts";

type Client = ReturnType<typeof signedIn>;

/** One cell of real processes behind a real router: the drills reach it as callers do. */
export interface RoutedCell {
  cell: CellProcesses;
  databaseUrl: string;
  /** A client of the router, signed in as uid. */
  as(uid: string): Client;
  routerUrl: string;
  token(uid: string): Promise<string>;
  stop(): Promise<void>;
}

export async function startRoutedCell(env: Record<string, string> = {}): Promise<RoutedCell> {
  const world = await startRoutedRegion(1, {
    region: { env },
    // The drills poll every workflow they start several times a second: limits are not their subject.
    routerEnv: { HL_RATE_LIMIT_USER_POINTS: "100000" },
  });
  const [running] = world.region.cells;
  if (!running) throw new Error("the region started no cell");
  return {
    cell: running.processes,
    databaseUrl: running.processes.env.HL_DATABASE_URL ?? "",
    as: (uid) => signedIn(world.router.url, world.region.token, uid),
    routerUrl: world.router.url,
    token: world.region.token,
    stop: () => world.stop(),
  };
}

/** Uploads a resume and a job for the user and starts `count` tailorings; returns the workflow ids. */
export async function startTailorings(request: Client, count: number): Promise<string[]> {
  const { resume, job } = await resumeAndJob(request);
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const res = await request(
      "/v1/tailorings",
      json({ resumeId: resume.id, jobId: job.id, format: i % 2 ? "docx" : "pdf" }),
    );
    expect(res.status).toBe(202);
    ids.push((await res.json()).workflowId);
  }
  return ids;
}

export async function statuses(request: Client, ids: string[]): Promise<string[]> {
  return Promise.all(
    ids.map(async (id) => (await (await request(`/v1/workflows/${id}`)).json()).status as string),
  );
}

export async function waitAll(request: Client, ids: string[], timeoutMs = 120_000): Promise<string[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const current = await statuses(request, ids);
    if (current.every((s) => s === "succeeded" || s === "failed" || s === "cancelled")) return current;
    if (Date.now() > deadline) throw new Error(`workflows not finished: ${current.join(",")}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Waits for `check`; on timeout the error says what was last seen, as `seen` describes it. */
export async function until(
  check: () => Promise<boolean>,
  timeoutMs = 60_000,
  seen: () => string = () => "condition not met",
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${seen()} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Waits until `count` reaches `expected`; on timeout the error names `what` and the last count. */
export async function untilCount(
  what: string,
  count: () => Promise<number>,
  expected: number,
  timeoutMs = 60_000,
): Promise<void> {
  let last = Number.NaN;
  await until(
    async () => {
      last = await count();
      return last === expected;
    },
    timeoutMs,
    () => `${what}: ${last}, not ${expected},`,
  );
}

/**
 * Runs one of the drills' own processes (a .ts file in this folder) with `env`; resolves to its last
 * line, parsed. Measuring sides run apart from the test runner, whose own pauses would be timed.
 * `stop()` sends the process SIGTERM, for one that runs until told to finish.
 */
export function runDrillProcess<T>(file: string, env: Record<string, string>): Promise<T> & { stop(): void } {
  const child = spawn(process.execPath, ["--import", "tsx", fileURLToPath(new URL(file, import.meta.url))], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let output = "";
  child.stdout.on("data", (chunk) => {
    output += chunk;
  });
  const result = new Promise<T>((resolve, reject) => {
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0
        ? resolve(JSON.parse(output.trim().split("\n").at(-1) ?? "{}"))
        : reject(new Error(`${file} exited with ${code}`)),
    );
  });
  return Object.assign(result, { stop: () => void child.kill("SIGTERM") });
}
