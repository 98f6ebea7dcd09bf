import type { Identity } from "@hireloop/identity";
import type { Logger } from "@hireloop/observability";
import type { CellDeps } from "../wiring/deps.ts";

/** Typed context for every route: the injected dependencies and per-request values. */
export interface HonoEnv {
  Variables: {
    deps: CellDeps;
    requestId: string;
    logger: Logger;
    identity: Identity;
  };
}
