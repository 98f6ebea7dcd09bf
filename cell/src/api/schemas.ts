import { z } from "@hono/zod-openapi";

export const ErrorSchema = z
  .object({
    code: z.string().openapi({ example: "resume_unreadable" }),
    message: z.string(),
    requestId: z.string().nullable(),
    details: z.unknown().optional(),
  })
  .openapi("Error");

export const errorResponses = (...statuses: number[]) =>
  Object.fromEntries(
    statuses.map((status) => [
      status,
      {
        description: ERROR_DESCRIPTIONS[status] ?? "Error",
        content: { "application/json": { schema: ErrorSchema } },
      },
    ]),
  );

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: "Invalid request (code validation_failed)",
  401: "Missing or invalid Firebase ID token",
  404: "Not found, or owned by another user",
  409: "Conflicts with the resource's current state",
  413: "Too large",
  422: "Well-formed but unusable input (e.g. resume_unreadable, resume_no_text_layer)",
  503: "A dependency is unavailable; retry later",
};

export const IdParam = z.object({ id: z.uuid().openapi({ param: { name: "id", in: "path" } }) });

const ContactSchema = z.object({
  name: z.string(),
  email: z.string().optional(),
  phone: z.string().optional(),
  location: z.string().optional(),
  links: z.array(z.string()),
});

const ExperienceSchema = z.object({
  title: z.string(),
  company: z.string(),
  startDate: z.string().optional(),
  endDate: z.string().optional(),
  location: z.string().optional(),
  bullets: z.array(z.string()),
});

const EducationSchema = z.object({
  institution: z.string(),
  degree: z.string().optional(),
  startDate: z.string().optional(),
  endDate: z.string().optional(),
  details: z.array(z.string()),
});

export const ResumeSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(["pdf", "docx", "text"]),
    filename: z.string().nullable(),
    sizeBytes: z.int(),
    sections: z.object({
      contact: ContactSchema,
      summary: z.string(),
      skills: z.array(z.string()),
      experience: z.array(ExperienceSchema),
      education: z.array(EducationSchema),
      otherSections: z.record(z.string(), z.array(z.string())),
    }),
    createdAt: z.iso.datetime(),
  })
  .openapi("Resume");

export const JobAnalysisSchema = z
  .object({
    title: z.string(),
    seniority: z.enum(["intern", "junior", "mid", "senior", "lead", "principal", "executive", "unspecified"]),
    requiredSkills: z.array(z.string()),
    niceToHaveSkills: z.array(z.string()),
    yearsOfExperience: z.number().nullable(),
    responsibilities: z.array(z.string()),
    keywords: z.array(z.string()),
  })
  .openapi("JobAnalysis");

export const PostingSchema = z
  .object({
    board: z.string(),
    url: z.string(),
    company: z.string(),
    location: z.string(),
    remote: z.boolean(),
    postedAt: z.string().nullable(),
    tags: z.array(z.string()),
    contentHash: z.string(),
  })
  .openapi("Posting");

export const JobSchema = z
  .object({
    id: z.uuid(),
    title: z.string(),
    analysis: JobAnalysisSchema,
    source: z.enum(["manual", "discovery"]),
    posting: PostingSchema.nullable().openapi({ description: "Where a discovered job was posted" }),
    matchScore: z
      .int()
      .nullable()
      .openapi({ description: "0–100 against your resume, for discovered jobs (see matchedResumeId)" }),
    matchedResumeId: z.uuid().nullable(),
    createdAt: z.iso.datetime(),
  })
  .openapi("Job");

export const JobListSchema = z.object({ jobs: z.array(JobSchema), total: z.int() }).openapi("JobList");

export const DiscoverySchema = z
  .object({
    id: z.uuid(),
    workflowId: z.uuid(),
    query: z.string(),
    location: z.string().nullable(),
    resumeId: z.uuid().nullable(),
    found: z.int(),
    boards: z.array(
      z.object({ board: z.string(), status: z.string(), postings: z.int(), detail: z.string() }),
    ),
    createdAt: z.iso.datetime(),
  })
  .openapi("Discovery");

export const RoastSchema = z
  .object({
    id: z.uuid(),
    resumeId: z.uuid(),
    style: z.enum(["gentle", "honest", "savage"]),
    headline: z.string(),
    points: z.array(z.object({ section: z.string(), remark: z.string(), fix: z.string() })),
    score: z.int().openapi({ description: "0–10, higher is better" }),
    provider: z.string().nullable().openapi({ description: '"rules" or the language model provider' }),
    createdAt: z.iso.datetime(),
  })
  .openapi("Roast");

export const TenantSchema = z
  .object({
    userId: z.string(),
    cell: z.string(),
    region: z.string(),
    registeredAt: z.iso.datetime().nullable().openapi({
      description: "When your first write made you a tenant of this cell; null if you have no data here",
    }),
  })
  .openapi("Tenant");

export const MatchSchema = z
  .object({
    resumeId: z.uuid(),
    jobId: z.uuid(),
    score: z.int().min(0).max(100),
    breakdown: z
      .object({
        keywordCoverage: z.number().openapi({ description: "0–100, weight 0.5" }),
        skillsCoverage: z
          .number()
          .openapi({ description: "0–100, required skills count double; weight 0.35" }),
        sectionCompleteness: z.number().openapi({ description: "0–100, weight 0.15" }),
      })
      .openapi({
        description: "score = round(0.5·keywordCoverage + 0.35·skillsCoverage + 0.15·sectionCompleteness)",
      }),
    matchedKeywords: z.array(z.string()),
    missingKeywords: z.array(z.string()),
    suggestions: z.array(z.string()),
  })
  .openapi("Match");

export const WorkflowSchema = z
  .object({
    id: z.uuid(),
    kind: z.string(),
    status: z.enum(["queued", "running", "succeeded", "failed", "cancelled"]),
    progress: z.int().min(0).max(100),
    steps: z.array(
      z.object({
        name: z.string(),
        status: z.string(),
        attempts: z.int(),
        usedFallback: z.boolean(),
        error: z.string().nullable(),
      }),
    ),
    tailoringId: z.uuid().nullable(),
    resultId: z
      .uuid()
      .nullable()
      .openapi({ description: "On success: the tailoringId, discoveryId or roastId, by kind" }),
    error: z.object({ code: z.string(), message: z.string() }).nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .openapi("Workflow");

/** Requests that start a workflow: an optional Idempotency-Key, and 202 with the workflow to follow. */
export const IdempotencyHeaders = z.object({ "idempotency-key": z.string().min(1).max(200).optional() });

export const workflowAcceptedResponse = {
  202: {
    description: "Accepted: follow the workflow (GET /v1/workflows/{id} or its /events stream)",
    content: { "application/json": { schema: z.object({ workflowId: z.uuid(), created: z.boolean() }) } },
  },
};
