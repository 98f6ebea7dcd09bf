import { hasRole } from "@hireloop/identity";
import type { MiddlewareHandler } from "hono";
import type { RouterEnv } from "../env.ts";
import { errorResponse } from "../errors.ts";

/** After sign-in: only callers whose verified token carries the operator role go further. */
export function requireOperator(): MiddlewareHandler<RouterEnv> {
  return async (c, next) => {
    if (!hasRole(c.get("identity"), "operator")) {
      return errorResponse(c, 403, {
        code: "forbidden_role",
        message: "the operator API needs a token with the operator role",
      });
    }
    await next();
  };
}
