import type { Logger } from "@hireloop/observability";
import { type DirectoryStore, type HomeClaim, type HomeEntry, precedes } from "@hireloop/placement";
import { LRUCache } from "lru-cache";
import type { RouterMetrics } from "../metrics.ts";
import { PEER_REGION_HEADER, PEER_SECRET_HEADER } from "./peer-headers.ts";
import type { PeerRegions } from "./peers.ts";

/** Homes change only while a claim race settles (milliseconds) or by an operator; a minute is safe. */
const HOME_TTL_MS = 60_000;
const MAX_REMEMBERED = 200_000;

export interface HomeResolver {
  /** The user's home, claiming this region (or `wanted`) for a user no region knows yet. */
  homeOf(tenantKey: string, wanted?: { region: string; resident: boolean }): Promise<HomeEntry>;
  /** A peer region's claim, answered with the entry that stands here afterwards. */
  acceptPeerClaim(claim: HomeClaim): Promise<HomeEntry>;
}

export interface HomeResolverOptions {
  region: string;
  directory: DirectoryStore;
  peers: PeerRegions;
  secret: string;
  timeoutMs: number;
  logger: Logger;
  metrics: RouterMetrics;
}

/**
 * A user's home region is where they were first seen (or the region they chose). The directory
 * learns homes from mirrored `tenant.registered` events within seconds; for a user it does not know
 * yet, this region claims them and offers the claim to every peer region before any data is
 * written. Each peer keeps the earliest claim it has seen and answers with it, so two regions
 * claiming the same new user at once settle on the same (earliest) one and the user is created once.
 * A peer that cannot be asked in time is skipped: availability first, and a conflict the events
 * reveal later is counted (hl_router_directory_events_total{outcome="conflict"}).
 */
export function createHomeResolver(options: HomeResolverOptions): HomeResolver {
  const { region, directory, peers, logger, metrics } = options;
  const homes = new LRUCache<string, HomeEntry>({ max: MAX_REMEMBERED, ttl: HOME_TTL_MS });

  async function offerToPeer(peerRegion: string, claim: HomeClaim): Promise<HomeEntry | undefined> {
    const peer = peers.get(peerRegion);
    if (!peer || !peers.isUp(peerRegion)) return undefined;
    try {
      const response = await peer.pool.request({
        path: "/internal/v1/home-claims",
        method: "POST",
        headers: {
          "content-type": "application/json",
          [PEER_SECRET_HEADER]: options.secret,
          [PEER_REGION_HEADER]: region,
        },
        body: JSON.stringify({ ...claim, claimedAt: claim.claimedAt.toISOString() }),
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      const body = (await response.body.json()) as HomeEntry & { claimedAt: string };
      if (response.statusCode !== 200) throw new Error(`status ${response.statusCode}`);
      return { ...body, claimedAt: new Date(body.claimedAt) };
    } catch (error) {
      logger.warn({ err: error, peer: peerRegion }, "could not offer a home claim to a region");
      return undefined;
    }
  }

  async function claim(tenantKey: string, wanted: { region: string; resident: boolean }) {
    const mine = await directory.offer({
      tenantKey,
      homeRegion: wanted.region,
      resident: wanted.resident,
      claimedAt: new Date(),
      source: "claim",
    });
    const others = peers.list().map((peer) => peer.region);
    const answers = await Promise.all(others.map((peer) => offerToPeer(peer, asClaim(mine))));
    let winner = mine;
    for (const answer of answers) if (answer && precedes(answer, winner)) winner = answer;
    if (winner !== mine) {
      winner = await directory.offer({ ...asClaim(winner), source: "peer" });
      // Peers that took the losing claim learn the winner now; a peer missed here learns from events.
      await Promise.all(
        others.map((peer, i) =>
          answers[i] && answers[i].homeRegion !== winner.homeRegion
            ? offerToPeer(peer, asClaim(winner))
            : undefined,
        ),
      );
    }
    const unconfirmed = answers.filter((answer) => answer === undefined).length;
    metrics.homeClaims.inc({
      outcome: winner.homeRegion === wanted.region ? "won" : "lost",
      unconfirmed: String(unconfirmed > 0),
    });
    logger.info(
      { home: winner.homeRegion, wanted: wanted.region, unconfirmed },
      "claimed a home region for a new user",
    );
    return winner;
  }

  return {
    async homeOf(tenantKey, wanted) {
      const cached = homes.get(tenantKey);
      if (cached && wanted === undefined) return cached;
      const known = cached ?? (await directory.find(tenantKey));
      const home = known ?? (await claim(tenantKey, wanted ?? { region, resident: false }));
      homes.set(tenantKey, home);
      return home;
    },
    async acceptPeerClaim(offered) {
      const standing = await directory.offer({ ...offered, source: "peer" });
      homes.set(standing.tenantKey, standing);
      return standing;
    },
  };
}

function asClaim(entry: HomeEntry): HomeClaim {
  return {
    tenantKey: entry.tenantKey,
    homeRegion: entry.homeRegion,
    resident: entry.resident,
    claimedAt: entry.claimedAt,
    source: entry.source,
  };
}
