/**
 * PDF standard fonts (Helvetica…) can only show WinAnsi (Windows-1252) characters; anything else
 * comes out as a wrong glyph. So text is first brought into WinAnsi: accents it lacks are dropped
 * ("ő" → "ö", "ł" → "l"), Greek and Cyrillic are transliterated, typographic symbols get ASCII
 * stand-ins, and what is left becomes "?" so the loss is visible rather than garbled.
 */

const CP1252_EXTRAS = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ";

function isWinAnsi(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || CP1252_EXTRAS.includes(char);
}

/** Letters and symbols that have no WinAnsi form with or without their accents. */
const STAND_INS: Record<string, string> = {
  ł: "l",
  Ł: "L",
  đ: "d",
  Đ: "D",
  ħ: "h",
  Ħ: "H",
  ı: "i",
  ŀ: "l",
  Ŀ: "L",
  ŧ: "t",
  Ŧ: "T",
  ŋ: "n",
  Ŋ: "N",
  ĸ: "k",
  ſ: "s",
  ẞ: "SS",
  ǝ: "e",
  ə: "e",
  Ə: "E",
  "‐": "-",
  "‑": "-",
  "‒": "-",
  "―": "—",
  "−": "-",
  "′": "'",
  "″": '"',
  "→": "->",
  "←": "<-",
  "≥": ">=",
  "≤": "<=",
  "≈": "~",
  "✓": "-",
  "✔": "-",
  "★": "*",
  "☆": "*",
  "▪": "•",
  "●": "•",
  "◦": "•",
  "\u2009": " ",
  "\u200A": " ",
  "\u202F": " ",
  "\u2007": " ",
};

const CYRILLIC: Record<string, string> = {
  а: "a",
  б: "b",
  в: "v",
  г: "g",
  ґ: "g",
  д: "d",
  е: "e",
  ё: "yo",
  є: "ye",
  ж: "zh",
  з: "z",
  и: "i",
  і: "i",
  ї: "yi",
  й: "y",
  к: "k",
  л: "l",
  м: "m",
  н: "n",
  о: "o",
  п: "p",
  р: "r",
  с: "s",
  т: "t",
  у: "u",
  ф: "f",
  х: "kh",
  ц: "ts",
  ч: "ch",
  ш: "sh",
  щ: "shch",
  ъ: "",
  ы: "y",
  ь: "",
  э: "e",
  ю: "yu",
  я: "ya",
};

const GREEK: Record<string, string> = {
  α: "a",
  β: "v",
  γ: "g",
  δ: "d",
  ε: "e",
  ζ: "z",
  η: "i",
  θ: "th",
  ι: "i",
  κ: "k",
  λ: "l",
  μ: "m",
  ν: "n",
  ξ: "x",
  ο: "o",
  π: "p",
  ρ: "r",
  σ: "s",
  ς: "s",
  τ: "t",
  υ: "y",
  φ: "f",
  χ: "ch",
  ψ: "ps",
  ω: "o",
};

export function toWinAnsi(text: string): string {
  let result = "";
  for (const char of text.normalize("NFC")) result += isWinAnsi(char) ? char : standIn(char);
  return result;
}

function standIn(char: string): string {
  if (/\s/u.test(char)) return " ";
  const known = STAND_INS[char];
  if (known !== undefined) return known;
  const transliterated = transliterate(char);
  if (transliterated !== undefined) return transliterated;
  // Keep the first accent when WinAnsi has that combination ("ễ" → "ê"), otherwise the bare letter.
  const [base = "", firstMark = ""] = [...char.normalize("NFD")];
  const withOneMark = `${base}${firstMark}`.normalize("NFC");
  if (withOneMark.length === 1 && isWinAnsi(withOneMark)) return withOneMark;
  if (base !== char && isWinAnsi(base)) return base;
  return "?";
}

function transliterate(char: string): string | undefined {
  const lower = char.toLowerCase();
  const unaccented = lower.normalize("NFD").replace(/\p{M}/gu, "");
  const latin = CYRILLIC[lower] ?? GREEK[unaccented];
  if (latin === undefined) return undefined;
  return char === lower ? latin : latin.charAt(0).toUpperCase() + latin.slice(1);
}
