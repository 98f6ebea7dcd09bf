import { hasRole, type IdTokenVerifier, requireIdentity } from "@hireloop/identity";
import type { MiddlewareHandler } from "hono";
import { z } from "zod";
import { ServiceError } from "../../errors.ts";
import { listDeadLetters, replayDeadLetter } from "../../workflows/operations.ts";
import type { HonoEnv } from "../env.ts";
import { routedForCaller } from "../middleware/router-only.ts";
import type { App } from "../new-app.ts";

const MAX_LISTED = 100;

/** The operator role is checked here too: the cell trusts its router, and still reads the token. */
function operatorOnly(): MiddlewareHandler<HonoEnv> {
  return async (c, next) => {
    if (!hasRole(c.get("identity"), "operator")) {
      throw new ServiceError("forbidden_role", "the operator API needs a token with the operator role");
    }
    await next();
  };
}

/**
 * The cell's dead letters for the router's operator API (`/ops/v1/dead-letters`), as
 * `npx hireloop dlq` reads them: routed (the router credential), signed in, operators only. Not
 * part of the public API document.
 */
export function registerOperatorDeadLetters(app: App, verifier: IdTokenVerifier) {
  app.use("/ops/v1/*", requireIdentity({ verifier }), routedForCaller(), operatorOnly());
  app.get("/ops/v1/dead-letters", async (c) => {
    const services = c.get("services");
    return c.json({ cell: services.config.cellId, deadLetters: await listDeadLetters(services, MAX_LISTED) });
  });
  app.post("/ops/v1/dead-letters/:id/replay", async (c) => {
    const id = z.uuid().safeParse(c.req.param("id"));
    if (!id.success) throw new ServiceError("not_found", `no open dead letter ${c.req.param("id")}`);
    return c.json(await replayDeadLetter(c.get("services"), id.data), 202);
  });
}
