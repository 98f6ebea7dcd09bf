import createClient from "openapi-fetch";
import { ApiError, errorFromBody } from "./errors.ts";
import type { components, paths } from "./gen/schema";

export type { components };
export type Resume = components["schemas"]["Resume"];
export type Job = components["schemas"]["Job"];
export type Match = components["schemas"]["Match"];
export type Tailoring = components["schemas"]["Tailoring"];
export type ResumeList = components["schemas"]["ResumeList"];

/** Where the current ID token comes from; set by the session once someone signs in. */
let currentToken: () => Promise<string | undefined> = async () => undefined;
export function setTokenSource(source: () => Promise<string | undefined>) {
  currentToken = source;
}
export const tokenForRequest = () => currentToken();

/** No call waits on the service longer than this; uploads have their own, longer limit. */
const REQUEST_TIMEOUT_MS = 30_000;

/** The API of the router this app was served from (same origin: home-region hops keep working). */
export const api = createClient<paths>({
  baseUrl: "",
  fetch: (request) => fetch(request, { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) }),
});
api.use({
  async onRequest({ request }) {
    const token = await currentToken();
    if (token) request.headers.set("Authorization", `Bearer ${token}`);
    return request;
  },
});

/** The data of a call that succeeded, or its refusal as an ApiError. */
export async function unwrap<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await call;
  } catch (error) {
    const timedOut = error instanceof DOMException && error.name === "TimeoutError";
    throw new ApiError(0, timedOut ? "timeout" : "network_error", String(error));
  }
  if (result.response.ok) return result.data as T;
  throw errorFromBody(result.response.status, result.error as Record<string, unknown> | undefined);
}
