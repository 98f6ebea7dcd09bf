/**
 * A name written with its abbreviation, as posts name credentials and methods: "Certified Quality
 * Auditor (CQA)", "Sauveteur Secouriste du Travail (SST)", "CAP (Certificado de Aptitud
 * Profesional)". Readers take the two as one term, written whole.
 */

import { precedingIn } from "./words-before.ts";

/** Small words a name's abbreviation skips: "Tarjeta Profesional de la Construcción (TPC)". */
const SKIPPED = new Set(
  "of and for in on the to de del la las los el y du des le et für und der die das".split(" "),
);

/** The initials of a name whose words (but its small ones) are capitalized; undefined for any other phrase. */
function initialsOf(name: string): string | undefined {
  let initials = "";
  for (const word of name.split(/[\s-]+/u)) {
    if (word === "" || SKIPPED.has(word)) continue;
    const first = word[0] ?? "";
    if (first.toLowerCase() === first) return undefined;
    initials += first;
  }
  return initials.length >= 2 ? initials : undefined;
}

/** "CQE", "SST": an abbreviation in capitals. "(LPN/LVN)" names two things, neither of them the name alone. */
const ABBREVIATION = /^[A-Z][A-Z0-9&]{1,7}$/;

/**
 * What a German qualification's name carries in parentheses: the chamber that examines it
 * ("Bilanzbuchhalter (IHK)") or a degree ("Kindheitspädagogin (B.A.)").
 */
const ISSUED = /^(?:IHK|HWK|[BM]\.\s?(?:A|Sc|Eng)\.)$/u;

/** Whether one of the two names abbreviates the other: the abbreviation's letters end the name's initials. */
function abbreviates(short: string, long: string): boolean {
  if (!ABBREVIATION.test(short)) return false;
  const letters = short.replace(/[^A-Z]/g, "");
  const initials = initialsOf(long);
  return initials !== undefined && letters.length >= 2 && initials.endsWith(letters);
}

/** Whether what a parenthesis holds belongs to the name before it: its abbreviation, the name it abbreviates, its issuer. */
function belongsTo(inside: string, name: string): boolean {
  return abbreviates(inside, name) || abbreviates(name, inside) || ISSUED.test(inside);
}

/** A parenthesis and the words before it, at most this many characters of them. */
const BEFORE_PARENTHESIS = /([^()\n]{1,80}) \(([^()\n]{2,80})\)/gu;

/**
 * How a text writes its terms with their abbreviation or name in parentheses just after them, when
 * one names the other: a term as written, in full ("Certified Quality Auditor" → "Certified Quality
 * Auditor (CQA)").
 */
export function abbreviatedIn(text: string): (written: string) => string {
  if (!text.includes(" (")) return (written) => written;
  const preceding = precedingIn(text, BEFORE_PARENTHESIS);
  return (written) => {
    const inside = preceding(written).find(({ name, match }) => belongsTo(match[2] ?? "", name))?.match[2];
    return inside === undefined ? written : `${written} (${inside})`;
  };
}

/** The abbreviation or name a term holds in its parentheses ("CQA" of "Certified Quality Auditor (CQA)"). */
export function parenthesized(term: string): string | undefined {
  return /\(([^()]+)\)$/u.exec(term)?.[1];
}

/**
 * A name written with its abbreviation, without it ("Certified Quality Auditor" of "Certified Quality
 * Auditor (CQA)"); any other term as it is ("Excel (pivot tables, VLOOKUP)" lists three).
 */
export function withoutAbbreviation(term: string): string {
  const written = /^(.+?) \(([^()]+)\)$/u.exec(term);
  if (written === null) return term;
  const [, name = "", inside = ""] = written;
  return belongsTo(inside, name) ? name : term;
}
