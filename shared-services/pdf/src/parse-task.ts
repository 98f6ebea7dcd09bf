import type { ResumeErrorCode } from "@hireloop/resume-core";
import type { ParsedResumeFile } from "@hireloop/resume-core/documents";

/*
 * What passes between the pdf service and its parse workers. A module apart from the worker's, so
 * the service's own process, which only hands files over, never loads the document readers (some
 * 65 MB of heap that each of its full collections would mark).
 */

/** One upload for a parse worker. */
export interface ParseTask {
  bytes: Uint8Array;
  filename: string;
  contentType: string;
}

/** Why a file was refused: resume-core's codes, plus the service's own for files too costly to read. */
export type ParseRefusalCode = ResumeErrorCode | "resume_too_complex";

/** Errors cross the process boundary as values: serialization would drop an Error's code. */
export type ParseOutcome =
  | { ok: true; file: ParsedResumeFile }
  | { ok: false; code: ParseRefusalCode; message: string };

/** What a worker tells the pool when it starts on a file: the time limit counts from then. */
export const WORKER_STARTED = "started";
