import { createHash } from "node:crypto";
import type { Posting } from "@hireloop/proto/scraper";
import { decodeHTML } from "entities";
import { compile } from "html-to-text";

/** Query parameters that only say where a visitor came from: two URLs differing in them are one posting. */
const TRACKING_PARAMS = new Set([
  "gh_src",
  "lever-source",
  "lever-origin",
  "lever-via",
  "gclid",
  "fbclid",
  "msclkid",
  "mc_cid",
  "mc_eid",
  "_hsenc",
  "_hsmi",
  "ref",
  "referrer",
  "src",
  "source",
]);

/**
 * The URL two listings of one posting share: lowercase scheme and host, no default port, no
 * fragment, no tracking parameters, the rest sorted, no trailing slash. Undefined if not http(s).
 */
export function canonicalUrl(raw: string): string | undefined {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return undefined;
  url.hash = "";
  url.username = "";
  url.password = "";
  const kept = [...url.searchParams].filter(
    ([key]) => !key.toLowerCase().startsWith("utm_") && !TRACKING_PARAMS.has(key.toLowerCase()),
  );
  kept.sort(([a, av], [b, bv]) => (a === b ? av.localeCompare(bv) : a.localeCompare(b)));
  url.search = new URLSearchParams(kept).toString();
  if (url.pathname.length > 1 && url.pathname.endsWith("/")) url.pathname = url.pathname.replace(/\/+$/, "");
  // URL already lowercases scheme and host and drops default ports.
  return url.toString();
}

const htmlConverter = compile({
  wordwrap: false,
  selectors: [
    { selector: "a", options: { ignoreHref: true } },
    { selector: "img", format: "skip" },
    { selector: "h1", options: { uppercase: false } },
    { selector: "h2", options: { uppercase: false } },
    { selector: "h3", options: { uppercase: false } },
    { selector: "h4", options: { uppercase: false } },
    { selector: "table", format: "dataTable" },
  ],
});

/**
 * Plain text from a board's HTML. Some boards (Greenhouse) send HTML whose tags are themselves
 * entity-escaped ("&lt;p&gt;"): that is decoded first. Text without tags is returned trimmed.
 */
export function htmlToPlainText(html: string): string {
  const unescaped =
    /&lt;\/?[a-z][^&]*&gt;/i.test(html) && !/<[a-z][^>]*>/i.test(html) ? decodeHTML(html) : html;
  if (!/<\/?[a-z][^>]*>/i.test(unescaped)) return collapseBlankLines(decodeHTML(unescaped));
  return collapseBlankLines(htmlConverter(unescaped));
}

function collapseBlankLines(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .replace(/[ \t]+\n/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** Text as compared for sameness: case, accents' composition, punctuation and spacing don't count. */
export function comparableText(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

function sha256Hex(text: string, length: number): string {
  return createHash("sha256").update(text).digest("hex").slice(0, length);
}

/** A posting's stable id: the canonical URL's hash. */
export function postingId(url: string): string {
  return sha256Hex(url, 32);
}

/** Same title, company and description (as comparableText sees them) → same hash, on any board. */
export function contentHash(title: string, company: string, description: string): string {
  return sha256Hex([title, company, description].map(comparableText).join("\n"), 32);
}

/** Board timestamps (ms or s since epoch, or date strings without a zone, read as UTC) as RFC 3339. */
export function toRfc3339(value: string | number | null | undefined, unit: "ms" | "s" = "ms"): string {
  if (value === null || value === undefined || value === "") return "";
  if (typeof value === "number") {
    const date = new Date(unit === "s" ? value * 1000 : value);
    return Number.isNaN(date.getTime()) ? "" : date.toISOString();
  }
  const zoned = /(?:Z|[+-]\d{2}:?\d{2})$/i.test(value) || !/T\d{2}:/.test(value) ? value : `${value}Z`;
  const date = new Date(zoned);
  return Number.isNaN(date.getTime()) ? "" : date.toISOString();
}

const REMOTE_WORDS = /\b(remote|anywhere|worldwide|work from home|distributed)\b/i;

export function looksRemote(location: string): boolean {
  return REMOTE_WORDS.test(location);
}

/** What an adapter knows about a posting before normalization. */
export interface RawPosting {
  boardPostingId: string;
  title: string;
  company: string;
  location: string;
  remote: boolean;
  url: string;
  /** HTML or plain text. */
  description: string;
  postedAt: string;
  tags: string[];
}

/** One normalized Posting, or undefined when the raw posting has no usable URL or title. */
export function toPosting(board: string, raw: RawPosting): Posting | undefined {
  const url = canonicalUrl(raw.url);
  const title = raw.title.replace(/\s+/g, " ").trim();
  if (!url || !title) return undefined;
  const company = raw.company.replace(/\s+/g, " ").trim();
  const description = htmlToPlainText(raw.description);
  const location = raw.location.replace(/\s+/g, " ").trim();
  const tags = [...new Set(raw.tags.map((tag) => tag.trim()).filter(Boolean))];
  return {
    id: postingId(url),
    board,
    boardPostingId: raw.boardPostingId,
    title,
    company,
    location,
    remote: raw.remote || looksRemote(location),
    url,
    description,
    postedAt: raw.postedAt,
    tags,
    contentHash: contentHash(title, company, description),
  };
}
