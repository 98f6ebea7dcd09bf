/**
 * npm run bench:core — throughput of the resume domain and latency of the cell API on this machine,
 * each beside a named peer so the figure means something on any machine:
 *   parse PDF   vs pdf.js text extraction alone (the library floor under our parser)
 *   parse DOCX  vs mammoth raw-text extraction alone
 *   match       vs a naive keyword-set overlap (what a bare ATS keyword scan costs): scores from each
 *               resume's stored match profile, as the cell keeps them (ADR 0043), and whole matches
 *               with their suggestions, which also read the resume
 *   render PDF  vs pdfkit writing the same text as plain paragraphs; again with every word one no
 *               render has shaped before (words are shaped once per process, ADR 0044)
 *   POST /v1/matches vs GET /healthz on the same process (the HTTP stack's floor): 32 autocannon
 *               connections, each side warmed up, then three alternating rounds of four seconds
 *
 * `-- --cell-api` runs only the cell API part; `-- --cpu-prof <dir>` has the cell's processes
 * (and their compute threads) write V8 CPU profiles into <dir> when they stop.
 */
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import {
  analyzeJob,
  type MatchProfile,
  matchResume,
  type ParsedResume,
  parseResumeText,
  profileResume,
  resumeToText,
  scoreMatch,
} from "@hireloop/resume-core";
import { parseResumeFile } from "@hireloop/resume-core/documents";
import { renderResume } from "@hireloop/resume-core/render";
import { client, startCellProcesses } from "@hireloop/testkit/cell-processes";
import { createTestDatabase } from "@hireloop/testkit/database";
import { type BenchRequest, compareLoad } from "@hireloop/testkit/load";
import { compareThroughput, fmt } from "@hireloop/testkit/measure";
import mammoth from "mammoth";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import PDFDocument from "pdfkit";

const root = fileURLToPath(new URL("../../", import.meta.url));
/** Concurrent clients of the cell API benchmark. */
const CLIENTS = 32;
const files = `${root}packages/resume-core/test/fixtures/files/`;
const labelled = `${root}packages/resume-core/test/fixtures/labelled/`;
const pdf = new Uint8Array(readFileSync(`${files}software-engineer.pdf`));
const docx = new Uint8Array(readFileSync(`${files}nurse.docx`));
const resumes = readdirSync(`${labelled}resumes`).map((f) =>
  parseResumeText(readFileSync(`${labelled}resumes/${f}`, "utf8")),
);
/** Each resume's match profile as the database gives it back. */
const profiles: MatchProfile[] = resumes.map((resume) => JSON.parse(JSON.stringify(profileResume(resume))));
const jobText = readFileSync(`${root}packages/testkit/fixtures/job-backend.txt`, "utf8");
const job = analyzeJob(jobText);

const cellApiOnly = process.argv.includes("--cell-api");
const profileFlag = process.argv.indexOf("--cpu-prof");
const profileDir = profileFlag === -1 ? undefined : process.argv[profileFlag + 1];
if (profileFlag !== -1 && !profileDir) throw new Error("--cpu-prof needs a folder");

function row(name: string, ours: number, peerName: string, peer: number, unit = "/s") {
  console.log(
    `${name.padEnd(34)} ${fmt(ours).padStart(10)} ${unit.padEnd(4)}  peer ${peerName.padEnd(30)} ${fmt(peer).padStart(10)} ${unit.padEnd(4)} ratio ${fmt(ours / peer, 2)}`,
  );
}

async function compareRow(
  name: string,
  ours: () => unknown | Promise<unknown>,
  peerName: string,
  peer: () => unknown | Promise<unknown>,
) {
  const measured = await compareThroughput(ours, peer);
  row(name, measured.ours, peerName, measured.peer);
}

async function pdfjsText(bytes: Uint8Array): Promise<string> {
  const doc = await getDocument({ data: bytes.slice(), isEvalSupported: false, verbosity: 0 }).promise;
  let text = "";
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    text += content.items.map((item) => ("str" in item ? item.str : "")).join(" ");
  }
  await doc.destroy();
  return text;
}

function plainPdf(text: string): Promise<Buffer> {
  return new Promise((resolve) => {
    const doc = new PDFDocument();
    const chunks: Buffer[] = [];
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.text(text);
    doc.end();
  });
}

/** The resume with every word made one no render has shaped yet ("Kafka" → "Kafkaqb"). */
function everyWordNew(resume: ParsedResume, round: number): ParsedResume {
  const tag = round
    .toString(26)
    .replace(/./g, (digit) => String.fromCharCode(97 + Number.parseInt(digit, 26)));
  return JSON.parse(JSON.stringify(resume), (_key, value) =>
    typeof value === "string" ? value.replace(/\p{L}+/gu, (word) => `${word}${tag}`) : value,
  );
}

function naiveOverlap(text: string, keywords: string[]): number {
  const words = new Set(text.toLowerCase().split(/\W+/));
  return keywords.filter((k) => words.has(k.toLowerCase())).length;
}

async function resumeDomain() {
  console.log("Resume domain (one core, in process; each side the median of 5 alternating rounds)\n");
  await compareRow(
    "resumes parsed (PDF)",
    () => parseResumeFile(pdf),
    "pdf.js text only",
    () => pdfjsText(pdf),
  );
  await compareRow(
    "resumes parsed (DOCX)",
    () => parseResumeFile(docx),
    "mammoth raw text only",
    () => mammoth.extractRawText({ buffer: Buffer.from(docx) }),
  );
  let i = 0;
  const texts = resumes.map((r) => r.text);
  const naive = () => naiveOverlap(texts[i++ % texts.length] ?? "", job.keywords);
  await compareRow(
    "match scores (stored profile)",
    () => scoreMatch(profiles[i++ % profiles.length] as MatchProfile, job),
    "naive keyword overlap",
    naive,
  );
  await compareRow(
    "matches with suggestions",
    () => {
      const k = i++ % resumes.length;
      return matchResume(resumes[k] as (typeof resumes)[number], job, profiles[k]);
    },
    "naive keyword overlap",
    naive,
  );
  const started = performance.now();
  for (let k = 0; k < 1000; k++) scoreMatch(profiles[k % profiles.length] as MatchProfile, job);
  const thousandMs = performance.now() - started;
  const naiveStarted = performance.now();
  for (let k = 0; k < 1000; k++) naiveOverlap(texts[k % texts.length] ?? "", job.keywords);
  row(
    "score 1,000 resumes vs one job",
    thousandMs,
    "naive keyword overlap",
    performance.now() - naiveStarted,
    "ms",
  );
  const sample = resumes[0] as (typeof resumes)[number];
  await compareRow(
    "PDF renders",
    () => renderResume(sample, "pdf"),
    "pdfkit plain paragraphs",
    () => plainPdf(resumeToText(sample)),
  );
  // Words are shaped once per process (ADR 0044); this row renders words never seen before.
  let round = 0;
  const unseen = () => everyWordNew(sample, round++);
  await compareRow(
    "PDF renders, every word new",
    () => renderResume(unseen(), "pdf"),
    "pdfkit plain paragraphs",
    () => plainPdf(resumeToText(unseen())),
  );
  await compareRow(
    "DOCX renders",
    () => renderResume(sample, "docx"),
    "PDF render (ours)",
    () => renderResume(sample, "pdf"),
  );
}

async function cellApi() {
  console.log("Cell API (real processes on the test platform: Postgres, Redis, Kafka)\n");
  execFileSync("npx", ["hireloop", "local", "up", "--profile", "test"], { cwd: root, stdio: "ignore" });
  const database = await createTestDatabase();
  const nodeArgs = profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [];
  const cell = await startCellProcesses(database.url, { HL_LOG_LEVEL: "error" }, { nodeArgs });
  try {
    // 32 users, each with a resume and a job; every connection cycles through their matches, each sent
    // as the router sends it, with a fresh credential (ADR 0016). A match small enough to score on
    // the event loop holds none of its user's few compute slots (ADR 0045), so no user is refused.
    const resumeText = readFileSync(`${root}packages/testkit/fixtures/resume.txt`, "utf8");
    const requests = await Promise.all(
      Array.from({ length: CLIENTS }, async (_, index): Promise<BenchRequest> => {
        const uid = `bench-user-${index}`;
        const request = client(cell, uid);
        const post = (path: string, body: unknown) =>
          request(path, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify(body),
          });
        const resume = await (await post("/v1/resumes", { text: resumeText })).json();
        const job = await (await post("/v1/jobs", { text: jobText })).json();
        return {
          method: "POST",
          path: "/v1/matches",
          // A signed-in client holds its ID token for the hour it lasts.
          headers: { "content-type": "application/json", authorization: `Bearer ${await cell.token(uid)}` },
          body: JSON.stringify({ resumeId: resume.id, jobId: job.id }),
          signedFor: { cellKey: cell.cellKey, tenant: uid },
        };
      }),
    );
    const { ours: matches, peer: health } = await compareLoad(
      cell.apiUrl,
      { ours: requests, peer: [{ path: "/healthz", headers: {} }] },
      { connections: CLIENTS },
    );
    console.log(
      `POST /v1/matches, 32 connections: p50 ${fmt(matches.p50)} ms  p95 ${fmt(matches.p95)} ms  p99 ${fmt(matches.p99)} ms  ${fmt(matches.rps, 0)} req/s  errors ${matches.errors}`,
    );
    console.log(
      `peer GET /healthz, 32 connections:  p50 ${fmt(health.p50)} ms  p95 ${fmt(health.p95)} ms  p99 ${fmt(health.p99)} ms  ${fmt(health.rps, 0)} req/s  errors ${health.errors}`,
    );
    console.log(
      `ratio (matches / healthz): p50 ${fmt(matches.p50 / health.p50, 2)}  p95 ${fmt(matches.p95 / health.p95, 2)}  req/s ${fmt(matches.rps / health.rps, 2)}`,
    );
  } finally {
    await cell.stopAll();
    await database.drop();
  }
}

if (!cellApiOnly) {
  await resumeDomain();
  console.log();
}
await cellApi();
