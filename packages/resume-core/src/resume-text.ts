import type { ExperienceEntry, ParsedResume } from "./types.ts";

/**
 * Plain text of a resume built from its fields, in reading order. Tailoring stores it as the new
 * `text`, and the invention check reads it, so both agree on what the document says.
 */
export function resumeToText(resume: ParsedResume): string {
  const { contact } = resume;
  const lines: string[] = [contact.name];
  if (isPresent(contact.headline)) lines.push(contact.headline);
  const contactLine = [contact.email, contact.phone, contact.location, ...contact.links].filter(isPresent);
  if (contactLine.length > 0) lines.push(contactLine.join(" | "));

  if (resume.summary.trim() !== "") lines.push("", "Summary", resume.summary);
  if (resume.skills.length > 0) lines.push("", "Skills", resume.skills.join(", "));
  if (resume.experience.length > 0) {
    lines.push("", "Experience");
    for (const entry of resume.experience) lines.push(...experienceLines(entry), "");
    lines.pop();
  }
  if (resume.education.length > 0) {
    lines.push("", "Education");
    for (const entry of resume.education) {
      lines.push([entry.degree, entry.institution].filter(isPresent).join(", "));
      const dates = dateRange(entry.startDate, entry.endDate);
      if (dates !== "") lines.push(dates);
      lines.push(...entry.details.map((detail) => `- ${detail}`));
    }
  }
  for (const [heading, items] of Object.entries(resume.otherSections)) {
    if (items.length > 0) lines.push("", heading, ...items);
  }
  return lines.join("\n");
}

export function experienceHeading(entry: ExperienceEntry): string {
  return [entry.title, entry.company].filter((part) => part.trim() !== "").join(" — ");
}

export function dateRange(start: string | undefined, end: string | undefined): string {
  return [start, end].filter(isPresent).join(" – ");
}

function experienceLines(entry: ExperienceEntry): string[] {
  const meta = [dateRange(entry.startDate, entry.endDate), entry.location].filter(isPresent);
  return [
    experienceHeading(entry),
    ...(meta.length > 0 ? [meta.join(" | ")] : []),
    ...entry.bullets.map((b) => `- ${b}`),
  ];
}

export function isPresent(value: string | undefined): value is string {
  return value !== undefined && value.trim() !== "";
}
