import { describe, expect, it } from "vitest";
import { REQUIREMENT_CUE, splitOnPreferenceCue } from "../src/job-cues.ts";

const optionalOf = (sentence: string) => splitOnPreferenceCue(sentence).optional;
const firmOf = (sentence: string) => splitOnPreferenceCue(sentence).firm;

describe("splitOnPreferenceCue", () => {
  it("reads a cue that opens a parenthesis as preferring the parenthesis, and the clause as going on", () => {
    const audit =
      "Minimum 5 ans d'expérience en audit externe (idéalement au sein d'un Big Four) et/ou en audit interne";
    expect(optionalOf(audit)).toBe("idéalement au sein d'un Big Four");
    expect(firmOf(audit)).toContain("en audit interne");
    expect(firmOf("5 years of Python (ideally with Django) and SQL")).toContain("and SQL");
  });

  it("reads a preference said anywhere in a clause, and a clause that says the same of another thing", () => {
    const dbt = "Experience with Python (pandas in particular) is a plus, as is familiarity with dbt.";
    expect(firmOf(dbt)).toBe("");
    expect(optionalOf(dbt)).toContain("dbt");
    expect(optionalOf("French is an asset for working with our Moncton team but is not required.")).toContain(
      "French",
    );
    expect(optionalOf("Working knowledge of Figma helps when you're testing prototypes.")).toContain("Figma");
    expect(optionalOf("Experience in e-commerce fulfilment is highly regarded.")).toContain("e-commerce");
    // Paid more for having it: wanted, not required.
    expect(firmOf("Drivers who hold a Hazmat endorsement earn an extra $0.05 per mile.")).toBe("");
    const list = "Experience with conjoint analysis, or digging into Amplitude or Mixpanel, is a plus.";
    expect(firmOf(list)).toBe("");
  });

  it("reads a cue standing alone as said of the clause before it", () => {
    const sentence =
      "If you already hold Fall Protection and WHMIS tickets, even better, and we'd be impressed if you know the CEC.";
    expect(firmOf(sentence)).not.toMatch(/WHMIS|CEC/);
    expect(optionalOf(sentence)).toContain("WHMIS");
    expect(optionalOf(sentence)).toContain("CEC");
    // A cue opening with its verb is said of the whole subject before it, commas and all.
    const subject = "Qualifications in ESL or Special Education, Part 1, would be an asset, as would Desmos.";
    expect(firmOf(subject)).toBe("");
    expect(optionalOf(subject)).toContain("ESL");
  });

  it("reads preferences in German, Spanish and French", () => {
    expect(firmOf("Kenntnisse der HACCP-Grundsätze sind ein klarer Pluspunkt.")).toBe("");
    expect(firmOf("Idealerweise bringen Sie Erfahrung in der Intensivpflege mit.")).toBe("");
    expect(firmOf("Sie kennen SAP; wenn Sie auch DATEV kennen, umso besser.")).not.toContain("DATEV");
    // A clause that demands its own term is no part of a list the closing plural verb prefers.
    const languages = "Fließendes Französisch ist Voraussetzung, Italienischkenntnisse sind von Vorteil.";
    expect(firmOf(languages)).toContain("Französisch");
    expect(firmOf(languages)).not.toContain("Italienisch");
    expect(firmOf("Se valorará también un tercer idioma, especialmente francés o neerlandés.")).toBe("");
    const french =
      "Une expérience en gériatrie serait un plus, tout comme la connaissance du logiciel NetSoins.";
    expect(firmOf(french)).toBe("");
  });

  it("reads a preference said of the clause before it, and a sentence that only welcomes", () => {
    const snowflake = "You need SQL; we work in Snowflake, so hands-on time there is a bonus.";
    expect(firmOf(snowflake)).toContain("SQL");
    expect(firmOf(snowflake)).not.toContain("Snowflake");
    expect(optionalOf(snowflake)).toContain("Snowflake");
    expect(firmOf("If you've done RFM modelling before, tell us about it.")).toBe("");
    expect(firmOf("If you have a CDL, you can start on Monday.")).toContain("CDL");
    expect(firmOf("If you speak Punjabi, Tagalog or Mandarin, please mention it.")).toBe("");
  });

  it("keeps the reason or the condition given after a preference with it, and a demand after it firm", () => {
    const reason = "You need Excel, and Mandarin is an asset, as half our suppliers are in Taiwan.";
    expect(firmOf(reason)).toContain("Excel");
    expect(firmOf(reason)).not.toMatch(/Mandarin|Taiwan/);
    const condition =
      "Tableau helps with reporting, and if you speak Polish you'll support our Gdańsk office.";
    expect(firmOf(condition)).toBe("");
    expect(optionalOf(condition)).toContain("Polish");
    expect(firmOf("Jira is a plus, but you must know SQL.")).toContain("SQL");
    expect(firmOf("You must know SQL, as reports are built on it.")).toContain("SQL");
  });

  it("reads a parenthesis that prefers: the whole line's, or only its own term's", () => {
    expect(firmOf("Experience with Pyxis MedStation (preferred)")).toBe("");
    expect(splitOnPreferenceCue("OSHA 10 (OSHA 30 preferred)")).toEqual({
      firm: "OSHA 10 ",
      optional: "OSHA 30 preferred",
    });
  });

  it("reads a list preferred as a whole by a plural verb, a cue after the clauses, and 'as would'", () => {
    expect(
      firmOf(
        "La connaissance de TikTok Ads, la pratique de Canva et un bon niveau d'anglais seront appréciés.",
      ),
    ).toBe("");
    const asset = "Qualifications in Special Education, would be an asset, as would experience with Desmos.";
    expect(firmOf(asset)).not.toMatch(/Special Education|Desmos/);
    expect(firmOf("Nos encantaría que tuvieras experiencia con k6 o JMeter.")).toBe("");
    expect(firmOf("Si además te manejas con Figma, suma muchos puntos.")).toBe("");
    expect(firmOf("SQL and Python are required; Go and Rust are a plus.")).toContain("SQL");
  });

  it("reads a cue closing a list as said of the whole list, begun in the clauses before", () => {
    expect(firmOf("Docker, Kubernetes or Terraform is a plus.")).toBe("");
    const languages = "Given our students, the ability to speak Arabic, Punjabi or Spanish is also an asset.";
    expect(firmOf(languages)).not.toMatch(/Arabic|Punjabi|Spanish/);
    expect(optionalOf(languages)).toContain("Arabic");
    const french = "La connaissance de PyTorch, de GeoPandas ou de MLflow serait également appréciée.";
    expect(firmOf(french)).toBe("");
    // A clause of its own before the list stays what it was.
    const demand = "You must hold a CDL; Docker, Kubernetes or Terraform is a plus.";
    expect(firmOf(demand)).toContain("CDL");
    expect(firmOf("You know SQL well, and Go or Rust is a plus.")).toContain("SQL");
  });

  it("reads a clause that says its subject is not needed as asking nothing, unless it also prefers it", () => {
    expect(splitOnPreferenceCue("Very good English; German is not required")).toEqual({
      firm: "Very good English;",
      optional: "",
    });
    expect(firmOf("Deutsch ist keine Voraussetzung.")).toBe("");
    expect(firmOf("Le permis B n'est pas obligatoire.")).toBe("");
    const asset = "French is an asset for working with our Moncton team but is not required.";
    expect(optionalOf(asset)).toContain("French");
  });

  it("reads 'would be nice' as a preference, and a reason given first as asking nothing", () => {
    const nice = "French or Italian would be nice for our Swiss accounts, but is not required.";
    expect(firmOf(nice)).toBe("");
    expect(optionalOf(nice)).toContain("Italian");
    const reason = "Because many clients are Spanish speakers, fluency in Spanish is a plus for interviews.";
    expect(firmOf(reason)).toBe("");
    expect(firmOf("Because we ship daily, you must know Git, and Docker is a plus.")).toContain("Git");
  });

  it("reads a condition on the candidate as a welcome, unless what follows is theirs to do", () => {
    expect(firmOf("Et si tu parles espagnol, nos clients andalous t'en seront reconnaissants.")).toBe("");
    expect(firmOf("Wenn du zusätzlich Wundexperte ICW bist, freuen wir uns.")).toBe("");
    const spanish = "Si además te manejas con Figma, suma muchos puntos, porque las marcas lo piden.";
    expect(optionalOf(spanish)).not.toContain("suma");
    expect(firmOf("Ce serait un vrai plus si tu as de l'expérience en télédétection.")).toBe("");
    expect(firmOf("If you hold a CDL, you will drive the night route.")).toContain("CDL");
  });

  it("reads 'a strong advantage if' and 'is also highly regarded' as preferences", () => {
    expect(
      splitOnPreferenceCue(
        "Five years of SaaS sales; it would be a strong advantage if you have sold into logistics",
      ),
    ).toEqual({
      firm: "Five years of SaaS sales; ",
      optional: "it would be a strong advantage if you have sold into logistics",
    });
    expect(
      splitOnPreferenceCue(
        "Experience with MEDDPICC, or having closed deals in New Zealand, is also highly regarded.",
      ),
    ).toEqual({
      firm: "",
      optional: "Experience with MEDDPICC, or having closed deals in New Zealand, is also highly regarded.",
    });
  });

  it("reads German that calls a thing nice, no must, a help, or a delight", () => {
    for (const sentence of [
      "Erfahrung mit Vivendi ist schön, aber kein Muss.",
      "Auch Russischkenntnisse helfen dir bei einigen Klienten weiter.",
    ]) {
      expect(splitOnPreferenceCue(sentence)).toEqual({ firm: "", optional: sentence });
    }
    expect(
      splitOnPreferenceCue("Wenn du Erfahrung in der Palliativpflege mitbringst, freuen wir uns besonders."),
    ).toEqual({ firm: "", optional: "Wenn du Erfahrung in der Palliativpflege mitbringst," });
  });

  it("reads 'preference will be given to' as a preference", () => {
    const sentence = "You hold OCT membership. Preference will be given to candidates who have taught MHF4U.";
    expect(firmOf(sentence)).toContain("OCT");
    expect(firmOf(sentence)).not.toContain("MHF4U");
  });

  it("keeps what a sentence demands before its preference", () => {
    const sentence = "Strong SQL, ideally with Snowflake.";
    expect(firmOf(sentence)).toContain("SQL");
    expect(optionalOf(sentence)).toContain("Snowflake");
    expect(optionalOf("You must hold a current RN license.")).toBe("");
  });
});

describe("REQUIREMENT_CUE", () => {
  it("reads 'a plus' as asking, and 'plus' joining two things as not", () => {
    expect(REQUIREMENT_CUE.test("Experience with Go is a big plus.")).toBe(true);
    expect(REQUIREMENT_CUE.test("The brigade is seven chefs plus two kitchen porters.")).toBe(false);
  });
});
