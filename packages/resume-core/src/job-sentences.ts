/**
 * The sentences of a job description's section that may ask something: pay lines, amounts with
 * their currency and paragraphs about what the employer gives or how to apply taken out.
 */

import { HOW_TO_APPLY, OFFER } from "./job-cues.ts";
import type { JobSection } from "./job-sections.ts";

/**
 * An amount of money with its currency code ("CAD $130,000", "EUR 65.000", "USD 135k"): a salary,
 * never a skill, whatever else the code spells (CAD is also computer-aided design).
 */
const AMOUNT_WITH_CURRENCY =
  /\b(?:USD|CAD|EUR|GBP|AUD|NZD|CHF|SEK|NOK|DKK|PLN|CZK|JPY|CNY|INR|SGD|HKD|MXN|BRL|ZAR)\s?[$€£¥]?\s?\d[\d.,]*\s?[kK]?/g;

/** A short line that states pay: "SCHADS Award Level 5 ($98,000 – $104,000) + super", "£24.00 an hour". */
const PAY_LINE = /[$€£¥]\s?\d|\d\s?[$€£¥]|(?<![\d.,])\d[\d.,]*\s?(?:€|EUR|euros?)(?!\p{L})/u;
const MAX_PAY_LINE_WORDS = 15;

/** Where a sentence ends: not after a title or an abbreviation ("Dr. Jonas Weidlich", "z. B. SAP"). */
const SENTENCE_END =
  /(?<=[.!?])(?<!(?<!\p{L})(?:Dr|Mr|Mrs|Ms|Prof|St|Sr|Sra|Mme|Mlle|Hr|Fr|Nr|No|Inc|Ltd|Co|vs|ca|bzw|ggf|z\. ?B|u\. ?a|e\.g|i\.e)\.)\s+(?=\p{Lu})/u;

/** The parts of a line of facts about the post: "Posted 2 days ago · Oxfordshire · £34,000 a year · Permanent". */
const FACT_SEPARATOR = /\s[·•|]\s/u;
const MAX_FACT_WORDS = 8;

/** A short line that states pay, or a line of short facts about the post one of which is its pay. */
function statesPay(line: string): boolean {
  if (line.split(/\s+/).length <= MAX_PAY_LINE_WORDS) return PAY_LINE.test(line);
  const facts = line.split(FACT_SEPARATOR);
  return (
    facts.length >= 3 &&
    facts.every((fact) => fact.split(/\s+/).length <= MAX_FACT_WORDS) &&
    facts.some((fact) => PAY_LINE.test(fact))
  );
}

export function sentencesOf(section: JobSection): string[] {
  return paragraphsOf(section).flat();
}

/** The sentences of a section that may ask something, paragraph by paragraph (a line is one). */
export function paragraphsOf(section: JobSection): string[][] {
  return section.lines
    .filter((line) => line !== "")
    .filter((line) => !statesPay(line))
    .map((line) => {
      const sentences = line.replace(/^- /, "").replace(AMOUNT_WITH_CURRENCY, "").split(SENTENCE_END);
      // A paragraph that opens with what the employer gives ("Ofrecemos …", "In return we offer …")
      // or how to apply goes on with it ("Pagamos el curso de renovación del CAP y del ADR").
      const first = sentences[0] ?? "";
      return sentences.length > 1 && (OFFER.test(first) || HOW_TO_APPLY.test(first)) ? [] : sentences;
    })
    .filter((sentences) => sentences.length > 0);
}
