import { abbreviatedIn, parenthesized } from "./abbreviations.ts";
import {
  certifiedIn,
  credentialNames,
  isStandard,
  standardNames,
  withQualifier,
} from "./credential-names.ts";
import {
  DUTY,
  EQUAL_OPPORTUNITY,
  HOW_TO_APPLY,
  isAboutUs,
  OFFER,
  REQUIREMENT_CUE,
  splitOnPreferenceCue,
  withoutOpeningReason,
} from "./job-cues.ts";
import { type JobSection, splitJobSections } from "./job-sections.ts";
import { paragraphsOf, sentencesOf } from "./job-sentences.ts";
import { jobTitleOf } from "./job-title.ts";
import { yearsOfExperience } from "./job-years.ts";
import { normalizeText } from "./normalize.ts";
import { isKnownPlace, REGION_CODES } from "./places.ts";
import { listedTerms } from "./requirement-terms.ts";
import { titleScore } from "./roles.ts";
import { canonicalSkill, findSkillMentions, findSkills } from "./skills.ts";
import { assumedLanguage, onlyQualifies } from "./spoken-languages.ts";
import { STAND_IN_PHRASE } from "./term-like.ts";
import { escapeRegExp } from "./terms.ts";
import type { JobAnalysis, Seniority } from "./types.ts";

/** Keywords beyond this many add noise, not signal, to coverage. */
const MAX_KEYWORDS = 40;

/**
 * Reads a job description: its level, the skills it requires and the ones it would like, the
 * experience it asks for, the duties, and the keywords an ATS would screen on. Skills count as
 * required when they sit in a requirements section (or anywhere, when there is none) and as
 * nice-to-have in a preferred section or in a sentence that says "preferred", "a plus", "ideally".
 */
export function analyzeJob(text: string, title?: string): JobAnalysis {
  const lines = normalizeText(text).split("\n");
  const sections = splitJobSections(lines);
  const jobTitle = title?.trim() || jobTitleOf(lines);
  const hasRequirements = sections.some((section) => section.kind === "required");
  // Without a requirements section the whole description (but not the "about us") states the needs.
  const demanding = sections.filter((section) =>
    hasRequirements ? section.kind === "required" : section.kind !== "about" && section.kind !== "preferred",
  );
  const preferred = sections.filter((section) => section.kind === "preferred");

  const required: string[] = [];
  const niceToHave: string[] = [];
  // Skills the job names without asking for them (in what the person will do, as a degree's
  // subject): keywords of the job, not requirements.
  const mentioned: string[] = [];
  const asked = (sentence: string) =>
    sentence.replace(FIELDS_OF_STUDY, (subjects) => {
      mentioned.push(...findSkills(subjects));
      return " ";
    });
  // Without a requirements section, the sentences before the first that asks (or says what the
  // person will do) set the scene ("Clinics drown in invoices…"): their skills are keywords.
  let opening = true;
  for (const paragraph of demanding.flatMap(paragraphsOf)) {
    // "You'll troubleshoot heat pumps. That means reading wiring diagrams…": a sentence that asks
    // nothing goes on with the duties of the one before it in its paragraph.
    let duties = false;
    for (const sentence of paragraph) {
      // "Da du mit dem Dienstwagen unterwegs bist, brauchst du einen Führerschein": the reason names
      // a benefit, the sentence asks.
      if (
        OFFER.test(withoutOpeningReason(sentence)) ||
        HOW_TO_APPLY.test(sentence) ||
        EQUAL_OPPORTUNITY.test(sentence)
      )
        continue;
      const { firm, optional } = splitOnPreferenceCue(asked(sentence));
      // Without a requirements section, only a sentence that asks for something lists requirements,
      // and one about the employer ("Our department works as a PLC") that asks nothing names none.
      // A sentence that states a preference asks for what it prefers ("We'd love it if you've used Fastlane").
      const asks = hasRequirements || asksSomething(sentence) || optional !== "";
      if (!asks && isAboutUs(sentence)) continue;
      // "Most of our backend is written in Go": what the employer has names keywords, asks nothing.
      if (!asks && OURS.test(sentence)) {
        mentioned.push(...findSkills(sentence));
        continue;
      }
      duties = !asks && (duties || DUTY.test(sentence));
      if (!asks && (opening || duties)) {
        mentioned.push(...findSkills(sentence));
        opening &&= !duties;
        continue;
      }
      opening = false;
      required.push(...termsOf(firm, asks));
      niceToHave.push(...termsOf(optional, asks));
    }
  }
  // The skills a title names ("Registered Nurse", "QA Automation Engineer") are the job's keywords;
  // a requirement only where the text asks for them.
  mentioned.push(...findSkills(jobTitle));
  for (const sentence of preferred.flatMap(sentencesOf)) niceToHave.push(...termsOf(asked(sentence), true));

  // "Bilingual English/Spanish" in an English post asks for Spanish: the post's own language goes without saying.
  const assumed = assumedLanguage(text);
  const unassumed = (skill: string) => assumed === undefined || (canonicalSkill(skill) ?? skill) !== assumed;
  const requiredSkills = uniqueTerms(required).filter(unassumed);
  const taken = new Set(requiredSkills.map(termKey));
  const niceToHaveSkills = uniqueTerms(niceToHave).filter(
    (skill) => !taken.has(termKey(skill)) && unassumed(skill),
  );
  const responsibilities = responsibilitiesOf(sections);
  const dutySections = sections.filter((section) => section.kind === "responsibilities");
  // The skills of what the person will do are keywords of the job, as in a duty sentence.
  mentioned.push(...findSkills(dutySections.flatMap((section) => section.lines).join("\n")));
  const salientText = [
    jobTitle,
    ...[...new Set([...demanding, ...preferred, ...dutySections])].flatMap((s) => s.lines),
  ];
  const intro = sections.filter((section) => section.kind === "intro");

  return {
    title: jobTitle,
    seniority: seniorityOf(jobTitle, sections),
    requiredSkills,
    niceToHaveSkills,
    yearsOfExperience: yearsOfExperience([...new Set([...demanding, ...intro])]),
    responsibilities,
    keywords: uniqueTerms([
      ...roleTerms(jobTitle),
      ...requiredSkills,
      ...niceToHaveSkills,
      ...mentioned,
      ...domainTerms(salientText.join("\n")),
    ]).slice(0, MAX_KEYWORDS),
  };
}

/**
 * The employer's own, anywhere in a sentence: "our", "unser", "nuestro", "notre" (not "nos", which
 * is also Spanish "us": "si nos envías …"), and how its systems are made ("Data lives in
 * PostgreSQL", "Everything runs on AWS").
 */
const OURS =
  /(?<!\p{L})(?:our|unser\p{L}*|nuestr[oa]s?|notre|(?:runs?|lives?|is (?:written|built|hosted|deployed)) (?:on|in|with))(?!\p{L})/iu;

/** Three or more capitalized words inside a sentence: a name ("a Specialist High Skills Major"). */
const NAME_RUN = /(?<=\S\s)\p{Lu}[\p{L}-]*(?:\s+(?:(?:and|of|&)\s+)?\p{Lu}[\p{L}-]*){2,}/gu;

/** Whether a sentence asks something of the person, by its own words and not by a name's. */
function asksSomething(sentence: string): boolean {
  // ", which … is expected to include …": what a clause says of the thing before it asks nothing.
  // "We're hiring an experienced HVAC Technician": a word of the role's name asks nothing either.
  const said = sentence.replace(/(?<!\p{L})an? experienced(?=\s+\p{Lu})/gu, " ");
  return REQUIREMENT_CUE.test(said.replace(NAME_RUN, " ").replace(/,\s+(?:which|where)\s[^,;]*/giu, " "));
}

/** Words of a title that say its level or terms, not the role. */
const LEVEL_WORDS =
  /\b(?:senior|sr|junior|jr|lead|principal|staff|chief|head of|entry[- ]level|mid[- ]level|trainee|i{1,3}|iv)\b\.?/giu;

/**
 * The role a job is for, as an ATS screens on it: the title without its level, qualifiers and
 * parentheses ("Senior Frontend Engineer, Web Performance" → "Frontend Engineer"), and its role
 * noun ("Engineer") that every resume of the role names in its titles.
 */
function roleTerms(title: string): string[] {
  const core = title
    // Not "[^)]*": from each "(" of "((((" that scans to the end of the title, quadratic in all.
    .replace(/\([^()]*\)/g, " ")
    .split(/\s*(?:,|–|—|\s-\s|\||:)\s*/u)[0]
    ?.replace(LEVEL_WORDS, " ")
    .replace(/\s+/g, " ")
    .trim();
  if (!core) return [];
  const words = core.split(" ");
  const noun = words[words.length - 1] ?? "";
  const phrase = words.slice(-3).join(" ");
  return titleScore(noun) > 0 ? [...new Set([phrase, noun])] : [];
}

/**
 * The taxonomy's skills in a requirement, and (where it lists requirements) the other terms it
 * lists, each as the job writes it ("Postgres", "Physiotherapy": what its screening looks for).
 */
function termsOf(text: string, listsRequirements: boolean): string[] {
  // A language qualifying a noun ("the Spanish market") or a skill naming people ("the Android
  // team") is no skill asked for, however it was found.
  const asked = (skill: string | undefined, name: string) =>
    !(skill !== undefined && onlyQualifies(text, skill)) && !onlyNamesAGroup(text, name);
  // A credential named in its subject is one term: the skills its subject names are not asked
  // apart, unless the taxonomy knows the whole name.
  const credentials = listsRequirements ? credentialNames(text).filter((name) => !isSkillName(name)) : [];
  // "DIN VDE 0105-100": a standard by its designation, not the bodies that adopted it.
  const standards = listsRequirements ? standardNames(text).filter((name) => !isSkillName(name)) : [];
  const searched = [...credentials, ...standards].reduce(
    (rest, name) => rest.replace(name, " "),
    text.replace(STAND_IN_PHRASE, " "),
  );
  const mentions = findSkillMentions(searched).filter(({ skill, written }) => asked(skill, written));
  const found = mentions.map(({ skill }) => skill);
  const written = new Map(mentions.map((mention) => [mention.skill, mention.written]));
  const writtenNames = [...written.values()];
  const listed = listsRequirements ? listedTerms(text) : [];
  // A listed phrase around a skill the taxonomy names ("AWS knowledge") is that skill, found already;
  // a word of a skill found whole ("Ruby" of "Ruby on Rails") or the end of a name as written
  // ("Welding Inspector" of "Certified Welding Inspector") is no term of its own.
  const unnamed = listed
    .map((term) => ({ term, skill: credentials.includes(term) ? undefined : canonicalSkill(term) }))
    .filter(
      ({ term, skill }) =>
        skill !== undefined ||
        credentials.includes(term) ||
        (findSkills(term).length === 0 && !isKnownPlace(term)),
    )
    .filter(
      ({ term, skill }) =>
        (skill !== undefined && found.includes(skill)) || !partOfFound(term, found, writtenNames),
    )
    .filter(({ term, skill }) => asked(skill, skill ?? term))
    .filter(({ term }) => !standards.some((standard) => wordsOf(standard).includes(wordsOf(term))));
  const abbreviated = abbreviatedIn(text);
  const certified = certifiedIn(text);
  const named = mentions.map((mention) => abbreviated(certified(withQualifier(text, mention.written))));
  const others = unnamed
    .filter(({ term }) => !credentials.includes(term))
    .map(({ term, skill }) => abbreviated(skill === undefined ? term : (written.get(skill) ?? term)));
  // "Certified Quality Auditor (CQA)", "OSHA (Occupational Safety and Health Administration)": what a
  // name's parentheses hold is that name, and no words of it a term of their own.
  const inParentheses = [...named, ...others].flatMap((term) => parenthesized(term) ?? []);
  // A credential comes first: a skill its subject names elsewhere in the text is the same term to it.
  const ownTerm = (term: string) => !inParentheses.some((held) => wordsOf(held).includes(wordsOf(term)));
  return inMarkets(text, [
    ...standards,
    ...unnamed.filter(({ term }) => credentials.includes(term)).map(({ term }) => term),
    ...named.filter(ownTerm),
    ...others.filter(ownTerm),
  ]);
}

/** A market a business sells to ("B2B", "B2C"): written before a term, it is part of it. */
const MARKET = /^(?:B2B|B2C|D2C|B2G|B2B2C)$/u;
/** Each market the text writes, with what follows it. */
const MARKET_AND_AFTER = /(?<![\p{L}\d])(B2B|B2C|D2C|B2G|B2B2C) (?=([^\n]{1,80}))/gu;

/** "a B2B SaaS company" asks for B2B SaaS, one term: the market joins the term the text writes after it. */
function inMarkets(text: string, terms: string[]): string[] {
  if (!terms.some((term) => MARKET.test(term))) return terms;
  // One pass over the text, each market's words after it found by their first word.
  const byFirstWord = new Map<string, Array<{ market: string; after: string }>>();
  for (const [, market = "", after = ""] of text.matchAll(MARKET_AND_AFTER)) {
    const first = after.split(" ")[0] ?? "";
    const followers = byFirstWord.get(first) ?? [];
    followers.push({ market, after });
    byFirstWord.set(first, followers);
  }
  const joined = new Set<string>();
  const withMarket = terms.map((term) => {
    const market = byFirstWord
      .get(term.split(" ")[0] ?? "")
      ?.find(({ market, after }) => market !== term && after.startsWith(term))?.market;
    if (market === undefined) return term;
    joined.add(market);
    return `${market} ${term}`;
  });
  return withMarket.filter((term) => !joined.has(term));
}

/** "pair with the Android team", "our Salesforce admins": people named by what they work on. */
const GROUP_AFTER =
  "(?:team|teams|squad|engineers|developers|admins|administrators|specialists|colleagues|department|group|guild|community)";

const NAMES_A_GROUP = new RegExp(`(?<!\\p{L})${GROUP_AFTER}(?!\\p{L})`, "iu");
/** Whether every mention of a skill names people ("the Android team"); most text names no group at all. */
function onlyNamesAGroup(text: string, written: string): boolean {
  if (!NAMES_A_GROUP.test(text)) return false;
  const name = escapeRegExp(written);
  const any = new RegExp(`(?<![\\p{L}\\p{N}])${name}(?![\\p{L}\\p{N}])`, "giu");
  const group = new RegExp(`(?:the|our|your|their)\\s+${name}\\s+${GROUP_AFTER}(?!\\p{L})`, "giu");
  const mentions = text.match(any)?.length ?? 0;
  return mentions > 0 && (text.match(group)?.length ?? 0) === mentions;
}

const wordsOf = (phrase: string) => ` ${phrase.toLowerCase()} `;

/** Whether a term is a whole word or words of a longer skill found in the same text, or ends how it was written. */
function partOfFound(term: string, found: string[], written: string[]): boolean {
  const words = wordsOf(term);
  const inside = (name: string) => name.length > term.length && wordsOf(name).includes(words);
  return found.some(inside) || written.some((name) => inside(name) && wordsOf(name).endsWith(words));
}

/**
 * The fields of study a degree may be in ("a degree in Computer Science, Statistics or a related
 * field", "a degree in a numerate subject such as Maths, Statistics or Physics"): subjects, not
 * skills asked for.
 */
const FIELDS_OF_STUDY =
  /\b(?:degree|bachelor'?s?|master'?s?|diploma|B\.?S\.?c?|B\.?A\.?|M\.?S\.?c?|MBA|Ph\.?D)\b(?:(?:\s+degree)?\s+(?:in|of)\s+[^.;()]{1,120}?,?\s+or\s+(?:an?\s+)?(?:related|similar|equivalent|comparable)\s+(?:field|discipline|area|subject|program)s?\b|[^.;]{0,60}?\b(?:subject|discipline|field)s?\s+(?:such as|like|e\.g\.|including)\s+[^.;()]{1,120})/giu;

/**
 * Terms are one when they name one skill ("Postgres", "PostgreSQL"); a code written after it makes
 * another ("CACES R489" and "CACES R485" are two categories of one licence).
 */
function termKey(term: string): string {
  const coded = /^(.+)\s([A-Z]\d[\w.-]*)$/u.exec(term);
  const skill = isStandard(term) ? undefined : canonicalSkill(term);
  const category = coded?.[1] !== undefined && isSkillName(coded[1]) ? ` ${coded[2]}` : "";
  return `${skill ?? term}${skill === undefined ? "" : category}`.toLowerCase();
}

/** Whether a name is a skill's, whole ("CACES"), not a phrase around one ("Führerschein Klasse"). */
function isSkillName(name: string): boolean {
  return findSkillMentions(name).some(({ written }) => written.toLowerCase() === name.toLowerCase());
}

/** Terms once each, whatever their case or name ("Postgres" is PostgreSQL). */
function uniqueTerms(terms: string[]): string[] {
  const seen = new Set<string>();
  return terms.filter((term) => {
    const key = termKey(term);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function responsibilitiesOf(sections: JobSection[]): string[] {
  const lines = sections
    .filter((section) => section.kind === "responsibilities")
    .flatMap((section) => section.lines)
    .filter((line) => line !== "");
  const bullets = lines.filter((line) => line.startsWith("- "));
  return (bullets.length > 0 ? bullets : lines).map((line) => line.replace(/^- /, ""));
}

const TITLE_LEVELS: [Seniority, RegExp][] = [
  ["intern", /\b(?:intern|internship|co-?op|trainee|apprentice)\b/i],
  [
    "executive",
    /\b(?:chief|ceo|cto|cfo|coo|cmo|cio|vp|svp|evp|vice president|head of|director|president)\b/i,
  ],
  ["principal", /\b(?:principal|distinguished|fellow)\b/i],
  [
    "lead",
    /\b(?:lead|team lead|tech lead)\b|\bstaff\s+(?:software|engineer|developer|scientist|designer|data)/i,
  ],
  ["senior", /\b(?:senior|sr|snr)\b\.?|\bIII\b/i],
  ["mid", /\b(?:mid|mid-level|intermediate)\b|\bII\b/i],
  ["junior", /\b(?:junior|jr|entry[- ]level|graduate|new grad)\b|^associate\b|\bI$/i],
];

const TEXT_LEVELS: [Seniority, RegExp][] = [
  ["junior", /\b(?:entry[- ]level|junior[- ]level)\b/i],
  ["mid", /\bmid[- ]level\b/i],
  ["senior", /\bsenior[- ]level\b/i],
  ["executive", /\bexecutive[- ]level\b/i],
];

/** The level the title states; the text decides only when it names a level outright ("entry-level"). */
function seniorityOf(title: string, sections: JobSection[]): Seniority {
  for (const [level, pattern] of TITLE_LEVELS) if (pattern.test(title)) return level;
  const body = sections
    .filter((section) => section.kind !== "about")
    .flatMap((section) => section.lines)
    .join("\n");
  for (const [level, pattern] of TEXT_LEVELS) if (pattern.test(body)) return level;
  return "unspecified";
}

/**
 * Acronyms that are not domain terms: places (and every state and province code), degrees, legal
 * boilerplate, time, generic business words.
 */
const COMMON_ACRONYMS = new Set([
  ...(
    "US USA UK EU UAE OK ID AM PM TV FAQ LLC INC LTD EEO EOE PTO DEI ADA CEO CFO COO CTO CMO CIO VP SVP " +
    "EVP HQ ASAP ETA FYI TBD AND OR THE II III IV NA ET FT BS BA BSC MS MA MSC MBA PHD"
  ).split(" "),
  ...REGION_CODES,
]);

/**
 * Salient terms that are not in the skills taxonomy: acronyms such as "HIPAA", "EHS", "PT",
 * written in capitals in the title or the requirement and duty sections.
 */
function domainTerms(text: string): string[] {
  const terms: string[] = [];
  // An acronym inside a compound ("CI" of "CI/CD") is the compound's, found as a skill if it is one.
  for (const match of text.matchAll(/(?<![\p{L}\d/])[A-Z][A-Z0-9&]{1,5}(?![\p{L}\d/])/gu)) {
    const term = match[0];
    if (COMMON_ACRONYMS.has(term) || !/[A-Z].*[A-Z]/.test(term) || canonicalSkill(term) !== undefined)
      continue;
    terms.push(term);
  }
  return terms;
}
