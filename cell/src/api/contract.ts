import { z } from "@hono/zod-openapi";
import type { App } from "./new-app.ts";
import { errorResponse, errorResponses, jsonBody, VISIBLE_CHARACTER } from "./schemas.ts";

/**
 * The API document is the server: what every operation can answer, whoever answers it. Each route
 * declares its own statuses (404, 409, 422); the ones every operation can give are added here, once:
 * 400 (a string no store can keep, in any parameter), 401 (the router and the cell check the token),
 * 429 (the router's rate limits), 503 (a cell, its database or a shared service unavailable) and
 * 504 (a cell too slow); operations with a body can also answer 413 and 415. Every /v1 operation
 * needs the bearer token. The router's own operations (/v1/home) are described here too, so one
 * document covers the whole public API.
 */
const EVERY_OPERATION = [400, 401, 429, 503, 504];
const WITH_BODY = [413, 415];
const ERROR_SCHEMA = { $ref: "#/components/schemas/Error" };

export function registerRouterOperations(app: App) {
  const Home = z
    .object({
      homeRegion: z.string().openapi({ example: "eu-central" }),
      resident: z.boolean().openapi({ description: "Personal data never leaves the home region" }),
      cell: z.string().nullable().openapi({ description: "The cell holding your data, once known" }),
      answeredBy: z.string().openapi({ description: "The region whose router answered" }),
    })
    .openapi("Home");
  app.openAPIRegistry.registerPath({
    method: "get",
    path: "/v1/home",
    operationId: "getHome",
    tags: ["Account"],
    summary: "Your home region: where your data lives (answered by any region's router)",
    responses: {
      200: { description: "Your home region", content: { "application/json": { schema: Home } } },
    },
  });
  app.openAPIRegistry.registerPath({
    method: "put",
    path: "/v1/home",
    operationId: "chooseHome",
    tags: ["Account"],
    summary: "Choose your home region before your first write (data residency); chosen once",
    request: {
      body: jsonBody(
        z.object({
          region: z.string().min(1).openapi({ example: "eu-central" }),
          resident: z.boolean().default(false),
        }),
      ),
    },
    responses: {
      200: { description: "Your home region", content: { "application/json": { schema: Home } } },
      ...errorResponses(409, 422),
    },
  });
}

type Document = ReturnType<App["getOpenAPI31Document"]>;

/**
 * No NUL: api/middleware/safe-text.ts refuses it with 400 invalid_text. It refuses unpaired
 * surrogates too, which no pattern can say portably (Rust's regex engine has no surrogates): the
 * info section says it instead.
 */
const STORABLE_TEXT = "^[^\\u0000]*$";
/** Storable, with at least one visible character (what the routes ask of written text). */
const VISIBLE_TEXT = `^[^\\u0000]*${VISIBLE_CHARACTER.replace("[^", "[^\\u0000")}[^\\u0000]*$`;

const STORABLE_JSON_REF = "#/components/schemas/StorableJson";
/** Any JSON value whose strings (keys included) are storable. */
const STORABLE_JSON = {
  description:
    "Any JSON value whose strings and keys hold no NUL (and, like every string, no unpaired surrogate)",
  anyOf: [
    { type: "string", pattern: STORABLE_TEXT },
    { type: ["number", "boolean", "null"] },
    { type: "array", items: { $ref: STORABLE_JSON_REF } },
    {
      type: "object",
      propertyNames: { pattern: STORABLE_TEXT },
      additionalProperties: { $ref: STORABLE_JSON_REF },
    },
  ],
};

/**
 * Says in a request schema what the server refuses in every string from outside: no NUL and no
 * unpaired surrogate, in values and in object keys alike.
 */
function storableOnly(schema: unknown): void {
  const pending = [schema];
  for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
    if (typeof node !== "object" || node === null) continue;
    const current = node as Record<string, unknown>;
    if (current.type === "string" && current.format === undefined && current.enum === undefined) {
      current.pattern =
        current.pattern === VISIBLE_CHARACTER ? VISIBLE_TEXT : (current.pattern ?? STORABLE_TEXT);
    }
    if (current.type === "object") {
      current.propertyNames = { pattern: STORABLE_TEXT };
      // Fields a route does not know are ignored, but what they hold is checked like the rest.
      current.additionalProperties ??= { $ref: STORABLE_JSON_REF };
    }
    for (const value of Object.values(current)) {
      if (Array.isArray(value)) pending.push(...value);
      else pending.push(value);
    }
  }
}

/** What the document says that depends on the deployment: the boards its scraper searches. */
export interface DeploymentFacts {
  boards: string[] | undefined;
}

export function contractDocument(app: App, facts: DeploymentFacts): Document {
  const document = app.getOpenAPI31Document({
    openapi: "3.1.0",
    info: {
      title: "Hireloop API",
      version: "1.0.0",
      description:
        "Resume parsing, job analysis, ATS match scoring and honest tailoring. Every /v1 request needs `Authorization: Bearer <Firebase ID token>`. Errors share one shape: `{code, message, requestId}`. Answers carry `RateLimit-*` headers (draft-ietf-httpapi-ratelimit-headers) and `Cache-Control: no-store`. No string sent to the API may hold a NUL character or an unpaired UTF-16 surrogate (400 invalid_text).",
    },
    security: [{ firebase: [] }],
  });
  for (const operations of Object.values(document.paths ?? {})) {
    for (const method of ["get", "put", "post", "delete", "patch"] as const) {
      const operation = operations[method];
      if (!operation) continue;
      const common = operation.requestBody ? [...EVERY_OPERATION, ...WITH_BODY] : EVERY_OPERATION;
      operation.responses ??= {};
      for (const status of common)
        operation.responses[String(status)] ??= errorResponse(status, ERROR_SCHEMA);
      // No operation of this API takes its body as optional (POST /v1/resumes answers 415 without one).
      if (operation.requestBody && "content" in operation.requestBody) {
        operation.requestBody.required = true;
        for (const media of Object.values(operation.requestBody.content)) storableOnly(media.schema);
      }
      for (const parameter of operation.parameters ?? []) {
        if ("schema" in parameter) storableOnly(parameter.schema);
      }
    }
  }
  document.components ??= {};
  document.components.schemas ??= {};
  document.components.schemas.StorableJson = STORABLE_JSON as never;
  const boards = document.paths?.["/v1/discoveries"]?.post?.requestBody;
  const items =
    boards && "content" in boards ? boardItems(boards.content["application/json"]?.schema) : undefined;
  if (items && facts.boards) items.enum = facts.boards;
  return document;
}

function boardItems(schema: unknown): Record<string, unknown> | undefined {
  const properties = (schema as { properties?: Record<string, { items?: Record<string, unknown> }> })
    ?.properties;
  return properties?.boards?.items;
}
