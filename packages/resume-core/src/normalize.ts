/**
 * Text normalization shared by every upload kind, so the parser sees one dialect: NFKC (ligatures,
 * full-width forms, non-breaking spaces), "\n" line ends, single spaces, trimmed lines, at most one
 * blank line in a row, and every list marker rewritten to "- ".
 */

/**
 * Glyphs that mark a list item whatever follows them. The private-use code points are the Symbol
 * and Wingdings bullets Word writes into PDFs (U+F0B7 is the round bullet).
 */
const BULLET_GLYPHS = "•▪▫◦●○■□►▶▸➢➤✓✔‣⁃∙·◆◇❖\uF0B7\uF0A7\uF0FC\uF0D8\uF076\uF0A8";

/** Glyphs that are list markers only when a space follows ("- item", "* item", "– item"). */
const DASH_MARKERS = "-*–—";

const bulletAtStart = new RegExp(`^(?:[${BULLET_GLYPHS}]\\s*|[${DASH_MARKERS}]\\s+)`, "u");
const markerOnly = new RegExp(`^[${DASH_MARKERS}${BULLET_GLYPHS}]$`, "u");
const decoratedHeading = new RegExp(`^[${DASH_MARKERS}=~]+\\s.*\\s[${DASH_MARKERS}=~]+$`, "u");
const invisibleCharacters = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;

/** Whether a line of text opens a list item ("• Led…", "- Led…"). */
export function startsListItem(line: string): boolean {
  return bulletAtStart.test(line.trimStart());
}

export function normalizeText(raw: string): string {
  const lines = raw
    .replace(invisibleCharacters, "")
    .normalize("NFKC")
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map(normalizeLine);

  const kept: string[] = [];
  for (const line of lines) {
    if (line === "" && (kept.length === 0 || kept[kept.length - 1] === "")) continue;
    kept.push(line);
  }
  while (kept.length > 0 && kept[kept.length - 1] === "") kept.pop();
  return kept.join("\n");
}

/**
 * A tab, or a run of three or more spaces, is a gap between fields of one line ("Acme Payments
 * <gap> Chicago, IL", "Engineer <gap> 2021 – Present"), kept as one tab; other spacing is one space.
 */
function normalizeLine(line: string): string {
  const collapsed = line
    .replace(/[ \u00A0]{3,}/gu, "\t")
    .replace(/[ \u00A0]*\t[ \u00A0\t]*/gu, "\t")
    .replace(/[^\S\t]+/gu, " ")
    .replace(/^[\s]+|[\s]+$/gu, "");
  if (markerOnly.test(collapsed)) return "";
  // "— Volunteer Work —" is a decorated heading, not a list item.
  if (!bulletAtStart.test(collapsed) || decoratedHeading.test(collapsed)) return collapsed;
  const item = collapsed.replace(bulletAtStart, "").trim();
  return item === "" ? "" : `- ${item}`;
}
