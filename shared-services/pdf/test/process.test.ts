import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { join } from "node:path";
import { checkGrpcHealth, failureOf } from "@hireloop/grpc";
import { afterEach, describe, expect, it } from "vitest";
import { createPdfClient } from "../src/client.ts";
import { endlessContentPdf } from "./support/hostile.ts";
import { uploadFixture } from "./support/service.ts";

const REPO = join(import.meta.dirname, "../../..");
let child: ChildProcess | undefined;
afterEach(() => {
  if (child?.exitCode === null) child.kill("SIGKILL");
});

/** Starts the deployable as it runs in production and waits for its "listening" log line. */
async function startProcess(): Promise<{ process: ChildProcess; grpcPort: number; logs: string[] }> {
  const started = spawn(process.execPath, ["--import", "tsx", "shared-services/pdf/src/main.ts"], {
    cwd: REPO,
    env: {
      ...process.env,
      HL_REGION: "test",
      HL_GRPC_PORT: "0",
      HL_METRICS_PORT: "0",
      HL_PARSE_TIMEOUT_MS: "3000",
      HL_SHUTDOWN_GRACE_MS: "1000",
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  child = started;
  const logs: string[] = [];
  const grpcPort = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no listening line in 20 s: ${logs.join("")}`)), 20_000);
    started.stdout?.on("data", (chunk: Buffer) => {
      logs.push(chunk.toString());
      const port = /"grpcPort":(\d+)/.exec(logs.join(""))?.[1];
      if (port !== undefined) {
        clearTimeout(timer);
        resolve(Number(port));
      }
    });
    started.once("exit", (code) => reject(new Error(`exited with ${code}: ${logs.join("")}`)));
  });
  return { process: started, grpcPort, logs };
}

describe("the pdf service as a process", () => {
  it("serves, survives a hostile file, and stops cleanly on SIGTERM", async () => {
    const { process: service, grpcPort } = await startProcess();
    const address = `127.0.0.1:${grpcPort}`;
    expect(await checkGrpcHealth(address, "hireloop.pdf.v1.PdfService", 2_000)).toBe("SERVING");

    const client = createPdfClient(address);
    const hostile = await client
      .parse({ file: endlessContentPdf(48), filename: "cv.pdf", contentType: "" }, { deadlineMs: 15_000 })
      .then(() => undefined, failureOf);
    expect(hostile?.code).toBe("resume_too_complex");

    const good = await client.parse(
      { file: uploadFixture("software-engineer.pdf"), filename: "cv.pdf", contentType: "" },
      { deadlineMs: 15_000 },
    );
    expect(good.resume?.contact?.name).not.toBe("");
    expect(service.exitCode).toBeNull();
    client.close();

    service.kill("SIGTERM");
    const [code] = await once(service, "exit");
    expect(code).toBe(0);
  });
});
