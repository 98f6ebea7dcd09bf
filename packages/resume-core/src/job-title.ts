import { companyScore, titleScore } from "./roles.ts";

/** A posting's header: its first lines, before the first sentence-long line. */
const HEADER_LINES = 5;
/** A header line is a short label; anything longer is prose. */
const MAX_HEADER_WORDS = 12;
/** The lines searched for a sentence that names the role, when no header line does. */
const CUE_LINES = 10;
/** What boards put between a title and its company, place or term: "Title – Company", "Company · City". */
const SEPARATOR = /\s+[–—|·•]\s+|\s+-\s+/;
/** Gender markers of German, Austrian and French postings: "(m/w/d)", "(f/m/x)", "(H/F)", "(all genders)". */
const GENDER_MARKER = /\s*\((?:[mwfdxh*]\s*\/\s*){1,3}[mwfdxh*]\)|\s*\(all genders\)/gi;
/**
 * "… is looking for a Senior Data Engineer to …", "We're hiring an …", "join us as a …", "Acme
 * seeks a …", "We need a …", "Now hiring: Line Cook".
 */
const HIRING_CUE =
  /\b(?:looking for|hiring|seeking|seeks|searching for|recruiting|need|needs|wants|opening for|join (?:us|our team|[\p{Lu}][\p{L}&.-]*(?:\s+[\p{Lu}][\p{L}&.-]*){0,2}) as)(?:\s*:\s*|\s+(?:an?|our (?:next|new|first)|the)\s+)(.+?)(?=\s+(?:to|who|that|for|with|at|in|on|and|based)\b|[,.;:!?(]|$)/giu;

/** "As a Data Scientist, you will…", "As our Front Office Manager, you'll…". */
const AS_ROLE = /\bAs (?:an?|our|the) ([^,.;:!?]{3,60}),\s+you\b/g;
/** "The Staff Accountant will own…", "The Product Designer is responsible for…". */
const THE_ROLE_WILL =
  /\bThe ((?:[\p{Lu}][\p{L}&/-]*\s+){0,5}[\p{Lu}][\p{L}&/-]*) (?:will|is responsible|reports|owns|leads)\b/gu;
/** "Job Title: Scrum Master", "Position: Registered Nurse, ICU": a line that says what the role is. */
const ROLE_LABEL = /^(?:job title|job|position(?: title)?|role|title)\s*[:：]\s*(.+)$/i;
const MAX_LABELLED_WORDS = 8;
/** "Company: Acme", "Location: Remote": a labelled header line that names something else. */
const OTHER_LABEL = /^[\p{L} ]{2,20}\s*[:：]\s*\S/u;
/** A header line that is a sentence ("We're hiring a Line Cook!") is read for its cue instead. */
const SENTENCE_END = /[.!?]$/;

const clean = (text: string) =>
  text
    .replace(/^(?:job title|title|position|role)\s*:\s*/i, "")
    .replace(GENDER_MARKER, "")
    .trim();
/** How much more a part reads as a title than as an employer; undefined when it names no role. */
const titleLead = (text: string) =>
  titleScore(text) > 0 ? titleScore(text) - companyScore(text) : undefined;

/**
 * The role a posting names: the part of a header line that reads as a title ("Junior Data Analyst
 * – Bluefin Outdoor" gives the first part, "Acme GmbH – Berlin" neither), else the role a hiring
 * sentence names ("Arclight is looking for a Principal ML Engineer to …", "As a Data Scientist, you
 * will …"), else the first line. A "Job Title:" line anywhere near the top says it outright.
 */
export function jobTitleOf(lines: string[]): string {
  const filled = lines.map((line) => line.trim()).filter((line) => line !== "");
  for (const line of filled.slice(0, CUE_LINES)) {
    const labelled = ROLE_LABEL.exec(line)?.[1];
    if (labelled !== undefined && labelled.split(/\s+/).length <= MAX_LABELLED_WORDS) return clean(labelled);
  }
  for (const line of filled.slice(0, HEADER_LINES)) {
    if (line.split(/\s+/).length > MAX_HEADER_WORDS) break;
    if (SENTENCE_END.test(line) || OTHER_LABEL.test(line) || line.search(HIRING_CUE) >= 0) continue;
    // "Software Engineering Intern, Data Platform – Summer 2027": the part that reads most as a title.
    let best: { part: string; lead: number } | undefined;
    for (const part of line.split(SEPARATOR).map(clean)) {
      const lead = titleLead(part);
      if (lead !== undefined && lead >= 0 && (best === undefined || lead > best.lead)) best = { part, lead };
    }
    if (best) return best.part;
  }
  for (const line of filled.slice(0, CUE_LINES)) {
    for (const cue of [
      ...line.matchAll(HIRING_CUE),
      ...line.matchAll(AS_ROLE),
      ...line.matchAll(THE_ROLE_WILL),
    ]) {
      const named = cue[1] ?? "";
      // Adjectives before the title ("an experienced Senior Engineer") are not part of it.
      const title = named.slice(Math.max(0, named.search(/\p{Lu}/u)));
      if (title && titleLead(title) !== undefined) return clean(title);
    }
  }
  return clean(filled.find((line) => !OTHER_LABEL.test(line)) ?? filled[0] ?? "");
}
