import type { Context } from "hono";
import { tierOf } from "../shared-services/ai.ts";
import type { TenantContext } from "../wiring/deps.ts";
import type { HonoEnv } from "./env.ts";

/** The service context of an authenticated request: the caller is the tenant. */
export function tenantContext(c: Context<HonoEnv>): TenantContext {
  const identity = c.get("identity");
  return { deps: c.get("deps"), tenantId: identity.uid, tier: tierOf(identity) };
}
