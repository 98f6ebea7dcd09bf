import type { Logger } from "@hireloop/observability";
import { createDirectoryStore, type HomeEntry } from "@hireloop/placement";
import postgres from "postgres";
import type { RouterConfig } from "../config.ts";
import type { RouterMetrics } from "../metrics.ts";
import { startDirectoryConsumer } from "./directory-consumer.ts";
import { createHomeResolver, type HomeResolver } from "./home.ts";
import { type PeerRegions, startPeerRegions } from "./peers.ts";

/** What a router of a region with peers uses to find and reach each user's home region. */
export interface RegionServices {
  peers: PeerRegions;
  secret: string;
  home: HomeResolver;
  /** When the newest heartbeat mirrored from a peer region was written there; undefined before one. */
  replicatedAt(peerRegion: string): number | undefined;
  /** The directory's entry for a tenant, read only (homeOf claims a home for a newcomer). */
  findHome(tenantKey: string): Promise<HomeEntry | undefined>;
  close(): Promise<void>;
}

/** Peers, their health, the user directory and its consumer; undefined while the region is alone. */
export function startRegions(
  config: RouterConfig,
  logger: Logger,
  metrics: RouterMetrics,
): RegionServices | undefined {
  const regions = config.regions;
  if (regions === undefined) return undefined;
  const sql = postgres(config.controlDatabaseUrl, {
    max: 4,
    connect_timeout: 5,
    idle_timeout: 60,
    onnotice: () => {},
    connection: { application_name: `hireloop-router-${config.routerId}-directory` },
  });
  const directory = createDirectoryStore(sql);
  const peers = startPeerRegions(
    regions,
    { ...config.cellHealth, connections: config.proxy.connectionsPerCell },
    logger,
    metrics,
  );
  const home = createHomeResolver({
    region: config.region,
    directory,
    peers,
    secret: regions.secret,
    timeoutMs: regions.timeoutMs,
    logger,
    metrics,
  });
  const newestHeartbeat = new Map<string, number>();
  const consumer = startDirectoryConsumer({
    region: config.region,
    config: regions,
    directory,
    logger,
    metrics,
    newestHeartbeat,
  });
  return {
    peers,
    secret: regions.secret,
    home,
    replicatedAt: (peerRegion) => newestHeartbeat.get(peerRegion),
    findHome: (tenantKey) => directory.find(tenantKey),
    async close() {
      await consumer.stop();
      await peers.stop();
      await sql.end({ timeout: 2 });
    },
  };
}
