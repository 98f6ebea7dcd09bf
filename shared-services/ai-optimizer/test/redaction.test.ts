import { describe, expect, it } from "vitest";
import { mapStrings, Redactor } from "../src/redaction.ts";
import { coreResume, PERSONAL_FRAGMENTS } from "./support/fixtures.ts";

describe("the redactor", () => {
  it("replaces the person's data and data shaped like personal data, and restores it exactly", () => {
    const resume = coreResume();
    const redactor = new Redactor(resume.contact);
    const redacted = mapStrings(resume, (text) => redactor.redact(text));
    const json = JSON.stringify(redacted);
    for (const fragment of PERSONAL_FRAGMENTS)
      expect(json.toLowerCase()).not.toContain(fragment.toLowerCase());
    expect(mapStrings(redacted, (text) => redactor.restore(text))).toEqual(resume);
  });

  it("finds strangers' emails, phones, street addresses and URLs by shape, and leaves look-alikes alone", () => {
    const redactor = new Redactor();
    const text = [
      "Mail ops@acme.io or call (212) 555-0187 / +44 20 7946 0958.",
      "Office: 1600 Amphitheatre Parkway, Mountain View, CA 94043.",
      "See https://example.com/x?y=1, www.example.org and github.com/someone.",
      "Built with Node.js and ASP.NET from 2018-2021; grew revenue 35% to $1.2M across 200,000 users.",
    ].join("\n");
    const redacted = redactor.redact(text);
    expect(redacted).toContain("Mail ⟦EMAIL_1⟧ or call ⟦PHONE_1⟧ / ⟦PHONE_2⟧.");
    expect(redacted).toContain("Office: ⟦ADDRESS_1⟧.");
    expect(redacted).toContain("See ⟦URL_1⟧, ⟦URL_2⟧ and ⟦URL_3⟧.");
    expect(redacted).toContain(
      "Built with Node.js and ASP.NET from 2018-2021; grew revenue 35% to $1.2M across 200,000 users.",
    );
    expect(redactor.restore(redacted)).toBe(text);
  });

  it("finds the person's name in any case and without accents, and flags placeholders it never issued", () => {
    const redactor = new Redactor({ name: "Renée Dubois", links: [] });
    expect(redactor.redact("RENEE DUBOIS and renée dubois; Dubois alone")).toBe(
      "⟦NAME_1⟧ and ⟦NAME_1⟧; ⟦NAME_2⟧ alone",
    );
    expect(redactor.leftovers(redactor.restore("⟦NAME_1⟧ met ⟦NAME_7⟧ and ⟦EMAIL_1⟧"))).toEqual([
      "⟦NAME_7⟧",
      "⟦EMAIL_1⟧",
    ]);
    // Input that already looks like a placeholder cannot smuggle one in.
    expect(redactor.redact("⟦NAME_9⟧")).toBe("[NAME_9]");
  });
});
