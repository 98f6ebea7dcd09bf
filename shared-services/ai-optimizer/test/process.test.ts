import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { checkGrpcHealth, serviceNameOf } from "@hireloop/grpc";
import { AiOptimizerServiceService, RoastMode, RoastStyle } from "@hireloop/proto/ai";
import { testPlatform } from "@hireloop/testkit/platform";
import { describe, expect, it } from "vitest";
import { createAiOptimizerClient } from "../src/client.ts";
import { caller, testResume } from "./support/fixtures.ts";

const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitFor<T>(check: () => Promise<T>, timeoutMs: number): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > until) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

describe("the ai-optimizer process", () => {
  it("starts from its environment, reports SERVING, answers, and exits 0 on SIGTERM", async () => {
    const [grpcPort, metricsPort] = [await freePort(), await freePort()];
    const child = spawn(process.execPath, ["--import", "tsx", "shared-services/ai-optimizer/src/main.ts"], {
      cwd: repoRoot,
      env: {
        ...process.env,
        HL_GRPC_PORT: String(grpcPort),
        HL_METRICS_PORT: String(metricsPort),
        HL_REDIS_URL: testPlatform().redisUrl,
        HL_REDIS_KEY_PREFIX: `hl:ai:test:${randomUUID()}`,
        HL_LOG_LEVEL: "warn",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    const address = `127.0.0.1:${grpcPort}`;
    try {
      expect(
        await waitFor(() => checkGrpcHealth(address, serviceNameOf(AiOptimizerServiceService)), 20_000),
      ).toBe("SERVING");
      const client = createAiOptimizerClient(address);
      const roast = await client.roastResume(
        {
          caller: caller("user-process", "free"),
          resume: testResume(),
          style: RoastStyle.ROAST_STYLE_GENTLE,
          mode: RoastMode.ROAST_MODE_UNSPECIFIED,
        },
        { deadlineMs: 5_000 },
      );
      client.close();
      expect(roast.usage?.provider).toBe("rules");
      expect(roast.points.length).toBeGreaterThan(0);
      const metrics = await fetch(`http://127.0.0.1:${metricsPort}/metrics`).then((res) => res.text());
      expect(metrics).toContain(
        'hl_ai_answers_total{operation="roast_resume",provider="rules",cached="false"',
      );
    } finally {
      child.kill("SIGTERM");
    }
    expect(await exited, output).toBe(0);
  }, 40_000);
});
