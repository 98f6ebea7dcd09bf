import type { ResumeSource } from "../golden/schema.ts";

/** What a correct reader extracts from one rendered resume: its source, as its layout wrote it. */
export interface ResumeLabels {
  name: string;
  email: string;
  phone: string;
  experience: Array<{ title: string; company: string; dates: string }>;
  skills: string[];
  education: string[];
}

/** How a layout writes a date ("2021-03" → "Mar 2021", "03/2021", "März 2021" …). */
export type DateStyle = (date: string) => string;

/** A layout's way of writing a range, and the word it uses for "present". */
export interface DateWriting {
  date: DateStyle;
  present: string;
  separator: string;
}

export function writeRange(writing: DateWriting, start: string, end: string): string {
  return `${writing.date(start)}${writing.separator}${end === "present" ? writing.present : writing.date(end)}`;
}

export function labelsOf(source: ResumeSource, writing: DateWriting): ResumeLabels {
  return {
    name: source.name,
    email: source.contact.email,
    phone: source.contact.phone,
    experience: source.experience.map((entry) => ({
      title: entry.title,
      company: entry.company,
      dates: writeRange(writing, entry.start, entry.end),
    })),
    skills: source.skills.flatMap((group) => group.items),
    education: source.education.map((entry) => entry.institution),
  };
}

/** The entries of the other sections (certifications, projects, languages …), each as written. */
export function otherEntries(source: ResumeSource): string[] {
  return source.sections.flatMap((section) => section.entries);
}
