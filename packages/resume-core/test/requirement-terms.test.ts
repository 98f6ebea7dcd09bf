import { describe, expect, it } from "vitest";
import { listedTerms } from "../src/requirement-terms.ts";

describe("listedTerms", () => {
  it("reads a word in -ing listed beside nouns as a field, and not a verb", () => {
    expect(listedTerms("Experience in payments, banking or fintech")).toEqual([
      "payments",
      "banking",
      "fintech",
    ]);
    expect(listedTerms("Good understanding of Linux administration and networking basics")).toEqual([
      "Linux administration",
      "networking",
    ]);
    expect(listedTerms("comfortable diagnosing and servicing heat pumps")).toEqual([]);
    expect(listedTerms("IV therapy, medication administration and documenting in Epic")).toEqual([
      "IV therapy",
      "medication administration",
      "Epic",
    ]);
    expect(listedTerms("Power BI or another reporting tool")).toEqual(["Power BI"]);
  });

  it("reads what one is asked to know in Spanish and French as a term, lower-case or not", () => {
    expect(listedTerms("Experiencia en cocina al vacío y baja temperatura")).toEqual([
      "cocina al vacío",
      "baja temperatura",
    ]);
    expect(listedTerms("Bonnes connaissances en paie et gestion des temps")).toEqual([
      "paie",
      "gestion des temps",
    ]);
  });

  it("reads the items of a requirement's lists, without the words that frame them", () => {
    expect(listedTerms("- Hands-on experience with Jenkins, Nexus and artifact promotion")).toEqual([
      "Jenkins",
      "Nexus",
      "artifact promotion",
    ]);
    expect(listedTerms("Solid Snowflake knowledge, especially query tuning and RBAC")).toEqual([
      "Snowflake",
      "query tuning",
      "RBAC",
    ]);
    expect(
      listedTerms("Strong CAD experience (MicroStation, Bentley OpenRoads, or comparable tools)"),
    ).toEqual(["CAD", "MicroStation", "Bentley OpenRoads"]);
    // The positions a weld is made in frame it: "3G and 4G positions".
    expect(listedTerms("Pipe welding in the 5G and 6G positions")).toEqual(["5G", "6G"]);
    // What one is able to do opens with its verb: "read" is no term.
    expect(listedTerms("Ability to read and interpret P&IDs and SCADA screens")).toEqual([
      "P&IDs",
      "SCADA screens",
    ]);
  });

  it("keeps a term by its shape, alone or beside others, and a plain phrase only beside a term", () => {
    expect(listedTerms("Current BLS card through the AHA")).toEqual(["BLS card", "AHA"]);
    expect(listedTerms("Comfortable presenting to executives and boards")).toEqual([]);
    expect(listedTerms("7+ years in payroll or benefits administration")).toEqual([]);
    expect(listedTerms("Six Sigma Green Belt")).toEqual(["Six Sigma Green Belt"]);
  });

  it('reads no skill from the place or body named after "the", nor from the words that frame one', () => {
    expect(listedTerms("A current LVN license from the Texas Board of Nursing")).toEqual(["LVN license"]);
    expect(listedTerms("Right to work in the UK")).toEqual([]);
    expect(listedTerms("You know the TEKS for high school mathematics")).toEqual(["TEKS"]);
    expect(listedTerms("A working grasp of statistical significance")).toEqual(["statistical significance"]);
    expect(listedTerms("CELTA or an equivalent initial qualification")).toEqual(["CELTA"]);
    expect(listedTerms("3+ years of EFL teaching experience after your CELTA")).toEqual([
      "EFL teaching",
      "CELTA",
    ]);
    expect(listedTerms("Comfortable on the command line")).toEqual([]);
  });

  it("reads German, Spanish and French requirements: their lists, framing, durations and degrees", () => {
    expect(listedTerms("- Kenntnisse in CI/CD mit GitLab")).toEqual(["CI/CD", "GitLab"]);
    expect(listedTerms("- Mindestens 3 Jahre Berufserfahrung mit SAP FI und DATEV")).toEqual([
      "SAP FI",
      "DATEV",
    ]);
    expect(listedTerms("- Abgeschlossenes Studium der Informatik oder vergleichbare Ausbildung")).toEqual([]);
    expect(listedTerms("- Experiencia con SAP y Excel")).toEqual(["SAP", "Excel"]);
    // Spanish writes "e" for "y" before a word starting with an i sound: "Photoshop e InDesign".
    expect(listedTerms("- Experiencia con Illustrator, Photoshop e InDesign")).toEqual([
      "Illustrator",
      "Photoshop",
      "InDesign",
    ]);
    expect(listedTerms("- Experiencia con el e-commerce de Shopify")).not.toContain("-commerce");
    // German capitalizes every noun: only an acronym, an inner capital or a digit marks a term there.
    expect(listedTerms("- Kenntnisse im Versicherungsumfeld")).toEqual([]);
    // A German clause after the one asking for training still names its terms.
    expect(
      listedTerms(
        "Sie haben eine abgeschlossene Ausbildung als Elektroniker und arbeiten nach den VDE-Vorschriften",
      ),
    ).toEqual(["VDE-Vorschriften"]);
  });

  it("reads the terms after a French, Spanish or German 'you have' or 'you know', and not what a relative clause adds", () => {
    expect(listedTerms("Vous avez déjà utilisé Klaviyo ou Brevo.")).toEqual(["Klaviyo", "Brevo"]);
    expect(listedTerms("Vous maîtrisez parfaitement Klaviyo et Brevo")).toEqual(["Klaviyo", "Brevo"]);
    expect(listedTerms("- Tu maîtrises un outil d'analytics produit, Amplitude ou Mixpanel")).toEqual([
      "analytics produit",
      "Amplitude",
      "Mixpanel",
    ]);
    expect(listedTerms("Conoces Klaviyo y Brevo.")).toEqual(["Klaviyo", "Brevo"]);
    expect(listedTerms("Du hast schon mit Klaviyo und MailerLite gearbeitet.")).toEqual([
      "Klaviyo",
      "MailerLite",
    ]);
    expect(
      listedTerms("Tienes tres años como QA, de los cuales dos o más automatizando pruebas End-to-End"),
    ).toEqual(["QA"]);
  });

  it("drops the verb or preposition that leads up to a term, but keeps an adjective and a version", () => {
    expect(listedTerms("Registration through AHPRA")).toEqual(["AHPRA"]);
    expect(listedTerms("Accreditation to conduct Home Medicines Reviews")).toEqual([
      "Home Medicines Reviews",
    ]);
    expect(
      listedTerms("It's a plus if you have used Terraform or have built double-entry ledgers before"),
    ).toEqual(["Terraform", "double-entry ledgers"]);
    expect(listedTerms("Contentful or another headless CMS")).toEqual(["Contentful", "headless CMS"]);
    expect(listedTerms("Experience with Epicor Prophet 21 and Sage 200")).toEqual([
      "Epicor Prophet 21",
      "Sage 200",
    ]);
  });

  it("reads the examples a requirement gives as its terms, but not a length of time", () => {
    expect(listedTerms("Deep PostgreSQL experience, including schema design and query tuning")).toEqual([
      "PostgreSQL",
      "schema design",
      "query tuning",
    ]);
    expect(
      listedTerms("Four years in FP&A, including at least two years partnering directly with budget owners"),
    ).toEqual(["FP&A"]);
  });

  it("reads a list a colon opens, and a hyphenated word that starts like a turn", () => {
    expect(listedTerms("Precision measuring instruments: micrometers, calipers, bore gauges")).toEqual([
      "micrometers",
      "calipers",
      "bore gauges",
    ]);
    expect(listedTerms("Distributed systems: idempotency, retries and eventual consistency")).toEqual([
      "idempotency",
      "retries",
      "eventual consistency",
    ]);
    expect(listedTerms("Methods: in-depth interviews, diary studies, card sorting")).toEqual([
      "in-depth interviews",
      "diary studies",
      "card sorting",
    ]);
    expect(listedTerms("Experience in a studio, agency or in-house team")).toEqual([]);
  });

  it("reads what one is asked to know as a term, but not a place of work", () => {
    expect(listedTerms("Knowledge of GoBD and German bookkeeping")).toEqual(["GoBD", "German bookkeeping"]);
    expect(listedTerms("Solid understanding of schema design")).toEqual(["schema design"]);
    expect(listedTerms("Two years of experience in a full-service hotel")).toEqual([]);
    expect(listedTerms("Experience of supervising junior staff or students")).toEqual([]);
    expect(listedTerms("Experience in a SaaS or technology company")).toEqual(["SaaS"]);
    expect(listedTerms("Audit experience at a Big Four firm or a fintech startup")).toEqual([]);
    expect(listedTerms("Experience using Terraform or Pulumi")).toEqual(["Terraform", "Pulumi"]);
    expect(listedTerms("Confident with copper, push-fit and soil pipework")).toEqual([
      "copper",
      "push-fit",
      "soil pipework",
    ]);
  });

  it("drops the plain noun that says what is done with a named thing, not a credential's own word", () => {
    expect(listedTerms("Experience preparing NACHA files and answering FOIA requests")).toEqual([
      "NACHA",
      "FOIA",
    ]);
    expect(listedTerms("Familiarity with GitOps workflows")).toEqual(["GitOps"]);
    expect(listedTerms("Current BLS card through the AHA")).toEqual(["BLS card", "AHA"]);
  });

  it("reads no term from a schedule, a sentence's own words, or a French article", () => {
    expect(listedTerms("Available for 2nd shift, Monday–Thursday, 4x10s")).toEqual([]);
    expect(listedTerms("A reliable way to get to site for a 7:00 a.m. start")).toEqual([]);
    expect(listedTerms("Fastlane or Bitrise, but nobody will quiz you on it")).toEqual([
      "Fastlane",
      "Bitrise",
    ]);
    expect(listedTerms("- Titulaire d'un DCG, maîtrise de la TVA")).toEqual(["DCG", "TVA"]);
    expect(listedTerms("Le permis B est indispensable")).toEqual([]);
    expect(listedTerms("Una cadena con más de 300 empleados")).toEqual([]);
  });

  it("keeps the 'of' inside a name, and drops the paper that attests a named skill", () => {
    expect(listedTerms("An understanding of Chain of Responsibility for outbound freight")).toEqual([
      "Chain of Responsibility",
    ]);
    expect(listedTerms("Knowledge of SQL and Python")).toEqual(["SQL", "Python"]);
    expect(listedTerms("Tarjeta Profesional de la Construcción y Carnet B")).toEqual([
      "Tarjeta Profesional de la Construcción",
      "Carnet B",
    ]);
    expect(listedTerms("Conocimiento del Plan General de Contabilidad")).toEqual([
      "Plan General de Contabilidad",
    ]);
    expect(listedTerms("Inscription à l'Ordre National des Infirmiers")).toEqual([
      "Ordre National des Infirmiers",
    ]);
    expect(listedTerms("Hazmat endorsement (H or X)")).toEqual([]);
    expect(listedTerms("TWIC card, no DUI/DWI in the last 7 years")).toEqual(["TWIC card"]);
    expect(listedTerms("Minimum 1 year verifiable OTR experience")).toEqual(["OTR"]);
    expect(listedTerms("CKA certification or NCCER credentials")).toEqual(["CKA", "NCCER"]);
    expect(listedTerms("IV therapy certification")).toEqual(["IV therapy certification"]);
    expect(listedTerms("Trained in Command of the Message or MEDDICC")).toEqual([
      "Command of the Message",
      "MEDDICC",
    ]);
    expect(listedTerms("Experience with New Relic")).toEqual(["New Relic"]);
    expect(listedTerms("Data quality tooling – Great Expectations or Monte Carlo")).toEqual([
      "Great Expectations",
      "Monte Carlo",
    ]);
    expect(listedTerms("Current Advanced Life Support (ALS) certificate")).toEqual([
      "Advanced Life Support",
      "ALS",
    ]);
    expect(listedTerms("AWS – S3, Glue, Lambda")).toEqual(["AWS", "S3", "Glue", "Lambda"]);
  });

  it("reads examples and what one is asked to know in German, Spanish and French", () => {
    expect(
      listedTerms(
        "Du kennst dich damit aus, also zum Beispiel mit Medikamentengabe, Injektionen und Blutzuckerkontrollen",
      ),
    ).toEqual(["Medikamentengabe", "Injektionen", "Blutzuckerkontrollen"]);
    expect(listedTerms("solide Grundkenntnisse in der Wundversorgung")).toEqual(["Wundversorgung"]);
    expect(listedTerms("Minimum 5 ans d’expérience en audit externe")).toEqual(["audit externe"]);
    expect(listedTerms("Formation Bac+5 en audit ou finance")).toEqual([]);
    expect(listedTerms("Erfahrung in der ambulanten Pflege")).toEqual([]);
    expect(listedTerms("Sehr gute Deutschkenntnisse in Wort und Schrift")).toEqual([]);
    expect(listedTerms("Fundierte Kenntnisse im Arbeitsrecht und Lohnsteuerrecht")).toEqual([
      "Arbeitsrecht",
      "Lohnsteuerrecht",
    ]);
    expect(listedTerms("herramientas de diseño, por ejemplo maquetación y retoque")).toEqual([
      "maquetación",
      "retoque",
    ]);
  });

  it("drops what a sentence says of a term after it, and the reason it gives", () => {
    expect(listedTerms("Knowledge of the Water Regulations is expected")).toEqual(["Water Regulations"]);
    expect(listedTerms("Designing an A/B test is essential, because Marketing runs dozens")).toEqual([
      "A/B test",
    ]);
    expect(listedTerms("Wenn du Wundexperte ICW bist")).toEqual([]);
    expect(listedTerms("Experience with Microsoft Azure, which hosts most of our estate")).toEqual([
      "Microsoft Azure",
    ]);
    expect(listedTerms("Experience with MEDDICC or a similar qualification framework")).toEqual(["MEDDICC"]);
    expect(listedTerms("Excellent written and spoken English")).toEqual(["English"]);
    expect(listedTerms("Compliance with NSW Health requirements (Category A)")).toEqual([
      "NSW Health requirements",
    ]);
  });

  it("reads no term from a sentence's own words: 'as is', 'how to', a mark, a request, a Spanish verb", () => {
    const asIs = listedTerms("Experience with ultrasound is helpful, as is experience with Vetstoria");
    expect(asIs).toContain("Vetstoria");
    expect(asIs).not.toContain("as");
    expect(listedTerms("Solid grasp of SLOs, SLIs and how to use them")).toEqual(["SLOs", "SLIs"]);
    expect(listedTerms("GCSEs (or equivalent) in Maths and English at grade 4/C or above")).not.toContain(
      "4/C",
    );
    expect(listedTerms("If you speak Punjabi or Tagalog, please mention it")).not.toContain("please mention");
    expect(listedTerms("Trabajas con Scrum, Jira y a sentarte con producto")).toEqual(["Scrum", "Jira"]);
    // A framing word in capitals is an acronym: "AS" of the Indian accounting standards.
    expect(listedTerms("Understanding of Ind AS and IFRS 15")).toEqual(["Ind AS", "IFRS 15"]);
  });

  it("reads no term from a month or a season, a word of degree, or 'around'", () => {
    expect(
      listedTerms("You should be comfortable working in attics in July and crawlspaces in January"),
    ).toEqual([]);
    expect(listedTerms("Comfortable through the Carolina summers")).toEqual([]);
    expect(listedTerms("A real understanding of Kafka")).toEqual(["Kafka"]);
    expect(listedTerms("Familiarity with any particular ORM")).toEqual(["ORM"]);
    expect(listedTerms("Experience in or around the construction industry")).toEqual([]);
    expect(listedTerms("Completion of an AP Summer Institute is a plus")).toEqual(["AP Summer Institute"]);
  });

  it("keeps a capitalized name after the verb that leads up to it, an elision inside a name, and no stand-in", () => {
    expect(listedTerms("Evidence of meeting the Basic Skills Requirement (e.g., CSET: Mathematics)")).toEqual(
      ["Basic Skills Requirement", "CSET", "Mathematics"],
    );
    expect(listedTerms("Maîtrise d'un logiciel métier (Cart@ds, Oxalis ou équivalent)")).toEqual([
      "Cart@ds",
      "Oxalis",
    ]);
    expect(listedTerms("Connaissance du code de l'urbanisme et la pratique d'un SIG")).toEqual([
      "code de l'urbanisme",
      "SIG",
    ]);
  });

  it("reads no term from the people one works with, nor from a word saying one holds a qualification", () => {
    expect(
      listedTerms("CIMA, ACCA or ACA qualified, or a finalist with a clear route to qualification"),
    ).toEqual(["CIMA", "ACCA", "ACA"]);
    expect(
      listedTerms("Confident with Excel, including with production managers and enterprise customers"),
    ).toEqual(["Excel"]);
  });

  it("reads no term from whom or what a requirement is for, nor from a court", () => {
    expect(listedTerms("We're looking for someone who has used NVivo")).toEqual(["NVivo"]);
    expect(listedTerms("Knowledge of customer-specific requirements for GM, Ford or Stellantis")).toEqual([
      "customer-specific requirements",
    ]);
    expect(listedTerms("Electronic filing in the Circuit Court of Cook County and dockets on PACER")).toEqual(
      ["PACER"],
    );
  });

  it("reads no term from the words around a level or the basics of a subject in Spanish, German and French", () => {
    expect(listedTerms("Conocimientos básicos de Google Analytics 4 y de los fundamentos del SEO")).toEqual([
      "Google Analytics 4",
      "SEO",
    ]);
    expect(listedTerms("Nivel de inglés B2 o superior")).not.toContain("superior");
  });

  it("reads no skill from a check made before hiring", () => {
    expect(listedTerms("A National Police Check, a DOT drug screen and TB clearance")).toEqual([]);
  });

  it("reads no term from the employer's own things and places, nor from an adverb's phrase", () => {
    expect(listedTerms("Experience with Kotlin, to work with our Moncton and Halifax teams")).toEqual([
      "Kotlin",
    ]);
    expect(listedTerms("Vous irez parfois sur nos sites de Sète et Lunel")).toEqual([]);
    expect(listedTerms("Trois centres à Montpellier, Sète et Lunel")).toEqual([]);
    expect(listedTerms("Ability to write legally compliant, measurable IEP goals")).toEqual([
      "measurable IEP goals",
    ]);
    expect(listedTerms("Strong Go, and a willingness to learn Rust")).toEqual(["Go", "Rust"]);
  });

  it("reads no skills from a line that asks for a degree, and none from money", () => {
    expect(listedTerms("BS or MS in Computer Science or a related field")).toEqual([]);
    expect(listedTerms("Pay: $28–$34 an hour plus overtime")).toEqual([]);
    // "MS" before a Microsoft product is Microsoft.
    expect(listedTerms("Experience with MS Project, Jira and Confluence")).toEqual([
      "MS Project",
      "Jira",
      "Confluence",
    ]);
  });

  it("reads no term from a German phrase that ends in an adverb or a verb, whatever its clauses", () => {
    expect(
      listedTerms(
        "Sie arbeiten sicher mit MS Office und sind es gewohnt, Ihre Kontakte konsequent in einem CRM-System zu pflegen",
      ),
    ).toEqual(["MS Office"]);
    expect(listedTerms("Sie arbeiten mit GitLab und git")).toEqual(["GitLab", "git"]);
    expect(listedTerms("wir finanzieren sie Ihnen gern berufsbegleitend")).toEqual([]);
  });

  it("keeps a list joined by suspended hyphens as one item", () => {
    expect(
      listedTerms("- Fundierte Kenntnisse im Arbeits-, Lohnsteuer- und Sozialversicherungsrecht"),
    ).toEqual(["Arbeits-, Lohnsteuer- und Sozialversicherungsrecht"]);
  });

  it("splits a list at 'and/or', 'y/o', 'et/ou' and 'und/oder', and drops 'the use of'", () => {
    expect(listedTerms("Experience with Terraform and/or Pulumi")).toEqual(["Terraform", "Pulumi"]);
    expect(listedTerms("- Soldadura en posiciones PF y/o PC")).toEqual(["PF", "PC"]);
    expect(listedTerms("- Maîtrise de l'utilisation d'un terminal radio et des bases d'un WMS")).toEqual([
      "terminal radio",
      "WMS",
    ]);
  });
});
