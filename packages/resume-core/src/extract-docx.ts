import mammoth from "mammoth";
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
 * Every paragraph is its own line already, so blank lines carry no meaning and are dropped.
 */
function htmlToLines(html: string): string {
  const text = html
    .replace(/<li>/g, "\n- ")
    .replace(/<\/(?:p|h[1-6]|li|tr|td|th)>|<br\s*\/?>/g, "\n")
    .replace(/<[^>]*>/g, "");
  return decodeEntities(text)
    .split("\n")
    .filter((line) => line.trim() !== "")
    .join("\n");
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
