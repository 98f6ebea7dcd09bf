/**
 * The words for a length of time in the four languages of the postings users bring, as pattern
 * sources: "5 years", "3 Jahre", "dos años", "deux ans", "6 months", "12 Monate", "seis meses",
 * "six mois". One list, so the years asked for, a term's framing and a version number all agree
 * on what a duration is.
 */
export const YEAR_WORDS = "years?|yrs?|jahre?n?|años?|ans?";
export const MONTH_WORDS = "months?|monate?n?|meses|mois";
export const DURATION_WORDS = `${YEAR_WORDS}|${MONTH_WORDS}`;

/** A unit that is years written in English ("yrs"), where a number is always a length of time. */
export const ENGLISH_YEARS = /^(?:years?|yrs?)$/iu;
export const MONTHS = new RegExp(`^(?:${MONTH_WORDS})$`, "iu");
