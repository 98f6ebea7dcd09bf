/**
 * The terms a requirement line lists, whether or not the skills taxonomy knows them: "Experience
 * with Prometheus, Grafana and distributed tracing" names three. A line is cut where its phrasing
 * turns ("with", "in", "including", "especially", a parenthesis), each piece is split into its list
 * items, and the words around a term that only frame it ("Strong … experience", "… roles") are
 * dropped. An item is kept when it has the shape of a technical term (an acronym, a digit or a
 * capital inside a word, capitalized words), or when it stands in a list beside one.
 */

import { CREDENTIAL_IN_NAME } from "./credential-names.ts";
import { DURATION_WORDS } from "./durations.ts";
import { YOU_HAVE } from "./job-cues.ts";
import { isKnownPlace, isRegion } from "./places.ts";
import { canonicalSkill, findSkills } from "./skills.ts";
import { isTermLike, NEGATED, STAND_IN_ITEM } from "./term-like.ts";

/** Where a requirement's phrasing turns from framing to terms, or from one term to the next. */
const TURNS =
  /\s*(?:[();:]|\s[–—]\s|,?\s+\b(?:with|in|of|on|using|including|includes|especially|particularly|such as|like|e\.g\.?|i\.e\.?|via|across|throughout|for|within|from|to|at|through|by|as well as|as an?|plus|after|before|during|while|when|since|until|because|so(?= (?:that|they|you|we|it|there)(?!\p{L}))|should|must|would|could|can|shall|might|zum Beispiel(?: mit)?|beispielsweise|insbesondere|por ejemplo|en particular|especialmente|tales como|notamment|par exemple|en particulier|tel(?:le)?s? que|mit|im|von|für|bei|auf|als|zur|zum|con|para|por|del|en|avec|pour|dans|du|au|aux)(?![\p{L}\d-])\s*|,?\s+à\s+)\s*/iu;
const EVERY_TURN = new RegExp(TURNS.source, "giu");
/** Separators between the items of one list; none after a suspended hyphen ("Arbeits-, Lohnsteuer- und Sozialrecht" is one item). */
const LIST =
  /(?<![\p{L}\d]-)\s*(?:,|\s+(?:and\/or|and|or|nor|und\/oder|und|oder|y\/o|y|e|o|u|et\/ou|et|ou)(?![\p{L}\d-])|\s+\/\s+|\s+&\s+)\s*/iu;

/** Words that frame a term without being part of it, at either end of an item. */
const FRAMING = new Set(
  (
    "a an the any some all our your their its this that these those several many more most least at plus " +
    "years year yrs months experience experienced knowledge " +
    "understanding proficiency proficient familiarity familiar fluency fluent expertise expert background " +
    "exposure strong solid deep good great excellent advanced basic working practical proven demonstrated verifiable " +
    "hands-on hands on professional relevant related similar comparable equivalent other modern " +
    "production skills skill ability abilities tools tool technologies technology platforms platform " +
    "roles role environment environments settings setting level degree etc able comfortable confident " +
    "preferably ideally required preferred must have has having nice bonus is are be been being we you " +
    "they it who which what operating using building designing running working leading managing writing " +
    "new existing large small high scale scalable complex such well day daily and or nor but also either so " +
    "another active valid current unrestricted know use speak hold ownership grasp native " +
    "real genuine thorough sound broad wide particular specific keen " +
    "qualified certified registered licensed finalist " +
    "willingness eagerness passion desire readiness availability commitment " +
    "expected essential needed necessary mandatory minimum maximum last basics positions " +
    "initial qualification qualifications in on with for of to by from into within via person category " +
    "you've you’ve as how what why e.g. i.e. " +
    "written spoken verbal " +
    // German, Spanish, French
    "sehr gute guter gutes gut fundierte fundiertes erste mehrjährige sichere sicherer ausgezeichnete " +
    "fließende fließend verhandlungssichere kenntnisse erfahrung erfahrungen berufserfahrung idealerweise " +
    "muss kein keine gearbeitet gesammelt erworben eingesetzt mitbringen mitbringst vorweisen besitzen haben ist sind " +
    "anforderungen grundsätze grundsätzen es gewohnt vigor vigente vigueur gültige gültiger gültigen " +
    "experiencia conocimientos conocimiento buen buenos buena sólidos sólida dominio nivel fluidez soltura manejo " +
    "fundamentos nociones superior grundlagen notions supérieur " +
    // "in Wort und Schrift", "hablado y escrito", "à l'écrit et à l'oral": how a language is used
    "wort schrift hablado escrito écrit oral " +
    "expérience connaissance connaissances bonne bonnes maîtrise pratique solide titulaire principes outil outils " +
    "utilisation utilización uso umgang " +
    // articles
    "der die das den dem des ein eine einer einem el la los las un una unos unas del al de le les du une"
  ).split(" "),
);

/** A line opening with "Vous avez déjà utilisé …", "Conoces …", "Du hast schon …": no term's words. */
const OPENS_YOU_HAVE = new RegExp(
  `^(?:${YOU_HAVE})(?:\\s+(?:déjà|aussi|également|bien|schon|bereits|ya|también|\\p{Ll}+ment))?(?:\\s+\\p{Ll}+(?:é|ée|és|ées|u|ue|us))?(?!\\p{L})\\s*`,
  "iu",
);

export function listedTerms(line: string): string[] {
  const named = line
    .replace(/^- /, "")
    .replace(OPENS_YOU_HAVE, "")
    .replace(RELATIVE_CLAUSE, " ")
    .replace(NAMED_BODY, (body) => (isBodyOrPlace(body) ? " " : body))
    // A credential's name is a piece of its own: "You'll need an NVQ Level 3 in Plumbing" lists it.
    .replace(CREDENTIAL_IN_NAME, (name: string) => `; ${name.replaceAll(" ", NAME_JOINER)} ;`)
    .replace(
      OF_IN_NAME,
      (_, word: string) => `${word}${FRAMING.has(word.toLowerCase()) ? " " : NAME_JOINER}`,
    );
  const german = GERMAN.test(named);
  const romance = !german && ROMANCE.test(named);
  const clauses = german ? named.split(CLAUSE) : [named];
  const text = clauses.filter((clause) => !DEGREE.test(clause)).join("; ");
  if (text === "") return [];
  // A line's first word is capitalized for being first: that says nothing of its being a term.
  const opening = /^\p{Lu}\p{Ll}+\b/u.exec(text)?.[0];
  const terms: string[] = [];
  const pieces = piecesOf(text);
  for (const [index, { piece: whole, after, before }] of pieces.entries()) {
    // "a BI tool such as Power BI or Tableau": a kind of thing, named by the examples that follow.
    if (ENUMERATION.test(pieces[index + 1]?.after ?? "") && /^\s*(?:an?|any)\s/iu.test(whole)) continue;
    // The employer's own ("our Moncton and Halifax teams", "nos sites de Sète et Lunel") is not asked of anyone.
    if ((OUR_THING.test(before) && OF_PLACE.test(after)) || AROUND_THE_ASK.test(after)) continue;
    if (FOR.test(after) && !SEEKING.test(before.trim())) continue;
    // "worked as a Sous Chef or a strong Junior Sous", "experience as an electrician": a role held.
    if (AS_A.test(after) && HELD.test(before.trim())) continue;
    const piece = whole.slice(0, OURS.exec(whole)?.index);
    // "Ability to read and interpret engineering drawings": the list opens with what one does, a
    // verb alone is no item ("…, measurable IEP goals" is a noun's).
    const doing = TO.test(after) && ABLE.test(before);
    const trimmed = piece
      .split(LIST)
      .map((item, index) =>
        doing && (index === 0 || !item.trim().includes(" ")) ? item.replace(LEADING_VERB, "") : item,
      )
      .map((item) => (romance ? item.replace(INFINITIVE_FIRST, "") : item))
      .filter((item) => !STAND_IN_ITEM.test(item) && !NEGATED.test(item))
      .map((item) => ({ raw: item.trim(), item: trimFraming(item, text.startsWith(item)) }));
    // "payments, banking or fintech": a word in "-ing" listed beside nouns is a field; not a verb
    // sharing an object ("diagnosing and servicing boilers"), before its object ("documenting in
    // Epic", "handling of card data"; "consulting in a SaaS company" is where), nor what describes a
    // noun ("another reporting tool").
    const next = pieces[index + 1];
    const objectNext = OBJECT_NEXT.test(next?.after ?? "") && !/^\s*(?:an?|the)\s/iu.test(next?.piece ?? "");
    const field = ({ raw, item }: { raw: string; item: string }, at: number) =>
      FIELD_IN_ING.test(item) &&
      !/^(?:an?|another|any|the)\s/iu.test(raw) &&
      !VERB_IN_ING.test(trimmed[at + 1]?.item ?? "") &&
      !(objectNext && at === trimmed.length - 1) &&
      trimmed.some((other) => !VERB_IN_ING.test(other.item) && isTermLike(other.item));
    const items = trimmed
      .filter(
        (entry, at) =>
          entry.item !== "" &&
          (isTermLike(entry.item) || field(entry, at)) &&
          (!german || endsInNoun(entry.item)),
      )
      .map(({ item }) => item);
    // "centres de Montpellier, Sète et Lunel": a list with a place in it lists places.
    if (items.some(endsWithPlace)) continue;
    const shaped = (item: string) =>
      hasTermShape(
        opening !== undefined && text.startsWith(item) ? item.slice(opening.length) : item,
        german,
      );
    // Examples a requirement gives ("… including schema design and query tuning") are its terms.
    // So is what one is asked to know ("knowledge of German bookkeeping", "experience with schema design").
    // Not a place of work ("experience in a full-service hotel", "in an agency").
    // "experience of supervising junior staff or students" names an activity, not what is known.
    const known =
      OF_KNOWING.test(after) &&
      KNOWING.test(before) &&
      !/^(?:an?|the)\s/iu.test(piece) &&
      !opensWithActivity(piece) &&
      !OF_OBJECT.test(pieces[index + 1]?.after ?? "") &&
      !SETTING.test(piece);
    // "Precision measuring instruments: micrometers, calipers, bore gauges": a colon opening a list.
    const enumerated =
      ENUMERATION.test(after) || (/^\s*:\s*$/.test(after) && piece.split(LIST).filter(Boolean).length >= 3);
    const anchored = items.some(shaped) || enumerated || known;
    for (const item of items) if (anchored || shaped(item)) terms.push(item);
  }
  return terms.map((term) => term.replaceAll(NAME_JOINER, " "));
}

/**
 * The "of" inside a name ("Chain of Responsibility", "Federal Rules of Civil Procedure", "Tarjeta
 * Profesional de la Construcción", "Ordre National des Infirmiers") is no turn: the name is held
 * together with a joiner while the line is cut, one word for the count of a term's. "Knowledge of
 * SQL" is no name.
 */
const OF_IN_NAME = /(\p{Lu}[\p{L}.'-]*) (?=(?:of(?: the)?|de(?: la| los| las)?|del|des|du) \p{Lu})/gu;
const NAME_JOINER = "\u2060";

/**
 * ", which hosts most of our estate", ", de los cuales dos …", ", dont deux …": what a clause says
 * of the term before it, no term of its own.
 */
const RELATIVE_CLAUSE =
  /,\s+(?:which|who|whom|whose|where|(?:de |en )?(?:los|las) (?:cuales|que)|donde|dont|où|davon|wovon)(?!\p{L})[^,;]*/giu;

/** The pieces between a line's turns, each with the turn before it. */
function piecesOf(text: string): Array<{ piece: string; after: string; before: string }> {
  const pieces: Array<{ piece: string; after: string; before: string }> = [];
  let start = 0;
  let after = "";
  let before = "";
  for (const turn of text.matchAll(EVERY_TURN)) {
    const piece = text.slice(start, turn.index);
    pieces.push({ piece, after, before });
    before = piece;
    after = turn[0];
    start = (turn.index ?? 0) + turn[0].length;
  }
  pieces.push({ piece: text.slice(start), after, before });
  return pieces;
}

/** One word in "-ing": a verb's form, or the name of a field ("banking", "consulting"); not "anything". */
const FIELD_IN_ING = /^(?!\p{Ll}*thing$)\p{Ll}{3,}ing$/u;
const VERB_IN_ING = /^\p{Ll}+ing(?!\p{L})/u;
/** The turn after a verb, before its object or place: "documenting in Epic". */
const OBJECT_NEXT = /^[\s,]*(?:in|into|on|of|with|for|to|at|using|via)\s*$/iu;

/** A piece that names knowing something, and the turn to what is known. */
const KNOWING =
  /(?<!\p{L})(?:experience|knowledge|understanding|familiarity|proficiency|expertise|background|grasp|command|confident|comfortable|skilled|proficient|familiar|experienced|versed|expérience|experiencia|conocimientos?|dominio|manejo|nociones|maîtrise|connaissances?|\p{L}*kenntnisse)$/iu;
const OF_KNOWING = /^\s*(?:of|with|in|im|mit|en)\s*$/iu;

function endsWithPlace(item: string): boolean {
  const words = item.split(" ");
  return [1, 2, 3].some((count) => count <= words.length && isKnownPlace(words.slice(-count).join(" ")));
}

/**
 * "across the North West and Yorkshire", "throughout the region": the area the work covers;
 * "because Marketing runs dozens": the reason something is asked; "requirements for GM, Ford or
 * Stellantis", "Jest for units": whom or what it is for.
 */
const AROUND_THE_ASK = /^[\s,]*(?:across|throughout|because)\s*$/iu;
const FOR = /^[\s,]*for\s*$/iu;
/** "Ability to", "able to", "willing to": a "to" that opens what one does, verb first. */
const TO = /^[\s,]*to\s*$/iu;
const ABLE = /(?<!\p{L})(?:ability|able|willingness|willing|capacity|eager|prepared)$/iu;
const LEADING_VERB = /^\s*\p{Ll}+(?:\s+|$)/u;

/** A role one has held: "worked as a", "experience as an", "time served as a". */
const AS_A = /^[\s,]*as an?\s*$/iu;
const HELD = /(?<!\p{L})(?:worked|working|served|employed|experience|background|years)$/iu;

/** "looking for", "responsible for": a "for" that opens what is asked, not whom it is for. */
const SEEKING = /(?<!\p{L})(?:looking|searching|asking|ask|hoping|hiring|responsible|accountable)$/iu;

/** A piece that names what the employer has, and the turn to where or of what it is. */
const POSSESSIVE = "(?:our|nos|notre|nuestr[oa]s?|unser\\p{L}*)";
const OURS = new RegExp(`(?<!\\p{L})${POSSESSIVE}\\s`, "iu");
const OUR_THING = new RegExp(`(?<!\\p{L})${POSSESSIVE}\\s+[\\p{L}-]+$`, "iu");
const OF_PLACE = /^\s*(?:of|in|at|de|du|des|en|à|in|im|von)\s*$/iu;

/** Whether a verb in "-ing" opens a piece, unless it only frames ("using", "working"). */
function opensWithActivity(piece: string): boolean {
  const first = /^\s*(\p{Ll}+ing)(?!\p{L})/u.exec(piece)?.[1];
  return first !== undefined && !FRAMING.has(first);
}

/** Where one works, not what one knows: "im Versicherungsumfeld", "in einem Industrieunternehmen", "en estudio o agencia". */
const SETTING =
  /(?:umfeld|umgebung|unternehmen|branche|sektor|(?<!\p{L})(?:estudio|agencia|agence|empresa|entreprise|sector|secteur))(?!\p{L})/iu;
/** "experience in the design of APIs", "Erfahrung im Design von Schnittstellen": an activity, its object next. */
const OF_OBJECT = /^\s*(?:of|von)\s*$/iu;

/** Turns that open examples of what came before. */
const ENUMERATION =
  /^[\s,]*(?:including|includes|such as|especially|particularly|e\.g\.?|i\.e\.?|zum Beispiel(?: mit)?|beispielsweise|insbesondere|por ejemplo|en particular|especialmente|tales como|notamment|par exemple|en particulier|tel(?:le)?s? que)\s*$/iu;

/** "two years", "8+ yrs": a length of time frames a term ("Six Sigma" is one). */
const DURATION = new RegExp(
  `^(?:(?:mindestens|min\\.|al menos|au moins)\\s+)?(?:\\d+\\+?|one|two|three|four|five|six|seven|eight|nine|ten)\\s+(?:${DURATION_WORDS})(?!\\p{L})`,
  "iu",
);

function trimFraming(item: string, opensLine = false): string {
  const words = item
    .replace(/(?<![.!?])[.!?]+$/u, "")
    .replace(DURATION, "")
    .split(/\s+/)
    .filter(Boolean);
  // "New Zealand", "Great Expectations", "Advanced Life Support": inside a line, a capitalized word
  // before another is part of a name; a line's first word is capitalized for being first.
  let first = opensLine;
  // "Ind AS": a word in capitals is an acronym, unless the whole item is in capitals.
  const shouting = item === item.toUpperCase();
  const framing = (word: string | undefined, next?: string) =>
    word !== undefined &&
    FRAMING.has(word.toLowerCase()) &&
    (shouting || !/^\p{Lu}{2,}$/u.test(word)) &&
    (first || !/^\p{Lu}/u.test(word) || !/^\p{Lu}/u.test(next ?? ""));
  const count = (word: string | undefined) => word !== undefined && /^\d+\+?$/.test(word);
  // "d'un DCG", "la pratique d'un SIG": an elided article opening what is left is part of the word
  // it frames; inside a name it stays ("code de l'urbanisme").
  const unElide = () => {
    if (words[0] !== undefined) words[0] = words[0].replace(ELIDED, "");
  };
  unElide();
  while (framing(words[0], words[1]) || count(words[0])) {
    words.shift();
    unElide();
    first = false;
  }
  // "at least two years partnering …": a length of time after its framing frames it too.
  const duration = DURATION.exec(words.join(" "))?.[0];
  if (duration !== undefined) words.splice(0, duration.split(/\s+/).length);
  // "Epicor Prophet 21", "Sage 200": a number after a name is part of it.
  while (framing(words.at(-1)) || (count(words.at(-1)) && !/^\p{Lu}/u.test(words.at(-2) ?? ""))) words.pop();
  // "NACHA files", "FOIA requests", "GitOps workflows": a plain noun after a name says what is done with it.
  while (words.length > 1 && USE_NOUN.test(words.at(-1) ?? "") && /\p{Lu}|\d/u.test(words.at(-2) ?? ""))
    words.pop();
  // "built double-entry ledgers", "through AHPRA", "conduct Home Medicines Reviews": a verb or a
  // preposition leads up to the term. Before a name, any plain word does but an adjective ("headless
  // CMS", "technical SEO"); without one, only a participle ("design systems" is a term).
  const named = () => words.slice(1).some((word) => /\p{Lu}|\d/u.test(word));
  const leadsIn = (word: string) =>
    PARTICIPLE_LEAD_IN.test(word) ||
    (named() && /^\p{Ll}+$/u.test(word) && !ADJECTIVE.test(word) && findSkills(word).length === 0);
  while (words.length > 1 && leadsIn(words[0] ?? "")) {
    words.shift();
    unElide();
    while (framing(words[0], words[1])) {
      words.shift();
      unElide();
    }
  }
  return words.join(" ");
}

/** What one does with a named thing, or the paper that attests it ("CKA certification"): not part of its name. */
const USE_NOUN =
  /^(?:files?|workflows?|requests?|formats?|modules?|shop|inspections?|accredited|programs?|programmes?|obligations|tickets?|processes|practices|principles|concepts|methodolog(?:y|ies)|certifications?|certificates?|credentials?|accreditations?|authori[sz]ations?)$/u;

const PARTICIPLE_LEAD_IN =
  /^(?:built|done|held|led|used|made|shipped|worked|passed|completed|conducted|performed|obtained|managed|designed|developed|created|taught|written|known|learned|learnt|applied|owned)$/u;
/** English adjectives by their endings ("technical", "headless", "quantitative", "agile"). */
const ADJECTIVE = /(?:al|ic|less|ive|ous|ary|ful|able|ible|ar|ile|ent|ant|ern|side)$/u;

/** An elided French article or preposition before a word. */
const ELIDED = /^(?:d|l|qu)['’](?=\p{L})/iu;

/**
 * "the UK", "the Texas Board of Nursing", "the TEKS": capitalized words after "the", a place or a
 * body that grants or governs (see isBodyOrPlace) or a term. Each run is scanned once from its "the".
 */
const NAMED_BODY =
  /\bthe\s+(?:\p{Lu}[\p{L}.'-]*\s+)*\p{Lu}[\p{L}.'-]*(?:\s+of\s+(?:\p{Lu}[\p{L}.'-]*\s+)*\p{Lu}[\p{L}.'-]*)?/gu;

/** Words that name a body that grants or governs, not a standard or a skill ("the TEKS", "the NEC"). */
const BODY_WORD =
  /\b(?:Board|Association|Council|Institute|Society|Department|Ministry|Agency|Commission|Authority|Office|Bureau|Federation|Union|College|University|Service|Services|Court|Courts|Tribunal)\b/u;

/** "the UK", "the Texas Board of Nursing": a place or a body, not a term; "the TEKS" is a term. */
function isBodyOrPlace(named: string): boolean {
  const name = named.replace(/^the\s+/u, "");
  return BODY_WORD.test(name) || isRegion(name);
}

/**
 * Where a German sentence's clauses part: at a semicolon, or at a conjunction before a word in lower
 * case, which there is no noun ("… Ausbildung als Elektroniker und arbeiten sicher nach den
 * VDE-Vorschriften").
 */
const CLAUSE = /\s*;\s*|\s+(?:und|sowie)\s+(?=\p{Ll}+\s)/u;

/**
 * A clause asking for a degree names fields of study and degrees, not skills. "MS" before a
 * Microsoft product ("MS Office", "MS Project") is Microsoft, not a Master of Science.
 */
const DEGREE =
  /\b(?:degree|bachelor'?s?|master'?s?|diploma|B\.?S\.?c?|B\.?A\.?|M\.?S\.?c?(?!\s+(?:Office|Excel|Word|Project|Access|SQL|Teams|Dynamics|Visio|PowerPoint|Outlook|Azure|Exchange|365)\b)|M\.?A\.?|MBA|Ph\.?D|MSN|BSN|DNP|ADN|Studium|Hochschulabschluss|Ausbildung|Grado|Licenciatura|Titulación|Diplôme|Licence|Bac\s?\+\s?\d)(?!\p{L})/u;

/**
 * An acronym ("IAM", "GTAW"), a digit or a capital inside a word ("GA4", "PointClickCare",
 * "athenaOne", "CI/CD"), or capitalized words ("Argo CD", "Screaming Frog", "Terraform").
 */
function hasTermShape(item: string, capitalizesNouns = false): boolean {
  return item
    .split(" ")
    .some((word) =>
      capitalizesNouns
        ? /^\p{Lu}{2,}|\p{Ll}\p{Lu}/u.test(word) || /\p{L}\d|\d\p{L}/u.test(word)
        : /\p{Lu}/u.test(word) || /\p{L}\d|\d\p{L}/u.test(word),
    );
}

/**
 * A German name of a thing ends in its noun, which is capitalized: "Ihre Kontakte konsequent" and
 * "CRM-System zu pflegen" end in an adverb and a verb. A lower-case tool ("git") still names one.
 */
function endsInNoun(item: string): boolean {
  const last = item.split(/[\s\u2060]+/u).at(-1) ?? "";
  return !/^\p{Ll}+$/u.test(last) || canonicalSkill(last) !== undefined;
}

/** Spanish and French, told by their commonest short words. */
const ROMANCE = /(?<!\p{L})(?:y|con|los|las|del|para|una|et|avec|les|des|pour|une|du)(?!\p{L})/iu;
/** "documentar casos de prueba", "analyser les données": the verb that leads up to what is named. */
const INFINITIVE_FIRST = /^\s*(?:(?:a|à|de)\s+|d['’])?\p{Ll}+(?:ar|er|ir|re)\s+(?=\p{L})/u;

/**
 * German writes every noun with a capital, so there a capital says nothing of a term; an acronym,
 * a capital inside a word or a digit still does. Told by German's commonest short words.
 */
const GERMAN =
  /(?<!\p{L})(?:und|oder|mit|der|die|das|im|von|für|eine?|einer|sowie|sehr|gute|wir|sie|ihnen|ihre?|ist|sind|auch|nicht|gern|bereits)(?!\p{L})/iu;
