import { hasRole, type IdTokenVerifier, requireIdentity } from "@hireloop/identity";
import type { MiddlewareHandler } from "hono";
import { z } from "zod";
import { CellError } from "../../errors.ts";
import { listDeadLetters } from "../../use-cases/dead-letters/list.ts";
import { replayDeadLetter } from "../../use-cases/dead-letters/replay.ts";
import type { HonoEnv } from "../env.ts";
import { routedForCaller } from "../middleware/router-only.ts";
import type { App } from "../new-app.ts";

const MAX_LISTED = 100;

/** The operator role is checked here too: the cell trusts its router, and still reads the token. */
function operatorOnly(): MiddlewareHandler<HonoEnv> {
  return async (c, next) => {
    if (!hasRole(c.get("identity"), "operator")) {
      throw new CellError("forbidden_role", "the operator API needs a token with the operator role");
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
    const deps = c.get("deps");
    return c.json({ cell: deps.config.cellId, deadLetters: await listDeadLetters(deps, MAX_LISTED) });
  });
  app.post("/ops/v1/dead-letters/:id/replay", async (c) => {
    const id = z.uuid().safeParse(c.req.param("id"));
    if (!id.success) throw new CellError("not_found", `no open dead letter ${c.req.param("id")}`);
    return c.json(await replayDeadLetter(c.get("deps"), id.data), 202);
  });
}
