import type { Hono } from "hono";
import type { RouterEnv } from "../env.ts";
import { errorResponse } from "../errors.ts";
import { forwardUpstream } from "../proxy/forward.ts";

/** Paths every cell serves identically and without sign-in: the OpenAPI document and its docs page. */
const PUBLIC_PATHS = ["/openapi.json", "/docs", "/docs/assets/*"];

/** Public documents come from any healthy cell, taken in turn. */
export function registerPublicDocs(app: Hono<RouterEnv>) {
  let turn = 0;
  for (const path of PUBLIC_PATHS) {
    app.get(path, async (c) => {
      const { health, pools, config } = c.get("deps");
      const candidates = health.upCells();
      const cell = candidates[turn++ % Math.max(candidates.length, 1)];
      if (!cell) {
        return errorResponse(
          c,
          503,
          { code: "cell_unavailable", message: "no cell is available to serve the documentation" },
          { "Retry-After": String(config.proxy.retryAfterSeconds) },
        );
      }
      return forwardUpstream(c, pools.targetFor(cell));
    });
  }
}
