/** Resume section headings and their many spellings. */

export type SectionKind = "summary" | "skills" | "experience" | "education" | "other";

const HEADINGS: Record<SectionKind, string[]> = {
  summary: [
    "summary",
    "professional summary",
    "career summary",
    "executive summary",
    "summary of qualifications",
    "qualifications summary",
    "highlights of qualifications",
    "qualifications",
    "profile",
    "professional profile",
    "career profile",
    "personal profile",
    "objective",
    "career objective",
    "professional objective",
    "about",
    "about me",
    "overview",
    "professional overview",
    "personal statement",
    "introduction",
  ],
  skills: [
    "skills",
    "technical skills",
    "core competencies",
    "competencies",
    "key competencies",
    "key skills",
    "core skills",
    "skills and abilities",
    "skills and competencies",
    "skills and expertise",
    "skills and tools",
    "skills summary",
    "relevant skills",
    "professional skills",
    "areas of expertise",
    "expertise",
    "technical expertise",
    "technologies",
    "tech stack",
    "tools",
    "tools and technologies",
    "technical proficiencies",
    "proficiencies",
    "skill set",
    "skillset",
    "clinical skills",
    "computer skills",
    "software skills",
    "programming languages",
    "capabilities",
    "strengths",
  ],
  experience: [
    "experience",
    "work experience",
    "professional experience",
    "relevant experience",
    "relevant work experience",
    "related experience",
    "employment",
    "employment history",
    "employment experience",
    "work history",
    "career history",
    "professional history",
    "professional background",
    "career experience",
    "clinical experience",
    "teaching experience",
    "industry experience",
    "additional experience",
    "other experience",
    "previous experience",
    "selected experience",
    "leadership experience",
    "military experience",
    "internship experience",
    "internships",
    "positions held",
  ],
  education: [
    "education",
    "education and training",
    "education and certifications",
    "education and credentials",
    "academic background",
    "academic qualifications",
    "academic history",
    "educational background",
    "academics",
    "qualifications and education",
  ],
  other: [
    "certifications",
    "certification",
    "certificates",
    "licenses",
    "licensure",
    "licenses and certifications",
    "licenses and certificates",
    "certifications and licenses",
    "certifications and training",
    "credentials",
    "professional certifications",
    "projects",
    "personal projects",
    "selected projects",
    "key projects",
    "academic projects",
    "side projects",
    "languages",
    "language skills",
    "volunteering",
    "volunteer experience",
    "volunteer work",
    "community service",
    "community involvement",
    "awards",
    "honors",
    "honours",
    "awards and honors",
    "honors and awards",
    "achievements",
    "accomplishments",
    "key achievements",
    "publications",
    "presentations",
    "interests",
    "hobbies",
    "hobbies and interests",
    "references",
    "activities",
    "extracurricular activities",
    "leadership",
    "affiliations",
    "professional affiliations",
    "memberships",
    "professional memberships",
    "training",
    "courses",
    "coursework",
    "relevant coursework",
    "professional development",
    "continuing education",
    "conferences",
    "patents",
    "research",
    "military service",
    "portfolio",
  ],
};

/** Headings that may carry their content on the same line ("Skills: Python, SQL"). Words such as
 * "Technologies:" are left out: inside a job they introduce that job's stack, not a new section. */
const INLINE_HEADINGS = new Set([
  "summary",
  "profile",
  "objective",
  "skills",
  "technical skills",
  "key skills",
  "core competencies",
  "education",
  "certifications",
  "licenses",
  "languages",
  "interests",
  "hobbies",
  "awards",
]);

const kindByHeading = new Map<string, SectionKind>(
  (Object.entries(HEADINGS) as [SectionKind, string[]][]).flatMap(([kind, headings]) =>
    headings.map((heading): [string, SectionKind] => [heading, kind]),
  ),
);

/** Letter-spaced headings ("E X P E R I E N C E") lose their word gaps; look them up without spaces. */
const headingByCompactForm = new Map<string, string>(
  [...kindByHeading.keys()].map((key) => [key.replace(/ /g, ""), key]),
);
const letterSpaced = /^(?:\p{Lu} )+\p{Lu}$/u;

export interface Heading {
  kind: SectionKind;
  /** The heading for display ("Licenses & Certifications"), used to key other sections. */
  title: string;
  /** Content written after "Heading:" on the same line. */
  inlineContent?: string;
}

const MARKED_HEADING = /^#{1,6} +(\S.*)$/u;

/**
 * A heading marked as one ("# Where I've worked": a Markdown heading, or a PDF line set in the
 * headings' size): the words of a known section give its kind, any other words head a section of
 * their own.
 */
export function markedHeading(line: string): Heading | undefined {
  const words = MARKED_HEADING.exec(line)?.[1];
  if (words === undefined) return undefined;
  const known = recognizeHeading(words);
  return known?.inlineContent === undefined && known ? known : { kind: "other", title: displayTitle(words) };
}

/** A marked heading's words without the mark. */
export function unmarked(line: string): string {
  return MARKED_HEADING.exec(line)?.[1] ?? line;
}

/** Recognizes a section heading line, or returns undefined for any other line. */
export function recognizeHeading(line: string): Heading | undefined {
  if (line.startsWith("- ") || line.length > 80) return undefined;
  const whole = kindByHeading.get(headingKey(line));
  if (whole) return { kind: whole, title: displayTitle(line) };
  const spaced = line.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, "");
  const compact = letterSpaced.test(spaced)
    ? headingByCompactForm.get(spaced.replace(/ /g, "").toLowerCase())
    : undefined;
  const compactKind = compact === undefined ? undefined : kindByHeading.get(compact);
  if (compact !== undefined && compactKind)
    return { kind: compactKind, title: displayTitle(compact.toUpperCase()) };

  const inline = /^([\p{L} &/]{3,40}):\s*(\S.*)$/u.exec(line);
  const label = inline?.[1];
  if (label && inline[2] && INLINE_HEADINGS.has(headingKey(label))) {
    const kind = kindByHeading.get(headingKey(label));
    if (kind) return { kind, title: displayTitle(label), inlineContent: inline[2] };
  }
  return undefined;
}

/** "— WORK EXPERIENCE: —", "Skills & Abilities" → their dictionary form. */
function headingKey(line: string): string {
  return line
    .trim()
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^\p{L}\s]/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

function displayTitle(line: string): string {
  const text = line
    .trim()
    .replace(/^[^\p{L}]+|[^\p{L})]+$/gu, "")
    .trim();
  if (text !== text.toUpperCase()) return text;
  // ALL-CAPS headings are styling, not names: show "LICENSES & CERTIFICATIONS" as "Licenses & Certifications".
  return text.toLowerCase().replace(/(^|[\s/&-])(\p{L})/gu, (_, before: string, letter: string) => {
    return before + letter.toUpperCase();
  });
}
