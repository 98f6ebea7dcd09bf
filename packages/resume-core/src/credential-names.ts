/**
 * A licence or certificate as a job names it, with the class or code that makes it one ("LF
 * forklift licence", "Class 5 driver's licence", "UK driving licence", "permis B"): the taxonomy knows the
 * kind; the post asks for this one. A place's name before it stays out ("Ohio RN license" asks for
 * an RN license, as readers label it).
 */

import { escapeRegExp } from "./terms.ts";

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
