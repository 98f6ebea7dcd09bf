/** The resume domain's shapes. Pure data: no I/O, safe to share between the cell and shared services. */

export interface Contact {
  name: string;
  /** The line under the name that says who the person is: "Senior Backend Engineer · Payments". */
  headline?: string;
  email?: string;
  phone?: string;
  location?: string;
  links: string[];
}

/** Roles other than paid work, told apart by the section they were listed under. */
export type ExperienceKind = "volunteer" | "campus";

export interface ExperienceEntry {
  title: string;
  company: string;
  /** Absent for work (jobs, internships); a volunteer or campus role says so. */
  kind?: ExperienceKind;
  /** As written in the source, e.g. "Jan 2019", "2019", "Present". */
  startDate?: string;
  endDate?: string;
  location?: string;
  bullets: string[];
}

export interface EducationEntry {
  institution: string;
  degree?: string;
  /** As written in the source. */
  startDate?: string;
  endDate?: string;
  details: string[];
}

export interface ParsedResume {
  contact: Contact;
  summary: string;
  skills: string[];
  experience: ExperienceEntry[];
  education: EducationEntry[];
  /** Other sections (certifications, projects, languages…) keyed by their heading. */
  otherSections: Record<string, string[]>;
  /** The normalized plain text the sections were parsed from. */
  text: string;
}

export type Seniority =
  | "intern"
  | "junior"
  | "mid"
  | "senior"
  | "lead"
  | "principal"
  | "executive"
  | "unspecified";

export interface JobAnalysis {
  title: string;
  seniority: Seniority;
  requiredSkills: string[];
  niceToHaveSkills: string[];
  /** Minimum years of experience asked for, or null when the description does not say. */
  yearsOfExperience: number | null;
  responsibilities: string[];
  /** Salient terms (skills plus other domain keywords) an ATS would look for. */
  keywords: string[];
}

/** Each part is 0–100; the score is their sum weighted by MATCH_WEIGHTS (match.ts), rounded. */
export interface MatchBreakdown {
  /** Share of the job's keywords found in the resume. Weight 0.25. */
  keywordCoverage: number;
  /** Required skills count double nice-to-have ones. Weight 0.2. */
  skillsCoverage: number;
  /**
   * How closely the resume's own titles name the job title's role, as far as its skills lie in the
   * job's field (role-fit.ts). Weight 0.15.
   */
  roleFit: number;
  /** How much the resume's skills lie in the job's fields of work (role-fit.ts). Weight 0.25. */
  fieldFit: number;
  /** Contact, summary, skills, experience, education present and non-empty. Weight 0.05. */
  sectionCompleteness: number;
  /**
   * How much of the experience the job asks for (its stated years, else its level's) the resume's
   * dates prove (experience-fit.ts). Weight 0.1.
   */
  experienceFit: number;
}

export type SuggestionSection = "contact" | "summary" | "skills" | "experience" | "education";

/** A bullet of the resume: its role and place (0-based, as in `experience`) and its text. */
export interface BulletRef {
  role: number;
  index: number;
  text: string;
}

/** One piece of advice for one job, pointing at the part of the resume it concerns. */
export interface Suggestion {
  /** What to do, in a sentence: "List Kafka in your skills section; your experience already shows it". */
  text: string;
  /** Why it matters for this job: "The job requires Kafka, and ATS screens read the skills section". */
  reason: string;
  section: SuggestionSection;
  /** The bullet it is about. */
  bullet?: BulletRef;
}

export interface MatchResult {
  /** 0–100, the weighted sum of the breakdown, rounded. */
  score: number;
  breakdown: MatchBreakdown;
  matchedKeywords: string[];
  missingKeywords: string[];
  suggestions: Suggestion[];
}

/** A match without its suggestions: what ranking many resumes against one job needs. */
export type MatchScore = Omit<MatchResult, "suggestions">;

/** One part of a resume as a tailoring left it, beside what it was. */
export interface TailoringEdit {
  section: "summary" | "skills" | "experience";
  /** The role whose bullets changed (0-based, as in `experience`). */
  role?: number;
  before: string;
  after: string;
  /** Why, for this job: "Lists first what the job asks for: Kafka, Go". */
  reason: string;
}

export interface TailoredResume {
  resume: ParsedResume;
  /** Skills from the source that match the job, in the order they are emphasized. */
  emphasizedSkills: string[];
  /** What changed, for the user: "moved 3 matching bullets to the top of Acme", … */
  changes: string[];
  /** Every part that changed, before and after (tailoring-edits.ts). */
  edits: TailoringEdit[];
}

export type DocumentFormat = "pdf" | "docx";

export type UploadKind = "pdf" | "docx" | "text";

/** Why a resume file was refused. Each code maps to one 4xx in every transport. */
export type ResumeErrorCode =
  | "resume_empty"
  | "resume_too_large"
  | "resume_too_long"
  | "resume_unsupported_type"
  | "resume_unreadable"
  | "resume_truncated"
  | "resume_no_text_layer"
  | "resume_encrypted";

export class ResumeError extends Error {
  constructor(
    readonly code: ResumeErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "ResumeError";
  }
}

export const MAX_RESUME_BYTES = 5 * 1024 * 1024;

/**
 * The most text a resume may hold, pasted or extracted from a file: a long resume is about 20,000
 * characters. Past this it is not a resume, and every later step (storing, matching, tailoring,
 * rendering) would pay for it.
 */
export const MAX_RESUME_TEXT_CHARS = 100_000;
