import { parseEnvelope } from "@hireloop/events";
import type { Logger } from "@hireloop/observability";
import type { DirectoryStore } from "@hireloop/placement";
import { Kafka, logLevel } from "kafkajs";
import type { RegionsConfig } from "../config.ts";
import type { RouterMetrics } from "../metrics.ts";

export interface DirectoryConsumer {
  stop(): Promise<void>;
}

/** The topic MirrorMaker 2 (DefaultReplicationPolicy) writes a peer's events to: `<peer>.<topic>`. */
export function mirroredTopic(peerRegion: string, topic: string): string {
  return `${peerRegion}.${topic}`;
}

/** MirrorMaker 2 emits a heartbeat a second in each region and mirrors it like any topic. */
const HEARTBEATS_TOPIC = "heartbeats";
/** Longest a router's shutdown waits for the consumer (Kafka may be the thing that is down). */
const STOP_WAIT_MS = 3_000;

/**
 * Keeps the region's global views — the user directory and event counts by origin region — from
 * this region's events and those MirrorMaker 2 mirrors from every peer. One consumer group per
 * region (router replicas share the partitions); each event is applied once by id, so redelivery
 * after a crash, a rebalance or a MirrorMaker restart changes nothing. It runs beside the request
 * path: with Kafka down the router keeps routing, and the consumer resumes from its offsets.
 */
export async function startDirectoryConsumer(options: {
  region: string;
  config: RegionsConfig;
  directory: DirectoryStore;
  logger: Logger;
  metrics: RouterMetrics;
}): Promise<DirectoryConsumer> {
  const { region, config, directory, metrics } = options;
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
  const newestHeartbeat = new Map<string, number>();
  const consumer = kafka.consumer({
    groupId: `hireloop.${region}.directory.${config.kafka.topic}`,
    sessionTimeout: 10_000,
    heartbeatInterval: 1_000,
    maxWaitTimeInMs: 100,
    retry: { retries: Number.MAX_SAFE_INTEGER, initialRetryTime: 300, maxRetryTime: 5_000 },
  });
  let stopped = false;

  const run = async () => {
    // Mirrored topics may not exist before the peer's first event; creating them is harmless
    // (MirrorMaker 2 writes into an existing topic), and subscribing needs them to exist.
    const admin = kafka.admin({ retry: { retries: 3 } });
    await admin.connect();
    try {
      await admin.createTopics({
        topics: [
          ...topics.map((topic) => ({ topic, numPartitions: 3 })),
          // As MirrorMaker 2 makes it: one partition, like the source region's heartbeats topic.
          ...[...heartbeats.keys()].map((topic) => ({ topic, numPartitions: 1 })),
        ],
        waitForLeaders: true,
      });
    } finally {
      await admin.disconnect();
    }
    await consumer.connect();
    await consumer.subscribe({ topics: [...topics, ...heartbeats.keys()], fromBeginning: true });
    await consumer.run({
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
  };
  // Kafka may be down at start: keep trying in the background; the router serves meanwhile.
  const started = (async () => {
    for (let delay = 500; !stopped; delay = Math.min(delay * 2, 10_000)) {
      try {
        await run();
        return;
      } catch (error) {
        logger.warn({ err: error, retryInMs: delay }, "directory consumer could not start; retrying");
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  })();
  consumer.on(consumer.events.CRASH, (event) => {
    logger.error({ err: event.payload.error, restart: event.payload.restart }, "directory consumer crashed");
  });

  return {
    async stop() {
      stopped = true;
      // With Kafka down the start-up may still be retrying: shutdown does not wait for it.
      await Promise.race([started, new Promise((resolve) => setTimeout(resolve, STOP_WAIT_MS))]);
      await Promise.race([
        consumer.disconnect(),
        new Promise((resolve) => setTimeout(resolve, STOP_WAIT_MS)),
      ]);
    },
  };
}
