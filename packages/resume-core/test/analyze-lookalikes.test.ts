import { describe, expect, it } from "vitest";
import { analyzeJob } from "../src/analyze.ts";
import { canonicalSkill } from "../src/skills.ts";

describe("analyzeJob: what only looks like a skill", () => {
  it("reads a currency code before an amount as money, and CAD elsewhere as the skill", () => {
    const job = analyzeJob(
      "Drafting Technician\n\nRequirements\n- Proficiency in CAD and Revit\n\nCompensation\nCAD $72,000–$80,000 plus benefits",
    );
    expect(job.requiredSkills).toContain("CAD");
    const salaryOnly = analyzeJob(
      "Store Associate\n\nRequirements\n- Cash handling\n- Pay: CAD 18.50 per hour",
    );
    expect(salaryOnly.requiredSkills).not.toContain("CAD");
  });

  it("reads Vite the build tool only as its name is written, not French 'vite' (quickly)", () => {
    expect(
      analyzeJob("Frontend Engineer\nRequirements\n- Experience with Vite and React").requiredSkills,
    ).toContain("Vite");
    const french = analyzeJob(
      "Chargé de marketing\nProfil\n- Vous savez apprendre vite\n- Maîtrise de Klaviyo",
    );
    expect(french.requiredSkills).not.toContain("Vite");
    expect(french.requiredSkills).toContain("Klaviyo");
  });

  it("reads freight as what is moved, and Freight as a skill only in a list of them", () => {
    const line = (text: string) => analyzeJob(`Dispatcher\nRequirements\n- ${text}`).requiredSkills;
    expect(line("An understanding of Chain of Responsibility for outbound freight")).toEqual([
      "Chain of Responsibility",
    ]);
    expect(line("Freight, LTL and FTL")).toEqual(["Freight", "LTL", "FTL"]);
  });

  it("reads Core Web Vitals as the web metric, not as a patient's vital signs", () => {
    const job = analyzeJob("Frontend Engineer\n\nRequirements\n- Improve our Core Web Vitals on mobile");
    expect(job.requiredSkills).toContain("Core Web Vitals");
    expect(job.requiredSkills).not.toContain("Vital Signs");
  });

  it("reads no ask from a cue word inside a name ('a Specialist High Skills Major')", () => {
    const job = analyzeJob(
      [
        "Mathematics Teacher",
        "Alderbrook Collegiate is a Grade 9 to 12 school with a growing Specialist High Skills Major in Information and Communications Technology.",
        "You hold certification with the Ontario College of Teachers and have taught Calculus.",
      ].join("\n"),
    );
    expect(job.requiredSkills).not.toContain("Information");
    expect(job.requiredSkills).not.toContain("Specialist High Skills Major");
  });

  it("reads a skill named with 'and' inside it as one, and ALS only beside other skills", () => {
    const driver = analyzeJob("CDL-A Driver\nRequirements\n- Pre-trip and post-trip inspections\n- ELD logs");
    expect(driver.requiredSkills).toEqual(
      expect.arrayContaining(["Pre-trip and post-trip inspections", "ELD"]),
    );
    const hygienist = analyzeJob("Dental Hygienist\nRequirements\n- Scaling and root planing");
    expect(hygienist.requiredSkills).toEqual(["Scaling and Root Planing"]);
    // ALS is also a disease: alone it names no skill, in a list of certifications it does.
    const skillsOf = (text: string) => analyzeJob(text).requiredSkills.map((skill) => canonicalSkill(skill));
    expect(skillsOf("Hospice Nurse\nRequirements\n- Comfort with ALS patients")).not.toContain(
      "Advanced Life Support",
    );
    expect(skillsOf("ED Nurse\nRequirements\n- BLS, ALS and PALS")).toContain("Advanced Life Support");
  });

  it("reads a legal post's standard terms under the names its field uses", () => {
    const paralegal = analyzeJob(`Litigation Paralegal
Requirements
- Legal research in Westlaw or Lexis, and cite-checking to the Bluebook
- Working knowledge of the FRCP and e-discovery review in Relativity`);
    expect(paralegal.requiredSkills.map((skill) => canonicalSkill(skill))).toEqual(
      expect.arrayContaining([
        "Legal Research",
        "Westlaw",
        "LexisNexis",
        "Cite-checking",
        "Bluebook",
        "Federal Rules of Civil Procedure",
        "e-Discovery",
        "Relativity",
      ]),
    );
    // "Relativity" is a theory of physics written in any other case.
    const physics = analyzeJob("Physics Teacher\nRequirements\n- Teach special relativity and optics");
    expect(physics.requiredSkills.map((skill) => canonicalSkill(skill))).not.toContain("Relativity");
  });

  it("reads a skill naming a group of people, and a language naming a market, as nothing asked", () => {
    const mobile = analyzeJob(
      "Backend Engineer\nRequirements\n- Go and PostgreSQL, and you will pair with the Android team and our Salesforce admins",
    );
    expect(mobile.requiredSkills).toEqual(["Go", "PostgreSQL"]);
    const market = analyzeJob("Account Executive\nRequirements\n- Experience selling into the German market");
    expect(market.requiredSkills.map((skill) => canonicalSkill(skill))).not.toContain("German");
    // Either side of a pair of languages, or after "bilingual", is the language.
    const desk = analyzeJob(
      "Sales Representative\nRequirements\n- Bilingual English/Spanish speakers\n- Bilingual French candidates",
    );
    expect(desk.requiredSkills).toEqual(expect.arrayContaining(["English", "Spanish", "French"]));
  });

  it("reads a duty as a duty when only a clause about its object says 'is expected'", () => {
    const job = analyzeJob(
      "Mathematics Teacher\n" +
        "The successful candidate will teach a timetable of mathematics courses, which is expected to include one Grade 10 Academic section and Calculus.\n" +
        "Applicants must be members of the OCT.",
    );
    expect(job.requiredSkills).toEqual(["OCT"]);
  });

  it("reads what 'most of your day' is spent on as a duty", () => {
    const job = analyzeJob(
      "Sales Development Representative\n" +
        "You'll be the first voice many owners hear from us. Most of your day will be spent prospecting into restaurants and booking discovery calls.\n" +
        "You should be comfortable cold calling and have used HubSpot.",
    );
    expect(job.requiredSkills.map((skill) => skill.toLowerCase())).not.toContain("prospecting");
    expect(job.requiredSkills).toContain("HubSpot");
  });

  it("names a licence with the class or code before it, not with a place", () => {
    const job = analyzeJob(
      "Warehouse Lead\nRequirements\n- A current LF forklift licence\n- Full UK driving licence\n- Valid Ohio RN license",
    );
    expect(job.requiredSkills).toEqual(["LF forklift licence", "UK driving licence", "RN license"]);
    expect(job.requiredSkills.map((skill) => canonicalSkill(skill))).toEqual([
      "Forklift Operation",
      "Driver's License",
      "Registered Nurse (RN)",
    ]);
  });

  it("names a credential or an act with its abbreviation as one term, as the post writes it", () => {
    const job = analyzeJob(
      "Claims Inspector\n\nRequirements\n- Certified Welding Inspector (CWI) credential\n" +
        "- Working knowledge of the Fair Credit Reporting Act (FCRA)\n- Experience with React (Hooks)\n" +
        "- Certified Paralegal (CP) designation\n\nNice to have\n" +
        "- OSHA (Occupational Safety and Health Administration) training\n- Licensed Practical Nurse (LPN/LVN)",
    );
    expect(job.requiredSkills).toEqual([
      "Certified Welding Inspector (CWI)",
      "Fair Credit Reporting Act (FCRA)",
      "React",
      "Hooks",
      "Certified Paralegal (CP)",
    ]);
    // "(LPN/LVN)" names two credentials, neither of them the name alone.
    expect(job.niceToHaveSkills).toEqual([
      "OSHA (Occupational Safety and Health Administration)",
      "Licensed Practical Nurse",
    ]);
    expect(job.requiredSkills.map((skill) => canonicalSkill(skill))).toContain("CWI");
    // A German qualification keeps the chamber that examines it.
    const german = analyzeJob(
      "Personalreferent\n\nIhr Profil\n- Weiterbildung zum Personalfachkaufmann (IHK) oder vergleichbar",
    );
    expect(german.requiredSkills).toEqual(["Personalfachkaufmann (IHK)"]);
  });

  it("names a standard by its whole designation, not by a body that adopted it", () => {
    const job = analyzeJob(
      "Elektroniker\n\nIhr Profil\n- Sichere Kenntnisse der VDE-Normen\n" +
        "- Prüfung ortsfester Anlagen nach DIN VDE 0105-100\n- Schweißen nach UNE-EN ISO 9606-1 und BS EN 1090",
    );
    expect(job.requiredSkills).toEqual(
      expect.arrayContaining(["VDE-Normen", "DIN VDE 0105-100", "UNE-EN ISO 9606-1", "BS EN 1090"]),
    );
    expect(job.requiredSkills).not.toContain("ISO 9606-1");
    expect(job.requiredSkills).not.toContain("EN 1090");
  });

  it("reads the market written before a term as part of it", () => {
    const job = analyzeJob(
      "Account Manager\n\nRequirements\n- Two years in account management at a B2B SaaS company\n- B2B and B2C marketing",
    );
    expect(job.requiredSkills).toEqual(["Account Management", "B2B SaaS", "B2B", "B2C"]);
  });

  it("keeps two categories of one licence apart", () => {
    const job = analyzeJob(
      "Cariste\n\nProfil recherché\n- CACES R489 en cours de validité\n\nLes plus\n- CACES R485",
    );
    expect(job.requiredSkills).toEqual(["CACES R489"]);
    expect(job.niceToHaveSkills).toEqual(["CACES R485"]);
  });

  it("reads a sentence that asks, though its reason names a benefit", () => {
    const job = analyzeJob(
      "Pflegefachkraft ambulant\n\nDas bringst du mit\nDa du mit dem Dienstwagen unterwegs bist, brauchst du einen Führerschein der Klasse B.",
    );
    expect(job.requiredSkills).toEqual(["Führerschein der Klasse B"]);
  });

  it("names a certification in a field of common nouns with the word, and one that is a name without it", () => {
    const job = analyzeJob(
      "Licensed Vocational Nurse\nRequirements\n- An IV therapy certification\n- Current BLS certification",
    );
    expect(job.requiredSkills).toEqual(["IV therapy certification", "BLS"]);
    expect(canonicalSkill("IV therapy certification")).toBe("IV Therapy");
  });

  it("reads nothing asked from what the employer gives, how to apply, or whom it welcomes", () => {
    const pharmacist = analyzeJob(
      "Pharmacist\n" +
        "You'll need general registration with AHPRA and experience with Fred Dispense.\n" +
        "In return we offer a salary plus super, a $2,000 CPD allowance and paid PSA membership.\n" +
        "Aboriginal and Torres Strait Islander people and people with disability are encouraged to apply.",
    );
    expect(pharmacist.requiredSkills).toEqual(["AHPRA", "Fred Dispense"]);
    expect(pharmacist.niceToHaveSkills).toEqual([]);
    const driver = analyzeJob(
      "Conductor/a de camión\n" +
        "Es imprescindible tener el carnet de conducir C+E y el CAP.\n" +
        "Ofrecemos contrato indefinido. Pagamos el curso de renovación del CAP y del ADR.\n" +
        "Si te interesa, envía tu currículum o llámanos y pregunta por Jordi Calvet, jefe de tráfico.",
    );
    expect(driver.requiredSkills.map((skill) => skill.toLowerCase())).not.toContain("adr");
    expect(driver.requiredSkills.join(" ")).not.toMatch(/Jordi|tráfico|pregunta/iu);
    const kita = analyzeJob(
      "Erzieher (m/w/d)\n\nDas bringst du mit\n\nDu hast eine Ausbildung als staatlich anerkannter Erzieher.\n\n" +
        "Was wir dir bieten\n\nDie Vergütung orientiert sich am TVöD SuE, Entgeltgruppe S8a, inklusive Jahressonderzahlung.",
    );
    expect(kita.requiredSkills.join(" ")).not.toMatch(/S8a|TVöD/u);
  });

  it("reads a hiring sentence's 'experienced' as part of the role's name, asking nothing", () => {
    const job = analyzeJob(
      "HVAC Service Technician\n" +
        "We're hiring an experienced HVAC Service Technician to keep customers comfortable through the Carolina Heat Season.\n" +
        "You'll need a current EPA 608 certification.",
    );
    expect(job.requiredSkills.join(" ")).not.toMatch(/Carolina|Heat Season/u);
  });

  it("reads what an application must include as no requirement", () => {
    const job = analyzeJob(
      "Mathematics Teacher\nMinimum Qualifications\n- Valid CLAD authorization\nApplication Requirements\n- Copy of CBEST/CSET score reports\n- Certificate of Eligibility",
    );
    expect(job.requiredSkills).toEqual(["CLAD"]);
  });

  it("reads no skill from a short line that states pay, nor from what the employer offers", () => {
    const job = analyzeJob(
      "Senior Caseworker\nRequirements\n- A Working with Children Check\n- SCHADS Award Level 5 ($98,000 – $104,000) + super\n" +
        "What we offer: a salary at the MSA Award, plus superannuation; monthly clinical supervision.",
    );
    expect(job.requiredSkills.join(" ")).not.toMatch(/SCHADS|MSA/u);
  });

  it("names a German vocational qualification with its training, the skill the taxonomy knows", () => {
    const job = analyzeJob(
      "Pflegefachkraft (m/w/d)\nIhr Profil\n- Abgeschlossene Ausbildung zur Pflegefachkraft\n- Führerschein Klasse B",
    );
    expect(job.requiredSkills[0]).toBe("Ausbildung zur Pflegefachkraft");
    expect(canonicalSkill(job.requiredSkills[0] ?? "")).toBe("Pflegefachkraft");
  });

  it("reads no skill from what stands in for a term named before it", () => {
    const job = analyzeJob(
      "Data Engineer\nRequirements\n- dbt and BigQuery (or a comparable cloud data warehouse)",
    );
    expect(job.requiredSkills).toEqual(["dbt", "BigQuery"]);
  });

  it("takes the post's own language for granted beside another in a bilingual pair, not when asked alone", () => {
    const driver = analyzeJob(
      "CDL Driver\nWe are hiring drivers for our Dallas yard and the routes around it.\n" +
        "Requirements\n- Class A CDL with a clean record\n- Bilingual English/Spanish",
    );
    expect(driver.requiredSkills.map((skill) => canonicalSkill(skill))).toContain("Spanish");
    expect(driver.requiredSkills.map((skill) => canonicalSkill(skill))).not.toContain("English");
    const desk = analyzeJob(
      "Agent\nWe are hiring agents for our Dallas office and the team around it.\n" +
        "Requirements\n- Fluent English\n- Bilingual English/Spanish is a plus",
    );
    expect(desk.requiredSkills.map((skill) => canonicalSkill(skill))).toContain("English");
    const german = analyzeJob(
      "Kundenberater (m/w/d)\nWir suchen dich für unser Team in Köln und die Kunden in der Region.\n" +
        "Dein Profil\n- Erfahrung mit SAP\n- Zweisprachig Deutsch/Englisch",
    );
    expect(german.requiredSkills.map((skill) => canonicalSkill(skill))).toContain("English");
    expect(german.requiredSkills.map((skill) => canonicalSkill(skill))).not.toContain("German");
  });

  it("reads no skill from a line of facts about the post that states its pay", () => {
    const job = analyzeJob(
      "Sous Chef\n\nPosted 2 days ago · Oxfordshire · £34,000 - £38,000 a year plus tronc · Permanent · Full-time\n\n" +
        "You'll need solid butchery skills and at least two years as a Sous Chef.",
    );
    expect(job.requiredSkills.join(" ")).not.toMatch(/Permanent|Full-time/u);
    expect(job.requiredSkills.map((skill) => canonicalSkill(skill))).toContain("Butchery");
  });

  it("reads a sentence that asks nothing after a duty in its paragraph as that duty", () => {
    const job = analyzeJob(
      "HVAC Service Technician\n\nYou'll troubleshoot heat pumps and gas furnaces. That means reading wiring diagrams and checking combustion.\n\n" +
        "You'll need a current EPA Section 608 certification.",
    );
    expect(job.requiredSkills.map((skill) => canonicalSkill(skill))).not.toContain("Wiring Diagrams");
    expect(job.keywords.map((skill) => canonicalSkill(skill))).toContain("Wiring Diagrams");
  });

  it("reads a credential named in its subject as one term, not the skills its subject names", () => {
    const job = analyzeJob(
      "Sous Chef\nRequirements\n- A Level 3 Award in Supervising Food Safety in Catering, or equivalent\n- Allergen management",
    );
    expect(job.requiredSkills).toEqual([
      "Level 3 Award in Supervising Food Safety in Catering",
      "Allergen Management",
    ]);
    const plumber = analyzeJob(
      "Plumber\n\nWe are a housing association.\n\nYou'll need an NVQ Level 3 in Plumbing & Heating or an equivalent qualification. " +
        "It would be an advantage if you hold a Graduate Certificate in Emergency Planning.",
    );
    expect(plumber.requiredSkills).toEqual(["NVQ Level 3 in Plumbing & Heating"]);
    expect(plumber.niceToHaveSkills).toEqual(["Graduate Certificate in Emergency Planning"]);
    // An Australian qualification by its level, and a subject of two names.
    const lead = analyzeJob(
      "Team Leader\nRequirements\n- Certificate III or IV in Warehousing Operations\n- Certificate IV in Training and Assessment",
    );
    expect(lead.requiredSkills).toEqual([
      "Certificate III or IV in Warehousing Operations",
      "Certificate IV in Training and Assessment",
    ]);
  });

  it("reads German 'unverzichtbar' as asking and 'keine Bedingung' as a preference, and no skill from whom to ask", () => {
    const job = analyzeJob(
      "Chemielaborant (m/w/d)\n\nWir sind ein Pharmaunternehmen in Leverkusen.\n\n" +
        "Sicherer Umgang mit der HPLC ist für uns unverzichtbar. Kenntnisse in LabWare LIMS sind von Vorteil, aber keine Bedingung.\n\n" +
        "Fragen beantwortet Ihnen gern Dr. Jonas Weidlich, Leiter Qualitätskontrolle.",
    );
    expect(job.requiredSkills).toContain("HPLC");
    expect(job.requiredSkills).not.toContain("Qualitätskontrolle");
    expect(job.niceToHaveSkills).toEqual(["LabWare LIMS"]);
  });

  it("reads SEPA the payment scheme only in capitals, not Spanish 'sepa' (knows)", () => {
    const skillsOf = (line: string) =>
      analyzeJob(`Conductor/a\nRequisitos\n- ${line}`).requiredSkills.map((skill) => canonicalSkill(skill));
    expect(skillsOf("Que conozca la normativa y sepa manejar el tacógrafo")).not.toContain("SEPA");
    expect(skillsOf("Experiencia con pagos SEPA")).toContain("SEPA");
  });

  it("reads the skills a title names as keywords, not as requirements the text never states", () => {
    const job = analyzeJob(
      "Registered Nurse – Nights\n\nWe are a 200-bed hospital.\n\nYou'll need a current BLS certification and two years of acute care experience.",
    );
    expect(job.requiredSkills).toEqual(["BLS", "Acute Care"]);
    expect(job.keywords).toContain("Registered Nurse");
  });

  it("reads German 'willkommen' as a preference", () => {
    const job = analyzeJob(
      "Pflegefachkraft (m/w/d)\n\nWir sind ein Klinikum in Köln.\n\nSie haben Erfahrung in der Intensivpflege. Kenntnisse in SAP sind willkommen.",
    );
    expect(job.niceToHaveSkills).toEqual(["SAP"]);
    expect(job.requiredSkills).not.toContain("SAP");
  });

  it("reads what the employer has, said in a sentence that asks nothing, as keywords", () => {
    const job = analyzeJob(
      "Senior Backend Engineer\n\nWe build payment software for clinics.\n\n" +
        "You have five years of experience building services in Go. Most of our backend is written in Go, with a couple of older Python services we are retiring. " +
        "Data lives in PostgreSQL and ClickHouse.",
    );
    expect(job.requiredSkills).toEqual(["Go"]);
    expect(job.keywords).toEqual(expect.arrayContaining(["Python", "PostgreSQL", "ClickHouse"]));
  });
});
