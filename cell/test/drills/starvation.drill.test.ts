import { randomBytes } from "node:crypto";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { json } from "../support/cell.ts";
import { createTestDatabase } from "../support/database.ts";
import { cellFixture, resumeFile, upload } from "../support/fixtures.ts";
import { type CellProcesses, client, startCellProcesses } from "../support/processes.ts";

/**
 * One tenant sends the heaviest request of every kind the cell allows, over and over, in
 * parallel; another tenant of the same cell keeps reading. The reader must never see a 503, its
 * p99 must stay within twice its quiet p99, and the cell's health must answer within 50 ms.
 */
const MAX_FILE_BYTES = 5 * 1024 * 1024;
const ATTACK_MS = 15_000;
const READS = 150;

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let cell: CellProcesses;

beforeAll(async () => {
  database = await createTestDatabase();
  cell = await startCellProcesses(database.url);
});
afterAll(async () => {
  await cell?.stopAll();
  await database?.drop();
});

/** A real PDF grown to the upload limit with bytes after its end, as some exporters leave. */
function largestPdf(): Uint8Array {
  const pdf = resumeFile("software-engineer.pdf");
  const grown = new Uint8Array(MAX_FILE_BYTES);
  grown.set(pdf);
  grown.set(randomBytes(MAX_FILE_BYTES - pdf.byteLength), pdf.byteLength);
  return grown;
}

/** A real DOCX grown to the upload limit by an embedded file that does not compress (a photo, say). */
async function largestDocx(): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(resumeFile("nurse.docx"));
  const docx = await zip.generateAsync({ type: "uint8array" });
  zip.file("word/media/photo.bin", randomBytes(MAX_FILE_BYTES - docx.byteLength - 4_096), {
    compression: "STORE",
  });
  return zip.generateAsync({ type: "uint8array", compression: "STORE" });
}

/** A plain-text resume repeated up to the upload limit. */
function largestText(): Uint8Array {
  const resume = cellFixture("resume.txt");
  return new TextEncoder().encode(resume.repeat(Math.floor(MAX_FILE_BYTES / Buffer.byteLength(resume))));
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

async function timedReads(read: () => Promise<Response>, count: number) {
  const latencies: number[] = [];
  const statuses: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    const res = await read();
    await res.arrayBuffer();
    latencies.push(performance.now() - started);
    statuses.push(res.status);
  }
  return { p99: percentile(latencies, 99), p50: percentile(latencies, 50), statuses };
}

describe("drill: one tenant's heaviest requests against another tenant's reads", () => {
  it("keeps the other tenant served: no 503, p99 within 2× quiet, health within 50 ms", async () => {
    const reader = client(cell, "quiet-reader");
    const job = await (await reader("/v1/jobs", json({ text: cellFixture("job-backend.txt") }))).json();
    const read = () => reader(`/v1/jobs/${job.id}`);
    await timedReads(read, 30);
    const quiet = await timedReads(read, READS);

    const attacker = client(cell, "heavy-sender");
    const line = "a".repeat(100_000);
    const bigResume = await attacker(
      "/v1/resumes",
      json({ text: `${cellFixture("resume.txt")}\n${"Python ".repeat(14_000)}` }),
    );
    const bigJob = await attacker(
      "/v1/jobs",
      json({ text: `Senior engineer. ${"Kubernetes Go ".repeat(7_000)}` }),
    );
    expect([bigResume.status, bigJob.status]).toEqual([201, 201]);
    const [resumeId, jobId] = [(await bigResume.json()).id, (await bigJob.json()).id];
    const [pdf, docx, text] = [largestPdf(), await largestDocx(), largestText()];
    const heavy: [string, () => Promise<Response>][] = [
      ["pdf", () => attacker("/v1/resumes", upload(pdf, "cv.pdf", "application/pdf"))],
      [
        "docx",
        () =>
          attacker(
            "/v1/resumes",
            upload(
              docx,
              "cv.docx",
              "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            ),
          ),
      ],
      ["text file", () => attacker("/v1/resumes", upload(text, "cv.txt", "text/plain"))],
      ["pasted text", () => attacker("/v1/resumes", json({ text: line }))],
      ["job", () => attacker("/v1/jobs", json({ text: line }))],
      ["match", () => attacker("/v1/matches", json({ resumeId, jobId }))],
    ];
    const attackStatuses = new Map<string, Map<number, number>>();
    let attacking = true;
    const only = process.env.HL_DRILL_ONLY?.split(",");
    const attacks = heavy
      .filter(([kind]) => !only || only.includes(kind))
      .map(async ([kind, send]) => {
        const seen = new Map<number, number>();
        attackStatuses.set(kind, seen);
        while (attacking) {
          const res = await send().catch(() => undefined);
          await res?.arrayBuffer().catch(() => undefined);
          seen.set(res?.status ?? 0, (seen.get(res?.status ?? 0) ?? 0) + 1);
        }
      });
    const healthLatencies: number[] = [];
    const probing = (async () => {
      while (attacking) {
        const started = performance.now();
        await (await fetch(`${cell.apiUrl}/healthz`)).arrayBuffer();
        healthLatencies.push(performance.now() - started);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();
    const stop = setTimeout(() => {
      attacking = false;
    }, ATTACK_MS);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const underAttack = await timedReads(read, READS);
    clearTimeout(stop);
    attacking = false;
    await Promise.all([...attacks, probing]);

    const summary = {
      quiet: { p50: quiet.p50.toFixed(1), p99: quiet.p99.toFixed(1) },
      underAttack: { p50: underAttack.p50.toFixed(1), p99: underAttack.p99.toFixed(1) },
      health: {
        p99: percentile(healthLatencies, 99).toFixed(1),
        max: Math.max(...healthLatencies).toFixed(1),
      },
      attack: Object.fromEntries([...attackStatuses].map(([kind, seen]) => [kind, Object.fromEntries(seen)])),
    };
    console.log(`starvation drill: ${JSON.stringify(summary)}`);
    expect(underAttack.statuses.every((status) => status === 200)).toBe(true);
    expect(Math.max(...healthLatencies)).toBeLessThan(50);
    expect(underAttack.p99).toBeLessThanOrEqual(2 * quiet.p99);
    for (const [kind, seen] of attackStatuses) {
      expect(
        [...seen.keys()].filter((status) => status >= 500 && status !== 503),
        kind,
      ).toEqual([]);
    }
  });
});
