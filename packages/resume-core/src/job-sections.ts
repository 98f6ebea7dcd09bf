/** Job description sections: what decides whether a skill is required, preferred or just mentioned. */

export type JobSectionKind = "intro" | "required" | "preferred" | "responsibilities" | "about";

const JOB_HEADINGS: Record<Exclude<JobSectionKind, "intro">, string[]> = {
  required: [
    "requirements",
    "required",
    "key requirements",
    "job requirements",
    "minimum requirements",
    "qualifications",
    "required qualifications",
    "minimum qualifications",
    "basic qualifications",
    "requirements and qualifications",
    "qualifications and requirements",
    "required skills",
    "required experience",
    "skills and experience",
    "skills and qualifications",
    "essential",
    "essentials",
    "essential criteria",
    "desired candidate profile",
    "candidate profile",
    "essential skills",
    "essential requirements",
    "what youll bring",
    "what you bring",
    "what youll need",
    "what you need",
    "what were looking for",
    "what we are looking for",
    "who you are",
    "you have",
    "about you",
    "your profile",
    "your background",
    "must have",
    "must haves",
    "must",
    "ihr profil",
    "dein profil",
    "anforderungen",
    "anforderungsprofil",
    "voraussetzungen",
    "was du mitbringst",
    "das bringst du mit",
    "was sie mitbringen",
    "das bringen sie mit",
    "deine qualifikationen",
    "ihre qualifikationen",
    "was wir erwarten",
    "wir erwarten",
    "requisitos",
    "requisitos mínimos",
    "requisitos imprescindibles",
    "imprescindible",
    "perfil",
    "perfil buscado",
    "tu perfil",
    "qué buscamos",
    "que buscamos",
    "lo que buscamos",
    "buscamos",
    "profil",
    "profil recherché",
    "votre profil",
    "ton profil",
    "compétences requises",
    "prérequis",
    "qualifications requises",
    "exigences",
    "ce que nous recherchons",
  ],
  preferred: [
    "nice to have",
    "nice to haves",
    "good to have",
    "preferred",
    "preferred qualifications",
    "preferred skills",
    "preferred experience",
    "desired",
    "desired qualifications",
    "desired skills",
    "desirable",
    "desirable criteria",
    "bonus",
    "bonus points",
    "pluses",
    "plus",
    "extra credit",
    "even better if",
    "it would be great if",
    "additional qualifications",
    "wünschenswert",
    "von vorteil",
    "idealerweise",
    "pluspunkte",
    "requisitos deseables",
    "deseable",
    "deseables",
    "se valorará",
    "se valora",
    "valorable",
    "valorables",
    "atouts",
    "serait un plus",
    "les plus",
    "un plus",
    "apprécié",
  ],
  responsibilities: [
    "responsibilities",
    "key responsibilities",
    "your responsibilities",
    "job responsibilities",
    "role responsibilities",
    "duties",
    "job duties",
    "duties and responsibilities",
    "essential functions",
    "what youll do",
    "what you will do",
    "what youll be doing",
    "you will",
    "in this role",
    "in this role you will",
    "day to day",
    "a day in the life",
    "your role",
    "the role",
    "ihre aufgaben",
    "deine aufgaben",
    "aufgaben",
    "aufgabengebiet",
    "ihr aufgabengebiet",
    "dein aufgabenbereich",
    "tätigkeiten",
    "was dich erwartet",
    "das erwartet dich",
    "was sie erwartet",
    "funciones",
    "tus funciones",
    "responsabilidades",
    "tareas",
    "qué harás",
    "tu día a día",
    "missions",
    "vos missions",
    "tes missions",
    "responsabilités",
    "vos responsabilités",
    "le poste",
    "descriptif du poste",
    "votre rôle",
  ],
  about: [
    "about the role",
    "about us",
    "about the company",
    "about the team",
    "who we are",
    "benefits",
    "perks",
    "perks and benefits",
    "what we offer",
    "compensation",
    "salary",
    "pay",
    "equal opportunity",
    "equal opportunity employer",
    "how to apply",
    "our values",
    "why join us",
    "location",
    "wir bieten",
    "was wir bieten",
    "das bieten wir",
    "unser angebot",
    "über uns",
    "wer wir sind",
    "deine vorteile",
    "ihre vorteile",
    "ofrecemos",
    "qué ofrecemos",
    "que ofrecemos",
    "te ofrecemos",
    "beneficios",
    "sobre nosotros",
    "quiénes somos",
    "nous offrons",
    "nous proposons",
    "ce que nous offrons",
    "avantages",
    "à propos",
    "qui sommes nous",
    "rémunération",
  ],
};

const kindByHeading = new Map<string, JobSectionKind>(
  (Object.entries(JOB_HEADINGS) as [JobSectionKind, string[]][]).flatMap(([kind, headings]) =>
    headings.map((heading): [string, JobSectionKind] => [heading, kind]),
  ),
);

export interface JobSection {
  kind: JobSectionKind;
  lines: string[];
}

function headingKey(line: string): string {
  return line
    .toLowerCase()
    .replace(/['’]/g, "")
    .replace(/&/g, " and ")
    .replace(/[^\p{L}\s]/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

const ABOUT_CUE =
  /\b(?:perks|benefits|pay|salary|compensation|what we offer|about us|who we are|equal opportunity|conditions of employment|how to apply|our values|why join|life at|(?:hiring|interview|recruitment|application|selection) process|application (?:requirements|materials|documents|checklist)|to apply|next steps|what happens next|déroulement|processus de recrutement|proceso de selección|bewerbungsprozess|so geht es weiter|how we hire|bieten|vorteile|vergütung|ofrecemos|beneficios|offrons|proposons|avantages|rémunération)\b/;

/** A heading in words no list holds is told by the words it uses, in this order. */
const HEADING_CUES: Array<[JobSectionKind, RegExp]> = [
  [
    "preferred",
    /\b(?:prefer\w*|nice|bonus|plus|pluses|desir\w*|extra|optional|asset|stand out|great if|good to have)\b/,
  ],
  [
    "required",
    /\b(?:requir\w*|qualif\w*|must|need|needs|have|bring|looking for|you are|about you|skills|experience|profile|background|should|expect)\b/,
  ],
  ["responsibilities", /\b(?:responsib\w*|duties|tasks|do|own|doing|will|role|impact|mission|day|work on)\b/],
];

/**
 * The kind of a heading line, or undefined for ordinary lines. Known headings are matched whole;
 * an unknown short line that ends in ":" or heads a list is classified by its words ("What you'll
 * own", "You should have", "Preferred Skills:"); when they say nothing, a "Label:" is about the
 * company and a list's heading is read like the introduction.
 */
export function jobHeadingKind(line: string, next?: string): JobSectionKind | undefined {
  if (line.startsWith("- ") || line.split(/\s+/).length > 8) return undefined;
  const key = headingKey(line);
  const known = kindByHeading.get(key);
  if (known) return known;
  // Pay and benefits, the company, how to apply: about the company, whatever follows.
  // "Bonus points if…": a heading may trail off into the list it opens.
  const open = !/[.!?,;]$/.test(line.replace(/(?:\.{3}|…)$/u, ""));
  if (line.split(/\s+/).length <= 5 && open && ABOUT_CUE.test(key)) return "about";
  // "IT WOULD BE GREAT IF YOU ALSO HAVE": a line in capitals may be longer.
  const shouted = line === line.toUpperCase() && /\p{Lu}{2}/u.test(line);
  const headsList = next?.startsWith("- ") === true && line.split(/\s+/).length <= (shouted ? 8 : 6) && open;
  if (!/:$/.test(line.trim()) && !headsList) return undefined;
  const cued = HEADING_CUES.find(([, cue]) => cue.test(key))?.[0];
  if (cued) return cued;
  return /:$/.test(line.trim()) ? "about" : "intro";
}

export function splitJobSections(lines: string[]): JobSection[] {
  const sections: JobSection[] = [{ kind: "intro", lines: [] }];
  for (const [index, line] of lines.entries()) {
    const next = lines.slice(index + 1, index + 3).find((candidate) => candidate !== "");
    const kind = jobHeadingKind(line, next);
    if (kind) {
      sections.push({ kind, lines: [] });
      continue;
    }
    if (endsList(sections.at(-1), line)) sections.push({ kind: "intro", lines: [] });
    sections[sections.length - 1]?.lines.push(line);
  }
  return sections;
}

/**
 * A paragraph after a blank line ends the list of requirements or preferences above it: "Process: one
 * technical interview …", "Interested? Send your CV …" are neither.
 */
function endsList(section: JobSection | undefined, line: string): boolean {
  if (section === undefined || (section.kind !== "required" && section.kind !== "preferred")) return false;
  const filled = section.lines.filter((candidate) => candidate !== "");
  return (
    line !== "" &&
    !line.startsWith("- ") &&
    section.lines.at(-1) === "" &&
    filled.length > 0 &&
    filled.every((candidate) => candidate.startsWith("- "))
  );
}
