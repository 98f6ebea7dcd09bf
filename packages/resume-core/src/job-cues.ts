/**
 * The phrases that tell what a sentence of a job description does: give (pay, benefits), tell about
 * the employer, say what the person will do, ask for something, or only prefer it. In English,
 * German, Spanish and French, the languages of the postings users bring. Words are bounded by
 * letters (not \b, which ends a word at "é" or "ü").
 */

const phrase = (alternatives: string) => `(?<!\\p{L})(?:${alternatives})(?!\\p{L})`;

/**
 * A sentence about what the employer gives (pay, benefits, perks) asks nothing of the candidate,
 * whatever it names ("a $1,500 sign-on bonus", "a 401(k) with match", "30 Urlaubstage").
 */
export const OFFER = new RegExp(
  [
    `^(?:in return,?\\s+|in exchange,?\\s+|en retour,?\\s+|a cambio,?\\s+|dafür\\s+)?${phrase("what we offer|what you(?:['’]ll| will)? get|what['’]s in it for you|we offer|we provide|we pay|you(?:'ll| will) (?:get|receive|enjoy)|pay is|pay:|salary|compensation|benefits|perks|wir bieten|bieten wir|was wir bieten|ofrecemos|te ofrecemos|nous offrons|nous proposons|vous bénéficierez|tu bénéficieras")}`,
    phrase(
      "401\\(k\\)|403\\(b\\)|pension|PTO|(?:salary|pay) range|hourly rate|(?:annual|quarterly|performance) bonus|employee (?:assistance|discount)|paid (?:time off|holidays|leave)|parental leave|tuition reimbursement|retirement plan|sign-on bonus|signing bonus|stock options|relocation assistance",
    ),
    phrase(
      "(?:full|comprehensive|competitive) benefits|benefits package|(?:medical|health),? (?:and )?dental|dental and vision",
    ),
    phrase(
      "urlaubstage|dienstwagen|firmenwagen|betriebliche altersvorsorge|jobrad|zuschuss|vacaciones|seguro médico|tarjeta restaurante|retribución flexible|tickets? restaurant|mutuelle|télétravail|congés payés|rtt",
    ),
  ].join("|"),
  "iu",
);

/**
 * A sentence about the employer: "Our math department…", "We build…", "Nous sommes…", "Stackyard is
 * project management software…", "Behind the scenes we use Intercom…".
 */
export function isAboutUs(sentence: string): boolean {
  return WE.test(sentence) || NAME_IS.test(sentence);
}
const WE = new RegExp(
  `^${phrase("our|we|we're|we’re|we've|we’ve|unser|unsere|wir sind|nuestra|nuestro|nuestros|somos|formamos parte|nacimos|notre|nos|nous sommes|nous faisons partie|wir gehören")}|${phrase("we (?:use|run|build|work (?:in|with)|rely on)")}`,
  "iu",
);
/** A name in capitals, then what it is or does (case-sensitive: "Experience is …" names no one). */
const NAME_IS =
  /^(?:\p{Lu}[\p{L}&.'’-]*\s+){1,3}(?:is|are|has|builds|makes|helps|serves|runs|provides|offers|was)(?!\p{L})/u;

/**
 * A sentence that says what the person will do, not what they must bring: "You will lead the front
 * desk… together with Accounting", "In this role, you'll own…", "Du wirst…", "Serás responsable…".
 * Its terms are the job's keywords.
 */
export const DUTY = new RegExp(
  `^(?:(?:in this role|as (?:an?|our|the) [^,]{1,60}),\\s*)?${phrase("you(?:'ll|’ll| will| would|'d|’d)|the successful (?:candidate|applicant|person) will|(?:(?:most|much|a lot|part) of )?your (?:day|days|time|week|weeks|role|job|mission|work) (?:will|is|are|includes?)|du wirst|sie werden|sie übernehmen|du übernimmst|serás|te encargarás|vous serez|vous aurez|vous assurerez|vous prendrez")}`,
  "iu",
);

/**
 * An equal-opportunity statement: "People with disability and people from culturally diverse
 * backgrounds are encouraged to apply", "sin distinción de sexo", "unabhängig von Geschlecht".
 * The groups it names are welcomed, not asked for.
 */
export const EQUAL_OPPORTUNITY = new RegExp(
  phrase(
    "equal opportunit\\p{L}*|diverse backgrounds|people with (?:a )?disabilit\\p{L}*|torres strait islander|first nations|regardless of|without regard to|sin distinción|igualdad de oportunidades|sans distinction|diversité|unabhängig von|chancengleichheit",
  ),
  "iu",
);

/** How to apply or whom to ask: "Apply online or stop by the front desk", "Send your CV to…", "Fragen beantwortet …". */
export const HOW_TO_APPLY = new RegExp(
  `^${phrase("if (?:you(?:['’]re| are) )?interested|si te interesa|si (?:vous êtes|tu es) intéressée?|interessiert|to apply|(?:please )?apply (?:online|now|today|at|through|by|via|with)|please (?:send|submit|include)|interested\\?|send (?:your|us)|email (?:your|us)|bewirb dich|bewerben sie sich|envía tu|envíanos|inscríbete|postulez|envoyez|(?:for|if you have) (?:any )?questions|fragen beantwortet|bei (?:rück)?fragen|für (?:rück)?fragen|pour toute question|para (?:cualquier (?:duda|consulta)|más información)")}`,
  "iu",
);

/**
 * "Vous avez …", "Conoces …", "Du hast …": the person has or knows what follows, as "you have" and
 * "you know" say in English. A sentence saying so asks for it; a line opening so names no term in it.
 */
export const YOU_HAVE =
  "(?:vous|tu)\\s+(?:avez|as|possédez|possèdes|disposez|disposes|maîtrisez|maîtrises|savez|sais|connaissez|connais)|du\\s+(?:hast|kennst|beherrschst|bringst)|sie\\s+(?:haben|kennen|beherrschen|bringen)|tienes|conoces|dominas|manejas|sabes|cuentas\\s+con|has\\s+\\p{Ll}+(?:ado|ido)";

/** Words of a sentence that asks for something of the candidate. */
export const REQUIREMENT_CUE = new RegExp(
  phrase(
    [
      "experience|experienced|proficien\\p{L}*|knowledge|familiarity|familiar(?:i[sz]ed)? with|skills?|you have|you bring|you know|you(?:'ll|’ll| will) need|you should|you(?:'ll|’ll| will) (?:hold|be (?:confident|comfortable))|you(?:'ll|’ll| will) have (?:\\p{L}+ed|led|built|run|done|held|had|taught|spent|shipped|grown|sold|won|written)|we(?:'d|’d| would) (?:like|want|need) you to|need you to|we(?:'d|’d| would)? expect|we(?:['’]re| are) looking for (?:someone|people|a person|candidates) (?:who|with)|(?:is|are) (?:needed|expected|essential)|to be successful|required|requires?|must|(?:a )?minimum of|at least|asking for|ideal candidate|certif\\p{L}*|licen[cs]\\p{L}*|fluent|fluency|comfortable with|background in|an? (?:\\p{L}+ )?(?:plus|bonus)|ideally|preferably",
      "erfahrung\\p{L}*|berufserfahrung|kenntnisse|verfügst|verfügen|bringst|mitbringen|voraussetzung|setzen wir voraus|erforderlich|unverzichtbar|unerlässlich|abgeschlossene\\p{L}*|ausbildung|studium|führerschein|idealerweise",
      "experiencia|conocimientos?|dominio|imprescindible|indispensable|necesari[oa]s?|obligatori[oa]s?|requisitos?|valorará|titulación|formación|carné|idealmente",
      "expérience|connaissances?|maîtrise[sz]?|maîtriser|diplôme|titulaire|requise?s?|exigée?s?|indispensables?|obligatoires?|nécessaires?|permis|idéalement",
      YOU_HAVE,
    ].join("|"),
  ),
  "iu",
);

/** Words that say a length of time is one of experience ("3 Jahre Berufserfahrung"), not the firm's age. */
export const EXPERIENCE_WORD = new RegExp(
  phrase("erfahrung|berufserfahrung|praxis|experiencia|expérience|experience"),
  "iu",
);

/**
 * What a job calls a thing it would like but does not demand, and how it says so: "is a plus",
 * "would be a big bonus", "sind von Vorteil", "será valorable", "serait un vrai atout". One table
 * for every cue below, which differ only in where in a clause or sentence they stand.
 */
const PREFERENCE =
  "plus|bonus|assets?|advantage|advantageous|preferred|desirable|desired|nice to have|helpful|welcome|" +
  "schön|willkommen|kein muss|keine bedingung|no excluyente|bienvenid[oa]s?|" +
  "von vorteil|vorteil|pluspunkt|wünschenswert|erwünscht|valorable|deseable|valorad[oa]s|se valorará|se valora|" +
  "highly regarded|highly valued|suma(?:rá)?\\s+(?:muchos\\s+)?puntos|atout|appréciée?s?|souhaitée?s?|bienvenue?s?";
const IS_PLURAL = "are|sind|sont|seront|serán|son";
const IS = `is|would be|will be|ist|wäre|wären|es|será|sería|est|serait|sera|${IS_PLURAL}`;
const A = "(?:(?:also|auch|aussi|également|también|además)\\s+)?(?:(?:an?|ein|eine|un|une)\\s+)?";
const BIG = "(?:(?:big|huge|real|strong|definite|großer|klarer|echter|gros|vrai)\\s+)?";
/** "is a big plus", "(preferred)", "sind von Vorteil": the cue with its verb and article, if any. */
const CALLED = `(?:(?<!\\p{L})(?:${IS})\\s+)?${A}${BIG}\\(?(?<!\\p{L})(?:${PREFERENCE})\\)?`;

/**
 * A cue closing a clause makes that clause optional: "Go is a plus", "8+ years preferred",
 * "Kotlin-Kenntnisse sind von Vorteil", "se valorará", "serait un plus".
 */
const trailingCue = new RegExp(`${CALLED}[.,;!]?$|(?<!\\p{L})even better[.,;!]?$`, "iu");
/**
 * A cue opening a phrase makes the rest of the sentence optional: "5+ years, ideally in retail",
 * "idealerweise mit Kotlin", "se valorará experiencia en SAP", "idéalement en SaaS".
 */
const inlineCue =
  /(?<!\p{L})(?:ideally|preference (?:will be|is) given|preferably|bonus(?: points)? (?:if|for)|nice to have|optionally|(?:it(?:'s|’s| is| would be) )?an? (?:big |huge |real |strong )?(?:plus|bonus|advantage|asset) if|(?:even )?better (?:still )?if|(?:ce serait|ça serait|c['’]est|sería|es|wäre|ist) (?:un|una|ein) (?:vrai |gros |gran |großer |echter )?(?:plus|atout|punto a favor|Vorteil|Pluspunkt) (?:si|wenn)|we(?:'d|’d| would) (?:love (?:it )?|be (?:impressed|delighted|happy) )if|idealerweise|wünschenswert (?:sind|ist|wären|wäre)|von vorteil (?:sind|ist|wären|wäre)|se valorará|se valora|valoramos|nos encantaría|idealmente|preferiblemente|idéalement|de préférence)(?!\p{L})/iu;

/**
 * Splits a requirement sentence into what it demands and what it only prefers, clause by clause.
 * A list closed by a cue ("Docker, Kubernetes, or Terraform is a plus") is optional as a whole.
 */
export function splitOnPreferenceCue(sentence: string): { firm: string; optional: string } {
  const clauses = sentence.split(/(?<=[,;])\s+/);
  const last = clauses[clauses.length - 1] ?? "";
  const welcomes = IF_YOU.test(sentence) && !clauses.slice(1).some((clause) => YOU_THEN.test(clause));
  if ((welcomes || LIST_PREFERRED.test(sentence)) && !DEMANDED.test(sentence)) {
    // "…, suma muchos puntos, porque …": a clause that is only the cue names nothing.
    return { firm: "", optional: clauses.filter((clause) => !CUE_ONLY.test(clause)).join(" ") };
  }
  // "OSHA 10 (OSHA 30 preferred)": the parenthesis prefers its own term, not the line's.
  const aside = PREFERRED_ASIDE.exec(sentence);
  if (aside?.[1] !== undefined) return { firm: sentence.slice(0, aside.index), optional: aside[1] };
  // "Docker, Kubernetes, or Terraform is a plus", "X, or Y, is a plus": the cue closes the whole list.
  if (trailingCue.test(sentence) && (clauses.length === 1 || /^(?:is|are|would be)\s/i.test(last))) {
    return { firm: "", optional: sentence };
  }
  const firm: string[] = [];
  const optional: string[] = [];
  let restIsOptional = false;
  let previousOptional = false;
  for (const clause of clauses) {
    // "Very good English; German is not required": what a clause says is not needed is not asked.
    if (NOT_NEEDED.test(clause) && !PREFERRED_PREDICATE.test(clause)) continue;
    // "Because many clients are Spanish speakers, fluency in Spanish is a plus": the reason given first asks nothing.
    if (clause === clauses[0] && clauses.length > 1 && REASON_FIRST.test(clause)) continue;
    if (restIsOptional) {
      optional.push(clause);
      continue;
    }
    const cue = inlineCue.exec(clause);
    // "… is a plus, as is familiarity with dbt": the clause goes on with the preference before it.
    const likewise = previousOptional && LIKEWISE.test(clause);
    const close = cue ? asideEnd(clause, cue.index) : -1;
    if (cue && close >= 0) {
      // "audit externe (idéalement au sein d'un Big Four) et/ou en audit interne": a cue in a
      // parenthesis prefers the parenthesis; the clause goes on asking.
      firm.push(`${clause.slice(0, cue.index)} ${clause.slice(close + 1)}`);
      optional.push(clause.slice(cue.index, close));
      previousOptional = false;
    } else if (cue) {
      firm.push(clause.slice(0, cue.index));
      optional.push(clause.slice(cue.index));
      restIsOptional = true;
    } else if (CUE_ONLY.test(clause) && !previousOptional) {
      // "If you hold Fall Protection and WHMIS tickets, even better": the cue is said of the clause
      // before, or of every clause since an "if".
      // "Qualifications in ESL or Special Education, Part 1, would be an asset": a verb opening the
      // cue says it of the sentence's subject, however many commas that has.
      const whole = CONDITIONAL.test(firm[0] ?? "") || PREDICATE.test(clause);
      const since = whole ? firm.splice(0) : firm.splice(-1);
      optional.push(...since);
      previousOptional = true;
    } else if (previousOptional && SAID_OF_IT.test(clause)) {
      // "Spanish is a bonus, as many owners are more comfortable in Spanish": the reason or the
      // condition of a preference is part of it.
      optional.push(clause);
    } else if (likewise || trailingCue.test(clause) || PREFERRED_PREDICATE.test(clause)) {
      // "we work in Snowflake, so hands-on time there is a bonus": the preference is of the clause before.
      const before = !previousOptional && BACK_REFERENCE.test(clause) ? firm.pop() : undefined;
      if (before !== undefined) optional.push(before);
      // "Docker, Kubernetes or Terraform is a plus": the cue closes a list begun in the clauses before.
      if (!previousOptional && LIST_TAIL.test(clause)) optional.push(...listHead(firm));
      optional.push(clause);
      previousOptional = true;
    } else {
      firm.push(clause);
      previousOptional = false;
    }
  }
  return { firm: firm.join(" "), optional: optional.join(" ") };
}

/** Where the parenthesis that opens just before `index` closes, or -1 when `index` is in none. */
function asideEnd(clause: string, index: number): number {
  const open = clause.lastIndexOf("(", index);
  if (open < 0 || clause.lastIndexOf(")", index) > open || !/^\(\s*$/u.test(clause.slice(open, index)))
    return -1;
  return clause.indexOf(")", index);
}

/**
 * A clause that calls what it names a preference, wherever in it: "French is an asset for working
 * with our Moncton team", "Mandarin would be welcome, as …", "Figma helps when …", "… is highly
 * regarded", "nurses who hold X earn an additional $2 an hour".
 */
const PREFERRED_PREDICATE = new RegExp(
  `(?<!\\p{L})(?:(?:${IS})\\s+${A}${BIG}(?:\\p{L}+\\s+)?(?:${PREFERENCE})|(?:${IS})\\s+(?:really\\s+)?nice|highly regarded|helps|hilft|helfen|encouraged to apply|earns? an? (?:additional|extra)|makes? (?:your|the) (?:life|job|work) easier|von vorteil|wünschenswert|suma(?:rá)?\\s+(?:muchos\\s+)?puntos)(?!\\p{L})`,
  "iu",
);

/**
 * "If you've done RFM modelling before, tell us about it", "Et si tu parles espagnol, nos clients
 * t'en seront reconnaissants", "Wenn du zusätzlich Wundexperte bist, freuen wir uns": what a sentence
 * makes a condition on the candidate it welcomes, not demands.
 */
const IF_YOU =
  /^(?:(?:and|et|y|und)\s+)?(?:if|si|wenn|falls)\s+(?:(?:already|además|ya|zusätzlich|schon)\s+)?(?:you|tu|vous|du|sie|te|tienes|sabes|hablas|conoces|has|eres)(?!\p{L})/iu;

/** "…, you can start on Monday": what follows a condition is the candidate's own doing, so it asks. */
const YOU_THEN = /^(?:you|tu|vous|du|sie|podrás|deberás|puedes|debes)(?!\p{L})/iu;

/**
 * "La connaissance de TikTok Ads, la pratique de Canva et l'anglais seront appréciés": a list that
 * a plural verb then prefers, as a whole (one sentence, no ";" between demands and wishes).
 */
const LIST_PREFERRED = new RegExp(
  `^[^;]*(?<!\\p{L})(?:${IS_PLURAL})\\s+(?:(?:all|also|aussi|también|auch)\\s+)?${A}(?:${PREFERENCE})[.!]?$`,
  "iu",
);

/** A clause that demands what it names: "Deutsch ist Voraussetzung, …" is no list preferred as a whole. */
const DEMANDED =
  /(?<!\p{L})(?:is|are|ist|sind|es|son|est|sont)\s+(?:an?\s+|eine?\s+)?(?:required|a must|must|mandatory|essential|Voraussetzung|Pflicht|Muss|imprescindible|obligatori[oa]s?|requise?s?|indispensables?|obligatoires?|exigée?s?)(?!\p{L})/iu;

/** A closing parenthesis that names a term and prefers it: "(OSHA 30 preferred)", not "(preferred)". */
const PREFERRED_ASIDE = /\(([^()]*\s(?:preferred|a plus|desirable))\)[.,;!]?$/iu;

/** A clause that ends a list and prefers it: "Kubernetes or Terraform is a plus", "de GeoPandas ou de MLflow serait appréciée". */
const LIST_TAIL = new RegExp(
  `^(?:[^;]*\\s)?(?:and|or|and/or|&|und|oder|y|e|o|u|et|ou)\\s[^;]*?${CALLED}[.,;!]?$`,
  "iu",
);

/**
 * The items of a list before its tail, taken off the firm clauses: the clause just before ("the
 * ability to speak Arabic,"), then each item before it that is a few words ("Docker,").
 */
function listHead(firm: string[]): string[] {
  const head: string[] = [];
  while (firm.length > 0) {
    const clause = firm.at(-1) ?? "";
    // "You know SQL well, and Go or Rust is a plus": a clause with its own subject is no item.
    if (!clause.endsWith(",") || SUBJECT.test(clause) || (head.length > 0 && clause.split(/\s+/).length > 3))
      break;
    head.unshift(firm.pop() ?? "");
  }
  return head;
}

const SUBJECT = /^(?:you|we|i|they|tu|vous|nous|du|wir|sie|ich)(?!\p{L})/iu;

/** A clause that says its subject is not needed ("German is not required", "Deutsch ist keine Voraussetzung"). */
const NOT_NEEDED =
  /(?<!\p{L})(?:(?:is|are)(?:n't| not)|isn['’]t|aren['’]t|ist nicht|sind nicht|no es|no son|n['’]est pas|ne sont pas)\s+(?:(?:strictly|absolutely|zwingend|unbedingt)\s+)?(?:required|necessary|needed|essential|mandatory|a must|erforderlich|notwendig|nötig|necesari[oa]s?|imprescindibles?|obligatori[oa]s?|requise?s?|nécessaires?|obligatoires?|exigée?s?)[.!]?$|(?<!\p{L})ist keine Voraussetzung[.!]?$/iu;

/** The conjunctions that give a reason: "because", "weil", "ya que", "parce que". */
const REASON = "because|since|given that|da|weil|ya que|porque|puisque|parce que";

/** A clause opening a sentence with its reason: "Because …,", "Since …,", "Da …,", "Comme …,". */
const REASON_FIRST = new RegExp(`^(?:${REASON}|como|comme)\\s[^;]*,$`, "iu");
const OPENING_REASON = new RegExp(`^(?:${REASON}|como|comme)\\s[^,;.]*,\\s*`, "iu");

/** A sentence without the reason that opens it: "Da du mit dem Dienstwagen unterwegs bist, brauchst du …". */
export function withoutOpeningReason(sentence: string): string {
  return sentence.replace(OPENING_REASON, "");
}

/** A word that points back at what the clause before named. */
const BACK_REFERENCE = /(?<!\p{L})(?:there|it|them|this|that|these|those)(?!\p{L})/iu;

/** A clause that is nothing but a cue ("even better", "a plus"), said of what came before it. */
const CUE_ONLY = new RegExp(
  `^(?:(?:that(?:'s|’s| is)|is|are|would be|aber)\\s+)?${A}(?:even better|great|umso besser|um so besser|encore mieux|tant mieux|mejor aún|aún mejor|todavía mejor|freuen wir uns(?:\\s+(?:besonders|sehr))?|${PREFERENCE})[.,;!]?$`,
  "iu",
);
/** A cue that opens with its verb ("would be an asset"): the predicate of the clauses before it. */
const PREDICATE = new RegExp(`^(?:${IS})\\s`, "iu");
/** A clause that opens a condition: "If you hold …", "Si además …", "Wenn du …", "Si vous …". */
const CONDITIONAL = /^(?:if|si|wenn|falls)(?!\p{L})/iu;

/** A clause giving the reason or the condition of the one before ("as …", "and if you speak …"). */
const SAID_OF_IT = new RegExp(
  `^(?:(?:and|but)\\s+)?(?:${REASON}|as|if|when|where|wenn|falls|si|car)(?!\\p{L})`,
  "iu",
);

/** "as is …", "tout comme …": a clause that says the same of another thing. */
const LIKEWISE =
  /^(?:as (?:is|are|would be|would|does|do)|and so (?:is|are)|tout comme|de même que|ainsi que|así como|al igual que|genauso wie|ebenso wie)(?!\p{L})/iu;
