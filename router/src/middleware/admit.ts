import { bearerTokenOf, type IdTokenVerifier, requireIdentity } from "@hireloop/identity";
import type { Context, MiddlewareHandler } from "hono";
import { every } from "hono/combine";
import type { RouterEnv } from "../env.ts";
import type { RateLimiter } from "../rate-limits.ts";
import { announceLimit, rateLimit, refuseRateLimited } from "./rate-limit.ts";

export interface AdmissionOptions {
  verifier: IdTokenVerifier;
  limits: { address: RateLimiter; user: RateLimiter };
  addressOf: (c: Context<RouterEnv>) => string;
}

/**
 * Lets a /v1 request through only for a signed-in caller within both rate limits (per address, then
 * per user). A token this router already accepted is recalled from the verifier's cache without any
 * cryptography, so both limits are asked at once: with Redis auto-pipelining that is one round trip
 * instead of two. An unknown token keeps the careful order — address limit, signature check, user
 * limit — so a flood of forged tokens from one address is refused before any signature is checked.
 */
export function admitSignedIn({
  verifier,
  limits,
  addressOf,
}: AdmissionOptions): MiddlewareHandler<RouterEnv> {
  const verifyInTurn = every(
    rateLimit("address", limits.address, addressOf),
    requireIdentity({ verifier }),
    rateLimit("user", limits.user, (c) => c.get("identity").uid),
  );
  return async (c, next) => {
    const identity = verifier.recall(bearerTokenOf(c.req.header("authorization")));
    if (!identity) return verifyInTurn(c, next);
    c.set("identity", identity);
    const [byAddress, byUser] = await Promise.all([
      limits.address.consume(addressOf(c)),
      limits.user.consume(identity.uid),
    ]);
    if (!byAddress.allowed) return refuseRateLimited(c, "address", byAddress);
    if (!byUser.allowed) return refuseRateLimited(c, "user", byUser);
    announceLimit(c, byAddress);
    announceLimit(c, byUser);
    await next();
  };
}
