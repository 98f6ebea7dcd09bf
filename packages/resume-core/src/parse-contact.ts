import { cityAndRegion, isLocation } from "./places.ts";
import type { Contact } from "./types.ts";

/**
 * The lookbehind makes a match start only where a run of address characters starts: without it a
 * long run with no "@" is rescanned from each of its positions, which is quadratic in its length.
 * Any match from inside a run would also match from the run's start, so the matches are the same.
 */
/**
 * An address ends with its top-level domain in one case: "…@example.comSummary" (a heading set
 * against it in the next column) ends at ".com".
 */
const emailPattern = /(?<![\p{L}\d._%+-])[\p{L}\d._%+-]+@[\p{L}\d.-]+\.(?:\p{Ll}{2,}|\p{Lu}{2,})(?!\p{Ll})/u;
/**
 * Phone numbers in the usual shapes: "+1 (555) 123-4567", "555.123.4567", "+44 20 7946 0958".
 * Year ranges ("2012 - 2016") are excluded by requiring a leading "+" or "(", or 10+ digits, or
 * the classic 3-4 split.
 */
const phonePattern = /(?:\+\d{1,3}[\s.-]?)?(?:\(\d{1,4}\)[\s.-]?)?\d[\d\s.-]{5,16}\d/;
/**
 * A bare domain is looked for only from the first letter or digit of a run of domain characters
 * (".-jane.dev" starts at "j"), so a long run with no known ending ("a.a.a.…", "1-1-1-…") is
 * scanned once, not once from each of its positions.
 */
const urlPattern =
  /(?:https?:\/\/\S+|www\.[^\s|,;]+|\b(?<![a-z0-9][.-]*)(?:[a-z0-9-]+\.)+(?:com|org|net|io|dev|me|co|ai|app|page|site|info|tech|xyz|design|studio|art|blog)(?:\/[^\s|,;]*)?)/giu;
const labelPrefix =
  /^(?:e-?mail|phone|tel|mobile|cell|address|location|linkedin|github|website|portfolio|web)\s*[:.]\s*/i;
/** Separators between items on a contact line: "a | b", "a · b", "a • b", "a - b". */
const contactSeparators = /\s+[|·•◦⋅∙–—-]\s+|\s*[|·•]\s*|\t/u;
/** Post-nominal letters: "RN", "MBA", "P.E.", "PhD", "CPA-CA". */
const CREDENTIAL =
  "(?:[A-Z]{2,6}(?:-[A-Z]{1,4})?|(?:[A-Z]\\.){2,4}|Ph\\.?D\\.?|PharmD|Psy\\.?D\\.?|M\\.?Ed\\.?)";
const credentialPart = new RegExp(`^\\s*${CREDENTIAL}$`, "u");
const notANameWords = /\b(?:resume|résumé|curriculum vitae|cv|page \d)\b/i;

export function findEmail(text: string): string | undefined {
  return emailPattern.exec(text)?.[0];
}

export function findPhone(text: string): string | undefined {
  for (const line of text.split("\n")) {
    const withoutEmails = line.replace(new RegExp(emailPattern.source, "gu"), " ");
    const match = phonePattern.exec(withoutEmails);
    if (!match) continue;
    const candidate = match[0].trim();
    const digits = candidate.replace(/\D/g, "");
    const shaped = /^[+(]/.test(candidate) || digits.length >= 10 || /\d{3}[\s.-]\d{4}$/.test(candidate);
    const looksLikeYears = /^(?:19|20)\d{2}\s*[-–]\s*(?:19|20)\d{2}$/.test(candidate);
    if (shaped && !looksLikeYears && digits.length >= 7 && digits.length <= 15) return candidate;
  }
  return undefined;
}

export function findLinks(text: string): string[] {
  const links = new Set<string>();
  for (const match of text.matchAll(urlPattern)) {
    const before = text[match.index - 1];
    if (before === "@" || (before !== undefined && /[\p{L}\d.]/u.test(before))) continue;
    const link = match[0].replace(/(?<![).,;])[).,;]+$/, "");
    // A bare domain counts only when written in lowercase: "ASP.NET" is a skill, "jane.dev" a site.
    const bare = !/^(?:https?:\/\/|www\.)/i.test(link) && !link.includes("/");
    if (bare && link !== link.toLowerCase()) continue;
    links.add(link);
  }
  return [...links];
}

function isContactItem(text: string): boolean {
  return emailPattern.test(text) || findPhone(text) !== undefined || findLinks(text).length > 0;
}

function splitContactLine(line: string): string[] {
  return line
    .split(contactSeparators)
    .map((item) => item.replace(labelPrefix, "").trim())
    .filter((item) => item !== "");
}

/**
 * The person's name: the first line near the top that is not contact details, a heading, a date
 * or a sentence. On "Jane Doe | Software Engineer" the first item is taken; a credential suffix
 * ("Maria Garcia, RN, BSN") is dropped because it is not part of the name.
 */
export function findName(headerLines: string[]): string {
  for (const line of headerLines.slice(0, 6)) {
    for (const item of splitContactLine(line)) {
      if (isContactItem(item) || notANameWords.test(item) || isLocation(item)) continue;
      if (!/^\p{L}/u.test(item) || /\d/.test(item)) continue;
      const name = withoutCredentials(item).trim();
      const words = name.split(/\s+/);
      if (words.length >= 1 && words.length <= 5 && !/[.!?:]$/.test(name)) return name;
      break;
    }
  }
  return "";
}

/**
 * "Maria Garcia, RN, BSN" → "Maria Garcia": comma parts are dropped from the end while they are
 * credentials. Done part by part because a pattern anchored only at the end would be tried from
 * every comma of a long line and scan to its end from each.
 */
function withoutCredentials(item: string): string {
  const parts = item.split(",");
  let kept = parts.length;
  while (kept > 1 && credentialPart.test(parts[kept - 1] ?? "")) kept--;
  return parts.slice(0, kept).join(",");
}

export function findLocation(headerLines: string[]): string | undefined {
  for (const line of headerLines) {
    const labelled = /^(?:address|location)\s*:\s*(.+)$/i.exec(line);
    if (labelled?.[1]) return cityAndRegion(labelled[1].trim());
    for (const item of splitContactLine(line)) {
      if (!isContactItem(item) && isLocation(item)) return cityAndRegion(item);
    }
  }
  return undefined;
}

/**
 * Contact details come from the lines above the first section; email, phone and profile links
 * may also sit at the bottom or in a sidebar, so those fall back to the whole text.
 */
export function parseContact(headerLines: string[], fullText: string): Contact {
  const header = headerLines.join("\n");
  const links = new Set(findLinks(header));
  for (const link of findLinks(fullText)) {
    if (/linkedin\.com|github\.com|gitlab\.com|behance\.net|dribbble\.com/i.test(link)) links.add(link);
  }
  const contact: Contact = { name: findName(headerLines), links: [...links] };
  const email = findEmail(header) ?? findEmail(fullText);
  const phone = findPhone(header) ?? findPhone(fullText);
  const location = findLocation(headerLines);
  if (email) contact.email = email;
  if (phone) contact.phone = phone;
  if (location) contact.location = location;
  return contact;
}
