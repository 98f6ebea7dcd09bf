import type { Logger } from "@hireloop/observability";
import { Agent, Pool, request } from "undici";
import type { RegionsConfig } from "../config.ts";
import { type HealthState, recordCheck } from "../health-state.ts";
import type { RouterMetrics } from "../metrics.ts";

/** Another region's router: where its users' requests and this region's claims go. */
export interface PeerRegion {
  region: string;
  url: string;
  /** Keep-alive connections to its router, for hops. */
  pool: Pool;
}

export interface PeerRegions {
  list(): PeerRegion[];
  get(region: string): PeerRegion | undefined;
  /** False only after the region's router failed its last health checks; unchecked counts as up. */
  isUp(region: string): boolean;
  stop(): Promise<void>;
}

export interface PeerHealthOptions {
  intervalMs: number;
  timeoutMs: number;
  failuresToDown: number;
  connections: number;
}

/**
 * The peer regions and their health, checked like cells: each router's /healthz on its own slot,
 * down after `failuresToDown` failures in a row, up again after one success. A router answering
 * as another region counts as down, so a wrong address never receives a region's users.
 */
export function startPeerRegions(
  config: RegionsConfig,
  options: PeerHealthOptions,
  logger: Logger,
  metrics: RouterMetrics,
): PeerRegions {
  const agent = new Agent({ connections: 1, connect: { timeout: options.timeoutMs } });
  const peers = new Map<string, PeerRegion & HealthState>();
  for (const { region, url } of config.peers) {
    const pool = new Pool(url, {
      connections: options.connections,
      connect: { timeout: options.timeoutMs },
      headersTimeout: 0,
      bodyTimeout: 0,
    });
    peers.set(region, { region, url, pool, up: true, failures: 0, checking: false });
    metrics.regionUp.set({ peer: region }, 1);
  }

  async function check(peer: PeerRegion & HealthState) {
    peer.checking = true;
    let failure: string | undefined;
    try {
      const response = await request(`${peer.url}/healthz`, {
        dispatcher: agent,
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      const body = (await response.body.json().catch(() => ({}))) as { region?: unknown };
      if (response.statusCode !== 200) failure = `status ${response.statusCode}`;
      else if (body.region !== peer.region) failure = `answered as region ${String(body.region)}`;
    } catch (error) {
      failure = (error as Error).message;
    }
    peer.checking = false;
    const change = recordCheck(peer, failure, options.failuresToDown);
    if (change === "up") logger.info({ peer: peer.region }, "region is reachable again");
    if (change === "down") logger.warn({ peer: peer.region, failure }, "region is unreachable");
    metrics.regionUp.set({ peer: peer.region }, peer.up ? 1 : 0);
  }

  const tick = () => {
    for (const peer of peers.values()) if (!peer.checking) void check(peer);
  };
  tick();
  const timer = setInterval(tick, options.intervalMs);
  timer.unref();

  return {
    list: () => [...peers.values()],
    get: (region) => peers.get(region),
    isUp: (region) => peers.get(region)?.up ?? false,
    async stop() {
      clearInterval(timer);
      await Promise.all([agent.destroy(), ...[...peers.values()].map((peer) => peer.pool.destroy())]);
    },
  };
}
