import { z } from "zod";

/** What a model must answer for each operation. Anything else is `malformed_output`. */

const text = (max: number) => z.string().trim().max(max);
const list = (maxItems: number, maxChars = 200) => z.array(text(maxChars)).max(maxItems);

export const jobAnalysisOutput = z.object({
  title: text(200),
  seniority: z.enum(["intern", "junior", "mid", "senior", "lead", "principal", "executive", "unspecified"]),
  requiredSkills: list(60),
  niceToHaveSkills: list(60),
  yearsOfExperience: z.number().int().min(0).max(60).nullable(),
  responsibilities: list(40, 500),
  keywords: list(60),
});
export type JobAnalysisOutput = z.infer<typeof jobAnalysisOutput>;

const experienceEntry = z.object({
  title: text(200),
  company: text(200),
  kind: z.enum(["volunteer", "campus"]).optional(),
  startDate: text(40).optional(),
  endDate: text(40).optional(),
  location: text(200).optional(),
  bullets: list(40, 1_000),
});
const educationEntry = z.object({
  institution: text(200),
  degree: text(200).optional(),
  startDate: text(40).optional(),
  endDate: text(40).optional(),
  details: list(20, 500),
});

export const tailoredResumeOutput = z.object({
  resume: z.object({
    summary: text(3_000),
    skills: list(100),
    experience: z.array(experienceEntry).max(40),
    education: z.array(educationEntry).max(20),
    otherSections: z.record(z.string(), list(50, 500)).default({}),
  }),
  emphasizedSkills: list(100),
  changes: list(30, 500),
});
export type TailoredResumeOutput = z.infer<typeof tailoredResumeOutput>;

export const matchExplanationOutput = z.object({ explanation: z.string().trim().min(1).max(2_000) });
export type MatchExplanationOutput = z.infer<typeof matchExplanationOutput>;

export const roastOutput = z.object({
  headline: z.string().trim().min(1).max(200),
  points: z
    .array(
      z.object({
        section: z.enum(["summary", "skills", "experience", "education", "contact", "overall"]),
        remark: z.string().trim().min(1).max(600),
        fix: z.string().trim().min(1).max(600),
      }),
    )
    .min(1)
    .max(12),
  score: z.number().int().min(0).max(10),
});
export type RoastOutput = z.infer<typeof roastOutput>;

export type ParsedOutput<T> = { ok: true; value: T } | { ok: false; problem: string };

/**
 * Reads a model's answer as JSON of the given schema. Models wrap JSON in prose or code fences
 * despite instructions, so the outermost object is taken; anything still invalid is reported with
 * a short problem the retry prompt can quote.
 */
export function parseModelJson<T>(answer: string, schema: z.ZodType<T>): ParsedOutput<T> {
  const start = answer.indexOf("{");
  const end = answer.lastIndexOf("}");
  if (start < 0 || end <= start) return { ok: false, problem: "the answer contains no JSON object" };
  let json: unknown;
  try {
    json = JSON.parse(answer.slice(start, end + 1));
  } catch (error) {
    return { ok: false, problem: `the JSON does not parse: ${(error as Error).message.slice(0, 120)}` };
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return { ok: true, value: parsed.data };
  const problems = parsed.error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`);
  return { ok: false, problem: `the JSON does not match the schema: ${problems.join("; ")}` };
}
