import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { checkGrpcHealth } from "@hireloop/grpc";
import { afterAll, describe, expect, it } from "vitest";
import { createScraperClient } from "../src/client.ts";

const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

async function waitUntilServing(address: string, child: ChildProcess, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the scraper exited with ${child.exitCode}`);
    if ((await checkGrpcHealth(address).catch(() => "down")) === "SERVING") return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${address} not serving after ${timeoutMs} ms`);
}

let child: ChildProcess | undefined;
afterAll(() => {
  if (child && child.exitCode === null) child.kill("SIGKILL");
});

describe("the scraper process", () => {
  it("starts with defaults (the bundled feed), reports SERVING, answers a search, and exits 0 on SIGTERM", async () => {
    const [grpcPort, metricsPort] = [await freePort(), await freePort()];
    const scraperProcess = spawn(
      process.execPath,
      ["--import", "tsx", "shared-services/scraper/src/main.ts"],
      {
        cwd: repoRoot,
        env: {
          ...process.env,
          HL_REGION: "us-east",
          HL_GRPC_PORT: String(grpcPort),
          HL_METRICS_PORT: String(metricsPort),
          HL_LOG_LEVEL: "warn",
        },
        stdio: ["ignore", "ignore", "inherit"],
      },
    );
    child = scraperProcess;
    const exited = new Promise<number | null>((resolve) =>
      scraperProcess.once("exit", (code) => resolve(code)),
    );
    const address = `127.0.0.1:${grpcPort}`;
    await waitUntilServing(address, scraperProcess);
    expect(await checkGrpcHealth(address, "hireloop.scraper.v1.ScraperService")).toBe("SERVING");

    const client = createScraperClient(address);
    const response = await client.searchPostings(
      { query: "backend engineer", limit: 5 },
      { deadlineMs: 5_000 },
    );
    client.close();
    expect(response.boards).toEqual([expect.objectContaining({ board: "feed", status: "ok" })]);
    expect(response.postings).toHaveLength(5);
    expect(response.postings.every((posting) => /back-?end/i.test(posting.title))).toBe(true);

    const metrics = await fetch(`http://127.0.0.1:${metricsPort}/metrics`, {
      signal: AbortSignal.timeout(2_000),
    });
    expect(await metrics.text()).toMatch(
      /hl_scraper_board_searches_total\{board="feed",status="ok"[^}]*\} 1/,
    );

    scraperProcess.kill("SIGTERM");
    expect(await exited).toBe(0);
  });
});
