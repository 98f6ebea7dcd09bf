import { withoutAbbreviation } from "./abbreviations.ts";
import { DURATION_WORDS } from "./durations.ts";
import { titleScore } from "./roles.ts";
import { type SkillDefinition, skillTaxonomy } from "./taxonomy.ts";
import { escapeRegExp } from "./terms.ts";
import { compoundParts, phraseKey, type Token, tokenize } from "./tokens.ts";

interface SkillForm {
  canonical: string;
  /** Set for case-sensitive forms: the exact tokens (joined by spaces) the text must show. */
  exactRaw?: string;
  /** Counts only when another skill is mentioned next to it. */
  listed: boolean;
}

interface SkillIndex {
  forms: Map<string, SkillForm[]>;
  /** Every proper token prefix of a form key, so phrase lookups stop as soon as nothing can match. */
  prefixes: Set<string>;
}

/** How close (in tokens) another skill must be for a "listed" form such as "C" or "R" to count. */
const LISTED_NEIGHBOUR_DISTANCE = 3;

const skillIndex = buildIndex(skillTaxonomy);

function buildIndex(definitions: readonly SkillDefinition[]): SkillIndex {
  const forms = new Map<string, SkillForm[]>();
  const prefixes = new Set<string>();
  const add = (phrase: string, form: SkillForm) => {
    const tokens = tokenize(phrase);
    const key = tokens.map((token) => token.norm).join(" ");
    if (key === "") return;
    const existing = forms.get(key) ?? [];
    if (!existing.some((other) => other.canonical === form.canonical && other.exactRaw === form.exactRaw)) {
      existing.push(form);
    }
    forms.set(key, existing);
    for (let length = 1; length < tokens.length; length++) {
      prefixes.add(
        tokens
          .slice(0, length)
          .map((token) => token.norm)
          .join(" "),
      );
    }
  };
  for (const definition of definitions) {
    const exact = definition.exact ?? [];
    const listed = definition.listed ?? [];
    const caseInsensitive = [definition.name, ...(definition.aliases ?? [])].filter(
      (form) => !exact.includes(form) && !listed.includes(form),
    );
    for (const form of caseInsensitive) add(form, { canonical: definition.name, listed: false });
    for (const form of exact)
      add(form, { canonical: definition.name, exactRaw: rawKey(form), listed: false });
    for (const form of listed)
      add(form, { canonical: definition.name, exactRaw: rawKey(form), listed: true });
  }
  return { forms, prefixes };
}

function rawKey(phrase: string): string {
  return tokenize(phrase)
    .map((token) => token.raw)
    .join(" ");
}

interface SkillMatch {
  /** Usually one; a form such as "UX/UI" names two skills. */
  canonicals: string[];
  /** The words as the text writes them ("k8s", "Postgres"). */
  raw: string;
  /** Index of the first token of the mention. */
  position: number;
  length: number;
  listed: boolean;
}

/**
 * The longest known phrase starting at `start`. Case-sensitive forms are skipped when looking
 * inside compounds: "Go" in "Go-to-market" is not the language.
 */
function longestMatchAt(tokens: Token[], start: number, allowExact: boolean): SkillMatch | undefined {
  let best: SkillMatch | undefined;
  let key = "";
  for (let end = start; end < tokens.length; end++) {
    const token = tokens[end] as Token;
    key = end === start ? token.norm : `${key} ${token.norm}`;
    // Most words are no skill's: the words as written are put together only for a known phrase.
    const candidates = skillIndex.forms.get(key);
    if (candidates !== undefined) {
      const raw = rawOf(tokens, start, end);
      const forms = candidates.filter(
        (candidate) => candidate.exactRaw === undefined || (allowExact && candidate.exactRaw === raw),
      );
      if (forms.length > 0) {
        best = {
          canonicals: forms.map((form) => form.canonical),
          raw: writtenOf(tokens, start, end),
          position: start,
          length: end - start + 1,
          listed: forms.every((form) => form.listed),
        };
      }
    }
    if (!skillIndex.prefixes.has(key)) break;
  }
  return best;
}

/** The tokens from `start` to `end` as written, joined by single spaces. */
function rawOf(tokens: Token[], start: number, end: number): string {
  let raw = tokens[start]?.raw ?? "";
  for (let index = start + 1; index <= end; index++) raw += ` ${tokens[index]?.raw ?? ""}`;
  return raw;
}

/**
 * The tokens from `start` to `end` as the text reads, with an elided article inside the name
 * ("tests d'utilisabilité") and a hyphen that leaves its last part to a later word
 * ("Gesundheits- und Krankenpfleger").
 */
function writtenOf(tokens: Token[], start: number, end: number): string {
  let written = tokens[start]?.raw ?? "";
  for (let index = start + 1; index <= end; index++) {
    const token = tokens[index] as Token;
    written += `${tokens[index - 1]?.suspended ? "-" : ""} ${token.elided ?? ""}${token.raw}`;
  }
  return written;
}

function findMatches(tokens: Token[]): SkillMatch[] {
  const matches: SkillMatch[] = [];
  let position = 0;
  while (position < tokens.length) {
    const match = longestMatchAt(tokens, position, true);
    if (match) {
      matches.push(match);
      position += match.length;
      continue;
    }
    // "Docker-based", "HTML/CSS": look at the parts of a compound nobody named as a whole.
    const parts = compoundParts(tokens[position] as Token);
    for (let partIndex = 0; partIndex < parts.length; partIndex++) {
      const partMatch = longestMatchAt(parts, partIndex, false);
      if (partMatch) {
        const raw = writtenParts(
          tokens[position] as Token,
          parts.slice(partIndex, partIndex + partMatch.length),
        );
        matches.push({ ...partMatch, raw, position, length: 1 });
        partIndex += partMatch.length - 1;
      }
    }
    position++;
  }
  return matches.filter(
    (match, index) => !match.listed || (hasNeighbour(matches, index) && !isGrade(tokens, match)),
  );
}

/** Words after which a letter is a grade ("CPR Level C", "Class B licence"), not the language C or R. */
const GRADE_WORDS = new Set(
  "level class grade category type part tier schedule band stufe klasse nivel clase niveau classe".split(" "),
);

function isGrade(tokens: Token[], match: SkillMatch): boolean {
  return GRADE_WORDS.has(tokens[match.position - 1]?.norm ?? "");
}

/**
 * Parts of a compound as the token writes them, separators and all: "CI/CD" of "CI/CD-Pipelines".
 * Matching reads every resume through here, so no pattern is built: the span runs from the first
 * part to the last.
 */
function writtenParts(token: Token, parts: Token[]): string {
  const first = parts[0]?.raw ?? "";
  const last = parts.at(-1)?.raw ?? "";
  if (parts.length === 1) return first;
  const start = token.raw.indexOf(first);
  const end = token.raw.indexOf(last, start + first.length);
  return start < 0 || end < 0
    ? parts.map((part) => part.raw).join(" ")
    : token.raw.slice(start, end + last.length);
}

/**
 * Whether a skill that is not itself a "listed" form is mentioned within a few tokens of
 * matches[index]. Matches are in token order, so the search walks outwards from the match and
 * stops once it is out of reach; at most a few listed matches fit in that reach, which keeps the
 * search short however many matches there are (a scan of every match was quadratic on text such
 * as "C C C …").
 */
function hasNeighbour(matches: SkillMatch[], index: number): boolean {
  const position = matches[index]?.position ?? 0;
  const near = (other: SkillMatch | undefined) =>
    other !== undefined && Math.abs(other.position - position) <= LISTED_NEIGHBOUR_DISTANCE;
  for (const step of [-1, 1]) {
    for (let other = index + step; near(matches[other]); other += step) {
      if (!matches[other]?.listed) return true;
    }
  }
  return false;
}

/** Canonical names of the skills mentioned in `text`, in order of first mention, without repeats. */
export function findSkills(text: string): string[] {
  return skillsInTokens(tokenize(text));
}

/** findSkills for text the caller has already tokenized (matching tokenizes each resume once). */
export function skillsInTokens(tokens: Token[]): string[] {
  return [...new Set(findMatches(tokens).flatMap((match) => match.canonicals))];
}

export interface SkillMention {
  skill: string;
  /**
   * The skill as the text names it: "Postgres", "k8s", "Physiotherapy" (a job's own words are the
   * ones its screening looks for), or the canonical name where the text only changes its case or
   * number ("reconciliations").
   */
  written: string;
}

/** A name's words without case, punctuation or a plural "s": "Certified Hotel Administrator (CHA)". */
function singular(name: string): string {
  return phraseKey(name).replace(/(?<=\p{L}{3})s$/u, "");
}

/**
 * The skills mentioned in `text`, each once with its first wording, in order of first mention; a
 * version written after a skill is part of its wording ("Spring Boot 3", "WCAG 2.1", "OSHA 30").
 */
export function findSkillMentions(text: string): SkillMention[] {
  const tokens = tokenize(text);
  const mentions = new Map<string, SkillMention>();
  for (const match of findMatches(tokens)) {
    for (const skill of match.canonicals) {
      if (mentions.has(skill)) continue;
      const own = match.canonicals.length === 1 && singular(match.raw) !== singular(skill);
      const name = own ? asWritten(text, match.raw) : skill;
      const version = match.canonicals.length === 1 ? versionOf(match, tokens, text) : undefined;
      mentions.set(skill, { skill, written: version === undefined ? name : `${name} ${version}` });
    }
  }
  return [...mentions.values()];
}

/**
 * A mention as the text writes it, where its words stand with parentheses between them
 * ("Certified Paralegal (CP)", its words "Certified Paralegal CP").
 */
function asWritten(text: string, words: string): string {
  if (text.includes(words)) return words;
  const spaced = words.split(" ").map(escapeRegExp).join("[\\s()]+");
  const found = new RegExp(`${spaced}\\)?`, "u").exec(text)?.[0] ?? words;
  return found.includes("(") ? found : found.replace(/\)$/u, "");
}

/** The edition or version after a skill's first mention, with nothing but a space between ("IAM, RDS" lists two). */
function versionOf(match: SkillMatch, tokens: Token[], text: string): string | undefined {
  const next = match.position + match.length;
  const edition = editionAfter(tokens, next);
  // "CPR Level C", "Epicor Prophet 21": an edition's own letter or number goes with it.
  const letter = /^\p{Lu}$/u.test(tokens[next + 1]?.raw ?? "") ? tokens[next + 1]?.raw : undefined;
  const after =
    edition === undefined
      ? versionAfter(tokens, next)
      : [edition, letter ?? versionAfter(tokens, next + 1)].filter(Boolean).join(" ");
  if (after === undefined) return undefined;
  const last = match.raw.split(" ").at(-1) ?? "";
  return new RegExp(`${escapeRegExp(last)} +${escapeRegExp(after)}(?![\\p{L}\\p{N}])`, "u").test(text)
    ? after
    : undefined;
}

/**
 * A version number at `index` ("3", "2.1", "2024"), not a count of years ("Python 3+ years"), a
 * module's acronym that no skill is named by ("SAP HCM", "Java EE"), or a category's code ("CACES R485").
 */
function versionAfter(tokens: Token[], index: number): string | undefined {
  const version = tokens[index]?.raw;
  if (version === undefined) return undefined;
  if (/^\p{Lu}{2,5}$/u.test(version)) {
    return STOP_WORDS.has(version.toLowerCase()) || skillsInTokens([tokens[index] as Token]).length > 0
      ? undefined
      : version;
  }
  // "CACES R485", "Class A1": a category's code, not a language level ("Deutsch C1").
  if (/^\p{Lu}\d{1,4}$/u.test(version)) return /^[ABC][12]$/u.test(version) ? undefined : version;
  if (!/^\d{1,4}(?:\.\d{1,3})*$/u.test(version)) return undefined;
  return DURATION_WORD.test(tokens[index + 1]?.norm ?? "") ? undefined : version;
}

/** A capitalized word that goes on naming a product ("Epicor Prophet", "Burp Suite Professional"). */
function editionAfter(tokens: Token[], index: number): string | undefined {
  const word = tokens[index]?.raw;
  if (word === undefined || !/^\p{Lu}\p{Ll}+$/u.test(word) || GENERIC.test(word)) return undefined;
  // "Excel Pivot Tables" names two skills; "Python Developer" a role.
  if (STOP_WORDS.has(word.toLowerCase()) || longestMatchAt(tokens, index, true) !== undefined)
    return undefined;
  return titleScore(word) > 0 ? undefined : word;
}
/** Words after a product that say what is done with it, or a licence's class, read as such ("Führerschein Klasse BE"). */
const GENERIC =
  /^(?:Klasse|Class|Clase|Certified|Certification|Certificate|Experience|Skills?|Knowledge|Proficiency|Expertise|Teams?|Tools?|Platforms?|Systems?|Software|Environments?|Users?|Administration|Development|Reporting|Processes)$/u;
const STOP_WORDS = new Set(
  "and or the for with in on at to of by as is are not und oder y o et ou".split(" "),
);
const DURATION_WORD = new RegExp(`^(?:\\+|${DURATION_WORDS}|hours?|days?|weeks?)$`, "u");

/**
 * The canonical name for a skill as someone wrote it ("golang" → "Go", "K8s" → "Kubernetes",
 * "Python (advanced)" → "Python"), or undefined when it is not a known skill. Casing is ignored
 * here: the caller already knows the string names a skill.
 */
export function canonicalSkill(name: string): string | undefined {
  const forms = skillIndex.forms.get(phraseKey(name));
  if (forms?.[0]) return forms[0].canonical;
  // "OSHA (Occupational Safety and Health Administration)": a name with its abbreviation is the name.
  const bare = withoutAbbreviation(name);
  if (bare !== name) return canonicalSkill(bare);
  const found = findSkills(name);
  return found.length === 1 ? found[0] : undefined;
}

/**
 * The spoken languages among the skills: a language also qualifies a noun ("German bookkeeping"),
 * and a "Languages" list of them is a section of its own, not a group of the skills.
 */
export const SPOKEN_LANGUAGES: ReadonlySet<string> = new Set(
  (
    "English Spanish French German Mandarin Portuguese Arabic Japanese Italian Korean Hindi Russian Vietnamese Tagalog Cantonese Dutch Polish Turkish Catalan " +
    "Greek Swedish Norwegian Danish Finnish Czech Hungarian Romanian Bulgarian Croatian Serbian Ukrainian Hebrew Farsi Bengali Thai " +
    "Indonesian Malay Amharic Basque Galician Slovak Albanian Kurdish"
  ).split(" "),
);
