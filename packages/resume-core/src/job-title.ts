import { companyScore, endsInRoleNoun, titleScore } from "./roles.ts";
import { canonicalSkill } from "./skills.ts";

/** A posting's header: its first lines, before the first sentence-long line. */
const HEADER_LINES = 5;
/** A header line is a short label; anything longer is prose. */
const MAX_HEADER_WORDS = 12;
/** The lines searched for a sentence that names the role, when no header line does. */
const CUE_LINES = 10;
/** What boards put between a title and its company, place or term: "Title – Company", "Company · City". */
const SEPARATOR = /\s+[–—|·•]\s+|\s+-\s+/;
/** Gender markers of German, Austrian and French postings: "(m/w/d)", "(f/m/x)", "(H/F)", a bare "H/F", "(all genders)". */
const GENDER_MARKER =
  /\s*\((?:[mwfdxh*]\s*\/\s*){1,3}[mwfdxh*]\)|\s*\(all genders\)|\s+(?:[mwfdxh]\s*\/\s*){1,2}[mwfdxh](?=\s*(?:$|[-–—|·,]))/gi;
/**
 * "… is looking for a Senior Data Engineer to …", "We're hiring an …", "join us as a …", "Acme
 * seeks a …", "We need a …", "Now hiring: Line Cook", "accepting applications for Cashier", "Are you an
 * experienced Bookkeeper?".
 */
const HIRING_CUE =
  /\b(?:looking for|hiring|seeking|seeks|searching for|recruiting|need|needs|wants|opening for|are you|(?:accepting|invites|inviting) applications for(?: the (?:position|role) of)?|join (?:us|our team|[\p{Lu}][\p{L}&.-]*(?:\s+[\p{Lu}][\p{L}&.-]*){0,2}) as)(?:\s*:\s*|\s+(?:(?:an?|our (?:next|new|first)|the)\s+)?)(.+?)(?=\s+(?:to|who|that|for|with|at|in|on|and|based|looking|ready|interested|eager)\b|\s+[-–—|]\s+|[,.;:!?(]|$)/giu;

/**
 * The same in German, Spanish and French: "Wir suchen ab sofort eine Pflegefachkraft (m/w/d) für
 * …", "Buscamos Contable Senior para …", "Nous recherchons un Développeur Full Stack (H/F) pour …".
 * German capitalizes every noun, so its filler ("zum nächstmöglichen Zeitpunkt") ends at an article;
 * a feminine ending in parentheses ("Chargé(e) de recrutement") is part of the title.
 */
const HIRING_CUE_ABROAD =
  /(?:\b(?:wir\s+)?such(?:en|t)(?:\s+(?:[^.,;:]|\d\.){1,40}?)?\s+(?:eine?n?|eine?[:*_/]n|ein[:*_/]e|einen\/eine|(?:dich|Sie)\s+als)|\b(?:buscamos|estamos buscando|busca|se busca|se precisa|se necesita|necesitamos|precisamos|selecciona|incorpora|nous recherchons|nous cherchons|recherchons|recherche|recrute|recrutons)(?:\s+(?:une?|una|un\(e\)|un\/a|un\/una))?)\s+(.+?)(?=\s+(?:für|zur|zum|in|ab|mit|bei|para|en|con|que|quien|qui|pour|à|au|afin|dans|avec|au sein)\b|[,.;!?]|:(?!in(?:nen)?(?!\p{L}))|\((?!(?:e|ère|euse|trice|ne|le|se|a|o)\))|$)/giu;
/** "Sous Chef wanted for …", "Line Cook needed": a title that opens a line and is then asked for. */
const ROLE_WANTED = /^((?:[\p{Lu}][\p{L}&/-]*\s+){0,5}[\p{Lu}][\p{L}&/-]*) (?:wanted|needed)\b/gu;
/** "As a Data Scientist, you will…", "As our Front Office Manager, you'll…". */
const AS_ROLE = /\bAs (?:an?|our|the) ([^,.;:!?]{3,60}),\s+you\b/g;
/** "The Staff Accountant will own…", "The Product Designer is responsible for…". */
const THE_ROLE_WILL =
  /\b[Tt]he ((?:[\p{Lu}][\p{L}&/-]*\s+){0,5}[\p{Lu}][\p{L}&/-]*) (?:will|is responsible|reports|owns|leads|performs|provides|supports|manages|oversees|plans)\b/gu;
/** "Job Title: Scrum Master", "Position: Registered Nurse, ICU": a line that says what the role is. */
const ROLE_LABEL =
  /^(?:job title|job|position(?: title)?|role|title|(?:job )?classification|opportunity|vacancy|(?:job )?opening|now hiring|stellenangebot|stelle|puesto|oferta(?: de (?:empleo|trabajo))?|poste|offre d['’]emploi)\s*[:：]\s*(.+)$/iu;
const MAX_LABELLED_WORDS = 8;
/** "Company: Acme", "Location: Remote": a labelled header line that names something else. */
const OTHER_LABEL = /^[\p{L} ]{2,20}\s*[:：]\s*\S/u;
/** A hiring cue alone on its line, the role on the next: "Recrute", "Wir suchen:", "We're hiring!". */
const HIRING_ALONE =
  /^(?:(?:we(?:'re|’re| are) )?(?:now )?hiring|recrute|recrutons|recrutement|nous recrutons|wir suchen(?: dich| Sie)?|buscamos|se busca|seleccionamos)\s*[:!.]?$/iu;
/** "Un(e) …", "Eine …", "Un/a …": the article before a role named on its own line. */
const INDEFINITE_ARTICLE = /^(?:an?|une?|un\(e\)|un\/e|una|un\/a|eine?n?|ein\(e\))\s+/iu;
/** A header line that is a sentence ("We're hiring a Line Cook!") is read for its cue instead. */
const SENTENCE_END = /[.!?]$/;

/**
 * A parenthesis that only states the terms of the job, not the role: "(Remote)", "(Contract, 6
 * months)", "(Part-Time)", "(Nights)".
 */
const TERM_WORD =
  "(?:fte|remote|hybrid|on-?site|in-office|contract|contractor|temporary|temp|part-time|full-time|part time|full time|freelance|permanent|fixed-term|interim|seasonal|per diem|prn|nights?|days?|evenings?|weekends?|shift|\\d+(?:\\.\\d+)?(?!\\d)\\+?|\\d+(?:st|nd|rd|th)|months?|weeks?|years?|periods?|hrs?|hours?|[-–,/&]|and|or)";
const TERMS_ONLY = new RegExp(`\\s*[([]\\s*${TERM_WORD}(?:\\s*${TERM_WORD})*\\s*[)\\]]`, "giu");
/** The terms written before a title: "Full-Time Dental Assistant", "Part Time Barista". */
const TERMS_FIRST = /^(?:full[- ]time|part[- ]time|temporary|seasonal|per diem|prn)\s+(?=\p{L})/iu;
/** Emoji around a title: "🚀 Senior Frontend Engineer 🚀". */
const PICTOGRAPHS = /\p{Extended_Pictographic}|\u{FE0F}|\u{200D}/gu;
/** The same after a separator at the end: "– Permanent, 1.0 FTE", "– 12-month contract". */
const TERMS_TAIL = new RegExp(`(?:${SEPARATOR.source})${TERM_WORD}(?:\\s*${TERM_WORD})*$`, "iu");
/**
 * A parenthesis that states pay, a requisition number, where or for how long: "($38–$46/hr)",
 * "(Req #48213)", "(Remote, EU)", "(Joliet, IL)", "(Maternity Cover, 12 months)", "(2027–28 school year)"; not an internship's
 * term ("(Summer 2027)"), which tells one internship from the next.
 */
const ABOUT_THE_POST =
  /\s*\((?:[^()]*[$€£¥][^()]*|(?:req|requisition|job|ref|reference)\b[^()]*|(?:remote|hybrid|on-?site)\b[^()]*|(?:maternity|paternity|parental|sick)[^()]*cover[^()]*|(?![^()]*\b(?:summer|winter|spring|fall|autumn)\b)[^()]*\b(?:19|20)\d\d\b[^()]*|\p{Lu}[\p{L}.' -]*,\s*\p{Lu}{2}|(?:grades?|ages?|years?|key stage|ks)\s*[\dK][^()]*)\)/giu;
/** Marks around a title: "**Data Engineer**", "# Data Engineer", "[Urgent] Line Cook". */
const MARKUP = /^(?:#{1,6}\s+|\*{1,2}|_{1,2}|\[[^\]]{1,20}\]\s*)|(?:\*{1,2}|_{1,2})$/gu;
/** A shift named after the title without a separator: "Forklift Operator 2nd Shift", "… Night Shift". */
const SHIFT_TAIL = /\s+(?:\d(?:st|nd|rd|th)|day|night|evening|overnight|graveyard|swing|weekend)\s+shift$/iu;
/** Where or on what a German title's role works: "… für unseren Krippenbereich", "… in der Qualitätskontrolle", "… mit Schwerpunkt X". */
const GERMAN_SETTING = /\s+(?:für (?:unser\p{L}*|die|den|das|ihr\p{L}*)|in der|im|mit Schwerpunkt)\s.*$/u;
/** A parenthesis closing a title: "(Go)", "(SEO/SEM)", "(CIMA / ACCA qualified or finalist)". */
const SKILLS_ASIDE = /\s*\(([^()]+)\)$/u;
/** What one must be or hold, said of a title's parenthesis: "(CIMA qualified)", "(CDL required)". */
const ASKED_OF_YOU = /(?<!\p{L})(?:qualified|required|certified|licensed|preferred|finalist)(?!\p{L})/iu;

/**
 * Whether a title's parenthesis names only what the role asks for ("Senior Backend Engineer (Go)",
 * "Becario/a de Marketing Digital (SEO/SEM)") rather than the role itself: not the initials of the
 * title before it ("Licensed Practical Nurse (LPN/LVN)").
 */
function namesOnlySkills(aside: string, title: string): boolean {
  if (ASKED_OF_YOU.test(aside)) return true;
  const initials = title
    .split(/[\s-]+/u)
    .map((word) => word.charAt(0))
    .join("")
    .toUpperCase();
  const items = aside.split(/\s*(?:\/|,|&|\band\b|\bor\b)\s*/u).filter(Boolean);
  return items.every((item) => canonicalSkill(item) !== undefined && !initials.includes(item.toUpperCase()));
}

/** Working time written after a German title: "Buchhalter (m/w/d) in Vollzeit". */
const WORKING_TIME = /\s+(?:in\s+)?(?:Vollzeit|Teilzeit)(?:\s*(?:\/|oder)\s*Teilzeit)?$/iu;

/** A gender marker in parentheses ends a title: "Senior Backend-Entwickler (m/w/d) Kotlin / Spring Boot". */
const GENDER_ENDS = /(?<=\S)\s*\((?:(?:[mwfdxh*]\s*\/\s*){1,3}[mwfdxh*]|all genders)\).*$/isu;

const clean = (text: string) => {
  const title = text
    .replace(/^(?:job title|title|position|role)\s*:\s*/i, "")
    .replace(GENDER_ENDS, "")
    .replace(GENDER_MARKER, "")
    .replace(ABOUT_THE_POST, "")
    .replace(PICTOGRAPHS, "")
    .replace(MARKUP, "")
    .trim()
    .replace(TERMS_ONLY, "")
    .trim()
    .replace(TERMS_FIRST, "")
    .replace(TERMS_TAIL, "")
    .replace(SHIFT_TAIL, "")
    .replace(WORKING_TIME, "")
    .replace(GERMAN_SETTING, "")
    .trim()
    .replace(SKILLS_ASIDE, (aside, inner: string, offset: number, whole: string) =>
      namesOnlySkills(inner, whole.slice(0, offset)) ? "" : aside,
    );
  // "Se precisa enfermero/a para …": a title named in running text starts with a capital, unless
  // its first word is written with one inside ("iOS Developer").
  return /^\p{Ll}+(?![\p{L}\d]*\p{Lu})/u.test(title)
    ? title.charAt(0).toLocaleUpperCase() + title.slice(1)
    : title;
};
const isHiringSentence = (line: string) =>
  [HIRING_CUE, HIRING_CUE_ABROAD, ROLE_WANTED].some((cue) => line.search(cue) >= 0);
/** How much more a part reads as a title than as an employer; undefined when it names no role. */
const titleLead = (text: string) =>
  titleScore(text) > 0 ? titleScore(text) - companyScore(text) : undefined;

/**
 * The role a posting names: the part of a header line that reads as a title ("Junior Data Analyst
 * – Bluefin Outdoor" gives the first part, "Acme GmbH – Berlin" neither), else the role a hiring
 * sentence names ("Arclight is looking for a Principal ML Engineer to …", "As a Data Scientist, you
 * will …"), else the first line. A "Job Title:" line anywhere near the top says it outright.
 */
export function jobTitleOf(lines: string[]): string {
  const filled = lines.map((line) => line.trim()).filter((line) => line !== "");
  for (const line of filled.slice(0, CUE_LINES)) {
    // "Position: Middle School Mathematics Teacher (Grades 6–8) – 2025-26 School Year": the title comes first.
    const labelled = ROLE_LABEL.exec(line)?.[1];
    const title = labelled === undefined ? undefined : clean(labelled.split(SEPARATOR)[0] ?? "");
    if (title !== undefined && title.split(/\s+/).length <= MAX_LABELLED_WORDS) return title;
  }
  // "Recrute" / "Wir suchen" / "We're hiring:" alone on a line: the next line names the role.
  const cueAlone = filled.slice(0, HEADER_LINES).findIndex((line) => HIRING_ALONE.test(line));
  const next = filled[cueAlone + 1];
  if (cueAlone >= 0 && next !== undefined && next.split(/\s+/).length <= MAX_HEADER_WORDS) {
    return clean(next.replace(INDEFINITE_ARTICLE, "").split(SEPARATOR)[0] ?? "");
  }
  for (const line of filled.slice(0, HEADER_LINES)) {
    if (line.split(/\s+/).length > MAX_HEADER_WORDS) break;
    if (SENTENCE_END.test(line) || OTHER_LABEL.test(line) || isHiringSentence(line)) continue;
    // "Software Engineering Intern, Data Platform – Summer 2027": the part that reads most as a title.
    let best: { part: string; lead: number } | undefined;
    for (const part of partsOf(line)) {
      const lead = titleLead(part);
      if (lead !== undefined && lead >= 0 && (best === undefined || lead > best.lead)) best = { part, lead };
    }
    if (best) return best.part;
  }
  for (const line of filled.slice(0, CUE_LINES)) {
    for (const cue of [
      ...line.matchAll(HIRING_CUE),
      ...line.matchAll(HIRING_CUE_ABROAD),
      ...line.matchAll(ROLE_WANTED),
      ...line.matchAll(AS_ROLE),
      ...line.matchAll(THE_ROLE_WILL),
    ]) {
      const named = cue[1] ?? "";
      // Adjectives before the title ("an experienced Senior Engineer") are not part of it.
      const title = named.slice(Math.max(0, named.search(/(?<![\p{L}\d])[\p{L}\d]*\p{Lu}/u)));
      if (title && titleLead(title) !== undefined) return clean(title);
    }
  }
  for (const line of filled.slice(0, CUE_LINES)) {
    const phrase = rolePhraseOf(line);
    if (phrase !== undefined) return clean(phrase);
  }
  // "Cariste H/F – CACES R489 cat. 1A, 3 et 5": a title line names the role first.
  const first = filled.find((line) => !OTHER_LABEL.test(line)) ?? filled[0] ?? "";
  return clean(first.replace(GENDER_MARKER, "").split(SEPARATOR)[0] ?? "");
}

/** A level alone: "HVAC Service Technician – Lead" says the level of the title before it. */
const LEVEL_ONLY = /^(?:senior|sr\.?|junior|jr\.?|lead|principal|staff|head|i{1,3}|iv)$/iu;

/**
 * A header line's parts between separators, around " at " or " @ " ("Staff Accountant at Northwind") and
 * after an exclamation ("We're hiring! Payroll Specialist").
 */
function partsOf(line: string): string[] {
  const parts: string[] = [];
  const pieces = line.split(SEPARATOR).flatMap((piece) => piece.split(/\s+(?:at|@)\s+(?=\p{Lu})|!\s+/u));
  for (const part of pieces.map(clean)) {
    const before = parts.length - 1;
    if (LEVEL_ONLY.test(part) && before >= 0) parts[before] = `${parts[before]} – ${part}`;
    else parts.push(part);
  }
  return parts;
}

/** Words that may join the capitalized words of one title: "Head of Finance", "Food & Beverage Manager". */
const JOINER = /^(?:of|&|and|für|de|du|des)$/u;
const ARTICLE = /^(?:the|a|an|our|your|this)$/iu;

/**
 * The first run of capitalized words that ends in a role noun, in a line that names the role
 * without a cue we know ("Harbor Dental is growing! We're adding a Dental Assistant to …"): at
 * least two words, so a sentence's first word ("Lead our store …") is not taken for a title, and
 * reading more as a title than as an employer ("Acme Staffing Services").
 */
function rolePhraseOf(line: string): string | undefined {
  let run: string[] = [];
  const found = () => {
    while (run.length > 0 && (JOINER.test(run.at(-1) ?? "") || ARTICLE.test(run[0] ?? ""))) {
      if (JOINER.test(run.at(-1) ?? "")) run.pop();
      else run.shift();
    }
    const phrase = run.join(" ");
    run = [];
    return phrase.split(" ").length >= 2 && endsInRoleNoun(phrase) && (titleLead(phrase) ?? 0) > 0
      ? phrase
      : undefined;
  };
  for (const token of line.split(/\s+/u)) {
    const word = token.replace(/^[("“'‘]+/u, "").replace(/[)"”'’,.;:!?]+$/u, "");
    const joins = /^[\p{Lu}\d]/u.test(word) || (run.length > 0 && JOINER.test(word));
    if (joins) run.push(word);
    const phrase = !joins || word !== token.replace(/^[("“'‘]+/u, "") ? found() : undefined;
    if (phrase !== undefined) return phrase;
  }
  return found();
}
