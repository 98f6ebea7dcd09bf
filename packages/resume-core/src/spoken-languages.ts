/**
 * Spoken languages in a job description: when a language named is asked for, and which one the
 * post takes for granted.
 */

import { findSkills, SPOKEN_LANGUAGES } from "./skills.ts";

/** After a language named as one: a list, a level, its own noun ("German language skills"). */
const AS_LANGUAGE =
  /^(?:\s*$|\s*[,;:.()/&-]|\s+(?:and|or|is|are|at|a|an|as|to|in|on|language|languages|skills?|speak\w*|fluen\w*|profic\w*|native|level|required|preferred|mandatory|would|will|not|plus|you|we|they|\p{Lu}|\d))/u;

/** Before a language named as one: another language ("English/Spanish"), "bilingual". */
const AFTER_LANGUAGE = /(?:\p{L}\/\s*|bilingual\s+(?:in\s+)?|bilingue\s+|zweisprachig\s+)$/iu;

/** Whether every mention of a language in the text qualifies the noun after it ("the Spanish market"). */
export function onlyQualifies(text: string, skill: string): boolean {
  if (!SPOKEN_LANGUAGES.has(skill)) return false;
  const mentions = [...text.matchAll(new RegExp(`\\b${skill}\\b`, "gu"))];
  return (
    mentions.length > 0 &&
    mentions.every(
      (mention) =>
        !AS_LANGUAGE.test(text.slice((mention.index ?? 0) + skill.length)) &&
        !AFTER_LANGUAGE.test(text.slice(0, mention.index)),
    )
  );
}

/** The commonest short words of each language a post may be written in, by the language's name. */
const COMMON_WORDS: ReadonlyArray<[string, RegExp]> = [
  ["English", /(?<!\p{L})(?:the|and|you|with|for|our)(?!\p{L})/giu],
  ["German", /(?<!\p{L})(?:und|der|die|das|mit|für)(?!\p{L})/giu],
  ["Spanish", /(?<!\p{L})(?:y|el|los|con|para|del)(?!\p{L})/giu],
  ["French", /(?<!\p{L})(?:et|les|des|avec|pour|vous)(?!\p{L})/giu],
];

/** The language a text is written in, by its commonest words. */
function languageOf(text: string): string | undefined {
  const counts = COMMON_WORDS.map(([language, words]) => ({
    language,
    count: text.match(words)?.length ?? 0,
  }));
  const best = counts.reduce((a, b) => (b.count > a.count ? b : a));
  return best.count > 0 ? best.language : undefined;
}

/** "Bilingual English/Spanish", "zweisprachig Deutsch/Englisch", "bilingüe", "bilingue". */
const BILINGUAL = /(?<!\p{L})(?:bilingu\p{L}*|zweisprachig\p{L}*)(?!\p{L})/iu;

/**
 * The post's own language when it names it only beside another in a bilingual pair ("Bilingual
 * English/Spanish" in an English post asks for Spanish): a reader takes it for granted.
 */
export function assumedLanguage(text: string): string | undefined {
  const language = languageOf(text);
  if (language === undefined) return undefined;
  const naming = text.split("\n").filter((line) => findSkills(line).includes(language));
  return naming.length > 0 && naming.every((line) => BILINGUAL.test(line)) ? language : undefined;
}
