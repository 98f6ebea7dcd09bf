/**
 * A font can only draw the characters it has glyphs for; anything else comes out as an empty box
 * and as garbage in extracted text. So text is first fitted to the font: characters it covers stay,
 * typographic symbols get plain stand-ins, letters lose accents the font lacks ("ễ" → "ê"),
 * Greek and Cyrillic are transliterated when the font has neither, and what is left becomes "?"
 * so the loss is visible rather than garbled.
 */

/** Whether the font has a glyph for a character (one code point). */
export type FontCoverage = (char: string) => boolean;

/** Stand-ins for letters and symbols fonts often lack, tried before dropping accents. */
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

export function fitToFont(text: string, covers: FontCoverage): string {
  let result = "";
  for (const char of text.normalize("NFC")) result += covers(char) ? char : standIn(char, covers);
  return result;
}

function standIn(char: string, covers: FontCoverage): string {
  if (/\s/u.test(char)) return " ";
  const fits = (text: string) => [...text].every(covers);
  const known = STAND_INS[char];
  if (known !== undefined && fits(known)) return known;
  const transliterated = transliterate(char);
  if (transliterated !== undefined && fits(transliterated)) return transliterated;
  // Keep the first accent when the font has that combination ("ễ" → "ê"), otherwise the bare letter.
  const [base = "", firstMark = ""] = [...char.normalize("NFD")];
  const withOneMark = `${base}${firstMark}`.normalize("NFC");
  if ([...withOneMark].length === 1 && covers(withOneMark)) return withOneMark;
  if (base !== char && covers(base)) return base;
  return "?";
}

function transliterate(char: string): string | undefined {
  const lower = char.toLowerCase();
  const unaccented = lower.normalize("NFD").replace(/\p{M}/gu, "");
  const latin = CYRILLIC[lower] ?? GREEK[unaccented];
  if (latin === undefined) return undefined;
  return char === lower ? latin : latin.charAt(0).toUpperCase() + latin.slice(1);
}
