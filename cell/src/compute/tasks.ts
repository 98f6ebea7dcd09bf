import { failureOf, isTransient } from "@hireloop/grpc";
import {
  analyzeJob,
  type JobAnalysis,
  type MatchProfile,
  type MatchResult,
  matchResume,
  type ParsedResume,
  profileResume,
  ResumeError,
  type ResumeErrorCode,
  readResumeText,
  type UploadKind,
} from "@hireloop/resume-core";
import type { CellConfig } from "../config.ts";
import { type Channels, openChannels } from "../shared-services/channels.ts";
import { parseDocument } from "../shared-services/pdf.ts";

/**
 * The cell's heavy work on a request's behalf, run in its compute pool's worker threads (see
 * pool.ts) and nowhere else, so no request holds up the event loop that serves every tenant:
 * CPU-bound steps, and handing an uploaded file to the pdf service, whose megabytes of copies and
 * garbage would otherwise cost the event loop a full collection per upload. Results and refusals
 * cross the thread boundary as values (a thrown error would lose its code).
 */
export type ParseOutcome =
  | { ok: true; resume: ParsedResume; profile: MatchProfile }
  | { ok: false; code: ResumeErrorCode; message: string };

/** How the pdf service answered an uploaded file, as a value. */
export type UploadOutcome =
  | { ok: true; resume: ParsedResume; profile: MatchProfile; kind: UploadKind }
  | { ok: false; code: string; message: string; transient: boolean };

/** What a compute thread needs from the cell's configuration. */
export type ComputeSettings = Pick<CellConfig, "services">;

export function createComputeTasks(settings: ComputeSettings) {
  let channels: Channels | undefined;
  return {
    /** Pasted resume text, read like the text of an uploaded file, with its match profile. */
    parsePastedResume(text: string): ParseOutcome {
      try {
        const resume = readResumeText(text);
        return { ok: true, resume, profile: profileResume(resume) };
      } catch (error) {
        if (error instanceof ResumeError) return { ok: false, code: error.code, message: error.message };
        throw error;
      }
    },
    /** An uploaded file, parsed in isolation by the region's pdf service; its match profile read here. */
    async parseUploadedFile(
      file: Uint8Array,
      hint: { filename?: string | undefined; contentType?: string | undefined },
    ): Promise<UploadOutcome> {
      channels ??= openChannels(settings);
      try {
        const { resume, kind } = await parseDocument(channels, file, hint);
        return { ok: true, resume, profile: profileResume(resume), kind };
      } catch (error) {
        const { code, message } = failureOf(error);
        return { ok: false, code, message, transient: isTransient(error) };
      }
    },
    analyzeJob(text: string, title: string | undefined): JobAnalysis {
      return analyzeJob(text, title);
    },
    /** A corrected resume's match profile. */
    profileResume(resume: ParsedResume): MatchProfile {
      return profileResume(resume);
    },
    /**
     * A resume, its stored match profile (if any) and a job as the database's JSON text, read here
     * rather than on the event loop.
     */
    matchResume(resumeJson: string, jobJson: string, profileJson: string | null): MatchResult {
      return matchResume(
        JSON.parse(resumeJson) as ParsedResume,
        JSON.parse(jobJson) as JobAnalysis,
        profileJson === null ? undefined : JSON.parse(profileJson),
      );
    },
  };
}

export type ComputeTasks = ReturnType<typeof createComputeTasks>;
