import type { Context } from "hono";
import type { ServiceContext } from "../services/index.ts";
import { tierOf } from "../shared-services/ai.ts";
import type { HonoEnv } from "./env.ts";

/** The service context of an authenticated request: the caller is the tenant. */
export function serviceContext(c: Context<HonoEnv>): ServiceContext {
  const identity = c.get("identity");
  return { services: c.get("services"), tenantId: identity.uid, tier: tierOf(identity) };
}
