/**
 * The starvation drill's attacker, in a process of its own so that building and sending its
 * payloads never delays the measuring process's own reads: the heaviest request of every kind the
 * cell takes, all at once (the router's upload budget admits the largest of each together), then
 * the kinds again in turn, keeping the tenant's whole share of the cell busy, as one tenant,
 * through the router, until SIGTERM (or HL_SECONDS at most). Prints each kind's answers by status
 * as one JSON line when done.
 */
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { setPriority } from "node:os";
import { json } from "@hireloop/testkit/client";
import { resumeFile, textFixture, upload } from "@hireloop/testkit/fixtures";
import JSZip from "jszip";

/**
 * An attacker's machine is not the cell's: this process's own work of making and sending its
 * requests must not take the CPU the cell is judged on, on a machine that runs both. A nice value
 * is not enough: Linux lets a running task finish its time slice before a woken one of higher
 * priority takes the core, so each hop of a reader's request could wait behind the sender. Tasks
 * of the idle scheduling class give the core up as soon as any other task wakes (chrt, util-linux).
 */
setPriority(19);
try {
  execFileSync("chrt", ["--all-tasks", "--idle", "--pid", "0", String(process.pid)], { timeout: 5_000 });
} catch (error) {
  console.error(`the sender stays at nice 19, chrt failed: ${error}`);
}

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
  const resume = textFixture("resume.txt");
  return new TextEncoder().encode(resume.repeat(Math.floor(MAX_FILE_BYTES / Buffer.byteLength(resume))));
}

const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
/** The longest text the API takes, with nothing a reader can hold on to. */
const line = "a".repeat(100_000);
const bigResume = await send(
  "/v1/resumes",
  json({ text: `${textFixture("resume.txt")}\n${"Python ".repeat(14_000)}` }),
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
 * Every kind at once (more than the cell lets one tenant have in progress: those past its share
 * are answered 429), then each kind again in turn with as many in flight as the tenant's share of
 * the cell's compute (HL_COMPUTE_PER_TENANT), the next as soon as one is answered. A request
 * refused for now (429) is sent again after its Retry-After and gives its turn to the next kind
 * meanwhile, so a 5 MB file is not outrun for the whole attack by the tenant's small requests
 * taking each free place first, and the tenant keeps its whole share busy.
 */
const IN_FLIGHT = 2;
const deadline = Date.now() + seconds * 1000;
/** Told to finish: no new request is sent, and those in flight are answered and counted. */
let stopping = false;
process.on("SIGTERM", () => {
  stopping = true;
});
const kinds = heavy.filter(([kind]) => !only || only.includes(kind));
const statuses: Record<string, Record<number, number>> = Object.fromEntries(
  kinds.map(([kind]) => [kind, {}]),
);
const pause = (ms: number) =>
  new Promise((resolve) => setTimeout(resolve, Math.max(0, Math.min(ms, deadline - Date.now()))));
/** Sends one request of a kind; resolves to how long the kind must wait before its next turn. */
async function sendOnce([kind, request]: (typeof kinds)[number]): Promise<number> {
  const res = await request().catch(() => undefined);
  await res?.arrayBuffer().catch(() => undefined);
  const seen = statuses[kind] ?? {};
  seen[res?.status ?? 0] = (seen[res?.status ?? 0] ?? 0) + 1;
  return res?.status === 429 ? Number(res.headers.get("retry-after") ?? 1) * 1000 : 0;
}
const readyAt = new Map<string, number>();
await Promise.all(kinds.map(async (entry) => readyAt.set(entry[0], Date.now() + (await sendOnce(entry)))));
const queue = [...kinds];
await Promise.all(
  Array.from({ length: IN_FLIGHT }, async () => {
    while (Date.now() < deadline && !stopping) {
      const next = queue.findIndex(([kind]) => (readyAt.get(kind) ?? 0) <= Date.now());
      if (next === -1) {
        await pause(50);
        continue;
      }
      const [entry] = queue.splice(next, 1);
      if (!entry) continue;
      readyAt.set(entry[0], Date.now() + (await sendOnce(entry)));
      queue.push(entry);
    }
  }),
);
console.log(JSON.stringify(statuses));
