/**
 * Throughput of the pdf service through real gRPC (server and client in this process, workers as
 * child processes) next to the same resume-core functions called in-process (what a cell does
 * today). Run: npm run bench -w @hireloop/pdf
 */
import { availableParallelism } from "node:os";
import { createLogger, createMetricsRegistry } from "@hireloop/observability";
import { fromWireResume } from "@hireloop/proto/convert";
import { DocumentFormat } from "@hireloop/proto/resume";
import { parseResumeFile } from "@hireloop/resume-core/documents";
import { renderResume } from "@hireloop/resume-core/render";
import { startPdfService } from "../src/app.ts";
import { createPdfClient } from "../src/client.ts";
import { loadConfig } from "../src/config.ts";
import { sampleResumeProto } from "../test/support/service.ts";

const CONCURRENCY = 8;
const RENDERS = 300;
const PARSES = 300;
const WORKERS = Number(process.env.HL_PARSE_WORKERS ?? 2);

/** Runs `count` calls of `work` with `concurrency` in flight; returns calls per second. */
async function rate(
  count: number,
  concurrency: number,
  work: (index: number) => Promise<unknown>,
): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) await work(next++);
    }),
  );
  return count / ((performance.now() - started) / 1000);
}

const config = loadConfig({
  HL_REGION: "bench",
  HL_GRPC_PORT: "0",
  HL_METRICS_PORT: "0",
  HL_PARSE_WORKERS: String(WORKERS),
  HL_LOG_LEVEL: "silent",
});
const service = await startPdfService(
  config,
  createLogger({ service: "pdf-bench", level: "silent" }),
  createMetricsRegistry({ service: "pdf-bench" }),
);
const client = createPdfClient(`127.0.0.1:${service.grpcPort}`);
const settings = { deadlineMs: 30_000 };
const resumeProto = sampleResumeProto();
const resume = fromWireResume(resumeProto);

const rows: Array<{ operation: string; grpc: number; inProcess: number }> = [];
for (const [label, format, protoFormat] of [
  ["render pdf", "pdf", DocumentFormat.DOCUMENT_FORMAT_PDF],
  ["render docx", "docx", DocumentFormat.DOCUMENT_FORMAT_DOCX],
] as const) {
  const request = { resume: resumeProto, format: protoFormat, template: "classic" };
  await rate(20, CONCURRENCY, () => client.render(request, settings));
  await rate(20, 1, () => renderResume(resume, format));
  rows.push({
    operation: `${label} (c=${CONCURRENCY})`,
    grpc: await rate(RENDERS, CONCURRENCY, () => client.render(request, settings)),
    inProcess: await rate(RENDERS, CONCURRENCY, () => renderResume(resume, format)),
  });
}

for (const [label, protoFormat] of [
  ["parse pdf", DocumentFormat.DOCUMENT_FORMAT_PDF],
  ["parse docx", DocumentFormat.DOCUMENT_FORMAT_DOCX],
] as const) {
  const { document } = await client.render(
    { resume: resumeProto, format: protoFormat, template: "" },
    settings,
  );
  const upload = { file: document, filename: "", contentType: "" };
  await rate(20, CONCURRENCY, () => client.parse(upload, settings));
  await rate(20, 1, () => parseResumeFile(document));
  rows.push({
    operation: `${label} (c=${CONCURRENCY}, ${WORKERS} workers)`,
    grpc: await rate(PARSES, CONCURRENCY, () => client.parse(upload, settings)),
    inProcess: await rate(PARSES, CONCURRENCY, () => parseResumeFile(document)),
  });
}

console.log(`pdf service bench — ${availableParallelism()} CPUs, Node ${process.version}`);
console.table(
  rows.map((row) => ({
    operation: row.operation,
    "gRPC ops/s": Math.round(row.grpc),
    "in-process ops/s": Math.round(row.inProcess),
    "gRPC / in-process": Number((row.grpc / row.inProcess).toFixed(2)),
  })),
);
client.close();
await service.stop();
