import type { MiddlewareHandler } from "hono";
import type { HonoEnv } from "../env.ts";

/**
 * Every /v1 answer is about one person (their resumes, jobs, documents, or an error naming their
 * request), so none may be kept by a browser or a shared cache: `Cache-Control: no-store`.
 */
export function personalData(): MiddlewareHandler<HonoEnv> {
  return async (c, next) => {
    await next();
    c.res.headers.set("Cache-Control", "no-store");
  };
}
