import { randomBytes } from "node:crypto";
import { createConnection, createServer, type Server } from "node:net";
import { testPlatform } from "@hireloop/testkit/platform";
import { freePort } from "@hireloop/testkit/ports";
import { Kafka, KafkaJSNonRetriableError, logLevel } from "kafkajs";
import { pino } from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { type EventConsumer, runEventConsumer } from "../src/consumer.ts";

const running: EventConsumer[] = [];
const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((consumer) => consumer.stop()));
  for (const server of servers.splice(0)) server.close();
});

function kafkaAt(brokers: string[], retries = 2): Kafka {
  return new Kafka({
    clientId: "hl-events-test",
    brokers,
    connectionTimeout: 1_000,
    logLevel: logLevel.NOTHING,
    retry: { retries, initialRetryTime: 100, maxRetryTime: 500 },
  });
}

function capturedLogger() {
  const lines: { level: number; msg: string }[] = [];
  const logger = pino({ level: "warn" }, { write: (line: string) => lines.push(JSON.parse(line)) });
  return { logger, messages: () => lines.map((line) => line.msg) };
}

async function produce(topic: string, values: string[]): Promise<void> {
  const producer = kafkaAt(testPlatform().kafkaBrokers).producer();
  await producer.connect();
  try {
    await producer.send({ topic, messages: values.map((value) => ({ key: "k", value })) });
  } finally {
    await producer.disconnect();
  }
}

async function until(check: () => boolean | Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A TCP front for the broker that refuses connections until it is opened. */
async function closedBrokerFront(): Promise<{ address: string; open(): Promise<void> }> {
  const port = await freePort();
  const [host, brokerPort] = (testPlatform().kafkaBrokers[0] ?? "").split(":");
  const server = createServer((client) => {
    const broker = createConnection({ host, port: Number(brokerPort) });
    client.pipe(broker).pipe(client);
    const close = () => {
      client.destroy();
      broker.destroy();
    };
    client.on("error", close);
    broker.on("error", close);
  });
  servers.push(server);
  return {
    address: `127.0.0.1:${port}`,
    open: () => new Promise((resolve) => server.listen(port, "127.0.0.1", () => resolve())),
  };
}

describe("runEventConsumer", () => {
  it("creates its topic and hands every message to the handler", async () => {
    const topic = `hl.test.consumer.${randomBytes(4).toString("hex")}`;
    const seen: string[] = [];
    running.push(
      runEventConsumer({
        kafka: kafkaAt(testPlatform().kafkaBrokers),
        config: { groupId: `hl-test-${topic}`, maxWaitTimeInMs: 100 },
        topics: [{ topic, numPartitions: 2 }],
        logger: capturedLogger().logger,
        eachMessage: async ({ message }) => {
          seen.push(String(message.value));
        },
      }),
    );
    const admin = kafkaAt(testPlatform().kafkaBrokers).admin();
    await admin.connect();
    try {
      await until(async () => (await admin.listTopics()).includes(topic));
      const [metadata] = (await admin.fetchTopicMetadata({ topics: [topic] })).topics;
      expect(metadata?.partitions).toHaveLength(2);
    } finally {
      await admin.disconnect();
    }
    await produce(topic, ["a", "b", "c"]);
    await until(() => seen.length === 3);
    expect(seen.sort()).toEqual(["a", "b", "c"]);
  });

  it("starts a new consumer when kafkajs stops one for good, which then reads the message again", async () => {
    const topic = `hl.test.consumer.${randomBytes(4).toString("hex")}`;
    const seen: string[] = [];
    let failed = false;
    const { logger, messages } = capturedLogger();
    running.push(
      runEventConsumer({
        kafka: kafkaAt(testPlatform().kafkaBrokers),
        config: { groupId: `hl-test-${topic}`, maxWaitTimeInMs: 100 },
        topics: [{ topic, numPartitions: 1 }],
        logger,
        eachMessage: async ({ message }) => {
          const value = String(message.value);
          seen.push(value);
          // kafkajs does not restart a consumer after an error it deems not retriable.
          if (value === "second" && !failed) {
            failed = true;
            throw new KafkaJSNonRetriableError("a failure kafkajs gives up on");
          }
        },
      }),
    );
    await produce(topic, ["first", "second", "third"]);
    await until(() => seen.includes("third"));
    expect(seen).toEqual(["first", "second", "second", "third"]);
    expect(messages()).toContain("event consumer stopped by kafkajs; starting a new one");
  });

  it("keeps trying while Kafka is unreachable at start, and consumes once it answers", async () => {
    const topic = `hl.test.consumer.${randomBytes(4).toString("hex")}`;
    const front = await closedBrokerFront();
    const seen: string[] = [];
    const { logger, messages } = capturedLogger();
    running.push(
      runEventConsumer({
        kafka: kafkaAt([front.address]),
        config: { groupId: `hl-test-${topic}`, maxWaitTimeInMs: 100 },
        topics: [{ topic, numPartitions: 1 }],
        logger,
        eachMessage: async ({ message }) => {
          seen.push(String(message.value));
        },
      }),
    );
    await until(() => messages().includes("event consumer could not start; retrying"));
    await front.open();
    await until(async () => {
      await produce(topic, ["after the outage"]).catch(() => {});
      return seen.length > 0;
    }, 20_000);
    expect(seen[0]).toBe("after the outage");
  });

  it("stops within seconds while Kafka is unreachable and the client would retry for ever", async () => {
    const front = await closedBrokerFront();
    const { logger } = capturedLogger();
    const consumer = runEventConsumer({
      kafka: kafkaAt([front.address], Number.MAX_SAFE_INTEGER),
      config: { groupId: "hl-test-unreachable" },
      topics: [{ topic: "hl.test.unreachable", numPartitions: 1 }],
      logger,
      eachMessage: async () => {},
    });
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const started = Date.now();
    await consumer.stop();
    // Two bounded waits of 3 s at most (the start in progress, the disconnect); kafkajs alone never gives up.
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
