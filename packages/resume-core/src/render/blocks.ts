import { dateRange, experienceHeading, isPresent } from "../resume-text.ts";
import type { ParsedResume } from "../types.ts";

/**
 * A resume as the flat, single-column sequence of blocks both renderers draw. Keeping the reading
 * order in one place means the PDF and the DOCX always say the same thing in the same order.
 */
export type Block =
  | { kind: "name"; text: string }
  | { kind: "contact"; text: string }
  | { kind: "heading"; text: string }
  | { kind: "paragraph"; text: string }
  /** The first line of an experience or education entry, and the dates/location line under it. */
  | { kind: "entry"; text: string; meta?: string }
  | { kind: "bullet"; text: string };

export const SECTION_HEADINGS = {
  summary: "Summary",
  skills: "Skills",
  experience: "Experience",
  education: "Education",
} as const;

export function resumeBlocks(resume: ParsedResume): Block[] {
  const { contact } = resume;
  const blocks: Block[] = [{ kind: "name", text: contact.name.trim() }];
  if (isPresent(contact.headline)) blocks.push({ kind: "contact", text: contact.headline.trim() });
  const contactParts = [contact.email, contact.phone, contact.location, ...contact.links].filter(isPresent);
  if (contactParts.length > 0) blocks.push({ kind: "contact", text: contactParts.join(" | ") });

  if (resume.summary.trim() !== "") {
    blocks.push(
      { kind: "heading", text: SECTION_HEADINGS.summary },
      { kind: "paragraph", text: resume.summary },
    );
  }
  const skills = resume.skills.filter(isPresent);
  if (skills.length > 0) {
    blocks.push(
      { kind: "heading", text: SECTION_HEADINGS.skills },
      { kind: "paragraph", text: skills.join(", ") },
    );
  }
  if (resume.experience.length > 0) {
    blocks.push({ kind: "heading", text: SECTION_HEADINGS.experience });
    for (const entry of resume.experience) {
      blocks.push(
        entryBlock(experienceHeading(entry), [dateRange(entry.startDate, entry.endDate), entry.location]),
      );
      blocks.push(...bullets(entry.bullets));
    }
  }
  if (resume.education.length > 0) {
    blocks.push({ kind: "heading", text: SECTION_HEADINGS.education });
    for (const entry of resume.education) {
      const title = [entry.degree, entry.institution].filter(isPresent).join(" — ");
      blocks.push(entryBlock(title, [dateRange(entry.startDate, entry.endDate)]));
      blocks.push(...bullets(entry.details));
    }
  }
  for (const [heading, items] of Object.entries(resume.otherSections)) {
    const kept = items.filter(isPresent);
    if (kept.length > 0) blocks.push({ kind: "heading", text: heading }, ...bullets(kept));
  }
  return blocks;
}

function entryBlock(text: string, metaParts: Array<string | undefined>): Block {
  const meta = metaParts.filter(isPresent).join(" | ");
  return meta === "" ? { kind: "entry", text } : { kind: "entry", text, meta };
}

function bullets(items: string[]): Block[] {
  return items.filter(isPresent).map((text) => ({ kind: "bullet", text: text.trim() }));
}
