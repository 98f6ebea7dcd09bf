import { type DateMention, findDates } from "./dates.ts";
import { isKnownPlace, splitTrailingLocation } from "./places.ts";
import { companyScore, isRoleLike, orderTitleCompany, titleScore } from "./roles.ts";
import type { ExperienceEntry } from "./types.ts";

/**
 * Experience entries from the lines of an experience section. Every role is anchored on its date
 * line ("Jan 2019 – Present", "2018 - 2021", "03/2017 – 06/2019"); the role's title and employer
 * sit on that line or on the one or two short lines around it, in any of the common layouts:
 * "Title — Company", "Title, Company", "Title at Company", "Company | Title | dates",
 * "Company" over "Title  dates". Everything else belongs to the role above it as a bullet.
 */
export function parseExperience(sectionLines: string[]): ExperienceEntry[] {
  const lines = withDatesOffBullets(sectionLines.filter((line) => line !== ""));
  const datedIndexes = lines.flatMap((line, index) => (isDateLine(line) ? [index] : []));
  const drafts = datedIndexes.length > 0 ? anchorOnDates(lines, datedIndexes) : anchorOnBullets(lines);
  return drafts.map((draft, index) => toEntry(lines, draft, drafts[index - 1]));
}

/**
 * A role's dates set beside its first bullet (the employer's line was too long to hold them, so
 * the page put them on the next row): "Harbor Point Medical Center" over "- 13-week contract…
 * Apr 2024 – Present". When no header line of the role has dates, they go back to its last one;
 * the bullet keeps its text.
 */
function withDatesOffBullets(lines: string[]): string[] {
  const moved = [...lines];
  let headerDated = false;
  for (const [index, line] of lines.entries()) {
    const above = moved[index - 1];
    if (!line.startsWith("- ")) {
      const opensHeader = above === undefined || above.startsWith("- ");
      headerDated = (!opensHeader && headerDated) || findDates(line) !== undefined;
      continue;
    }
    if (above === undefined || above.startsWith("- ") || headerDated) continue;
    const dates = findDates(line);
    if (!dates?.isRange || dates.index + dates.matched.length < line.trimEnd().length) continue;
    moved[index - 1] = `${above}\t${dates.matched.trim()}`;
    moved[index] = line.slice(0, dates.index).replace(/[\s\t]+$/u, "");
  }
  return moved;
}

interface Draft {
  headerIndexes: number[];
  bodyIndexes: number[];
}

function anchorOnDates(lines: string[], datedIndexes: number[]): Draft[] {
  const drafts: Draft[] = [];
  let lowerBound = 0;
  for (const [k, dated] of datedIndexes.entries()) {
    const upperBound = datedIndexes[k + 1] ?? lines.length;
    const header = [dated];
    // A line split only at a comma or dash ("Charge Nurse, Emergency Department") may be a title
    // alone, with its employer on the next line: it counts as one part.
    const partCount = () =>
      header.reduce((count, index) => {
        const described = roleParts(lines[index] ?? "");
        return count + (described.unsplit === undefined ? described.parts.length : 1);
      }, 0);
    for (let index = dated - 1; index >= lowerBound && partCount() < 2 && header.length < 3; index--) {
      if (!isHeaderCandidate(lines[index])) break;
      header.unshift(index);
    }
    // Dates first, then the role: "Jan 2019 – Present" over "Senior Engineer, Acme".
    if (header[0] === dated) {
      for (let index = dated + 1; index < upperBound && partCount() < 2 && header.length < 3; index++) {
        if (!isHeaderCandidate(lines[index])) break;
        header.push(index);
      }
    }
    drafts.push({ headerIndexes: header, bodyIndexes: [] });
    lowerBound = Math.max(...header) + 1;
  }
  assignBodies(lines, drafts);
  return drafts;
}

/**
 * Roles without dates: a short role-like line (or two) directly above a run of bullets; without
 * bullets either, each role-like line.
 */
function anchorOnBullets(lines: string[]): Draft[] {
  const drafts: Draft[] = [];
  for (let index = 0; index < lines.length; index++) {
    const startsBullets = lines[index + 1]?.startsWith("- ") ?? false;
    if (!startsBullets || !isHeaderCandidate(lines[index])) continue;
    const header = [index];
    // "Acme Corp" over "Barista": a one-part header may take the line above it.
    if (isHeaderCandidate(lines[index - 1]) && roleParts(lines[index] ?? "").parts.length < 2) {
      header.unshift(index - 1);
    }
    drafts.push({ headerIndexes: header, bodyIndexes: [] });
  }
  // Roles listed one per line, with neither dates nor bullets ("Treasurer, Food Bank").
  if (drafts.length === 0) {
    for (const [index, line] of lines.entries()) {
      if (isHeaderCandidate(line)) drafts.push({ headerIndexes: [index], bodyIndexes: [] });
    }
  }
  assignBodies(lines, drafts);
  return drafts;
}

/** Lines not used as headers belong to the nearest role above them (or the first role). */
function assignBodies(lines: string[], drafts: Draft[]): void {
  const headerLines = new Set(drafts.flatMap((draft) => draft.headerIndexes));
  let owner = 0;
  for (let index = 0; index < lines.length; index++) {
    while (owner + 1 < drafts.length && Math.min(...(drafts[owner + 1]?.headerIndexes ?? [])) <= index)
      owner++;
    if (!headerLines.has(index)) drafts[owner]?.bodyIndexes.push(index);
  }
}

function isHeaderCandidate(line: string | undefined): boolean {
  return line !== undefined && !line.startsWith("- ") && !isDateLine(line) && isRoleLike(line);
}

function opensWithDates(line: string): boolean {
  return isDateLine(line) && findDates(line)?.index === 0;
}

function isDateLine(line: string): boolean {
  if (line.startsWith("- ")) return false;
  const dates = findDates(line);
  // A line in lowercase is a sentence's tail, unless it opens with its dates ("janv. 2020 – …").
  if (!dates || !(/^[\p{Lu}\d(]/u.test(line) || dates.index === 0)) return false;
  const wordCount = line.split(/\s+/).length;
  const sentence = /[.!?]$/.test(line) && !/\b(?:present|current)\.$/i.test(line);
  if (sentence) return false;
  if (dates.isRange) return wordCount <= 18;
  const trimmed = line.replace(/[()]/g, "").trim();
  return wordCount <= 10 && (trimmed.startsWith(dates.matched) || trimmed.endsWith(dates.matched));
}

interface RoleParts {
  parts: string[];
  location?: string;
  /** "Company | Title" layouts put the employer first when the words do not say otherwise. */
  companyFirst: boolean;
  /** "Title at Company" fixes the order. */
  fixedOrder: boolean;
  /** The text of a line split only at a comma or a dash, which may be one title instead. */
  unsplit?: string;
}

/** The lookbehind tries a trailing run only from its first character: one scan of a long run. */
const separatorTrim = /^[\s,|·•–—-]+|(?<![\s,|·•–—-])[\s,|·•–—-]+$/g;

/** The title/company parts of one header line, with its dates and location removed. */
function roleParts(line: string): RoleParts {
  const dates = findDates(line);
  const withoutDates =
    dates && isDateLine(line) ? line.replace(dates.matched, " | ").replace(/\(\s*\|\s*\)/, " | ") : line;
  const segments = withoutDates
    .split(/\s*[|·•\t]\s*/)
    .map((segment) => segment.replace(separatorTrim, ""))
    .filter((segment) => segment !== "");
  const result: RoleParts = { parts: [], companyFirst: segments.length > 1, fixedOrder: false };
  const keepLocation = (location: string | undefined) => {
    if (location && result.location === undefined) result.location = location;
  };
  // Set against the right edge, a field that is no date, title or employer is the place ("KÖLN").
  const field = withoutDates.includes("\t") ? segments[segments.length - 1] : undefined;
  if (field !== undefined && segments.length > 1 && isPlaceField(field)) {
    keepLocation(field);
    segments.pop();
  }
  // "Feb. 2024 – heute | Lyon": after the dates that open a line, a known place is their place (an
  // unknown word there may be the employer: "2019 – Present | Stripe").
  const last = segments.at(-1);
  if (opensWithDates(line) && segments.length === 1 && last !== undefined && isKnownPlace(last)) {
    keepLocation(last);
    segments.pop();
  }
  for (const segment of segments) {
    const { rest, location } = splitTrailingLocation(segment, { bareCity: true });
    keepLocation(location);
    if (rest === "") continue;
    const pieces: string[] = [];
    const split = splitRole(rest, segments.length === 1);
    for (const piece of split.pieces) {
      const place = splitTrailingLocation(piece, { bareCity: true });
      keepLocation(place.location);
      if (place.rest !== "") pieces.push(place.rest);
    }
    if (pieces.length === 2) {
      result.fixedOrder ||= split.by === "at";
      if (split.by !== "at" && segments.length === 1) result.unsplit = rest;
    }
    result.parts.push(...pieces);
  }
  return result;
}

/**
 * "Title at Company", "Title — Company", "Company — City, ST" and, when the line has no other
 * separator, "Title, Company" → two pieces; anything else → one. In a "|" layout each segment is
 * one piece already ("Registered Nurse, Medical ICU" is a title).
 */
function splitRole(text: string, allowComma: boolean): { pieces: string[]; by?: "at" | "dash" | "comma" } {
  // An em dash parts the title from the employer before an "at" or an en dash inside either
  // ("Clinical Rotation – Pediatrics — St. Ansel", "Event Coordinator — The Foundry at Riverside").
  const separators: Array<[RegExp, "at" | "dash" | "comma"]> = [
    [/\s+—\s+/, "dash"],
    [/\s+(?:at|@)\s+/i, "at"],
    [/\s+[–-]\s+/, "dash"],
  ];
  if (allowComma) separators.push([/,\s+(?=[\p{Lu}\d])/u, "comma"]);
  for (const [separator, by] of separators) {
    const match = separator.exec(text);
    if (!match) continue;
    const left = text.slice(0, match.index).trim();
    const right = text.slice(match.index + match[0].length).trim();
    // "The Foundry at Riverside" is one name: "at" parts a title from its employer only. A comma
    // parts a title from its employer, not two parts of one employer ("Cedar Creek School, Willamette
    // School District").
    if (by === "at" && titleScore(left) === 0) continue;
    if (by === "comma" && titleScore(left) === 0 && titleScore(right) === 0 && companyScore(right) > 0)
      continue;
    if (left !== "" && right !== "") return { pieces: [left, right], by };
  }
  return { pieces: [text.trim()] };
}

/** A short right-edge field naming neither a role nor an employer: a city, a region, "Remote". */
function isPlaceField(field: string): boolean {
  return field.split(/\s+/).length <= 4 && titleScore(field) === 0 && companyScore(field) === 0;
}

function toEntry(lines: string[], draft: Draft, previous: Draft | undefined): ExperienceEntry {
  const entry: ExperienceEntry = {
    title: "",
    company: "",
    bullets: bulletsFrom(draft.bodyIndexes.map((i) => lines[i] ?? "")),
  };
  const headerLines = draft.headerIndexes.map((index) => lines[index] ?? "");
  const dates = headerLines.map((line) => (isDateLine(line) ? findDates(line) : undefined)).find(Boolean);
  applyDates(entry, dates);

  const described = headerLines.map(roleParts);
  const location = described.find((parts) => parts.location !== undefined)?.location;
  if (location) entry.location = location;
  const paired = described.find((parts) => parts.parts.length >= 2);
  const all = described.flatMap((parts) => parts.parts);
  // "Charge Nurse, Emergency Department" over "Mercy Hospital": the comma is the title's own.
  // Not a line that opens with its dates: "Feb. 2024 – heute | Köln" names the place.
  const employerLine = described.find(
    (parts, index) =>
      parts !== paired && parts.parts.length === 1 && !opensWithDates(headerLines[index] ?? ""),
  );
  if (paired?.unsplit !== undefined && employerLine) {
    [entry.title, entry.company] = orderTitleCompany(paired.unsplit, employerLine.parts[0] ?? "", false);
  } else if (paired) {
    const [first = "", second = ""] = paired.parts;
    [entry.title, entry.company] = paired.fixedOrder
      ? [first, second]
      : orderTitleCompany(first, second, paired.companyFirst);
    const extra = paired.parts[2];
    if (extra && entry.location === undefined && extra.split(" ").length <= 3) entry.location = extra;
  } else if (all.length >= 2) {
    [entry.title, entry.company] = orderTitleCompany(all[0] ?? "", all[1] ?? "", false);
  } else if (all.length === 1) {
    const only = all[0] ?? "";
    if (companyScore(only) > titleScore(only)) entry.company = only;
    else entry.title = only;
  }
  if (entry.company === "" && previous) entry.company = sharedEmployer(lines, previous);
  return entry;
}

/**
 * Several roles under one employer: "Acme Corp" on its own line, then "Senior Engineer 2020 –
 * Present", bullets, "Engineer 2018 – 2020". The later roles inherit the employer line.
 */
function sharedEmployer(lines: string[], previous: Draft): string {
  const employerLine = previous.headerIndexes
    .map((index) => lines[index] ?? "")
    .find((line) => !isDateLine(line) && roleParts(line).parts.length === 1);
  if (!employerLine) return "";
  const [candidate = ""] = roleParts(employerLine).parts;
  return companyScore(candidate) >= titleScore(candidate) ? candidate : "";
}

function applyDates(entry: ExperienceEntry, dates: DateMention | undefined): void {
  if (!dates) return;
  const start = dates.start ?? dates.end;
  if (start) entry.startDate = start;
  if (dates.end) entry.endDate = dates.end;
}

/** A line ending like this is continued by the next one ("…with" / "the team"). */
const joiningEnd = /(?:,|-|&|\band|\bor|\bthe|\bof|\bto|\bwith|\bfor|\bin)$/i;
/**
 * How much of a bullet's end `joiningEnd` needs: its longest word and the character before it.
 * Testing only this tail keeps a bullet wrapped over many lines linear: testing the whole bullet
 * after each line would rescan (and re-copy) everything joined so far.
 */
const JOINING_END_REACH = 8;

/**
 * Bullets as written, without their "- ". A line that starts in lowercase, or follows a line
 * ending in a comma or a joining word, is the wrapped tail of the bullet above it.
 */
export function bulletsFrom(lines: string[]): string[] {
  const bullets: string[][] = [];
  let tail = "";
  for (const line of lines) {
    if (line === "") continue;
    const text = line.startsWith("- ") ? line.slice(2) : line;
    const current = bullets[bullets.length - 1];
    const continues =
      !line.startsWith("- ") && current !== undefined && (/^\p{Ll}/u.test(text) || joiningEnd.test(tail));
    if (!continues) {
      bullets.push([text]);
      tail = text.slice(-JOINING_END_REACH);
      continue;
    }
    // A word broken at a hyphen ("cross-" / "functional") joins without a space.
    const piece = tail.endsWith("-") ? text : ` ${text}`;
    current.push(piece);
    tail = (tail + piece).slice(-JOINING_END_REACH);
  }
  return bullets.map((pieces) => pieces.join(""));
}
