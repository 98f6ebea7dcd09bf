import type { HomeEntry } from "@hireloop/placement";
import type { Context, Hono } from "hono";
import { z } from "zod";
import type { RouterEnv } from "../env.ts";
import { errorResponse } from "../errors.ts";
import { smallBody } from "../middleware/small-body.ts";

const chooseHomeSchema = z.object({ region: z.string().min(1), resident: z.boolean().default(false) });

const peerClaimSchema = z.object({
  tenantKey: z.string().min(1).max(128),
  homeRegion: z.string().min(1),
  resident: z.boolean(),
  claimedAt: z.iso.datetime().transform((value) => new Date(value)),
  source: z.enum(["claim", "peer", "event"]),
});

/**
 * Home regions, answered by the router itself:
 * - `GET /v1/home`: where the caller lives;
 * - `PUT /v1/home {region, resident}`: a new user chooses their home region (data residency) before
 *   their first write; 409 `already_homed` once they live elsewhere;
 * - `POST /internal/v1/home-claims`: a peer region's router offers a claim (see regions/home.ts).
 */
export function registerHome(app: Hono<RouterEnv>) {
  app.get("/v1/home", async (c) => {
    const { regions, config } = c.get("deps");
    if (!regions) return c.json(homeBody(c, { homeRegion: config.region, resident: false, cellId: null }));
    const home = await homeOrRefuse(c, () => regions.home.homeOf(c.get("identity").uid));
    return home instanceof Response ? home : c.json(homeBody(c, home));
  });

  app.put("/v1/home", smallBody, async (c) => {
    const { regions, config } = c.get("deps");
    const parsed = chooseHomeSchema.safeParse(await c.req.json().catch(() => undefined));
    if (!parsed.success) {
      return errorResponse(c, 400, {
        code: "invalid_request",
        message: 'send {"region": "<region>", "resident": true|false}',
      });
    }
    const wanted = parsed.data;
    const known = [config.region, ...(regions?.peers.list().map((peer) => peer.region) ?? [])];
    // Well-formed, but not a region of this deployment: 422, like every request the API understands
    // and cannot carry out.
    if (!known.includes(wanted.region)) {
      return errorResponse(c, 422, {
        code: "unknown_region",
        message: `no region ${wanted.region}; regions: ${known.join(", ")}`,
      });
    }
    if (!regions)
      return c.json(homeBody(c, { homeRegion: config.region, resident: wanted.resident, cellId: null }));
    const home = await homeOrRefuse(c, () => regions.home.homeOf(c.get("identity").uid, wanted));
    if (home instanceof Response) return home;
    if (home.homeRegion !== wanted.region || home.resident !== wanted.resident) {
      return errorResponse(c, 409, {
        code: "already_homed",
        message: `your home region is ${home.homeRegion}${home.resident ? " (resident)" : ""}; it is chosen once, at sign-up`,
      });
    }
    return c.json(homeBody(c, home));
  });

  // Any other method, standard or not (QUERY, say), is answered here rather than proxied to a cell.
  app.all("/v1/home", (c) =>
    errorResponse(
      c,
      405,
      { code: "method_not_allowed", message: `${c.req.method} is not allowed here; allowed: GET, HEAD, PUT` },
      { Allow: "GET, HEAD, PUT" },
    ),
  );

  app.post("/internal/v1/home-claims", smallBody, async (c) => {
    const { regions, config } = c.get("deps");
    if (!regions || c.get("peerHop") === undefined) {
      return errorResponse(c, 403, { code: "peer_refused", message: "only peer regions' routers may claim" });
    }
    const parsed = peerClaimSchema.safeParse(await c.req.json().catch(() => undefined));
    const regionsKnown = [config.region, ...regions.peers.list().map((peer) => peer.region)];
    if (!parsed.success || !regionsKnown.includes(parsed.data.homeRegion)) {
      return errorResponse(c, 400, { code: "invalid_request", message: "not a home claim" });
    }
    const standing = await homeOrRefuse(c, () => regions.home.acceptPeerClaim(parsed.data));
    return standing instanceof Response
      ? standing
      : c.json({ ...standing, claimedAt: standing.claimedAt.toISOString() });
  });
}

function homeBody(c: Context<RouterEnv>, home: Pick<HomeEntry, "homeRegion" | "resident" | "cellId">) {
  return {
    homeRegion: home.homeRegion,
    resident: home.resident,
    cell: home.cellId,
    answeredBy: c.get("deps").config.region,
  };
}

/** The directory is the control-plane database; while it cannot answer, nobody new can be placed. */
export async function homeOrRefuse(
  c: Context<RouterEnv>,
  lookup: () => Promise<HomeEntry>,
): Promise<HomeEntry | Response> {
  try {
    return await lookup();
  } catch (error) {
    c.get("logger").warn({ err: error }, "the user directory could not answer");
    return errorResponse(
      c,
      503,
      {
        code: "directory_unavailable",
        message: "your home region cannot be looked up right now; retry shortly",
      },
      { "Retry-After": String(c.get("deps").config.proxy.retryAfterSeconds) },
    );
  }
}
