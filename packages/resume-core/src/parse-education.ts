import { findDates } from "./dates.ts";
import { splitTrailingLocation } from "./places.ts";
import type { EducationEntry } from "./types.ts";

/**
 * Degree names and abbreviations. Abbreviations are matched case-sensitively and only after the
 * location is removed, because "MA" and "MS" are also state codes.
 */
const degreePattern = new RegExp(
  [
    "\\b(?:bachelor|master|doctor(?:ate)?|associate)(?:['’]s)?\\b",
    "\\b(?:diploma|high school|ged|juris doctor|certificate in|postgraduate|graduate certificate)\\b",
    // German, Spanish and French degrees and school-leaving certificates.
    "(?<!\\p{L})(?:abitur|diplom|staatsexamen|máster|grado en|licenciatura|diplomatura|doctorado|licence|baccalauréat|diplôme|doctorat)(?!\\p{L})",
  ].join("|"),
  "iu",
);
const degreeAbbreviation =
  /(?<![\p{L}])(?:B\.?\s?S\.?c?|B\.?\s?A|M\.?\s?S\.?c?|M\.?\s?A|B\.?\s?Eng|M\.?\s?Eng|B\.?\s?Tech|M\.?\s?Tech|B\.?\s?B\.?\s?A|B\.?\s?Comm?|M\.?\s?Comm?|M\.?\s?B\.?\s?A|Ph\.?\s?D|M\.?\s?D|J\.?\s?D|BSN|MSN|DNP|BFA|MFA|M\.?\s?Ed|B\.?\s?Ed|LL\.?\s?[BM]|A\.?\s?A\.?\s?S|A\.?\s?A|HND)\.?(?![\p{L}])/u;
/** Schools by the word that names them, in the languages resumes come in (a letter on neither side). */
const institutionPattern = new RegExp(
  `(?<!\\p{L})(?:${[
    "university|universit[éày]|universidad|universidade|universität|universiteit|universitet|uniwersytet",
    "college|colegio|collège|institute|instituto|istituto|institut|school|escuela|escola|école",
    "academy|akademie|polytechnic|politecnico|polytechnique|conservatory|conservatoire|seminary",
    "hochschule|fachhochschule|gymnasium|lycée|liceo|berufskolleg|faculdade|facultad|faculté",
    // Those known by their initials or their kind: German chambers and schools, Spanish
    // secondary institutes, French university institutes and nursing schools, Australian TAFE, Quebec's cégeps.
    "realschule|gesamtschule|ihk|hwk|handwerkskammer|ies|iut|ifsi|tafe|c[eé]gep",
  ].join("|")})(?!\\p{L})`,
  "iu",
);

/**
 * A centre that teaches, by its name: "Riverside Language Centre", "Centro de Formación Levante".
 * Only a whole name: a detail that mentions one ("tutor at the campus Learning Center") names none.
 */
const CENTRE_NAME =
  /^\p{Lu}[\p{L}.'’-]*\s+(?:(?:\p{Lu}[\p{L}.'’-]*|and|of|for|the|&)\s+)*(?:Training|Language|Learning|Education(?:al)?|Career|Skills)\s+Cent(?:re|er)$|^(?:Centro de (?:Formación|Estudios)|Centre de [Ff]ormation|(?:Aus)?[Bb]ildungszentrum)(?:\s+\p{Lu}[\p{L}.'’-]*)+$/u;

function isDegree(text: string): boolean {
  return degreePattern.test(text) || degreeAbbreviation.test(text);
}

/** A school, college or faculty within an institution: "School of Nursing", "Faculty of Law". */
const PART_OF_INSTITUTION = /^(?:school|college|faculty|department|institute) of\b/iu;

/**
 * A line that opens with the kind of school, maybe after the word that says which kind
 * ("University", "Community College, 2019", "Trade Institute"): the end of a name, not a name
 * ("University of Leeds" is one).
 */
const OPENS_WITH_KIND = new RegExp(
  `^(?:(?:community|state|technical|junior|city|trade|vocational|art|arts|business|law|medical|nursing)\\s+)?(?:${institutionPattern.source})\\s*(?:$|[,|·•\\t(])`,
  "iu",
);
/** A line that is nothing but the kind of school: "University", "Universidad". */
const KIND_ONLY = new RegExp(`^(?:${institutionPattern.source})$`, "iu");
/** Capitalized words only: a name ("Mesa Verde"), maybe the start of one wrapped in a narrow column. */
const NAME_ONLY = /^\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*)*$/u;

/**
 * "Mesa Verde" over "Community College": a name wrapped in a narrow column before the word that
 * says what kind of school it is. The two lines are one.
 */
function joinWrappedNames(lines: string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    const before = out[out.length - 1];
    // ("Lakes Region Pipefitters" over "Training Center" too: the name of a centre, wrapped.)
    const wrappedBeforeKind =
      before !== undefined &&
      NAME_ONLY.test(before) &&
      !isInstitution(before) &&
      (OPENS_WITH_KIND.test(line) || CENTRE_NAME.test(`${before} ${line}`));
    // "Universidad" over "Europea del Tajo": the kind of school alone is no name; the next line ends it.
    const wrappedAfterKind =
      before !== undefined &&
      KIND_ONLY.test(before) &&
      /^\p{Lu}/u.test(line) &&
      !isDegree(line) &&
      !findDates(line);
    if (wrappedBeforeKind || wrappedAfterKind) out[out.length - 1] = `${before} ${line}`;
    else out.push(line);
  }
  return out;
}

/** An institution's name is a few words; a sentence that names one ("student teaching in a middle school") is a detail. */
const MAX_INSTITUTION_WORDS = 10;

function isInstitution(text: string): boolean {
  // "School of Engineering" inside a degree line is a department; "High School" is a degree level.
  if (CENTRE_NAME.test(text)) return true;
  return (
    institutionPattern.test(text) &&
    !/\bhigh school diploma\b/i.test(text) &&
    text.split(/\s+/).length <= MAX_INSTITUTION_WORDS
  );
}

/**
 * Education entries: each holds at most one institution and one degree; a second of either
 * starts a new entry. Lines that are neither (GPA, honours, coursework) are details.
 */
export function parseEducation(sectionLines: string[]): EducationEntry[] {
  const entries: EducationEntry[] = [];
  let current: EducationEntry | undefined;
  const startEntry = () => {
    current = { institution: "", details: [] };
    entries.push(current);
    return current;
  };

  let previousLine = "";
  const lines = joinWrappedNames(sectionLines);
  for (const [index, rawLine] of lines.entries()) {
    if (rawLine === "") continue;
    const line = rawLine.startsWith("- ") ? rawLine.slice(2) : rawLine;
    const previousWasInstitution =
      current !== undefined && current.institution !== "" && previousLine === current.institution;
    previousLine = line;
    const dates = findDates(line);
    const withoutDates =
      dates && !inRemark(line, dates) ? line.replace(dates.matched, " ").replace(/\(\s*\)/g, " ") : line;
    const parts = withoutDates
      .split(/\s*[|·•\t]\s*|\s+[—–-]\s+|,\s+/)
      .map(trimPart)
      .filter((part) => part !== "");
    const { rest } = splitTrailingLocation(parts.join(", "));
    const restParts = rest === "" ? [] : rest.split(/,\s+/);

    const institutionIndex = restParts.findIndex(isInstitution);
    const degreeIndex = restParts.findIndex((part, index) => index !== institutionIndex && isDegree(part));
    if (institutionIndex < 0 && degreeIndex < 0) {
      if (current !== undefined && !dates && namesNextSchool(current, lines, index)) {
        startEntry().institution = rest;
        continue;
      }
      const entry = current ?? startEntry();
      if (entry.institution === "" && entry.degree === undefined && restParts.length > 0 && !/:/.test(line)) {
        entry.institution = rest;
      } else if (rest !== "" || !dates) {
        entry.details.push(line);
      }
      if (dates && datesWanted(entry, dates)) applyDates(entry, dates);
      continue;
    }

    let entry = current ?? startEntry();
    // "Patapsco University" over "School of Nursing": a school of the institution named on the line
    // before, its name wrapped or set on a line of its own.
    if (
      institutionIndex === 0 &&
      degreeIndex < 0 &&
      !dates &&
      restParts.length === 1 &&
      previousWasInstitution &&
      entry.degree === undefined &&
      PART_OF_INSTITUTION.test(rest)
    ) {
      entry.institution = `${entry.institution} ${rest}`;
      continue;
    }
    const hasInstitutionAlready = institutionIndex >= 0 && entry.institution !== "";
    const hasDegreeAlready = degreeIndex >= 0 && entry.degree !== undefined;
    if (hasInstitutionAlready || hasDegreeAlready) entry = startEntry();

    if (institutionIndex >= 0) {
      // "University of California, Berkeley": the campus after the comma is part of the name.
      const end = degreeIndex > institutionIndex ? degreeIndex : restParts.length;
      entry.institution = restParts.slice(institutionIndex, end).join(", ");
    }
    // "Teaching certificate (Pass A), Riverside Language Centre": what comes before the institution is the
    // qualification, though no degree word names it.
    if (degreeIndex < 0 && institutionIndex > 0)
      entry.degree = restParts.slice(0, institutionIndex).join(", ");
    if (degreeIndex >= 0) {
      // "Bachelor of Science, Computer Science, State University": the parts after the degree,
      // up to the institution, are its field of study.
      const end = institutionIndex > degreeIndex ? institutionIndex : restParts.length;
      entry.degree = restParts.slice(degreeIndex, end).join(", ");
    }
    if (dates && datesWanted(entry, dates)) applyDates(entry, dates);
  }
  return entries.filter((entry) => entry.institution !== "" || entry.degree !== undefined);
}

/** What a line under a finished entry says of the person, not of a school: honours, grades, awards. */
const DISTINCTION = /cum laude|honou?rs?|dean['’]?s list|\bgpa\b|award|scholarship|prize|thesis/iu;

/**
 * "Ironforge Coding" over "Web Development Bootcamp", under an entry already named: a school whose name
 * says no kind of school, set on its own line above its degree (as a sidebar or a one-column
 * layout sets each school) or after the break that ends the entry before. A detail of that entry
 * would be a bullet, a remark or a sentence.
 */
function namesNextSchool(entry: EducationEntry, lines: string[], index: number): boolean {
  const line = lines[index] ?? "";
  let after = index + 1;
  while (lines[after] === "") after++;
  const next = lines[after];
  const opensEntry =
    (entry.degree !== undefined && next !== undefined && isDegree(next) && !isInstitution(next)) ||
    (lines[index - 1] === "" &&
      entry.institution !== "" &&
      (entry.degree !== undefined || entry.endDate !== undefined));
  return (
    opensEntry &&
    !line.startsWith("- ") &&
    /^\p{Lu}/u.test(line) &&
    !/[:;,]|[.!?]$/u.test(line) &&
    line.split(/\s+/).length <= 6 &&
    !DISTINCTION.test(line) &&
    !next?.startsWith("- ")
  );
}

/** Trims separators and a dangling parenthesis, keeping a balanced one: "B.S. Business (Marketing)". */
function trimPart(part: string): string {
  // The lookbehind tries a trailing run only from its first character: one scan of a long run.
  const trimmed = part.replace(/^[\s,–—-]+|(?<![\s,–—-])[\s,–—-]+$/g, "");
  const opens = (trimmed.match(/\(/g) ?? []).length;
  const closes = (trimmed.match(/\)/g) ?? []).length;
  if (opens > closes) return trimmed.replace(/\s*\($/, "").replace(/^\(\s*/, "");
  if (closes > opens)
    return trimmed
      .replace(/\)$/, "")
      .replace(/^\s*\)/, "")
      .trim();
  return trimmed;
}

/**
 * A date in a remark of the degree line, "B.S. Computer Science (expected May 2028)", is part of
 * how the degree is written: it dates the entry and stays in the degree's text.
 */
function inRemark(line: string, dates: NonNullable<ReturnType<typeof findDates>>): boolean {
  const open = line.lastIndexOf("(", dates.index);
  const close = line.indexOf(")", dates.index + dates.matched.length);
  if (open < 0 || close < 0 || line.lastIndexOf(")", dates.index) > open) return false;
  const remark = line.slice(open + 1, close).replace(dates.matched, "");
  return /\p{L}/u.test(remark);
}

/** An entry takes the first dates it is given, and a range over a single date given before it. */
function datesWanted(entry: EducationEntry, dates: NonNullable<ReturnType<typeof findDates>>): boolean {
  return entry.endDate === undefined || (dates.isRange && entry.startDate === undefined);
}

function applyDates(entry: EducationEntry, dates: NonNullable<ReturnType<typeof findDates>>): void {
  if (dates.start) entry.startDate = dates.start;
  if (dates.end) entry.endDate = dates.end;
}
