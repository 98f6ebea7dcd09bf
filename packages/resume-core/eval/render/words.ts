import type { ResumeSource } from "../golden/schema.ts";
import type { DateWriting } from "./labels.ts";

type Language = ResumeSource["language"];
type SectionWord =
  | "summary"
  | "experience"
  | "education"
  | "skills"
  | ResumeSource["sections"][number]["kind"];

/** Each language's usual heading for a section, and its word for "present". */
export const HEADINGS: Record<Language, Record<SectionWord, string> & { present: string }> = {
  en: {
    summary: "Summary",
    experience: "Experience",
    education: "Education",
    skills: "Skills",
    certifications: "Certifications",
    projects: "Projects",
    publications: "Publications",
    languages: "Languages",
    awards: "Awards",
    interests: "Interests",
    leadership: "Leadership",
    present: "Present",
  },
  de: {
    summary: "Profil",
    experience: "Berufserfahrung",
    education: "Ausbildung",
    skills: "Kenntnisse",
    certifications: "Zertifikate",
    projects: "Projekte",
    publications: "Veröffentlichungen",
    languages: "Sprachen",
    awards: "Auszeichnungen",
    interests: "Interessen",
    leadership: "Engagement",
    present: "heute",
  },
  es: {
    summary: "Perfil",
    experience: "Experiencia laboral",
    education: "Formación",
    skills: "Habilidades",
    certifications: "Certificaciones",
    projects: "Proyectos",
    publications: "Publicaciones",
    languages: "Idiomas",
    awards: "Premios",
    interests: "Intereses",
    leadership: "Liderazgo",
    present: "Actualidad",
  },
  fr: {
    summary: "Profil",
    experience: "Expérience professionnelle",
    education: "Formation",
    skills: "Compétences",
    certifications: "Certifications",
    projects: "Projets",
    publications: "Publications",
    languages: "Langues",
    awards: "Distinctions",
    interests: "Centres d'intérêt",
    leadership: "Engagement",
    present: "aujourd'hui",
  },
};

const MONTHS: Record<Language, string[]> = {
  en: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
  de: ["Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sept.", "Okt.", "Nov.", "Dez."],
  es: ["ene.", "feb.", "mar.", "abr.", "may.", "jun.", "jul.", "ago.", "sept.", "oct.", "nov.", "dic."],
  fr: ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."],
};

/** "2021-03" as "Mar 2021" in the resume's language; a year alone stays a year. */
export function monthYear(language: Language): (date: string) => string {
  return (date) => {
    const [year, month] = date.split("-");
    return month === undefined ? (year ?? date) : `${MONTHS[language][Number(month) - 1]} ${year}`;
  };
}

/** "2021-03" as "03/2021". */
export function numericMonth(date: string): string {
  const [year, month] = date.split("-");
  return month === undefined ? (year ?? date) : `${month}/${year}`;
}

/** Ranges as "Mar 2021 – Present", in the resume's language. */
export function monthYearRanges(language: Language): DateWriting {
  return { date: monthYear(language), present: HEADINGS[language].present, separator: " – " };
}
