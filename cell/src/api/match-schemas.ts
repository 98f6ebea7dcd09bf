import { z } from "@hono/zod-openapi";

/** What matching and tailoring a resume against a job return. */

export const BulletRefSchema = z
  .object({
    role: z.int().min(0).openapi({ description: "Index of the role in the resume's experience" }),
    index: z.int().min(0).openapi({ description: "Index of the bullet in that role" }),
    text: z.string(),
  })
  .openapi("BulletRef");

const SuggestionSchema = z
  .object({
    text: z.string().openapi({ description: "What to do, in a sentence" }),
    reason: z.string().openapi({ description: "Why it matters for this job" }),
    section: z.enum(["contact", "summary", "skills", "experience", "education"]),
    bullet: BulletRefSchema.optional().openapi({
      description: "The bullet the advice is about, when it is about one",
    }),
  })
  .openapi("Suggestion");

export const MatchSchema = z
  .object({
    resumeId: z.uuid(),
    jobId: z.uuid(),
    score: z.int().min(0).max(100),
    breakdown: z
      .object({
        keywordCoverage: z
          .number()
          .openapi({ description: "0–100: share of the job's keywords the resume shows; weight 0.25" }),
        skillsCoverage: z
          .number()
          .openapi({ description: "0–100: required skills count double; weight 0.2" }),
        roleFit: z.number().openapi({
          description:
            "0–100: how closely the resume's titles name the job's role, as far as its skills lie in the job's field; weight 0.15",
        }),
        fieldFit: z.number().openapi({
          description: "0–100: how much the resume's skills lie in the job's field; weight 0.25",
        }),
        sectionCompleteness: z.number().openapi({ description: "0–100, weight 0.05" }),
        experienceFit: z.number().openapi({
          description:
            "0–100: how much of the experience the job asks for (its stated years, else its level's) the resume's dates prove; weight 0.1",
        }),
      })
      .openapi({
        description:
          "score = round(0.25·keywordCoverage + 0.2·skillsCoverage + 0.15·roleFit + 0.25·fieldFit + 0.1·experienceFit + 0.05·sectionCompleteness)",
      }),
    matchedKeywords: z.array(z.string()),
    missingKeywords: z.array(z.string()),
    suggestions: z.array(SuggestionSchema),
  })
  .openapi("Match");

export const TailoringSchema = z
  .object({
    id: z.uuid(),
    resumeId: z.uuid(),
    jobId: z.uuid(),
    format: z.enum(["pdf", "docx"]),
    filename: z.string(),
    scoreBefore: z.int().openapi({ description: "Match score of the resume before tailoring, 0–100" }),
    scoreAfter: z.int().openapi({ description: "Match score of the tailored resume, 0–100" }),
    emphasizedSkills: z.array(z.string()),
    changes: z.array(z.string()).openapi({ description: "What changed, one line each" }),
    edits: z
      .array(
        z.object({
          section: z.enum(["summary", "skills", "experience"]),
          role: z
            .int()
            .min(0)
            .optional()
            .openapi({ description: "The role whose bullets changed (0-based)" }),
          before: z.string(),
          after: z.string(),
          reason: z.string().openapi({ description: "Why, for this job" }),
        }),
      )
      .openapi({ description: "Every part that changed, before and after; nothing is added to the resume" }),
    documentUrl: z.string().openapi({ description: "Where to download the document" }),
    createdAt: z.iso.datetime(),
  })
  .openapi("Tailoring");
