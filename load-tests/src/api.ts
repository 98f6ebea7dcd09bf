import { sloGroupOf } from "@hireloop/observability/slo";
import exec from "k6/execution";
import http, { type FileData, type RefinedResponse, type ResponseType } from "k6/http";
import type { Session } from "./users.ts";

export type Method = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

export interface CallOptions {
  /** Values for the route template's `{name}` parts. */
  params?: Record<string, string>;
  /** A JSON body, or form fields with files (sent as multipart/form-data). */
  json?: unknown;
  form?: Record<string, string | FileData>;
  headers?: Record<string, string>;
  /** `binary` keeps a download's bytes; the default reads text. */
  responseType?: ResponseType;
}

// A 4xx is the caller's mistake, judged by the journey's checks; only 5xx and no answer count
// against availability (http_req_failed).
http.setResponseCallback(http.expectedStatuses({ min: 200, max: 499 }));

/** Seconds any one call may take before k6 gives up on it (the SLOs are far below this). */
const CALL_TIMEOUT = "30s";

/**
 * One API call as `session`'s user. Each request is tagged with its route template (`name`, so the
 * summary groups `/v1/resumes/{id}` once, not per id) and its SLO endpoint group (`slo`), which the
 * thresholds select on.
 */
export function call(
  session: Session,
  method: Method,
  route: string,
  options: CallOptions = {},
): RefinedResponse<ResponseType> {
  const path = route.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = options.params?.[name];
    if (value === undefined) throw new Error(`${route}: no value for {${name}}`);
    return encodeURIComponent(value);
  });
  const headers: Record<string, string> = { authorization: `Bearer ${session.token}`, ...options.headers };
  let body: string | Record<string, string | FileData> | null = null;
  if (options.json !== undefined) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(options.json);
  } else if (options.form !== undefined) {
    body = options.form;
  }
  const template = route.split("?")[0] as string;
  const send = () =>
    http.request(method, `${session.target}${path}`, body, {
      headers,
      tags: { name: `${method} ${template}`, slo: sloGroupOf(method, template) ?? "unclassified" },
      timeout: CALL_TIMEOUT,
      responseType: options.responseType ?? "text",
    });
  const answer = send();
  if (answer.status !== 0 || session.failoverTarget === undefined) return answer;
  session.target = session.failoverTarget;
  session.failoverTarget = undefined;
  exec.vu.tags.entry = "failover";
  return send();
}

/** The JSON body of a response, or undefined when it has none or it is not JSON. */
export function bodyOf<T>(response: RefinedResponse<ResponseType>): T | undefined {
  if (typeof response.body !== "string" || response.body === "") return undefined;
  try {
    return JSON.parse(response.body) as T;
  } catch {
    return undefined;
  }
}
