import { describe, expect, it } from "vitest";
import { analyzeJob } from "../src/analyze.ts";
import { matchResume } from "../src/match.ts";
import { parseResumeText } from "../src/parse.ts";
import { canonicalSkill } from "../src/skills.ts";

const nurseJob = `Charge Nurse – Emergency Department
Mercy General — Sacramento, CA

What you'll do
- Lead a team of 8 nurses on night shift
- Triage incoming patients

Must have
- Active RN license and at least three years of emergency nursing.
- BLS and ACLS; PALS is a plus.
- Experience with Epic, ideally including ASAP reporting and EHS rounds.

Pluses
- Spanish`;

const accountantJob = `Staff Accountant
We need someone with 2-4 years of experience in accounts payable, reconciliations and QuickBooks.
Knowledge of HIPAA billing is preferred.
Benefits: health, dental and a 401(k).`;

const teacherJob = `Job Title: Middle School Science Teacher (Entry Level)
Responsibilities:
Teach general science to grades 6-8.
Requirements:
- Teaching certification in science
- Classroom management and lesson planning
Preferred Skills:
- Google Classroom`;

const warehouseJob = `Senior Forklift Operator II
About us
Founded 30 years ago, we move 5 million packages a year.
Requirements
- Minimum of 5 yrs operating forklifts; OSHA certification.
- WMS experience (Manhattan or SAP).
Nice to have
- Six Sigma`;

describe("analyzeJob", () => {
  it("reads a nurse job: level from the title, required vs preferred by section and by sentence", () => {
    const job = analyzeJob(nurseJob);
    expect(job.title).toBe("Charge Nurse");
    expect(job.seniority).toBe("unspecified");
    expect(job.requiredSkills).toEqual(["RN license", "emergency nursing", "BLS", "ACLS", "Epic"]);
    // Terms a requirement lists are read even where the taxonomy does not know them.
    expect(job.niceToHaveSkills).toEqual(["PALS", "ASAP reporting", "EHS rounds", "Spanish"]);
    expect(job.yearsOfExperience).toBe(3);
    expect(job.responsibilities).toEqual([
      "Lead a team of 8 nurses on night shift",
      "Triage incoming patients",
    ]);
    // Acronyms that are not known skills are still salient keywords; ASAP is filler.
    // The role, as an ATS screens on it, comes first.
    expect(job.keywords).toEqual([
      "Charge Nurse",
      "Nurse",
      ...job.requiredSkills,
      ...job.niceToHaveSkills,
      // Named in what the person will do.
      "Triage",
      "EHS",
    ]);
  });

  it("reads a job with no sections: every skill is required unless a sentence says preferred", () => {
    const job = analyzeJob(accountantJob);
    expect(job.requiredSkills).toEqual(["Accounts Payable", "Reconciliation", "QuickBooks"]);
    expect(job.niceToHaveSkills).toEqual(["HIPAA", "Billing"]);
    expect(job.yearsOfExperience).toBe(2);
    expect(job.seniority).toBe("unspecified");
  });

  it("reads 'a plus if' as nice to have, and no skill from pay, benefits or how to apply", () => {
    const job = analyzeJob(`Line Cook
You have two years of line cooking experience and a ServSafe certificate.
It's a plus if you speak Spanish or have worked in Fine Dining.
We offer a $500 sign-on bonus, medical and dental, and a knife allowance every January.
Apply online or stop by the front desk and ask for Sam.`);
    expect(job.requiredSkills).toEqual(["Line Cooking", "ServSafe"]);
    expect(job.niceToHaveSkills).toEqual(["Spanish", "Fine Dining"]);
    expect(job.keywords).not.toContain("Front Desk Operations");
  });

  it("names no requirement from a sentence about the employer that asks nothing", () => {
    const job = analyzeJob(`Mathematics Teacher
Our math department works as a true PLC and shares Google Classroom templates.
You have experience with Desmos and differentiated instruction.`);
    expect(job.requiredSkills).not.toContain("PLC Programming");
    expect(job.requiredSkills).not.toContain("Google Classroom");
    expect(job.requiredSkills).toContain("Differentiated Instruction");
    // The opening, before anything is asked, sets the scene: its skills are keywords.
    const scene = analyzeJob(`Bookkeeper
Clinics drown in invoices, and month-end reconciliation is where it shows.
You have used QuickBooks for at least two years.`);
    expect(scene.requiredSkills).toEqual(["QuickBooks"]);
    expect(scene.keywords).toContain("Reconciliation");
  });

  it("keeps the skills of what the person will do as keywords, not requirements", () => {
    const job = analyzeJob(`Front Office Manager
As our Front Office Manager, you will review the night audit and enforce cash controls together with Accounting.
You have three years of front office experience and are fluent in Opera PMS.`);
    expect(job.requiredSkills).toContain("Opera PMS");
    expect(job.requiredSkills).not.toContain("Accounting");
    expect(job.requiredSkills).not.toContain("Night Audit");
    expect(job.keywords).toEqual(expect.arrayContaining(["Accounting", "Night Audit", "Opera PMS"]));
  });

  it("reads a degree's subjects, a language qualifying a noun and a language level as no skills asked for", () => {
    const job = analyzeJob(`Data Engineer
Requirements
- A degree in Computer Science, Statistics or a related field
- Python and SQL
Nice to have
- Knowledge of German bookkeeping
- Spanish (B2)
- If you speak Italian you will cover our Milan clients`);
    expect(job.requiredSkills).toEqual(["Python", "SQL"]);
    expect(job.niceToHaveSkills).toEqual(["Bookkeeping", "Spanish", "Italian"]);
    expect(job.keywords).toContain("Statistics");
    expect(
      analyzeJob("Data Engineer\nRequirements\n- Python\n- Based in Minneapolis or Chicago").requiredSkills,
    ).toEqual(["Python"]);
    expect(analyzeJob("Sales\nRequirements\n- Experience of the Catalan market").requiredSkills).toEqual([]);
  });

  it("keeps each skill as the job writes it, once however many names it goes by, and matches it by any", () => {
    const job = analyzeJob(
      [
        "Backend Engineer",
        "",
        "Requirements",
        "- Production experience with Postgres and k8s",
        "- Strong PostgreSQL skills",
      ].join("\n"),
    );
    expect(job.requiredSkills).toEqual(["Postgres", "k8s"]);
    // A skill named inside a compound keeps the compound's own marks.
    const compounds = analyzeJob(
      "Backend Engineer\n\nRequirements\n- Experience with CI/CD-pipelines, REST-APIs and Infrastructure-as-Code",
    );
    expect(compounds.requiredSkills).toEqual(["CI/CD", "REST-APIs", "Infrastructure-as-Code"]);
    const resume = parseResumeText("Ada Okafor\nada@example.com\n\nSkills\nPostgreSQL, Kubernetes\n");
    expect(matchResume(resume, job).breakdown.skillsCoverage).toBe(100);
  });

  it("reads a German posting by its headings: tasks, profile, what is welcome, what is offered", () => {
    const job = analyzeJob(
      [
        "Finanzbuchhalter (m/w/d)",
        "Seit 40 Jahren liefern wir Baustoffe in ganz Nordrhein-Westfalen.",
        "",
        "Ihre Aufgaben",
        "- Kontenabstimmung und Zahlungsverkehr in SAP FI",
        "",
        "Ihr Profil",
        "- Mindestens 3 Jahre Berufserfahrung in der Finanzbuchhaltung",
        "- Sichere Kenntnisse in DATEV",
        "- Sehr gute Deutschkenntnisse",
        "",
        "Wünschenswert",
        "- Erfahrung mit Power BI",
        "",
        "Wir bieten",
        "- 30 Urlaubstage und ein JobRad",
      ].join("\n"),
    );
    expect(job.title).toBe("Finanzbuchhalter");
    expect(job.requiredSkills).toEqual(["Finanzbuchhaltung", "DATEV", "Deutschkenntnisse"]);
    expect(job.niceToHaveSkills).toEqual(["Power BI"]);
    expect(job.keywords).toContain("SAP");
    expect(job.yearsOfExperience).toBe(3);
  });

  it("reads a spoken language by its own name, and no country as a skill, in any of the four languages", () => {
    const job = analyzeJob(
      "Recepcionista\n\nRequisitos\n- Inglés con fluidez, ya que nuestra clientela procede de Alemania, Austria y Reino Unido",
    );
    expect(job.requiredSkills).toEqual(["Inglés"]);
  });

  it("reads a driving licence as one skill, however a country writes it", () => {
    for (const [line, written] of [
      ["Valid driver's license and a clean driving record", "Driver's License"],
      ["Führerschein der Klasse B", "Führerschein der Klasse B"],
      ["Le permis B est indispensable", "permis B"],
      ["Carnet de conducir C+E en vigor", "Carnet de conducir C+E"],
      ["Führerschein Klasse C1E", "Führerschein Klasse C1E"],
    ]) {
      const job = analyzeJob(`Technician\n\nRequirements\n- ${line}`);
      expect(job.requiredSkills).toEqual([written]);
      expect(canonicalSkill(written ?? "")).toBe("Driver's License");
    }
  });

  it("reads years only where something is asked, and not a most", () => {
    const proud =
      "Math Teacher\nOur results have gone up four years running.\nYou have at least one year of teaching experience.";
    expect(analyzeJob(proud).yearsOfExperience).toBe(1);
    const upTo = "Junior Data Analyst\nYou have up to two years of experience working with data.";
    expect(analyzeJob(upTo).yearsOfExperience).toBeNull();
    const past =
      "Inside Sales\nOur clients value the experience our reps built over the past two years.\nYou need at least 12 months' experience in sales.";
    expect(analyzeJob(past).yearsOfExperience).toBe(1);
    const pay =
      "Inside Sales\nPay is $22–$25 an hour.\nOur client is asking for a minimum of one year in inside sales.";
    expect(analyzeJob(pay).yearsOfExperience).toBe(1);
  });

  it("reads what 'the successful candidate will' do as the job's duties, not its requirements", () => {
    const job = analyzeJob("Analyst\nYou have SQL.\nThe successful candidate will run Salesforce reports.");
    expect(job.requiredSkills).toEqual(["SQL"]);
    expect(job.keywords).toContain("Salesforce");
  });

  it("reads 'vous avez', 'conoces', 'du hast' as asking, like 'you have'", () => {
    const post = (sentence: string) => analyzeJob(`Marketing\nNous vendons des soins.\n${sentence}`);
    expect(post("Vous avez déjà utilisé Klaviyo ou Brevo.").requiredSkills).toEqual(["Klaviyo", "Brevo"]);
    expect(post("Conoces Klaviyo y Brevo.").requiredSkills).toEqual(["Klaviyo", "Brevo"]);
    expect(post("Du hast mit Klaviyo und MailerLite gearbeitet.").requiredSkills).toEqual([
      "Klaviyo",
      "MailerLite",
    ]);
  });

  it("reads years of experience in Spanish and French, and not the years of the firm", () => {
    const spanish = "Enfermero UCI\nRequisitos\n- Experiencia de al menos 1 año en UCI";
    expect(analyzeJob(spanish).yearsOfExperience).toBe(1);
    const french =
      "Comptable\nNous accompagnons nos clients depuis 25 ans.\nProfil recherché\n- 5 ans d'expérience en cabinet";
    expect(analyzeJob(french).yearsOfExperience).toBe(5);
    expect(analyzeJob("QA\nTienes al menos tres años de experiencia como QA.").yearsOfExperience).toBe(3);
    expect(
      analyzeJob("Referent\nSie bringen mindestens drei Jahre Berufserfahrung mit.").yearsOfExperience,
    ).toBe(3);
    expect(
      analyzeJob("Técnico contable\nLlevamos más de 25 años en Zaragoza.\nBuscamos un técnico contable.")
        .yearsOfExperience,
    ).toBeNull();
  });

  it("reads 'Essential:' and a candidate profile as requirements, and ends a list at the paragraph after it", () => {
    const job = analyzeJob(
      "Data Engineer\nClient stack for context: Databricks, Looker.\n\nEssential:\n- Strong Python\n\nProcess: one interview with SQL.\n\nDesired Candidate Profile\n- Kafka",
    );
    expect(job.requiredSkills).toEqual(["Python", "Kafka"]);
    expect(job.niceToHaveSkills).toEqual([]);
    const shouted = analyzeJob("SRE\nWHAT WE NEED\n- Go\n\nIT WOULD BE GREAT IF YOU ALSO HAVE\n- Istio");
    expect(shouted.requiredSkills).toEqual(["Go"]);
    expect(shouted.niceToHaveSkills).toEqual(["Istio"]);
  });

  it("keeps a version with the skill it follows, but not a count of years", () => {
    const job = analyzeJob(
      "Backend Engineer\nRequirements\n- Spring Boot 3 and JUnit 5\n- Python 3+ years\n- WCAG 2.1 AA",
    );
    expect(job.requiredSkills).toEqual(["Spring Boot 3", "JUnit 5", "Python", "WCAG 2.1"]);
    expect(job.requiredSkills.map((skill) => canonicalSkill(skill))).toEqual([
      "Spring Boot",
      "JUnit",
      "Python",
      "WCAG",
    ]);
    const modules = analyzeJob("Payroll Specialist\nRequirements\n- SAP HCM and AWS (IAM, RDS)");
    expect(modules.requiredSkills).toEqual(expect.arrayContaining(["SAP HCM", "IAM"]));
    expect(modules.requiredSkills).not.toContain("IAM RDS");
  });

  it("reads prose that asks without a heading, and not what the employer is or uses", () => {
    const job = analyzeJob(
      [
        "Customer Success Manager",
        "Stackyard is project management software for contractors. Behind the scenes we use HubSpot for sales.",
        "We'd like you to have tracked customer health in a platform such as Gainsight or Vitally.",
        "You'll have owned renewals in Salesforce, and you'll visit sites across the North West and Yorkshire.",
      ].join("\n"),
    );
    expect(job.requiredSkills).toEqual(expect.arrayContaining(["Gainsight", "Vitally", "Salesforce"]));
    expect(job.requiredSkills).not.toEqual(
      expect.arrayContaining([expect.stringMatching(/HubSpot|Project Management|Yorkshire|North West/)]),
    );
  });

  it("reads what the employer expects or needs of the person as asked, not as about the employer", () => {
    const job = analyzeJob(
      [
        "Field Researcher",
        "Brightfen runs studies for city councils.",
        "We'd expect you to have recruited participants with tools such as Ethnio or Askable, and to keep notes in Notion so they outlive the project.",
        "We're looking for someone who has used NVivo; Atlas.ti would be fine too.",
      ].join("\n"),
    );
    expect(job.requiredSkills).toEqual(expect.arrayContaining(["Ethnio", "Askable", "Notion", "NVivo"]));
  });

  it("reads no requirement from the employer's family or its hiring process", () => {
    const job = analyzeJob(
      [
        "Recepcionista",
        "Formamos parte de Grupo Albarán, una cadena familiar con seis hoteles en la Costa del Sol.",
        "Es imprescindible hablar inglés con fluidez y manejar Opera Cloud.",
        "",
        "Déroulement des entretiens",
        "Un premier échange avec Camille, puis un entretien technique avec Sentinel Ops.",
      ].join("\n"),
    );
    expect(job.requiredSkills).toEqual(expect.arrayContaining(["inglés", "Opera Cloud"]));
    expect(job.requiredSkills).not.toEqual(
      expect.arrayContaining([expect.stringMatching(/Costa|Sol|Albarán|Camille|Sentinel/)]),
    );
  });

  it("reads headings behind an emoji, one that trails off ('Bonus points if…'), and how the employer hires", () => {
    const job = analyzeJob(
      [
        "Senior Frontend Engineer",
        "",
        "✅ What we're looking for",
        "- Deep knowledge of TypeScript and React",
        "",
        "✨ Bonus points if...",
        "- You've shipped WebAssembly modules to the browser",
        "- You know Next.js",
        "",
        "🤝 How we hire",
        "A 30-minute call with Priya Raman and a take-home in Elixir",
      ].join("\n"),
    );
    expect(job.requiredSkills).toEqual(["TypeScript", "React"]);
    expect(job.niceToHaveSkills).toEqual(["WebAssembly", "Next.js"]);
  });

  it("reads colon headings and a 'Job Title:' first line", () => {
    const job = analyzeJob(teacherJob);
    expect(job.title).toBe("Middle School Science Teacher (Entry Level)");
    expect(job.seniority).toBe("junior");
    expect(job.requiredSkills).toEqual(["Teaching certification", "Classroom Management", "Lesson Planning"]);
    expect(job.niceToHaveSkills).toEqual(["Google Classroom"]);
    expect(job.responsibilities).toEqual(["Teach general science to grades 6-8."]);
    expect(job.yearsOfExperience).toBeNull();
  });

  it("ignores years in the 'about us' and takes the first level the title names", () => {
    const job = analyzeJob(warehouseJob);
    expect(job.seniority).toBe("senior");
    expect(job.yearsOfExperience).toBe(5);
    expect(job.requiredSkills).toEqual(["OSHA", "WMS", "SAP", "Manhattan"]);
    expect(job.niceToHaveSkills).toEqual(["Six Sigma"]);
  });

  it("uses the given title over the first line", () => {
    expect(analyzeJob("We are hiring!\nRequirements\n- Python", "Staff Data Engineer").seniority).toBe(
      "lead",
    );
  });

  it.each([
    ["Software Engineering Intern", "intern"],
    ["Jr. Web Developer", "junior"],
    ["Data Analyst I", "junior"],
    ["Accountant II", "mid"],
    ["Sr. Product Designer", "senior"],
    ["Tech Lead, Payments", "lead"],
    ["Principal Engineer", "principal"],
    ["Head of Logistics", "executive"],
    ["Chief Financial Officer", "executive"],
    ["Pastry Chef", "unspecified"],
    ["Staff Nurse", "unspecified"],
  ])("seniority of %s is %s", (title, seniority) => {
    expect(analyzeJob(`${title}\nRequirements\n- Communication`).seniority).toBe(seniority);
  });

  it.each([
    ["5+ years of experience", 5],
    ["at least three years in retail", 3],
    ["3-5 years managing teams", 3],
    ["3 to 5 years of hands-on work", 3],
    ["Minimum 1 year in a kitchen", 1],
    ["two or more years of teaching", 2],
    ["8+ years preferred, 4+ years required", 4],
  ])("years of experience in %j", (sentence, years) => {
    expect(analyzeJob(`Cook\nRequirements\n- ${sentence}`).yearsOfExperience).toBe(years);
  });

  it("gives the same keywords in the same order every time", () => {
    expect(analyzeJob(nurseJob).keywords).toEqual(analyzeJob(nurseJob).keywords);
  });
});
