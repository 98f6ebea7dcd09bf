import { resumeToText } from "../../src/resume-text.ts";
import type { ParsedResume } from "../../src/types.ts";

/** A hand-built parsed resume, so tailoring, invention and rendering tests do not depend on the parser. */
export function sampleResume(): ParsedResume {
  const resume: ParsedResume = {
    contact: {
      name: "Renée Dubois-Łukasiewicz",
      email: "renee@example.com",
      phone: "917-555-0111",
      location: "Brooklyn, NY",
      links: ["reneedubois.design"],
    },
    summary:
      "Designer with 6 years of brand and packaging work. Comfortable with print production and press checks. Builds component libraries in Figma for product teams.",
    skills: ["Typography", "Adobe Illustrator", "Figma", "Branding", "Print Production"],
    experience: [
      {
        title: "Senior Graphic Designer",
        company: "Maple & Moss Studio",
        startDate: "Sept 2021",
        endDate: "Present",
        location: "Brooklyn, NY",
        bullets: [
          "Led rebrands for 11 consumer brands, including a packaging system for 60 SKUs.",
          "Art-directed 3 photo shoots with budgets up to $45,000.",
          "Designed a Figma component library that cut social asset production time by 50%.",
        ],
      },
      {
        title: "Graphic Designer",
        company: "Bluebird Publishing",
        startDate: "Jan 2018",
        endDate: "Aug 2021",
        bullets: [
          "Prepared press-ready files for print runs of up to 200,000 copies.",
          "Designed 70+ book covers in Adobe Illustrator and InDesign.",
        ],
      },
    ],
    education: [
      { institution: "Pratt Institute", degree: "BFA Communication Design", endDate: "2017", details: [] },
    ],
    otherSections: { Languages: ["French (native)", "English (fluent)"] },
    text: "",
  };
  return { ...resume, text: resumeToText(resume) };
}
