import type { MiddlewareHandler } from "hono";
import { httpStatusOf, IdentityError } from "./errors.ts";
import type { Identity } from "./identity.ts";
import type { IdTokenVerifier } from "./verify.ts";

declare module "hono" {
  interface ContextVariableMap {
    /** The verified caller, set by requireIdentity. */
    identity: Identity;
  }
}

export type RequireIdentityOptions = { verifier: IdTokenVerifier };

const BEARER = /^Bearer +(\S+) *$/i;

/**
 * Admits only requests with a valid Firebase ID token in `Authorization: Bearer …` and exposes the
 * caller as `c.get("identity")`. Failures answer `{ code, message, requestId }`.
 */
export function requireIdentity({ verifier }: RequireIdentityOptions): MiddlewareHandler {
  return async (c, next) => {
    const token = bearerTokenOf(c.req.header("Authorization"));
    let identity: Identity;
    try {
      identity = await verifier.verify(token);
    } catch (error) {
      if (!(error instanceof IdentityError)) throw error;
      const requestId: unknown = c.get("requestId");
      const status = httpStatusOf(error.code);
      const body = {
        code: error.code,
        message: error.message,
        requestId: typeof requestId === "string" ? requestId : null,
      };
      return c.json(body, status, challengeHeaders(error));
    }
    c.set("identity", identity);
    await next();
  };
}

/** The token of an `Authorization: Bearer …` header; "" for none or another scheme. */
export function bearerTokenOf(authorization: string | undefined): string {
  return BEARER.exec(authorization ?? "")?.[1] ?? "";
}

/**
 * RFC 6750 §3: a request without credentials gets a bare challenge, a bad token gets
 * `invalid_token`; a 503 is not a challenge at all, so it gets none.
 */
function challengeHeaders(error: IdentityError): Record<string, string> {
  if (error.code === "identity_keys_unavailable") return {};
  if (error.code === "token_missing") return { "WWW-Authenticate": "Bearer" };
  return { "WWW-Authenticate": 'Bearer error="invalid_token"' };
}
