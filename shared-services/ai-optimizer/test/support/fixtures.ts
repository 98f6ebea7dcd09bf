import { Tier } from "@hireloop/proto/ai";
import { toWireJob, toWireResume } from "@hireloop/proto/convert";
import type { JobAnalysis, Resume } from "@hireloop/proto/resume";
import { analyzeJob, type ParsedResume, resumeToText } from "@hireloop/resume-core";

/** The test person's personal data: none of it may reach a model server. */
export const PERSONAL = {
  name: "Renée Dubois-Łukasiewicz",
  email: "renee.dubois@example.com",
  phone: "+1 917-555-0111",
  location: "Brooklyn, NY",
  linkedin: "https://linkedin.com/in/renee-dubois",
  portfolio: "reneedubois.design",
  street: "221 Baker Street, Brooklyn, NY 11201",
  otherEmail: "hiring@maplemoss.example.org",
} as const;

/** Every fragment that would identify the person if it appeared in a request body. */
export const PERSONAL_FRAGMENTS = [
  "Renée",
  "Renee",
  "Dubois",
  "Łukasiewicz",
  "renee.dubois@example.com",
  "917-555-0111",
  "555-0111",
  "Baker Street",
  "11201",
  "linkedin.com/in/renee-dubois",
  "reneedubois.design",
  "Brooklyn",
  "hiring@maplemoss.example.org",
];

export function coreResume(): ParsedResume {
  const resume: ParsedResume = {
    contact: {
      name: PERSONAL.name,
      email: PERSONAL.email,
      phone: PERSONAL.phone,
      location: PERSONAL.location,
      links: [PERSONAL.linkedin, PERSONAL.portfolio],
    },
    summary: `Renée Dubois is a designer with 6 years of brand and packaging work. Portfolio at ${PERSONAL.portfolio}. Builds component libraries in Figma for product teams.`,
    skills: ["Typography", "Adobe Illustrator", "Figma", "Branding", "Print Production"],
    experience: [
      {
        title: "Senior Graphic Designer",
        company: "Maple & Moss Studio",
        startDate: "Sept 2021",
        endDate: "Present",
        location: PERSONAL.location,
        bullets: [
          "Led rebrands for 11 consumer brands, including a packaging system for 60 SKUs.",
          "Designed a Figma component library that cut social asset production time by 50%.",
          `Case studies at ${PERSONAL.linkedin} and references via ${PERSONAL.otherEmail}.`,
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
    otherSections: {
      Contact: [`Studio: ${PERSONAL.street}`, `Call ${PERSONAL.phone} or write to ${PERSONAL.email}`],
    },
    text: "",
  };
  return { ...resume, text: resumeToText(resume) };
}

export const testResume = (): Resume => toWireResume(coreResume());

export const JOB_TEXT = `Senior Brand Designer
Requirements:
- 5+ years of brand design experience
- Expert in Figma and Adobe Illustrator
- Strong typography and print production skills
Nice to have: motion design, After Effects.`;

export const testJob = (): JobAnalysis => toWireJob(analyzeJob(JOB_TEXT, "Senior Brand Designer"));

export const caller = (userId: string, tier: "free" | "premium" = "premium") => ({
  userId,
  cell: "us-east-1",
  tier: tier === "premium" ? Tier.TIER_PREMIUM : Tier.TIER_FREE,
});

/** A tailoring answer built from what the model was sent: the redacted resume, skills reordered. */
export function honestTailoring(input: Record<string, unknown>, extraSkills: string[] = []) {
  const resume = input.resume as { skills: string[] } & Record<string, unknown>;
  return {
    resume: { ...resume, skills: [...[...resume.skills].reverse(), ...extraSkills] },
    emphasizedSkills: resume.skills.slice(0, 2),
    changes: ["Moved the matching skills first"],
  };
}
