/**
 * Telling a job title from an employer. Titles end in a role noun ("Engineer", "Nurse",
 * "Teacher"); employers carry a legal or institutional word ("Inc", "Hospital", "University").
 */

const TITLE_WORDS = new Set(
  (
    "engineer developer programmer architect manager director lead head chief officer president vp " +
    "analyst scientist consultant specialist coordinator administrator assistant associate intern " +
    "trainee apprentice technician technologist designer nurse rn lpn lvn cna physician doctor surgeon " +
    "therapist pharmacist practitioner paramedic emt caregiver aide midwife dietitian hygienist teacher instructor " +
    "professor lecturer tutor educator principal counselor counsellor librarian accountant auditor " +
    "controller bookkeeper clerk cashier teller banker advisor adviser planner underwriter actuary " +
    "economist marketer strategist representative rep executive agent recruiter editor writer copywriter " +
    "producer photographer artist illustrator chef cook server waiter waitress bartender barista host " +
    "hostess concierge receptionist housekeeper attendant supervisor foreman superintendent operator " +
    "driver mechanic electrician plumber welder machinist inspector surveyor estimator dispatcher buyer " +
    "merchandiser owner founder co-founder cofounder partner volunteer fellow researcher secretary " +
    "paralegal attorney lawyer steward member worker handler picker packer courier stocker sommelier " +
    "expert cto ceo cfo coo cmo cio sre devops generalist carpenter roofer painter mason pipefitter " +
    "millwright lineman ironworker installer phlebotomist sonographer radiographer radiologist optometrist " +
    "optician dentist veterinarian psychologist psychiatrist translator interpreter journalist reporter " +
    "animator janitor custodian landscaper groundskeeper guard firefighter pilot baker butcher dishwasher " +
    "nanny coach trainer statistician mathematician biologist chemist physicist geologist barber stylist " +
    "cosmetologist porter valet busser runner adjuster appraiser broker realtor processor scheduler " +
    "assembler fabricator drafter tester modeler nutritionist epidemiologist curator archivist " +
    "paraprofessional registrar dean liaison ambassador investigator examiner repairer sergeant " +
    "corporal lieutenant captain treasurer chair chairperson trustee organizer organiser mentor " +
    "facilitator moderator webmaster delegate leader physiotherapist physio " +
    "master pathologist coder esthetician aesthetician groomer walker sitter cleaner labourer laborer " +
    "operative handyman caretaker lifeguard ranger warden deckhand audiologist podiatrist chiropractor " +
    "anesthesiologist anaesthetist pediatrician paediatrician hospitalist doula orderly transcriptionist " +
    "scribe embryologist perfusionist dosimetrist orthotist prosthetist kinesiologist chaplain pastor " +
    "salesperson telemarketer fundraiser lobbyist advocate mediator notary solicitor barrister " +
    "conveyancer detective trooper deputy typist expeditor expediter forwarder loader sorter mover " +
    "selector integrator implementer draftsman draughtsman cartographer historian linguist " +
    "ecologist botanist microbiologist geneticist pharmacologist toxicologist meteorologist " +
    "hydrologist seaman sailor farmer rancher grower farmhand gardener florist arborist " +
    "horticulturist forester miner driller rigger scaffolder glazier plasterer tiler bricklayer " +
    "stonemason joiner cabinetmaker upholsterer tailor seamstress jeweler jeweller locksmith " +
    "toolmaker boilermaker steamfitter insulator drywaller framer flagger fitter wireman " +
    "messenger chauffeur trucker hauler"
  ).split(" "),
);

/**
 * Role nouns of French and Spanish titles, and the endings of German compound titles
 * ("Softwareentwickler", "Lagerleiterin", "Industriekauffrau").
 */
const OTHER_TITLE_WORDS = new Set(
  (
    "développeur développeuse ingénieur ingénieure infirmier infirmière comptable analyste responsable " +
    "chargé chargée conseiller conseillère vendeur vendeuse enseignant enseignante cuisinier serveur " +
    "desarrollador desarrolladora ingeniero ingeniera enfermero enfermera analista contable vendedor " +
    "vendedora gerente jefe jefa técnico técnica asesor asesora profesor profesora cocinero camarero " +
    "ingenieur ingenieurin arzt ärztin koch köchin representante promotor promotora coordinador " +
    "coordinadora auxiliar ejecutivo ejecutiva directora consultor consultora comercial dependiente " +
    "dependienta recepcionista administrativo administrativa operario operaria conductor repartidor " +
    "electricista fontanero soldador mecánico cuidador cuidadora educador educadora maestro maestra " +
    "médico médica farmacéutico farmacéutica abogado abogada arquitecto arquitecta diseñador diseñadora " +
    "programador programadora camarera cocinera limpiador limpiadora commerciale assistante technicien " +
    "technicienne opérateur opératrice serveuse aide-soignant aide-soignante éducateur éducatrice " +
    "caissier caissière chauffeur livreur magasinier plombier électricien soudeur mécanicien médecin " +
    "pharmacien pharmacienne avocat avocate architecte graphiste rédacteur rédactrice formateur " +
    "formatrice directeur directrice gestionnaire secrétaire ouvrier ouvrière préparateur préparatrice " +
    "acheteur acheteuse juriste animateur animatrice négociateur négociatrice réceptionniste employé " +
    "employée contrôleur contrôleuse auditeur auditrice professeur kinésithérapeute ergothérapeute " +
    "encargado encargada oficial gestor gestora administrador administradora carpintero pintor " +
    "fisioterapeuta psicólogo psicóloga contador contadora cajero cajera teleoperador teleoperadora"
  ).split(" "),
);
const GERMAN_TITLE_ENDING =
  /(?:leiter|entwickler|berater|ingenieur|kaufmann|kauffrau|buchhalter|referent|sachbearbeiter|bearbeiter|techniker|fachkraft|pfleger|assistent|verkäufer|mitarbeiter|lehrer|erzieher|manager|elektriker|monteur|schweißer|mechaniker|mechatroniker|fahrer|lagerist|bäcker|kellner|architekt|helfer|planer|controller|koordinator|spezialist|betreuer|therapeut|apotheker|anwalt|redakteur|elektroniker|installateur|tischler|schreiner|disponent|einkäufer|kassierer|pädagoge|kraft|angestellte[rn]?)(?:in)?$/;

const isTitleWord = (word: string) =>
  TITLE_WORDS.has(word) || OTHER_TITLE_WORDS.has(word) || GERMAN_TITLE_ENDING.test(word);

/** True when the text ends in a role noun, singular or plural ("Dental Assistant", "Line Cooks"). */
export function endsInRoleNoun(text: string): boolean {
  const last = words(text).at(-1) ?? "";
  return isTitleWord(last) || TITLE_WORDS.has(last.replace(/s$/, ""));
}

const COMPANY_WORDS = new Set(
  (
    "inc inc. llc llp pllc ltd ltd. limited corp corp. corporation company co co. gmbh ag plc sa bv " +
    "group holdings hospital hospitals clinic medical health healthcare center centre university college " +
    "school schools academy institute bank agency associates labs laboratories technologies systems " +
    "solutions services consulting foundation district hotel hotels resort resorts restaurant restaurants " +
    "cafe bistro grill bakery store stores logistics airlines motors industries manufacturing construction " +
    "media studio studios capital ventures firm department county government ministry council church " +
    "museum library foods pharmaceuticals energy insurance financial realty properties networks software " +
    "international global worldwide enterprises brands retail trust nhs partners army navy marines " +
    "corps military s.a. s.a c.v. s.l. s.r.l. srl ltda sas spa sarl nv oy kg ug e.v."
  ).split(" "),
);

function words(text: string): string[] {
  return (
    text
      .toLowerCase()
      // German gender forms: "Buchhalter:in", "Entwickler*innen" end as "Buchhalterin" does.
      .replace(/(?<=\p{L})[:*_](?=in(?:nen)?(?!\p{L}))/gu, "")
      .split(/[\s,/()]+/)
      .filter((word) => word !== "")
  );
}

/** Higher when the text reads like a job title; the last word counts most ("Sales Engineer"). */
export function titleScore(text: string): number {
  const list = words(text);
  const last = list[list.length - 1];
  let score = list.filter((word) => isTitleWord(word) || TITLE_WORDS.has(word.replace(/s$/, ""))).length;
  if (last && isTitleWord(last)) score += 1;
  if (/^(?:senior|sr\.?|junior|jr\.?|staff|principal|lead|head of|chief|vice)\b/i.test(text.trim()))
    score += 1;
  return score;
}

export function companyScore(text: string): number {
  const list = words(text);
  let score = list.filter((word) => COMPANY_WORDS.has(word)).length;
  if (/&/.test(text) && !/\bR&D\b/.test(text)) score += 0.5;
  return score;
}

/** True for a line that can be part of a role header: short, not a sentence, not an achievement. */
/** Between a title and its employer: "—", "–", "|", "·", "•", a tab, " at ". */
const PART_SEPARATOR = /\s+[—–|·•]\s+|\t|\s+at\s+/u;
const MAX_PART_WORDS = 10;
/** A final period that closes an abbreviation, not a sentence: "S.A. de C.V.", "Acme Inc.". */
const ABBREVIATION_END = /(?:(?<!\p{L})(?:\p{L}\.){2,}|\b(?:inc|ltd|co|corp|llc|plc|jr|sr|st|bros)\.)$/iu;
const MAX_HEADER_WORDS = 24;

export function isRoleLike(text: string): boolean {
  const wordCount = text.split(/\s+/).length;
  // "Travel RN, Progressive Care Unit — Harbor Point Medical Center (via …)": each part is short.
  const longestPart = Math.max(...text.split(PART_SEPARATOR).map((part) => part.split(/\s+/).length));
  if (longestPart > MAX_PART_WORDS || wordCount > MAX_HEADER_WORDS) return false;
  if ((/[.!?;]$/.test(text) && !ABBREVIATION_END.test(text)) || !/^[\p{Lu}\d]/u.test(text)) return false;
  if (titleScore(text) > 0 || companyScore(text) > 0) return true;
  // "Managed a team of 5", "Documented assessments in Epic": achievements open with a past-tense verb.
  return !/^\p{L}+ed\b/u.test(text) && wordCount <= 6;
}

/**
 * Orders two role parts as [title, company]. The layout sets the default ("Title — Company",
 * "Company | Title") and the words override it when they are clear.
 */
export function orderTitleCompany(
  first: string,
  second: string,
  companyFirstByDefault: boolean,
): [string, string] {
  const firstLead = titleScore(first) - companyScore(first);
  const secondLead = titleScore(second) - companyScore(second);
  if (firstLead > secondLead) return [first, second];
  if (secondLead > firstLead) return [second, first];
  return companyFirstByDefault ? [second, first] : [first, second];
}
