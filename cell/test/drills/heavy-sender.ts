/**
 * The starvation drill's attacker, in a process of its own so that building and sending its
 * payloads never delays the measuring process's own reads: the heaviest request of every kind the
 * cell takes, all at once (the router's upload budget admits the largest of each together), then
 * each kind again as soon as it is answered, as one tenant, through the router, for HL_SECONDS.
 * A request refused for now (429) is sent again after its Retry-After. Prints each kind's answers
 * by status as one JSON line when done.
 */
import { randomBytes } from "node:crypto";
import { setPriority } from "node:os";
import JSZip from "jszip";
import { json } from "../support/cell.ts";
import { cellFixture, resumeFile, upload } from "../support/fixtures.ts";

/**
 * An attacker's machine is not the cell's: at the lowest priority, this process's own work of
 * making and sending its requests does not take the cell's CPU on a machine that runs both.
 */
setPriority(19);

const MAX_FILE_BYTES = 5 * 1024 * 1024;
const base = process.env.HL_ROUTER_URL ?? "";
const token = process.env.HL_TOKEN ?? "";
const seconds = Number(process.env.HL_SECONDS ?? 10);
const only = process.env.HL_ONLY ? process.env.HL_ONLY.split(",") : undefined;

const send = (path: string, init: RequestInit) => {
  const headers = new Headers(init.headers);
  headers.set("authorization", `Bearer ${token}`);
  return fetch(`${base}${path}`, { ...init, headers });
};

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

const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
/** The longest text the API takes, with nothing a reader can hold on to. */
const line = "a".repeat(100_000);
const bigResume = await send(
  "/v1/resumes",
  json({ text: `${cellFixture("resume.txt")}\n${"Python ".repeat(14_000)}` }),
);
const bigJob = await send("/v1/jobs", json({ text: `Senior engineer. ${"Kubernetes Go ".repeat(7_000)}` }));
const [resumeId, jobId] = [(await bigResume.json()).id, (await bigJob.json()).id];
const [pdf, docx, text] = [largestPdf(), await largestDocx(), largestText()];
const heavy: [string, () => Promise<Response>][] = [
  ["pdf", () => send("/v1/resumes", upload(pdf, "cv.pdf", "application/pdf"))],
  ["docx", () => send("/v1/resumes", upload(docx, "cv.docx", DOCX_TYPE))],
  ["text file", () => send("/v1/resumes", upload(text, "cv.txt", "text/plain"))],
  ["pasted text", () => send("/v1/resumes", json({ text: line }))],
  ["job", () => send("/v1/jobs", json({ text: line }))],
  ["match", () => send("/v1/matches", json({ resumeId, jobId }))],
];

/**
 * Every kind at once, each in a loop of its own: the next as soon as one is answered, or after its
 * Retry-After when it was refused for now (429), so each kind goes as fast as the platform lets it.
 */
const deadline = Date.now() + seconds * 1000;
const kinds = heavy.filter(([kind]) => !only || only.includes(kind));
const statuses: Record<string, Record<number, number>> = Object.fromEntries(
  kinds.map(([kind]) => [kind, {}]),
);
await Promise.all(
  kinds.map(async ([kind, request]) => {
    const seen = statuses[kind] ?? {};
    while (Date.now() < deadline) {
      const res = await request().catch(() => undefined);
      await res?.arrayBuffer().catch(() => undefined);
      seen[res?.status ?? 0] = (seen[res?.status ?? 0] ?? 0) + 1;
      if (res?.status === 429) {
        const wait = Number(res.headers.get("retry-after") ?? 1) * 1000;
        await new Promise((resolve) => setTimeout(resolve, Math.min(wait, deadline - Date.now())));
      }
    }
  }),
);
console.log(JSON.stringify(statuses));
