import { z } from "zod";

/**
 * The golden set's sources: what each resume and job description says, written once as data
 * (docs/adr/0020-golden-set-and-evaluation-gate.md). Every document of the set is rendered from
 * one resume source, and its labels are the source as that layout writes it. A source is fiction:
 * no real person, company, email or phone number (`example.*` addresses, `555` numbers).
 */

export const PROFESSIONS = [
  "software",
  "data",
  "nursing",
  "sales",
  "teaching",
  "trades",
  "finance",
  "design",
  "marketing",
  "hospitality",
  "student",
] as const;

/** Year and month ("2021-03") or a year alone ("2019"); layouts write it in their own style. */
const month = z.string().regex(/^\d{4}(-(0[1-9]|1[0-2]))?$/);
const text = z.string().trim().min(1);

export const resumeSourceSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  profession: z.enum(PROFESSIONS),
  /** BCP 47: "en", "de", "es", "fr". */
  language: z.enum(["en", "de", "es", "fr"]),
  /** The level the resume shows, for ranking. */
  seniority: z.enum(["intern", "junior", "mid", "senior", "lead"]),
  name: text,
  /** A line under the name ("Registered Nurse, ICU"), or null. */
  headline: text.nullable(),
  contact: z.strictObject({ email: z.email(), phone: text, location: text, links: z.array(text) }),
  /** Empty when the resume has none. */
  summary: z.string(),
  experience: z.array(
    z.strictObject({
      /** Volunteer and campus roles are experience of their own kind. */
      kind: z.enum(["work", "volunteer", "campus", "internship"]),
      title: text,
      company: text,
      location: text.optional(),
      start: month,
      end: z.union([month, z.literal("present")]),
      bullets: z.array(text),
    }),
  ),
  education: z.array(
    z.strictObject({
      institution: text,
      degree: text.optional(),
      location: text.optional(),
      start: month.optional(),
      end: z.union([month, z.literal("present")]).optional(),
      details: z.array(text),
    }),
  ),
  skills: z.array(
    z.strictObject({
      /** A label inside the skills section ("Technical Skills", "Tools"), or null for a plain list. */
      label: text.nullable(),
      items: z.array(text).min(1),
    }),
  ),
  /** Other sections: what each is, whatever heading a layout gives it. */
  sections: z.array(
    z.strictObject({
      kind: z.enum([
        "certifications",
        "projects",
        "publications",
        "languages",
        "awards",
        "interests",
        "leadership",
      ]),
      entries: z.array(text).min(1),
    }),
  ),
});
export type ResumeSource = z.infer<typeof resumeSourceSchema>;

/** A job description's labels: what a correct reader takes from its text (`<id>.txt` beside them). */
export const jobSourceSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  profession: z.enum(PROFESSIONS),
  language: z.enum(["en", "de", "es", "fr"]),
  /** "prose" (paragraphs with cue phrases) or "bullets" (headed lists). */
  form: z.enum(["prose", "bullets"]),
  /** The role's title as the posting names it, even when only inside a sentence. */
  title: text,
  /**
   * From the title alone, never from verbs in the text: its level word (Intern, Junior, Senior,
   * Lead, Principal; Head, Director, VP as executive) or grade numeral (II as mid); "unspecified"
   * when the title gives none.
   */
  seniority: z.enum(["intern", "junior", "mid", "senior", "lead", "principal", "executive", "unspecified"]),
  /** Skills the requirements name, as written. */
  requiredSkills: z.array(text),
  /** Skills called preferred, a bonus, nice to have, as written. */
  niceToHaveSkills: z.array(text),
  /** Minimum years asked for, or null. */
  yearsOfExperience: z.number().int().positive().nullable(),
  /** The salary as written, or null. */
  salary: text.nullable(),
  /** Each responsibility, as written. */
  responsibilities: z.array(text),
});
export type JobSource = z.infer<typeof jobSourceSchema>;

/** Names of one skill that a reader takes as the same; scoring reads a skill under any of them. */
export const skillFormsSchema = z.strictObject({
  about: text,
  version: z.number().int().positive(),
  forms: z.array(z.array(text).min(2)),
});
