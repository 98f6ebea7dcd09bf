import { createRouterCredentialCheck, type IdTokenVerifier, requireIdentity } from "@hireloop/identity";
import type { MiddlewareHandler } from "hono";
import { requestId } from "hono/request-id";
import type { CellDeps } from "../wiring/deps.ts";
import { registerDocs } from "./docs.ts";
import type { HonoEnv } from "./env.ts";
import { errorResponse } from "./errors.ts";
import { limitBodies } from "./middleware/body-limits.ts";
import { refuseUndeclaredMethods } from "./middleware/declared-methods.ts";
import { observe } from "./middleware/observe.ts";
import { personalData } from "./middleware/personal-data.ts";
import { routedForCaller, routerOnly } from "./middleware/router-only.ts";
import { refuseUnsafeText } from "./middleware/safe-text.ts";
import { closeAfterUnreadBodies } from "./middleware/unread-bodies.ts";
import { type App, newApp } from "./new-app.ts";
import { registerLiveness } from "./routes/admin.ts";
import { registerOperatorDeadLetters } from "./routes/ops_dead_letters.ts";
import { registerDiscoveriesCreate } from "./routes/v1_discoveries_create.ts";
import { registerDiscoveriesGet } from "./routes/v1_discoveries_get.ts";
import { registerJobsCreate } from "./routes/v1_jobs_create.ts";
import { registerJobsGet } from "./routes/v1_jobs_get.ts";
import { registerJobsList } from "./routes/v1_jobs_list.ts";
import { registerMatchesCreate } from "./routes/v1_matches_create.ts";
import { registerMeGet } from "./routes/v1_me_get.ts";
import { registerResumesCorrect } from "./routes/v1_resumes_correct.ts";
import { registerResumesCreate } from "./routes/v1_resumes_create.ts";
import { registerResumesDelete } from "./routes/v1_resumes_delete.ts";
import { registerResumesGet } from "./routes/v1_resumes_get.ts";
import { registerResumesList } from "./routes/v1_resumes_list.ts";
import { registerRoastsCreate } from "./routes/v1_roasts_create.ts";
import { registerRoastsGet } from "./routes/v1_roasts_get.ts";
import { registerTailoringsCreate } from "./routes/v1_tailorings_create.ts";
import { registerTailoringsDocument } from "./routes/v1_tailorings_document.ts";
import { registerTailoringsGet } from "./routes/v1_tailorings_get.ts";
import { registerWorkflowsCancel } from "./routes/v1_workflows_cancel.ts";
import { registerWorkflowsEvents } from "./routes/v1_workflows_events.ts";
import { registerWorkflowsGet } from "./routes/v1_workflows_get.ts";

export interface AppDependencies {
  deps: CellDeps;
  verifier: IdTokenVerifier;
  /** This cell's request key: every request but the routers' health check carries the router credential. */
  cellKey: Buffer;
}

/** Builds the cell API from injected dependencies; testable with app.request(), no sockets. */
export function createApp({ deps, verifier, cellKey }: AppDependencies): App {
  const app = newApp();
  const inject: MiddlewareHandler<HonoEnv> = async (c, next) => {
    c.set("deps", deps);
    await next();
  };
  app.use("*", requestId({ headerName: "x-request-id" }), inject, observe(), closeAfterUnreadBodies());
  registerLiveness(app, deps);
  app.use("*", routerOnly(createRouterCredentialCheck({ cellKey })));
  registerDocs(app);

  app.use(
    "/v1/*",
    refuseUndeclaredMethods(app),
    personalData(),
    limitBodies(),
    requireIdentity({ verifier }),
    routedForCaller(),
    refuseUnsafeText(),
  );
  for (const register of [
    registerMeGet,
    registerResumesCreate,
    registerResumesList,
    registerResumesGet,
    registerResumesCorrect,
    registerResumesDelete,
    registerJobsCreate,
    registerJobsList,
    registerJobsGet,
    registerDiscoveriesCreate,
    registerDiscoveriesGet,
    registerRoastsCreate,
    registerRoastsGet,
    registerMatchesCreate,
    registerTailoringsCreate,
    registerTailoringsDocument,
    registerTailoringsGet,
    registerWorkflowsGet,
    registerWorkflowsEvents,
    registerWorkflowsCancel,
  ]) {
    register(app);
  }
  registerOperatorDeadLetters(app, verifier);
  app.notFound((c) =>
    errorResponse(c, 404, { code: "not_found", message: `no route for ${c.req.method} ${c.req.path}` }),
  );
  return app;
}
