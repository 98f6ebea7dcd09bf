import { timingSafeEqual } from "node:crypto";
import type { Context, MiddlewareHandler } from "hono";
import type { RouterEnv } from "../env.ts";
import { errorResponse } from "../errors.ts";
import { forwardUpstream } from "../proxy/forward.ts";
import { ENTRY_REGION_HEADER, PEER_REGION_HEADER, PEER_SECRET_HEADER } from "./peer-headers.ts";

declare module "hono" {
  interface ContextVariableMap {
    /** Set when a peer region's router sent this request: the region it came from. */
    peerHop: string;
  }
}

/**
 * Recognises requests from another region's router by the shared secret (compared in constant
 * time). A caller presenting a wrong secret is refused outright: only routers send that header.
 * In production the mesh (Istio mTLS between regions) also authenticates the hop; the secret keeps
 * the check in the router where the local platform and tests can see it.
 */
export function recognizePeers(): MiddlewareHandler<RouterEnv> {
  return async (c, next) => {
    const presented = c.req.header(PEER_SECRET_HEADER);
    if (presented === undefined) return next();
    const regions = c.get("deps").regions;
    const from = c.req.header(PEER_REGION_HEADER) ?? "";
    if (!regions || !sameSecret(presented, regions.secret) || !regions.peers.get(from)) {
      return errorResponse(c, 403, { code: "peer_refused", message: "not a router of a peer region" });
    }
    c.set("peerHop", from);
    return next();
  };
}

function sameSecret(presented: string, secret: string): boolean {
  const a = Buffer.from(presented);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** 503 for a user whose home region cannot be reached now; their data lives only there. */
export function regionUnavailable(c: Context<RouterEnv>, region: string): Response {
  const { config } = c.get("deps");
  return errorResponse(
    c,
    503,
    { code: "region_unavailable", message: `your home region (${region}) is unavailable; retry shortly` },
    { "Retry-After": String(config.proxy.retryAfterSeconds) },
  );
}

/**
 * Sends the request on to the user's home region's router, which authenticates and routes it like
 * any request (the caller's token travels with it). The response streams back unchanged, carrying
 * the home cell's x-hl-region and x-hl-cell, plus the region the caller entered by.
 */
export async function hopToRegion(c: Context<RouterEnv>, region: string): Promise<Response> {
  const { regions, metrics, config } = c.get("deps");
  const peer = regions?.peers.get(region);
  if (!regions || !peer || !regions.peers.isUp(region)) {
    c.set("proxied", { cell: `region:${region}`, status: 503 });
    metrics.regionHops.inc({ peer: region, status: "503" });
    return regionUnavailable(c, region);
  }
  const response = await forwardUpstream(
    c,
    { id: `region:${region}`, pool: peer.pool, basePath: "" },
    {
      headers: { [PEER_SECRET_HEADER]: regions.secret, [PEER_REGION_HEADER]: config.region },
      responseHeaders: { [ENTRY_REGION_HEADER]: config.region },
      unavailable: (ctx) => regionUnavailable(ctx, region),
    },
  );
  metrics.regionHops.inc({ peer: region, status: String(c.get("proxied")?.status ?? 503) });
  return response;
}
