import { currentTags, record, runtime, strictModule, type WireForm, type WireResponse } from "./runtime.ts";

interface FileData {
  data: string | ArrayBuffer;
  filename: string;
  content_type: string;
}

type Body = string | ArrayBuffer | Record<string, string | FileData> | null | undefined;

interface Params {
  headers?: Record<string, string>;
  tags?: Record<string, string>;
  timeout?: string | number;
  responseType?: "text" | "binary" | "none";
}

interface StatusRange {
  min: number;
  max: number;
}

/** k6 answers header names canonicalised as Go does: content-type → Content-Type. */
function canonical(name: string): string {
  return name
    .split("-")
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1).toLowerCase())
    .join("-");
}

/** A k6 duration ("30s", "500ms", "2m") or milliseconds, in milliseconds. */
export function durationMs(value: string | number | undefined, fallbackMs: number): number {
  if (value === undefined) return fallbackMs;
  if (typeof value === "number") return value;
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h)$/.exec(value);
  if (!match) throw new TypeError(`not a k6 duration: "${value}"`);
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[match[2] as "ms" | "s" | "m" | "h"];
  return Number(match[1]) * unit;
}

function isFileData(value: unknown): value is FileData {
  return typeof value === "object" && value !== null && "data" in value && "filename" in value;
}

function wireBody(body: Body): string | ArrayBuffer | WireForm | null {
  if (body === null || body === undefined || typeof body === "string" || body instanceof ArrayBuffer) {
    return body ?? null;
  }
  const form: WireForm["form"] = {};
  for (const [name, value] of Object.entries(body)) {
    form[name] = isFileData(value)
      ? { data: value.data, filename: value.filename, contentType: value.content_type }
      : String(value);
  }
  return { form };
}

/** k6's default request timeout. */
const DEFAULT_TIMEOUT_MS = 60_000;

export function request(method: string, url: string, body?: Body, params: Params = {}) {
  const state = runtime();
  const headers = Object.fromEntries(
    Object.entries(params.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]),
  );
  const answer: WireResponse = state.send({
    method,
    url,
    headers,
    body: wireBody(body),
    timeoutMs: durationMs(params.timeout, DEFAULT_TIMEOUT_MS),
    binary: params.responseType === "binary",
  });
  const expected = answer.status !== 0 && state.expectedStatus(answer.status);
  const tags = currentTags({
    name: url,
    method,
    url,
    status: String(answer.status),
    expected_response: String(expected),
    ...params.tags,
  });
  record("http_reqs", "counter", 1, tags);
  record("http_req_duration", "trend", answer.durationMs, tags);
  record("http_req_failed", "rate", expected ? 0 : 1, tags);
  const responseHeaders = Object.fromEntries(
    Object.entries(answer.headers).map(([k, v]) => [canonical(k), v]),
  );
  return {
    status: answer.status,
    body: params.responseType === "none" ? null : answer.body,
    headers: responseHeaders,
    error: answer.error,
    url,
    timings: { duration: answer.durationMs },
    json() {
      if (typeof answer.body !== "string") throw new TypeError("the response body is not text");
      return JSON.parse(answer.body);
    },
  };
}

export const get = (url: string, params?: Params) => request("GET", url, null, params);
export const post = (url: string, body?: Body, params?: Params) => request("POST", url, body, params);

export function file(
  data: string | ArrayBuffer,
  filename = "file",
  contentType = "application/octet-stream",
): FileData {
  return { data, filename, content_type: contentType };
}

/** k6's expectedStatuses(): statuses (or ranges) that are not failures. */
export function expectedStatuses(...accepted: Array<number | StatusRange>) {
  return {
    accepts: (status: number) =>
      accepted.some((entry) =>
        typeof entry === "number" ? status === entry : status >= entry.min && status <= entry.max,
      ),
  };
}

export function setResponseCallback(callback: ReturnType<typeof expectedStatuses>): void {
  runtime().expectedStatus = callback.accepts;
}

export default strictModule("k6/http", { request, get, post, file, expectedStatuses, setResponseCallback });
