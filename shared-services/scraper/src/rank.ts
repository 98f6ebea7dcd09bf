import type { Posting } from "@hireloop/proto/scraper";
import { comparableText } from "./normalize.ts";

/** BM25F field weights: a word in the title says far more about a posting than one in its body. */
const FIELD_WEIGHTS = { title: 4, tags: 2, company: 0.5, description: 1 } as const;
type Field = keyof typeof FIELD_WEIGHTS;
const FIELDS = Object.keys(FIELD_WEIGHTS) as Field[];
/** Length normalization per field: long descriptions should not win by length alone. */
const LENGTH_NORMALIZATION: Record<Field, number> = { title: 0.3, tags: 0.3, company: 0, description: 0.75 };
const K1 = 1.2;
/**
 * BM25 saturates each word, so a title naming half the query can lose to a body naming all of it
 * ("Python Backend Developer" vs an iOS posting mentioning backend engineers). For job search the
 * title is the role: the score is multiplied by 1 + this × the idf-weighted share of query words in it.
 */
const TITLE_COVERAGE_WEIGHT = 1;

/** A query word in the titles of at least this many postings, and this share of them, names a role. */
const MIN_ROLE_TITLES = 2;
const ROLE_TITLE_SHARE = 0.05;

/** Multipliers for the location: a match ranks first, remote next, elsewhere last (never dropped). */
const LOCATION_MATCH = 1.3;
const LOCATION_REMOTE = 1.1;
const LOCATION_ELSEWHERE = 0.6;

/** Job titles say the same role in different words: "Backend Developer" is a backend engineer. */
const ROLE_SYNONYMS: Record<string, string> = { developer: "engineer", programmer: "engineer" };

/**
 * Words as compared: lowercase, hyphens inside words dropped ("back-end" = "backend"), a plural
 * "s" removed ("engineers" = "engineer"), role synonyms merged. Tiny on purpose: predictable for
 * users and tests.
 */
export function tokenize(text: string): string[] {
  return comparableText(text.replace(/(\p{L})-(\p{L})/gu, "$1$2"))
    .split(" ")
    .filter((word) => word.length > 0)
    .map((word) => (word.length > 3 && word.endsWith("s") && !word.endsWith("ss") ? word.slice(0, -1) : word))
    .map((word) => ROLE_SYNONYMS[word] ?? word);
}

interface Document {
  posting: Posting;
  terms: Record<Field, Map<string, number>>;
  lengths: Record<Field, number>;
}

function toDocument(posting: Posting): Document {
  const texts: Record<Field, string> = {
    title: posting.title,
    tags: posting.tags.join(" "),
    company: posting.company,
    description: posting.description,
  };
  const terms = {} as Record<Field, Map<string, number>>;
  const lengths = {} as Record<Field, number>;
  for (const field of FIELDS) {
    const counts = new Map<string, number>();
    const tokens = tokenize(texts[field]);
    for (const token of tokens) counts.set(token, (counts.get(token) ?? 0) + 1);
    terms[field] = counts;
    lengths[field] = tokens.length;
  }
  return { posting, terms, lengths };
}

export interface RankOptions {
  query: string;
  location: string;
}

/**
 * Orders postings by BM25F relevance to the query (title > tags > description), lifted by how much
 * of the query the title covers, times a location factor. With a query, postings matching none of
 * its words are left out, and so are postings whose title names none of the roles it asks for.
 * Ties go to the newer posting, then the id, so the order is deterministic.
 */
export function rankPostings(postings: readonly Posting[], options: RankOptions): Posting[] {
  const queryTerms = [...new Set(tokenize(options.query))];
  const documents = postings.map(toDocument);
  const averageLengths = {} as Record<Field, number>;
  for (const field of FIELDS) {
    const total = documents.reduce((sum, document) => sum + document.lengths[field], 0);
    averageLengths[field] = documents.length > 0 ? Math.max(total / documents.length, 1) : 1;
  }
  const idf = new Map<string, number>();
  for (const term of queryTerms) {
    const containing = documents.filter((document) =>
      FIELDS.some((field) => document.terms[field].has(term)),
    ).length;
    idf.set(term, Math.log(1 + (documents.length - containing + 0.5) / (containing + 0.5)));
  }
  const locationTerms = tokenize(options.location);
  const wantsRemote = locationTerms.includes("remote");
  // Query words that name roles in this set's titles ("engineer", "nurse"): a query naming a role
  // is answered with postings for that role, not with every posting that mentions it (a recruiter
  // hiring backend engineers is no backend engineer job). Skill queries ("python") match anywhere.
  const roleWords = queryTerms.filter(
    (term) =>
      documents.filter((document) => document.terms.title.has(term)).length >=
      Math.max(MIN_ROLE_TITLES, ROLE_TITLE_SHARE * documents.length),
  );
  const forRole = (document: Document) =>
    roleWords.length === 0 || roleWords.some((term) => document.terms.title.has(term));

  const scored = documents.filter(forRole).map((document) => {
    let textScore = queryTerms.length === 0 ? 1 : 0;
    let titleIdf = 0;
    let totalIdf = 0;
    for (const term of queryTerms) {
      let weightedFrequency = 0;
      for (const field of FIELDS) {
        const frequency = document.terms[field].get(term) ?? 0;
        if (frequency === 0) continue;
        const b = LENGTH_NORMALIZATION[field];
        const norm = 1 - b + (b * document.lengths[field]) / averageLengths[field];
        weightedFrequency += (FIELD_WEIGHTS[field] * frequency) / norm;
      }
      const termIdf = idf.get(term) ?? 0;
      textScore += (termIdf * weightedFrequency) / (K1 + weightedFrequency);
      totalIdf += termIdf;
      if (document.terms.title.has(term)) titleIdf += termIdf;
    }
    const titleCoverage = totalIdf > 0 ? titleIdf / totalIdf : 0;
    const score =
      textScore *
      (1 + TITLE_COVERAGE_WEIGHT * titleCoverage) *
      locationFactor(document.posting, locationTerms, wantsRemote);
    return { posting: document.posting, score };
  });

  return scored
    .filter((entry) => entry.score > 0)
    .sort(
      (a, b) =>
        b.score - a.score ||
        b.posting.postedAt.localeCompare(a.posting.postedAt) ||
        a.posting.id.localeCompare(b.posting.id),
    )
    .map((entry) => entry.posting);
}

function locationFactor(posting: Posting, locationTerms: readonly string[], wantsRemote: boolean): number {
  if (locationTerms.length === 0) return 1;
  if (wantsRemote) return posting.remote ? LOCATION_MATCH : LOCATION_ELSEWHERE;
  const where = new Set(tokenize(posting.location));
  if (locationTerms.every((term) => where.has(term))) return LOCATION_MATCH;
  return posting.remote ? LOCATION_REMOTE : LOCATION_ELSEWHERE;
}
