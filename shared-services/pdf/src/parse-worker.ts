import { writeFileSync } from "node:fs";
import { setPriority } from "node:os";
import { type ParsedResume, ResumeError } from "@hireloop/resume-core";
import { parseResumeFile } from "@hireloop/resume-core/documents";
import { renderResume } from "@hireloop/resume-core/render";
import workerpool from "workerpool";
import { assertInflatesWithinLimit, TooComplexError } from "./inflate-guard.ts";
import { type ParseOutcome, type ParseTask, WORKER_STARTED } from "./parse-task.ts";

/** How much lower a parse worker's CPU priority is than the service's. */
export const PARSE_NICENESS = 10;

/** Runs inside a pool worker process (see parse-pool.ts). */
export async function parseInWorker(task: ParseTask): Promise<ParseOutcome> {
  workerpool.workerEmit(WORKER_STARTED);
  try {
    assertInflatesWithinLimit(task.bytes);
    const file = await parseResumeFile(task.bytes, {
      ...(task.filename === "" ? {} : { filename: task.filename }),
      ...(task.contentType === "" ? {} : { contentType: task.contentType }),
    });
    return { ok: true, file };
  } catch (error) {
    if (error instanceof ResumeError) return { ok: false, code: error.code, message: error.message };
    if (error instanceof TooComplexError) {
      return { ok: false, code: "resume_too_complex", message: error.message };
    }
    throw error;
  }
}

/**
 * Below the service's own process: when cores are short, answering calls (and the cells' requests
 * on the same machine) goes before reading one large file. Linux schedules each session (autogroup)
 * fairly against the others and applies a process's nice value only within its session, so the
 * worker, which the pool starts in a session of its own, lowers its session's priority as well.
 * Where there is no autogroup (no such file, or off) the process's own priority is all there is.
 */
function yieldToServing(): void {
  setPriority(PARSE_NICENESS);
  try {
    writeFileSync("/proc/self/autogroup", String(PARSE_NICENESS));
  } catch {
    // Not Linux, or no autogroup scheduling: nothing to lower.
  }
}

// Forked by the pool: warm up, then register the task. Imported elsewhere (types, tests): do nothing.
if (process.send !== undefined && process.env.HL_PARSE_WORKER === "1") {
  yieldToServing();
  await warmUp();
  workerpool.worker({ parse: parseInWorker });
}

/**
 * pdf.js and mammoth load parts of themselves on first use (pdf.js's parser is a 2 MB module).
 * Reading one PDF and one DOCX before taking work keeps that out of the first file's time limit.
 */
async function warmUp(): Promise<void> {
  const sample: ParsedResume = {
    contact: { name: "Warm Up", email: "warm@example.com", links: [] },
    summary: "",
    skills: ["Reading"],
    experience: [],
    education: [],
    otherSections: {},
    text: "",
  };
  for (const format of ["pdf", "docx"] as const) {
    await parseResumeFile(await renderResume(sample, format)).catch(() => undefined);
  }
}
