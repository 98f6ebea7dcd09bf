import {
  ROUTED_TENANT_HEADER,
  ROUTER_CREDENTIAL_HEADER,
  type RouterCredentialCheck,
} from "@hireloop/identity";
import type { MiddlewareHandler } from "hono";
import type { HonoEnv } from "../env.ts";
import { errorResponse } from "../errors.ts";
import { pathAndQuery } from "../request-url.ts";

declare module "hono" {
  interface ContextVariableMap {
    /** The user the router verified this request for ("" when it names none). */
    routedTenant: string;
  }
}

/**
 * Admits only requests the region's router signed for this cell (ADR 0016): a caller who reaches
 * the cell's port directly is refused whatever token it holds, so rate limits, placement and home
 * regions cannot be skipped. Checked before the token, so a direct caller costs one HMAC.
 */
export function routerOnly(check: RouterCredentialCheck): MiddlewareHandler<HonoEnv> {
  return async (c, next) => {
    const tenant = c.req.header(ROUTED_TENANT_HEADER) ?? "";
    const result = check({
      method: c.req.method,
      path: pathAndQuery(c.req.url),
      tenant,
      credential: c.req.header(ROUTER_CREDENTIAL_HEADER),
    });
    if (!result.ok) {
      c.get("deps").metrics.refusedDirect.inc({ code: result.code });
      return errorResponse(c, 403, { code: result.code, message: result.message });
    }
    c.set("routedTenant", tenant);
    await next();
  };
}

/** After the token check: the router signed this request for the very user whose token it carries. */
export function routedForCaller(): MiddlewareHandler<HonoEnv> {
  return async (c, next) => {
    if (c.get("identity").uid !== c.get("routedTenant")) {
      c.get("deps").metrics.refusedDirect.inc({ code: "router_credential_invalid" });
      return errorResponse(c, 403, {
        code: "router_credential_invalid",
        message: "the router credential was issued for another user",
      });
    }
    await next();
  };
}
