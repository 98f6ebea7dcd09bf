import mammoth from "mammoth";
import { recognizeHeading } from "./sections.ts";
import { withTimeout } from "./timeout.ts";
import { ResumeError } from "./types.ts";

export const DOCX_TIMEOUT_MS = 15_000;

/** Images are dropped rather than inlined as data URIs: only the text is wanted. */
const skipImages = mammoth.images.imgElement(async () => ({ src: "" }));

/**
 * Reads a DOCX's text. mammoth's HTML output is used instead of its raw text because raw text
 * drops list markers, and Word bullets are what separate a role's achievements from the next role.
 */
export async function extractDocxText(bytes: Uint8Array): Promise<string> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let html: string;
  try {
    const converting = mammoth.convertToHtml({ buffer }, { convertImage: skipImages });
    html = (await withTimeout(converting, DOCX_TIMEOUT_MS, () => new Error("timed out"))).value;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new ResumeError("resume_unreadable", `The DOCX could not be read: ${detail}`);
  }
  return htmlToLines(html);
}

/**
 * mammoth emits a small, well-formed subset of HTML: paragraphs, headings, lists, tables, links.
 * Every paragraph is its own line already, so blank lines carry no meaning and are dropped. Lines
 * in Word's heading style that names the sections are marked "# ", as a PDF's larger headings are
 * (see sectionLevel).
 */
function htmlToLines(html: string): string {
  const text = html
    .replace(/<h([1-6])>/g, "\n\uE000$1")
    .replace(/<li>/g, "\n- ")
    .replace(/<\/(?:p|h[1-6]|li|tr|td|th)>|<br\s*\/?>/g, "\n")
    .replace(/<[^>]*>/g, "");
  const lines = decodeEntities(text)
    .split("\n")
    .filter((line) => line.replace(STYLE_MARK, "").trim() !== "")
    .map((line) => {
      const level = STYLE_MARK.exec(line)?.[1];
      return { text: line.replace(STYLE_MARK, ""), level: level === undefined ? 0 : Number(level) };
    });
  const level = sectionLevel(lines);
  return lines
    .map((line) => (level !== undefined && line.level === level ? `# ${line.text}` : line.text))
    .join("\n");
}

/** Where a heading's level is noted while the HTML is flattened. */
const STYLE_MARK = /^\uE000([1-6])/;

/**
 * The heading style the document's sections are set in: the highest level used for two or more
 * short lines, one of which names a known section. A document that sets its job titles in a
 * heading style too keeps them as lines; one with no such level is left unmarked.
 */
function sectionLevel(lines: Array<{ text: string; level: number }>): number | undefined {
  const levels = new Map<number, string[]>();
  for (const { text, level } of lines) if (level > 0) levels.set(level, [...(levels.get(level) ?? []), text]);
  const candidates = [...levels.entries()]
    .filter(([, texts]) => texts.length >= 2 && texts.every((text) => text.length <= 60))
    .filter(([, texts]) => texts.some((text) => recognizeHeading(text.trim()) !== undefined))
    .map(([level]) => level);
  return candidates.length === 0 ? undefined : Math.min(...candidates);
}

const namedEntities: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (entity, body: string) => {
    if (!body.startsWith("#")) return namedEntities[body.toLowerCase()] ?? entity;
    const hex = body[1] === "x" || body[1] === "X";
    const codePoint = Number.parseInt(body.slice(hex ? 2 : 1), hex ? 16 : 10);
    return codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : entity;
  });
}
