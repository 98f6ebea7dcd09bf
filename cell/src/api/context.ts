import type { Context } from "hono";
import type { ServiceContext } from "../services/index.ts";
import type { HonoEnv } from "./env.ts";

/** The service context of an authenticated request: the caller is the tenant. */
export function serviceContext(c: Context<HonoEnv>): ServiceContext {
  return { services: c.get("services"), tenantId: c.get("identity").uid };
}
