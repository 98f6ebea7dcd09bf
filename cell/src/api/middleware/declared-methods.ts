import type { Hono, MiddlewareHandler } from "hono";
import { TrieRouter } from "hono/router/trie-router";
import type { HonoEnv } from "../env.ts";
import { errorResponse } from "../errors.ts";

/**
 * 405 with `Allow` for a method a path does not take, before anything else looks at the request
 * (its body, its token): the answer depends only on the method and the path. hono's own
 * method-not-allowed middleware decides after the route ran, which lets a body check answer first.
 */
export function refuseUndeclaredMethods(app: Hono<HonoEnv>): MiddlewareHandler<HonoEnv> {
  let routes: TrieRouter<string> | undefined;
  const methodsOf = (path: string): Set<string> => {
    if (!routes) {
      routes = new TrieRouter<string>();
      for (const route of app.routes) {
        if (route.method === "ALL" || route.method === "HEAD") continue;
        routes.add("ALL", route.path, route.method);
        if (route.method === "GET") routes.add("ALL", route.path, "HEAD");
      }
    }
    return new Set(routes.match("ALL", path)[0].map(([method]) => method));
  };
  return async (c, next) => {
    const allowed = methodsOf(c.req.path);
    if (allowed.size === 0 || allowed.has(c.req.method)) return next();
    const allow = [...allowed].sort().join(", ");
    c.header("Allow", allow);
    return errorResponse(c, 405, {
      code: "method_not_allowed",
      message: `${c.req.method} is not allowed here; allowed: ${allow}`,
    });
  };
}
