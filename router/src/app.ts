import { type Context, Hono, type MiddlewareHandler } from "hono";
import { requestId } from "hono/request-id";
import { clientAddress } from "./client-address.ts";
import type { RouterDeps } from "./deps.ts";
import type { RouterEnv } from "./env.ts";
import { errorResponse, handleError } from "./errors.ts";
import { admitSignedIn } from "./middleware/admit.ts";
import { refuseLargeBodies } from "./middleware/body-size.ts";
import { answerHeaders } from "./middleware/edge-headers.ts";
import { observe } from "./middleware/observe.ts";
import { requireOperator } from "./middleware/operator.ts";
import { budgetUploads, rateLimit } from "./middleware/rate-limit.ts";
import { recognizePeers } from "./regions/peer-hop.ts";
import { registerHealth } from "./routes/admin.ts";
import { registerDevSignIn } from "./routes/dev-signin.ts";
import { registerPublicDocs } from "./routes/docs.ts";
import { registerHome } from "./routes/home.ts";
import { registerOperatorApi } from "./routes/ops.ts";
import { registerTenantProxy } from "./routes/tenant.ts";
import { registerWebApp } from "./routes/web.ts";

/**
 * The regional router: authenticate, rate-limit, find the tenant's cell, proxy. No business logic.
 * Probes (/healthz, /readyz) are neither limited nor proxied (metrics are on the admin listener); public docs are limited per
 * address; /v1/* is size-checked, limited per address, authenticated, limited per user, proxied.
 * The web app, when built, is served at `/` (routes/web.ts); dev sign-in exists in dev mode only.
 */
export function createRouterApp(deps: RouterDeps): Hono<RouterEnv> {
  const app = new Hono<RouterEnv>();
  app.onError(handleError);
  const inject: MiddlewareHandler<RouterEnv> = async (c, next) => {
    c.set("deps", deps);
    await next();
  };
  app.use("*", requestId({ headerName: "x-request-id" }), inject, observe(), answerHeaders());
  registerHealth(app);

  const { config, limits, verifier } = deps;
  // A peer region's router appended the caller's address to X-Forwarded-For before its hop.
  const addressOf = (c: Context<RouterEnv>) =>
    clientAddress(c.env.incoming, c.get("peerHop") === undefined ? config.proxy.trustedProxies : 1);
  const perAddress = rateLimit("address", limits.address, addressOf);
  for (const path of ["/openapi.json", "/docs", "/docs/*"]) app.use(path, perAddress);
  app.use("/internal/*", recognizePeers());
  app.use(
    "/v1/*",
    refuseLargeBodies(config.proxy.maxBodyBytes),
    recognizePeers(),
    admitSignedIn({ verifier, limits, addressOf }),
    budgetUploads(limits.userUploads, config.proxy.maxBodyBytes),
  );
  app.use("/ops/v1/*", admitSignedIn({ verifier, limits, addressOf }), requireOperator());
  registerPublicDocs(app);
  registerHome(app);
  registerTenantProxy(app);
  registerOperatorApi(app);
  if (config.devSignIn) registerDevSignIn(app, config.devSignIn.privateKeyPath, perAddress);
  if (config.webDir) registerWebApp(app, config.webDir);
  app.notFound((c) =>
    errorResponse(c, 404, { code: "not_found", message: `no route for ${c.req.method} ${c.req.path}` }),
  );
  return app;
}
