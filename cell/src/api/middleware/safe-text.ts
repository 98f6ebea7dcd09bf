import { declaresBody } from "@hireloop/http";
import type { Context, MiddlewareHandler } from "hono";
import { errorCodes } from "../../errors.ts";
import type { HonoEnv } from "../env.ts";
import { errorResponse } from "../errors.ts";
import { isJsonMediaType, mediaTypeOf } from "../media-type.ts";
import { type MultipartForm, readMultipart } from "../multipart.ts";
import { pathAndQuery } from "../request-url.ts";

declare module "hono" {
  interface ContextVariableMap {
    /** A multipart body, read once here for the route (see multipart.ts). */
    form: MultipartForm;
  }
}

/**
 * One check for every string a caller sends, before any route sees it: the URL's path and query,
 * the headers, a JSON body's keys and values, a multipart body's field names, values and file
 * names. A NUL or an unpaired UTF-16 surrogate is refused with 400 `invalid_text`: neither can be
 * stored (Postgres text refuses NUL, jsonb both), and neither belongs in anything a person writes.
 * A body that says it is JSON and is not gets 400 `invalid_json` (an empty one is no body); a multipart body that cannot be
 * read, 400 `invalid_multipart`. The parsed body is kept for the route (JSON in hono's body cache
 * for its validator, multipart as the `form` variable).
 */
export function refuseUnsafeText(): MiddlewareHandler<HonoEnv> {
  return async (c, next) => {
    const refusal = inUrl(c) ?? inHeaders(c) ?? (await inBody(c));
    if (refusal) return errorResponse(c, errorCodes[refusal.code], refusal);
    await next();
  };
}

interface Refusal {
  code: "invalid_text" | "invalid_json" | "invalid_multipart" | "resume_too_large";
  message: string;
  details?: { where: string };
}

/** False for a NUL or an unpaired surrogate; linear in the text. */
export function isSafeText(text: string): boolean {
  return !text.includes("\u0000") && text.isWellFormed();
}

function unsafeText(where: string): Refusal {
  return {
    code: "invalid_text",
    message: `${where} contains a NUL character or an unpaired UTF-16 surrogate`,
    details: { where },
  };
}

function inUrl(c: Context<HonoEnv>): Refusal | undefined {
  // A NUL or a surrogate can reach a URL only percent-encoded: most URLs need no decoding at all.
  if (!pathAndQuery(c.req.url).includes("%")) return undefined;
  const url = new URL(c.req.url);
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return {
      code: "invalid_text",
      message: "the path is not valid percent-encoded UTF-8",
      details: { where: "path" },
    };
  }
  if (!isSafeText(path)) return unsafeText("path");
  for (const [name, value] of url.searchParams) {
    if (!isSafeText(name) || !isSafeText(value)) return unsafeText(`query.${safeLabel(name)}`);
  }
  return undefined;
}

function inHeaders(c: Context<HonoEnv>): Refusal | undefined {
  for (const [name, value] of Object.entries(c.req.header())) {
    if (!isSafeText(value)) return unsafeText(`header ${name}`);
  }
  return undefined;
}

async function inBody(c: Context<HonoEnv>): Promise<Refusal | undefined> {
  const contentType = c.req.header("content-type") ?? "";
  const mediaType = mediaTypeOf(contentType);
  if (isJsonMediaType(mediaType)) {
    // No body (a GET, an empty POST) has nothing to check, whatever its type says: many clients
    // send Content-Type: application/json on every request. A route that needs a body says so.
    // A GET that declares none is not read at all: @hono/node-server reads a GET's body only by
    // building the whole web Request.
    if (readsNoBody(c)) return undefined;
    const text = await c.req.text();
    if (text === "") return undefined;
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return { code: "invalid_json", message: "the body is not valid JSON" };
    }
    const where = unsafeJsonPath(body);
    return where === undefined ? undefined : unsafeText(where);
  }
  if (mediaType === "multipart/form-data") {
    const form = await readMultipart(c.req.raw.body, contentType.replace(/^[^;]+/, mediaType));
    if ("code" in form) return form;
    for (const [name, value] of [...form.fields, ...form.files]) {
      if (!isSafeText(name)) return unsafeText("a form field's name");
      const text = typeof value === "string" ? value : value.filename;
      if (!isSafeText(text))
        return unsafeText(`form.${safeLabel(name)}${typeof value === "string" ? "" : " (file name)"}`);
    }
    c.set("form", form);
  }
  return undefined;
}

function readsNoBody(c: Context<HonoEnv>): boolean {
  const method = c.req.method;
  if (method !== "GET" && method !== "HEAD") return false;
  return !declaresBody({
    "content-length": c.req.header("content-length"),
    "transfer-encoding": c.req.header("transfer-encoding"),
  });
}

/** The path to the first string (key or value) in a parsed JSON value that is not safe text. */
export function unsafeJsonPath(root: unknown): string | undefined {
  // Iterative, so a deeply nested body costs memory in proportion to its size, never the stack.
  const pending: { value: unknown; path: string }[] = [{ value: root, path: "body" }];
  for (let item = pending.pop(); item !== undefined; item = pending.pop()) {
    const { value, path } = item;
    if (typeof value === "string") {
      if (!isSafeText(value)) return path;
    } else if (Array.isArray(value)) {
      for (const [index, inner] of value.entries()) pending.push({ value: inner, path: `${path}[${index}]` });
    } else if (typeof value === "object" && value !== null) {
      for (const [key, inner] of Object.entries(value)) {
        if (!isSafeText(key)) return `${path} (a key)`;
        pending.push({ value: inner, path: `${path}.${key}` });
      }
    }
  }
  return undefined;
}

/** A caller's name for something, fit to be echoed in a message. */
function safeLabel(name: string): string {
  return isSafeText(name) ? name.slice(0, 64) : "?";
}
