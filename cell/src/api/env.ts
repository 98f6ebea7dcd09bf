import type { Identity } from "@hireloop/identity";
import type { Logger } from "@hireloop/observability";
import type { Services } from "../services/index.ts";

/** Typed context for every route: injected services and per-request values. */
export interface HonoEnv {
  Variables: {
    services: Services;
    requestId: string;
    logger: Logger;
    identity: Identity;
  };
}
