/**
 * The resume shapes between @hireloop/resume-core (what the code works with) and
 * hireloop.resume.v1 (what crosses the wire). One place, used by the cells and the services alike.
 */
import type {
  DocumentFormat,
  JobAnalysis,
  MatchResult,
  ParsedResume,
  Seniority,
  Suggestion,
  SuggestionSection,
  TailoredResume,
  TailoringEdit,
  UploadKind,
} from "@hireloop/resume-core";
import { UploadKind as WireUploadKind } from "../gen/hireloop/pdf/v1/pdf.ts";
import * as wire from "../gen/hireloop/resume/v1/resume.ts";

const SENIORITIES: Record<Seniority, wire.Seniority> = {
  unspecified: wire.Seniority.SENIORITY_UNSPECIFIED,
  intern: wire.Seniority.SENIORITY_INTERN,
  junior: wire.Seniority.SENIORITY_JUNIOR,
  mid: wire.Seniority.SENIORITY_MID,
  senior: wire.Seniority.SENIORITY_SENIOR,
  lead: wire.Seniority.SENIORITY_LEAD,
  principal: wire.Seniority.SENIORITY_PRINCIPAL,
  executive: wire.Seniority.SENIORITY_EXECUTIVE,
};
const SENIORITY_NAMES = new Map(
  Object.entries(SENIORITIES).map(([name, value]) => [value, name as Seniority]),
);

export function toWireResume(resume: ParsedResume): wire.Resume {
  return {
    contact: resume.contact,
    summary: resume.summary,
    skills: resume.skills,
    experience: resume.experience,
    education: resume.education,
    otherSections: Object.entries(resume.otherSections).map(([heading, lines]) => ({ heading, lines })),
    text: resume.text,
  };
}

export function fromWireResume(resume: wire.Resume | undefined): ParsedResume {
  return {
    contact: { name: "", links: [], ...dropUndefined(resume?.contact ?? {}) },
    summary: resume?.summary ?? "",
    skills: resume?.skills ?? [],
    experience: (resume?.experience ?? []).map(dropUndefined),
    education: (resume?.education ?? []).map(dropUndefined),
    otherSections: mergeSections(resume?.otherSections ?? []),
    text: resume?.text ?? "",
  };
}

export function toWireJob(job: JobAnalysis): wire.JobAnalysis {
  const { seniority, yearsOfExperience, ...rest } = job;
  return {
    ...rest,
    seniority: SENIORITIES[seniority],
    ...(yearsOfExperience === null ? {} : { yearsOfExperience }),
  };
}

export function fromWireJob(job: wire.JobAnalysis | undefined): JobAnalysis {
  return {
    title: job?.title ?? "",
    seniority: SENIORITY_NAMES.get(job?.seniority ?? wire.Seniority.SENIORITY_UNSPECIFIED) ?? "unspecified",
    requiredSkills: job?.requiredSkills ?? [],
    niceToHaveSkills: job?.niceToHaveSkills ?? [],
    yearsOfExperience: job?.yearsOfExperience ?? null,
    responsibilities: job?.responsibilities ?? [],
    keywords: job?.keywords ?? [],
  };
}

export function toWireMatch(match: MatchResult): wire.MatchResult {
  return {
    ...match,
    suggestions: match.suggestions.map((suggestion) => suggestion.text),
    locatedSuggestions: match.suggestions,
  };
}

const SUGGESTION_SECTIONS: readonly SuggestionSection[] = [
  "contact",
  "summary",
  "skills",
  "experience",
  "education",
];

function fromWireSuggestion({ text, reason, section, bullet }: wire.MatchSuggestion): Suggestion {
  const known = SUGGESTION_SECTIONS.find((name) => name === section);
  return { text, reason, section: known ?? "experience", ...(bullet && { bullet }) };
}

export function fromWireMatch(match: wire.MatchResult | undefined): MatchResult {
  return {
    score: match?.score ?? 0,
    breakdown: match?.breakdown ?? {
      keywordCoverage: 0,
      skillsCoverage: 0,
      roleFit: 0,
      fieldFit: 0,
      sectionCompleteness: 0,
      experienceFit: 0,
    },
    matchedKeywords: match?.matchedKeywords ?? [],
    missingKeywords: match?.missingKeywords ?? [],
    // A peer from before located suggestions sends their texts only.
    suggestions:
      (match?.locatedSuggestions.length ?? 0) > 0
        ? (match?.locatedSuggestions ?? []).map(fromWireSuggestion)
        : (match?.suggestions ?? []).map((text) => ({ text, reason: "", section: "experience" })),
  };
}

const EDIT_SECTIONS: readonly TailoringEdit["section"][] = ["summary", "skills", "experience"];

export function toWireTailored(tailored: TailoredResume): wire.TailoredResume {
  return { ...tailored, resume: toWireResume(tailored.resume) };
}

export function fromWireTailored(tailored: wire.TailoredResume | undefined): TailoredResume {
  return {
    resume: fromWireResume(tailored?.resume),
    emphasizedSkills: tailored?.emphasizedSkills ?? [],
    changes: tailored?.changes ?? [],
    edits: (tailored?.edits ?? []).map(({ section, role, before, after, reason }) => ({
      section: EDIT_SECTIONS.find((name) => name === section) ?? "experience",
      ...(role === undefined ? {} : { role }),
      before,
      after,
      reason,
    })),
  };
}

export function toWireFormat(format: DocumentFormat): wire.DocumentFormat {
  return format === "pdf"
    ? wire.DocumentFormat.DOCUMENT_FORMAT_PDF
    : wire.DocumentFormat.DOCUMENT_FORMAT_DOCX;
}

/** Undefined for UNSPECIFIED or an unknown value: the caller answers invalid_request. */
export function fromWireFormat(format: wire.DocumentFormat): DocumentFormat | undefined {
  if (format === wire.DocumentFormat.DOCUMENT_FORMAT_PDF) return "pdf";
  if (format === wire.DocumentFormat.DOCUMENT_FORMAT_DOCX) return "docx";
  return undefined;
}

const UPLOAD_KINDS: Record<UploadKind, WireUploadKind> = {
  pdf: WireUploadKind.UPLOAD_KIND_PDF,
  docx: WireUploadKind.UPLOAD_KIND_DOCX,
  text: WireUploadKind.UPLOAD_KIND_TEXT,
};

export function toWireUploadKind(kind: UploadKind): WireUploadKind {
  return UPLOAD_KINDS[kind];
}

/** Undefined for UNSPECIFIED or an unknown value. */
export function fromWireUploadKind(kind: WireUploadKind): UploadKind | undefined {
  return (Object.keys(UPLOAD_KINDS) as UploadKind[]).find((name) => UPLOAD_KINDS[name] === kind);
}

/** Sections in their order; two with one heading (another sender may send that) become one. */
function mergeSections(sections: wire.OtherSection[]): Record<string, string[]> {
  const merged: Record<string, string[]> = {};
  for (const { heading, lines } of sections) merged[heading] = [...(merged[heading] ?? []), ...lines];
  return merged;
}

/** Proto3 optional fields decode as absent; resume-core's optional fields are simply missing too. */
function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
