import { z } from "@hono/zod-openapi";
import { ROAST_STYLES } from "../vocabulary.ts";
import { BulletRefSchema } from "./match-schemas.ts";

export const ErrorSchema = z
  .object({
    code: z.string().openapi({ example: "resume_unreadable" }),
    message: z.string(),
    requestId: z.string().nullable(),
    details: z.unknown().optional(),
  })
  .openapi("Error");

/** Error answers an operation gives besides the ones every operation gives (see contract.ts). */
export const errorResponses = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((status) => [status, errorResponse(status, ErrorSchema)]));

/** An error answer with `schema` as its body: the Error schema, or a reference to it in a built document. */
export function errorResponse<S>(status: number, schema: S) {
  return {
    description: ERROR_DESCRIPTIONS[status] ?? "Error",
    ...(RETRYABLE.has(status) ? { headers: { "Retry-After": RETRY_AFTER } } : {}),
    content: { "application/json": { schema } },
  };
}

const RETRY_AFTER = {
  description: "Seconds to wait before trying again",
  schema: { type: "string" as const, pattern: "^[0-9]+$" },
};
const RETRYABLE = new Set([429, 503]);

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: "Invalid request: validation_failed, invalid_json, invalid_text (a NUL or unpaired surrogate), invalid_multipart",
  401: "Missing or invalid Firebase ID token (token_missing, token_expired, token_signature_invalid, …)",
  404: "Not found, or owned by another user",
  409: "Conflicts with the resource's current state",
  412: "If-Match names a version that is not the resource's current one (version_mismatch): read it again",
  413: "The body is larger than the route takes (1 MB of JSON, a 5 MB file)",
  415: "The body's media type is not one the route takes",
  422: "Well-formed but unusable input (e.g. resume_unreadable, resume_no_text_layer, idempotency_key_reused)",
  429: "Too many requests (rate_limited), open event streams (too_many_streams) or heavy requests in progress (too_many_in_progress); see Retry-After",
  503: "Retry later: cell_unavailable, database_unavailable, dependency_unavailable, cell_busy, overloaded (new workflows only), tenant_migrating, …",
  504: "The cell did not answer in time (cell_timeout)",
};

/**
 * A character that is not white space, as JavaScript's `\s` and `trim()` count it, spelled out so
 * that the document's pattern means the same in every regex engine that reads it (Python's and
 * Rust's `\s` differ from JavaScript's on U+FEFF, say).
 */
export const VISIBLE_CHARACTER =
  "[^\\t\\n\\v\\f\\r \\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff]";

/**
 * Text a person writes: the limits hold for the text as sent, it must show at least one visible
 * character, and it is stored trimmed.
 */
export const writtenText = (min: number, max: number) =>
  z
    .string()
    .min(min)
    .max(max)
    .regex(new RegExp(VISIBLE_CHARACTER), "must contain a visible character")
    .transform((text) => text.trim());

/** A whole number in a query string, written in plain decimal digits ("0x10" and "1e2" are not). */
export const queryInteger = (min: number, max: number, fallback: number) =>
  z
    .string()
    .regex(/^[0-9]{1,9}$/, "must be a whole number in decimal digits")
    .transform(Number)
    .pipe(z.int().min(min).max(max))
    .optional()
    .transform((value) => value ?? fallback)
    .openapi({ type: "integer", minimum: min, maximum: max, default: fallback });

/** A request body the operation requires, as JSON of this schema. */
export function jsonBody<T extends z.ZodType>(schema: T) {
  return { required: true, content: { "application/json": { schema } } } as const;
}

export const IdParam = z.object({ id: z.uuid().openapi({ param: { name: "id", in: "path" } }) });

const ContactSchema = z.object({
  name: z.string(),
  headline: z.string().optional().openapi({ description: "The line under the name, when there is one" }),
  email: z.string().optional(),
  phone: z.string().optional(),
  location: z.string().optional(),
  links: z.array(z.string()),
});

const ExperienceSchema = z.object({
  title: z.string(),
  company: z.string(),
  kind: z
    .enum(["volunteer", "campus"])
    .optional()
    .openapi({ description: "Absent for work; volunteer and campus roles say so" }),
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

const resumeFields = {
  id: z.uuid(),
  kind: z.enum(["pdf", "docx", "text"]),
  filename: z.string().nullable(),
  sizeBytes: z.int(),
  version: z.int().min(1).openapi({ description: "1 as parsed; each correction adds one (the ETag)" }),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
};

export const ResumeSchema = z
  .object({
    ...resumeFields,
    sections: z.object({
      contact: ContactSchema,
      summary: z.string(),
      skills: z.array(z.string()),
      experience: z.array(ExperienceSchema),
      education: z.array(EducationSchema),
      otherSections: z.record(z.string(), z.array(z.string())),
    }),
  })
  .openapi("Resume");

export const ResumeListSchema = z
  .object({
    resumes: z.array(
      z.object({ ...resumeFields, name: z.string().openapi({ description: "The name the resume gives" }) }),
    ),
    nextCursor: z
      .string()
      .nullable()
      .openapi({ description: "Pass as `cursor` for the next page; null on the last page" }),
  })
  .openapi("ResumeList");

/** A field a user corrects: any text up to `max` characters, empty where the resume has none. */
const correctedText = (max: number) => z.string().max(max);
const correctedList = (max: number, maxLength: number) => z.array(correctedText(maxLength)).max(max);

/**
 * Corrections to a parsed resume: each field given replaces that field whole; fields left out stay
 * as they are. The limits are those of the longest resumes, with room to spare.
 */
export const ResumeCorrectionSchema = z
  .strictObject({
    contact: z
      .strictObject({
        name: correctedText(200),
        headline: correctedText(300).optional(),
        email: correctedText(320).optional(),
        phone: correctedText(50).optional(),
        location: correctedText(200).optional(),
        links: correctedList(20, 500),
      })
      .optional(),
    summary: correctedText(5_000).optional(),
    skills: correctedList(300, 200).optional(),
    experience: z
      .array(
        z.strictObject({
          title: correctedText(200),
          company: correctedText(200),
          kind: z.enum(["volunteer", "campus"]).optional(),
          startDate: correctedText(40).optional(),
          endDate: correctedText(40).optional(),
          location: correctedText(200).optional(),
          bullets: correctedList(60, 2_000),
        }),
      )
      .max(60)
      .optional(),
    education: z
      .array(
        z.strictObject({
          institution: correctedText(300),
          degree: correctedText(300).optional(),
          startDate: correctedText(40).optional(),
          endDate: correctedText(40).optional(),
          details: correctedList(40, 2_000),
        }),
      )
      .max(30)
      .optional(),
    otherSections: z
      .record(correctedText(200), correctedList(100, 2_000))
      .refine((sections) => Object.keys(sections).length <= 40, "at most 40 other sections")
      .openapi({ maxProperties: 40 })
      .optional(),
  })
  .refine((correction) => Object.keys(correction).length > 0, "name at least one field to correct")
  .openapi({
    minProperties: 1,
    example: { skills: ["TypeScript", "PostgreSQL", "Kafka"] },
  });

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
    matchStale: z
      .boolean()
      .openapi({ description: "The matched resume was corrected after the score was taken: score again" }),
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
    style: z.enum(ROAST_STYLES),
    headline: z.string(),
    points: z.array(
      z.object({
        section: z.string(),
        remark: z.string(),
        fix: z.string(),
        bullets: z
          .array(BulletRefSchema)
          .openapi({ description: "The bullets it is about, when it is about bullets" }),
      }),
    ),
    score: z.int().openapi({ description: "0–10, higher is better" }),
    provider: z.string().nullable().openapi({ description: '"rules" or the language model provider' }),
    stale: z.boolean().openapi({ description: "The resume was corrected after this roast read it" }),
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
export const IdempotencyHeaders = z.object({
  "idempotency-key": z.string().min(1).max(200).optional().openapi({
    description:
      "The same key returns the same workflow; reusing it for a different request is refused (422 idempotency_key_reused)",
  }),
});

/** 202 with the workflow to follow, and links to follow it. */
export const workflowAcceptedResponse = {
  202: {
    description: "Accepted: follow the workflow (GET /v1/workflows/{id} or its /events stream)",
    headers: { Location: { description: "The workflow", schema: { type: "string" as const } } },
    content: { "application/json": { schema: z.object({ workflowId: z.uuid(), created: z.boolean() }) } },
    links: {
      GetWorkflow: {
        operationId: "getWorkflow",
        parameters: { id: "$response.body#/workflowId" },
        description: "The workflow's status, progress and, once it succeeds, its result",
      },
      FollowWorkflow: {
        operationId: "followWorkflowEvents",
        parameters: { id: "$response.body#/workflowId" },
      },
      CancelWorkflow: {
        operationId: "cancelWorkflow",
        parameters: { id: "$response.body#/workflowId" },
      },
    },
  },
};
