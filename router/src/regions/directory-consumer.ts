import { parseEnvelope } from "@hireloop/events";
import { type EventConsumer, runEventConsumer } from "@hireloop/events/consumer";
import type { Logger } from "@hireloop/observability";
import type { DirectoryStore } from "@hireloop/placement";
import { Kafka, logLevel } from "kafkajs";
import type { RegionsConfig } from "../config.ts";
import type { RouterMetrics } from "../metrics.ts";

/** The topic MirrorMaker 2 (DefaultReplicationPolicy) writes a peer's events to: `<peer>.<topic>`. */
export function mirroredTopic(peerRegion: string, topic: string): string {
  return `${peerRegion}.${topic}`;
}

/** MirrorMaker 2 emits a heartbeat a second in each region and mirrors it like any topic. */
const HEARTBEATS_TOPIC = "heartbeats";

/**
 * Keeps the region's global views — the user directory and event counts by origin region — from
 * this region's events and those MirrorMaker 2 mirrors from every peer. One consumer group per
 * region (router replicas share the partitions); each event is applied once by id, so redelivery
 * after a crash, a rebalance or a MirrorMaker restart changes nothing. It runs beside the request
 * path: with Kafka down the router keeps routing, and the consumer resumes from its offsets.
 */
export function startDirectoryConsumer(options: {
  region: string;
  config: RegionsConfig;
  directory: DirectoryStore;
  logger: Logger;
  metrics: RouterMetrics;
  /** Each peer region's newest mirrored heartbeat (ms since the epoch): how fresh replication is. */
  newestHeartbeat: Map<string, number>;
}): EventConsumer {
  const { region, config, directory, metrics, newestHeartbeat } = options;
  const logger = options.logger.child({ component: "directory-consumer" });
  const kafka = new Kafka({
    clientId: `hireloop-router-directory-${region}`,
    brokers: config.kafka.brokers,
    connectionTimeout: 3_000,
    requestTimeout: 10_000,
    logLevel: logLevel.NOTHING,
    retry: { retries: Number.MAX_SAFE_INTEGER, initialRetryTime: 300, maxRetryTime: 5_000 },
  });
  const topics = [
    config.kafka.topic,
    ...config.peers.map((peer) => mirroredTopic(peer.region, config.kafka.topic)),
  ];
  const heartbeats = new Map(
    config.peers.map((peer) => [mirroredTopic(peer.region, HEARTBEATS_TOPIC), peer.region]),
  );
  return runEventConsumer({
    kafka,
    logger,
    config: { groupId: `hireloop.${region}.directory.${config.kafka.topic}`, maxWaitTimeInMs: 100 },
    // Mirrored topics may not exist before the peer's first event; creating them is harmless
    // (MirrorMaker 2 writes into an existing topic), and subscribing needs them to exist.
    topics: [
      ...topics.map((topic) => ({ topic, numPartitions: 3 })),
      // As MirrorMaker 2 makes it: one partition, like the source region's heartbeats topic.
      ...[...heartbeats.keys()].map((topic) => ({ topic, numPartitions: 1 })),
    ],
    eachMessage: async ({ topic, message }) => {
      const heartbeatOf = heartbeats.get(topic);
      if (heartbeatOf !== undefined) {
        const at = Number(message.timestamp);
        if (at > (newestHeartbeat.get(heartbeatOf) ?? 0)) {
          newestHeartbeat.set(heartbeatOf, at);
          metrics.replicationHeartbeat.set({ origin: heartbeatOf }, at / 1000);
        }
        return;
      }
      if (!message.value) return;
      let event: ReturnType<typeof parseEnvelope>;
      try {
        event = parseEnvelope(message.value);
      } catch (error) {
        logger.error({ err: error }, "skipped a message that is not an event envelope");
        metrics.directoryEvents.inc({ origin: "unknown", outcome: "malformed" });
        return;
      }
      const outcome = await directory.applyEvent(event);
      metrics.directoryEvents.inc({ origin: event.region, outcome });
      metrics.eventApplyDelay.observe(
        { origin: event.region },
        Math.max(0, Date.now() - Date.parse(event.time)) / 1000,
      );
      if (outcome === "conflict") {
        logger.error(
          { tenant: event.tenant, region: event.region, cell: event.cell },
          "a user registered in a region other than the home this directory holds",
        );
      }
    },
  });
}
