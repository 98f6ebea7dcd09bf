/**
 * A licence or certificate as a job names it, with the class or code that makes it one ("LF
 * forklift licence", "Class 5 driver's licence", "UK driving licence", "permis B"): the taxonomy knows the
 * kind; the post asks for this one. A place's name before it stays out ("Ohio RN license" asks for
 * an RN license, as readers label it). A credential named in its subject, and a standard by its
 * designation, are one name each.
 */

import { escapeRegExp } from "./terms.ts";
import { precedingIn } from "./words-before.ts";

/** The words that name a paper one holds. */
const CREDENTIAL =
  /(?:licen[cs]e|certificate|card|registration|permit|endorsement|carnet|conducir|permis|conduire|führerschein)$/iu;

/** Before a credential: its class ("Class 5", "Class A") or a code in capitals ("LF", "HC", "UK"). */
const QUALIFIER = "(?:Class\\s+[A-Z0-9]{1,2}|[A-Z]{2,4})";

/** After a driving licence, its class as Spanish, French and German write it: "carnet de conducir C+E", "permis B", "Führerschein Klasse BE". */
const CLASS_AFTER =
  "\\s+(?:(?:Klasse|clase|catégorie|tipo)\\s+)?(?:AM|[ABCD][12]?(?:\\s?\\+\\s?E|E)?)(?![\\p{L}\\d+])";

/** A German vocational qualification names its training: "Ausbildung als Erzieher", "Ausbildung zur Pflegefachkraft". */
const GERMAN_TRAINING = "Ausbildung\\s+(?:als|zum|zur)\\s+";

/** The words before each "certification" of a text, at most this many characters of them. */
const BEFORE_CERTIFICATION = /([^\n.,;:()]{1,60}) certification(?!\p{L})/giu;
/** A field written in common nouns: its last word in lower case ("IV therapy"). */
const COMMON_FIELD = /\s\p{Ll}[\p{Ll}-]*$/u;

/**
 * "an IV therapy certification": a certification in a field written in common nouns is named with
 * the word, as the text writes it; one that is a name already ("BLS certification", "EPA 608
 * Universal certification") needs none.
 */
export function certifiedIn(text: string): (written: string) => string {
  if (!/ certification/iu.test(text)) return (written) => written;
  const preceding = precedingIn(text, BEFORE_CERTIFICATION);
  return (written) => {
    const field = preceding(written).find(({ name }) => COMMON_FIELD.test(` ${name}`))?.name;
    return field === undefined ? written : `${field} certification`;
  };
}

/** The credential as written, with the class or code before it in the text, or the training it names. */
export function withQualifier(text: string, written: string): string {
  const name = escapeRegExp(written);
  // Most text names no German training and no licence: no pattern is built for it.
  if (text.includes("Ausbildung")) {
    const training = new RegExp(`(?<!\\p{L})${GERMAN_TRAINING}${name}(?![\\p{L}\\d])`, "u").exec(text);
    if (training !== null) return training[0];
  }
  if (!CREDENTIAL.test(written)) return written;
  const qualified = new RegExp(`(?<![\\p{L}\\d])${QUALIFIER}\\s+${name}(?![\\p{L}\\d])`, "u");
  const classed = new RegExp(`(?<![\\p{L}\\d])${name}${CLASS_AFTER}`, "u");
  return qualified.exec(text)?.[0] ?? classed.exec(text)?.[0] ?? written;
}

/**
 * "Level 3 Award in Supervising Food Safety in Catering", "CII Certificate in Insurance", "Graduate
 * Certificate in Emergency Nursing", "NVQ Level 3 in Plumbing", "Certificate III or IV in Warehousing
 * Operations", "Certificate IV in Training and Assessment": a credential in a capitalized subject is
 * one name, its "in" no turn.
 */
export const CREDENTIAL_IN_NAME =
  /(?<![\p{L}\d])(?:(?!(?:An|The|Any|Our|Your|This) )\p{Lu}\p{L}+ )?(?:Level \d+ )?(?:Award|Certificate|Cert|Diploma|Certification|NVQ|SVQ|BTEC|HNC|HND)(?: Level \d+| (?:I{1,3}|IV|V)(?: (?:or|and|&|\/) (?:I{1,3}|IV|V))?)?(?: (?:in|of) \p{Lu}[\p{L}'-]*(?: (?:&|and) \p{Lu}[\p{L}'-]*| \p{Lu}[\p{L}'-]*)*)+/gu;

/**
 * A standard by its designation, with every body that adopted it: "DIN VDE 0105-100", "UNE-EN ISO
 * 9606-1", "BS EN 1090", "AS/NZS 3000", "ASME B31.3". Its parts name no standard of their own.
 */
const STANDARD =
  /(?<![\p{L}\d-])(?:(?:ISO|IEC|EN|DIN|VDE|BS|UNE|NF|ASTM|ANSI|ASME|API|NFPA|IEEE|SAE|CSA|AS|NZS|JIS|IPC|AWS)[- /]){1,3}[A-Z]?\d[\d.]*(?:[-:]\d+)*[A-Z]?(?![\p{L}\d])/gu;

/** The credentials a text names in their subject ("Level 3 Award in Supervising Food Safety in Catering"). */
export function credentialNames(text: string): string[] {
  return text.match(CREDENTIAL_IN_NAME) ?? [];
}

/** The standards a text names by their designation. */
export function standardNames(text: string): string[] {
  return text.match(STANDARD) ?? [];
}

const WHOLE_STANDARD = new RegExp(`^${STANDARD.source}$`, "u");
/** Whether a term is a standard's designation ("DIN VDE 0105-100" is not "DIN VDE 0100", though both are VDE). */
export function isStandard(term: string): boolean {
  return WHOLE_STANDARD.test(term);
}
