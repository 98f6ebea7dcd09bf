import {
  analyzeJob,
  type JobAnalysis,
  type MatchResult,
  matchResume,
  type ParsedResume,
  parseResumeFile,
  ResumeError,
  type ResumeErrorCode,
} from "@hireloop/resume-core";

/**
 * The cell's CPU-bound work on a request's behalf, run in its compute pool's worker threads (see
 * pool.ts) and nowhere else, so no request holds up the event loop that serves every tenant.
 * Results and refusals cross the thread boundary as values (a thrown error would lose its code).
 */
export type ParseOutcome =
  | { ok: true; resume: ParsedResume }
  | { ok: false; code: ResumeErrorCode; message: string };

export const computeTasks = {
  /** Pasted resume text, read like a plain-text file upload. */
  async parsePastedResume(text: string): Promise<ParseOutcome> {
    try {
      const { resume } = await parseResumeFile(new TextEncoder().encode(text), { contentType: "text/plain" });
      return { ok: true, resume };
    } catch (error) {
      if (error instanceof ResumeError) return { ok: false, code: error.code, message: error.message };
      throw error;
    }
  },
  analyzeJob(text: string, title: string | undefined): JobAnalysis {
    return analyzeJob(text, title);
  },
  matchResume(resume: ParsedResume, job: JobAnalysis): MatchResult {
    return matchResume(resume, job);
  },
};

export type ComputeTasks = typeof computeTasks;
