/**
 * What can be a term a requirement lists, and what never is: a sentence's words, a schedule, a
 * check made before hiring, people, a kind of employer, a count, a language level, or what only
 * stands in for the terms beside it.
 */

/** Words an item may not start with: a sentence's verbs (Spanish ones with their pronoun, "sentarte") and pronouns, not a term. */
const NOT_A_START =
  /^(?:\p{Ll}+ing|\p{Ll}+ed|\p{Ll}+(?:[aei]rse|[aei]rte|[aei]rlos?|[aei]rlas?)|you|we|our|your|will|can|should|must|may|not|no|please|around)(?!\p{L})/u;

const MAX_TERM_WORDS = 4;

/** Words that stand in for a term named beside them: "or similar", "ou équivalent", "a comparable …". */
const STAND_IN_WORD =
  "similar|similaires?|comparable|equivalent|equivalentes?|équivalente?s?|gleichwertig\\p{L}*|vergleichbar\\p{L}*";

/** "(or a comparable cloud data warehouse)": what stands in for a term named before it, to the clause's end. */
export const STAND_IN_PHRASE = new RegExp(
  `(?<!\\p{L})(?:an?|any)\\s+(?:${STAND_IN_WORD})\\s+[^,;()]*`,
  "giu",
);

/** An item that only stands in for the terms beside it: "Oxalis ou équivalent", "a similar qualification framework", "other CRMs". */
export const STAND_IN_ITEM = new RegExp(
  `^\\s*(?:(?:an?|the|any)\\s+)?(?:${STAND_IN_WORD}|other)(?:\\s|$)`,
  "iu",
);

/** "no DUI/DWI in the last 7 years", "sans permis": what one must not have. */
export const NEGATED = /^\s*(?:no|not|never|without|kein\p{L}*|sin|sans)\s/iu;

/** A count alone ("one of Python or Go") is no term, nor a letter alone ("an endorsement (H or X)"). */
const COUNT =
  /^(?:one|two|three|four|five|six|seven|eight|nine|ten|both|either|\p{L}|e\.g|i\.e|etc|vs)\.?$/iu;

/** A level of a language ("B2", "C1", "native"), said of the language before it. */
const LANGUAGE_LEVEL = /^(?:[ABC][12]\+?|native|fluent|basic|conversational|intermediate|advanced)$/iu;

/**
 * Words of a sentence, never of a term: pronouns, auxiliaries, adverbs ("as you'll visit
 * customers", "even better", "nobody will quiz").
 */
const SENTENCE_WORD =
  /(?<!\p{L})(?:you|your|you'll|you're|we|we'll|we're|our|us|they|their|it|its|this|that|these|those|then|than|there|here|when|where|which|who|will|would|can|could|should|shall|may|might|do|does|did|was|were|also|even|just|only|very|really|quite|instead|along|above|below|currently|nobody|anyone|someone|everyone|something|nothing|not|own|enjoy|enjoys|love|loves|thrive|thrives|want|wants|vous|nous|tu|wir|du|sie|usted|nosotros|que|qui|dass|est|sont|ist|sind|bist|hast|kannst|wirst|haber|sabes|tienes|eres|puedes|te|tus|ou|tes|ton)(?!\p{L})/iu;

/** When and how long one works, not what one knows: "2nd shift", "7:30am", "Monday–Thursday", "4x10s", "attics in July". */
const SCHEDULE =
  /(?<!\p{L})(?:\d+(?:st|nd|rd|th)\s+shift|shifts?|\d{1,2}(?::\d{2})?\s*(?:am|pm|a\.m|p\.m)|\d{1,2}h\d{2}|(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?|\d+x\d+s?|[ap]\.m\.?|january|february|march|april|june|july|august|september|october|november|december|summers|winters)(?!\p{L})/iu;

/** A check made before hiring ("National Police Check", "DOT drug screen", "TB clearance"): no skill. */
const CONDITION_OF_HIRE = /(?<!\p{L})(?:checks?|clearances?|screen|screening|MVR|vaccinations?)$/iu;

/** People one works with or for, not what one knows: "production managers", "enterprise customers". */
const PEOPLE =
  /(?<!\p{L})(?:managers|engineers|developers|colleagues|customers|clients|stakeholders|teams|staff|people|users|patients|students|families|parents|owners|contractors|suppliers|vendors|partners|executives|leaders)$/u;

/** Where one has worked, not what one knows: "a SaaS or technology company", "a Big Four firm". */
const KIND_OF_EMPLOYER = /(?<!\p{L})(?:compan(?:y|ies)|firms?|organi[sz]ations?|employers?|start-?ups?)$/iu;

/** An adverb ("legally compliant", "highly motivated") belongs to a sentence, never to a term. */
const ADVERB = /(?<!\p{L})\p{Ll}+(?:ally|ively|ously|ently|antly|ably|ibly|fully|lessly|ately)(?!\p{L})/u;

export function isTermLike(item: string): boolean {
  const words = item.split(" ");
  return (
    words.length <= MAX_TERM_WORDS &&
    !NOT_A_START.test(item) &&
    !SENTENCE_WORD.test(item) &&
    !SCHEDULE.test(item) &&
    !ADVERB.test(item) &&
    !CONDITION_OF_HIRE.test(item) &&
    !KIND_OF_EMPLOYER.test(item) &&
    !PEOPLE.test(item) &&
    // "300 empleados", "40 hours": a count of something, not a term ("5-axis" is one word).
    !/^\d[\d.,]*\s+\p{Ll}/u.test(item) &&
    // "an in-house team", "on-call": where or when one works ("in-depth interviews" are a method).
    !/^(?:in|on|at|off|out)-(?!depth)\p{L}/iu.test(item) &&
    !COUNT.test(item) &&
    !STAND_IN_ITEM.test(item) &&
    !LANGUAGE_LEVEL.test(item) &&
    // "(CMSRN) certification", "some time leading a team": a paper or a time, alone, names nothing.
    !/^(?:certifications?|certificates?|zusatzqualifikation(?:en)?|qualifications?|time)$/iu.test(item) &&
    // "grade 4/C": a mark, not a term.
    !/^[\d\p{L}](?:\/[\d\p{L}])+$/u.test(item) &&
    /\p{L}/u.test(item) &&
    !/[$€£¥%]/u.test(item)
  );
}
