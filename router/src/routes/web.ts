import { join } from "node:path";
import { serveStatic } from "@hono/node-server/serve-static";
import type { Context, Hono } from "hono";
import type { FirebaseWebConfig, RouterConfig } from "../config.ts";
import type { RouterEnv } from "../env.ts";

/** Vite names every built asset by its content hash: a changed file is a new URL. */
const IMMUTABLE = "public, max-age=31536000, immutable";
/** The page that names those assets is checked on every visit, so a deploy is seen at once. */
const REVALIDATE = "no-cache";

/** Paths that belong to the API, the docs or the platform, never to the app's screens. */
const NOT_THE_APP = /^\/(?:v1|ops\/v1|internal|dev|docs|openapi\.json|healthz|readyz)(?:\/|$)/;

/**
 * The browser app, built into `dir`, at `/`: its files as they are (precompressed copies when the
 * browser takes them), and its index page for any other GET a person may have bookmarked
 * (`/resumes`, `/ops/cells`), so the app's own router draws the screen. A missing file with an
 * extension stays a 404.
 */
export function registerWebApp(app: Hono<RouterEnv>, dir: string) {
  app.get("/config.json", (c) => c.json(webConfigOf(c.get("deps").config)));
  const cacheFor = (value: string) => (_path: string, c: Context) => {
    c.header("Cache-Control", value);
  };
  app.get("/assets/*", serveStatic({ root: dir, precompressed: true, onFound: cacheFor(IMMUTABLE) }));
  app.get("*", serveStatic({ root: dir, precompressed: true, onFound: cacheFor(REVALIDATE) }));
  const index = serveStatic({
    path: join(dir, "index.html"),
    precompressed: true,
    onFound: cacheFor(REVALIDATE),
  });
  app.get("*", (c, next) => {
    if (NOT_THE_APP.test(c.req.path) || /\.[A-Za-z0-9]+$/.test(c.req.path)) return next();
    return index(c, next);
  });
}

/** What the app needs to know before anyone signs in: which region served it and how to sign in. */
export interface WebConfig {
  region: string;
  /** Every region of the deployment, this one first: where a new user may choose to live. */
  regions: string[];
  signIn: { kind: "dev" } | ({ kind: "firebase"; projectId: string } & FirebaseWebConfig);
}

function webConfigOf(config: RouterConfig): WebConfig {
  return {
    region: config.region,
    regions: [config.region, ...(config.regions?.peers.map((peer) => peer.region) ?? [])],
    signIn:
      config.devSignIn || !config.firebase
        ? { kind: "dev" }
        : { kind: "firebase", projectId: config.auth.projectId, ...config.firebase },
  };
}
