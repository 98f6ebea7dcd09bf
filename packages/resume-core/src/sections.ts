import type { ExperienceKind } from "./types.ts";

/**
 * Resume section headings and their many spellings, in English, German, French and Spanish. Volunteer
 * and campus roles are experience (of their own kind); a heading matches in any case, with "&" for
 * "and" and any punctuation.
 */

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
    "about myself",
    "who i am",
    "snapshot",
    "at a glance",
    "personal summary",
    "kurzprofil",
    "über mich",
    "zusammenfassung",
    "persönliches profil",
    "berufliches profil",
    "profil",
    "zielsetzung",
    "berufsziel",
    "à propos",
    "à propos de moi",
    "profil professionnel",
    "objectif professionnel",
    "présentation",
    "synthèse",
    "résumé",
    "perfil",
    "perfil profesional",
    "resumen",
    "resumen profesional",
    "sobre mí",
    "acerca de mí",
    "objetivo profesional",
    "extracto",
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
    "what i know",
    "what i do",
    "what i bring",
    "my skills",
    "skills and awards",
    "skills and interests",
    "skills and certifications",
    "technical skills and certifications",
    "skills and languages",
    "technical toolkit",
    "toolkit",
    "tools and skills",
    "software and tools",
    "hard skills",
    "soft skills",
    "languages and technologies",
    "languages and frameworks",
    "technologies and tools",
    "kenntnisse",
    "fähigkeiten",
    "fachkenntnisse",
    "it kenntnisse",
    "edv kenntnisse",
    "kompetenzen",
    "fachliche kompetenzen",
    "technische kenntnisse",
    "fertigkeiten",
    "kenntnisse und fähigkeiten",
    "qualifikationen",
    "schwerpunkte",
    "werkzeuge",
    "compétences",
    "compétences techniques",
    "compétences clés",
    "compétences professionnelles",
    "compétences informatiques",
    "savoir faire",
    "connaissances",
    "outils",
    "informatique",
    "aptitudes",
    "habilidades",
    "competencias",
    "conocimientos",
    "habilidades técnicas",
    "competencias técnicas",
    "conocimientos técnicos",
    "herramientas",
    "conocimientos informáticos",
    "capacidades",
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
    "where i ve worked",
    "where i have worked",
    "what i ve done",
    "work",
    "career",
    "experience highlights",
    "professional experience and leadership",
    "work and leadership experience",
    "volunteer experience",
    "volunteering experience",
    "volunteer work",
    "volunteering",
    "community involvement",
    "involvement",
    "campus involvement",
    "on campus involvement",
    "campus experience",
    "leadership and involvement",
    "leadership and activities",
    "student involvement",
    "extracurricular experience",
    "research experience",
    "work and volunteer experience",
    "berufserfahrung",
    "berufliche erfahrung",
    "berufspraxis",
    "beruflicher werdegang",
    "werdegang",
    "praxiserfahrung",
    "arbeitserfahrung",
    "beschäftigungsverlauf",
    "praktika",
    "berufliche stationen",
    "ehrenamt",
    "ehrenamtliches engagement",
    "expérience",
    "expériences",
    "expérience professionnelle",
    "expériences professionnelles",
    "parcours professionnel",
    "emplois",
    "stages",
    "historique professionnel",
    "bénévolat",
    "engagement associatif",
    "experiencia",
    "experiencia profesional",
    "experiencia laboral",
    "trayectoria profesional",
    "historial laboral",
    "prácticas",
    "empleo",
    "voluntariado",
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
    "where i studied",
    "where i ve studied",
    "education and qualifications",
    "schooling",
    "studies",
    "ausbildung",
    "bildung",
    "bildungsweg",
    "schulbildung",
    "studium",
    "akademischer werdegang",
    "aus und weiterbildung",
    "hochschulbildung",
    "schulische ausbildung",
    "formation",
    "formations",
    "éducation",
    "études",
    "diplômes",
    "parcours académique",
    "formation académique",
    "cursus",
    "educación",
    "formación",
    "formación académica",
    "estudios",
    "titulación",
    "formación y estudios",
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
    "community service",
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
    "sprachen",
    "sprachkenntnisse",
    "zertifikate",
    "zertifizierungen",
    "weiterbildung",
    "weiterbildungen",
    "fortbildungen",
    "projekte",
    "engagement",
    "interessen",
    "hobbys",
    "auszeichnungen",
    "publikationen",
    "veröffentlichungen",
    "referenzen",
    "mitgliedschaften",
    "langues",
    "certificats",
    "projets",
    "centres d intérêt",
    "loisirs",
    "intérêts",
    "distinctions",
    "prix",
    "références",
    "activités",
    "associations",
    "idiomas",
    "certificaciones",
    "certificados",
    "proyectos",
    "intereses",
    "aficiones",
    "premios",
    "reconocimientos",
    "publicaciones",
    "referencias",
    "actividades",
    "logros",
    "cursos",
    "liderazgo",
  ],
};

/** Headings that may carry their content on the same line ("Skills: Python, SQL"). Words such as
 * "Technologies:" are left out: inside a job they introduce that job's stack, not a new section. */
const INLINE_HEADINGS = new Set([
  "kenntnisse",
  "sprachen",
  "compétences",
  "langues",
  "habilidades",
  "idiomas",
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
    headings.map((heading): [string, SectionKind] => [headingKey(heading), kind]),
  ),
);

/** Letter-spaced headings ("E X P E R I E N C E") lose their word gaps; look them up without spaces. */
const headingByCompactForm = new Map<string, string>(
  [...kindByHeading.keys()].map((key) => [key.replace(/ /g, ""), key]),
);
const letterSpaced = /^(?:\p{Lu} )+\p{Lu}$/u;

export interface Heading {
  kind: SectionKind;
  /** For an experience section of volunteer or campus roles, their kind. */
  entryKind?: ExperienceKind;
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

const VOLUNTEER_WORDS = /volunt|communit|ehrenamt|bénévol|associatif/u;
const CAMPUS_WORDS = /campus|involvement|extracurricular|student|activities/u;

function entryKindOf(kind: SectionKind, key: string): ExperienceKind | undefined {
  if (kind !== "experience") return undefined;
  if (VOLUNTEER_WORDS.test(key)) return "volunteer";
  return CAMPUS_WORDS.test(key) ? "campus" : undefined;
}

function headingOf(kind: SectionKind, key: string, title: string, inlineContent?: string): Heading {
  const entryKind = entryKindOf(kind, key);
  return {
    kind,
    title,
    ...(entryKind === undefined ? {} : { entryKind }),
    ...(inlineContent === undefined ? {} : { inlineContent }),
  };
}

/** Recognizes a section heading line, or returns undefined for any other line. */
export function recognizeHeading(line: string): Heading | undefined {
  if (line.startsWith("- ") || line.length > 80) return undefined;
  const whole = kindByHeading.get(headingKey(line));
  if (whole) return headingOf(whole, headingKey(line), displayTitle(line));
  const spaced = line.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, "");
  const compact = letterSpaced.test(spaced)
    ? headingByCompactForm.get(spaced.replace(/ /g, "").toLowerCase())
    : undefined;
  const compactKind = compact === undefined ? undefined : kindByHeading.get(compact);
  if (compact !== undefined && compactKind)
    return headingOf(compactKind, compact, displayTitle(compact.toUpperCase()));

  const inline = /^([\p{L} &/]{3,40}):\s*(\S.*)$/u.exec(line);
  const label = inline?.[1];
  if (label && inline[2] && INLINE_HEADINGS.has(headingKey(label))) {
    const kind = kindByHeading.get(headingKey(label));
    if (kind) return headingOf(kind, headingKey(label), displayTitle(label), inline[2]);
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
