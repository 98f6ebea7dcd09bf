import { randomBytes } from "node:crypto";
import { Kafka, logLevel } from "kafkajs";

export interface TopicRecord {
  topic: string;
  key: string;
  value: string;
  headers: Record<string, string>;
}

/**
 * Every record of the topics on one broker, from the beginning: read until each partition's end
 * offset (as it was when reading began) is reached, so the answer is complete, not a sample.
 */
export async function readAllRecords(
  brokers: string[],
  topics: string[],
  timeoutMs = 30_000,
): Promise<TopicRecord[]> {
  const kafka = new Kafka({ clientId: "hl-test-audit", brokers, logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  const ends = new Map<string, bigint>();
  try {
    for (const topic of topics) {
      for (const { partition, high } of await admin.fetchTopicOffsets(topic)) {
        if (BigInt(high) > 0n) ends.set(`${topic}:${partition}`, BigInt(high));
      }
    }
  } finally {
    await admin.disconnect();
  }
  const records: TopicRecord[] = [];
  if (ends.size === 0) return records;
  const consumer = kafka.consumer({ groupId: `hl-test-audit-${randomBytes(4).toString("hex")}` });
  const remaining = new Set(ends.keys());
  await consumer.connect();
  try {
    await consumer.subscribe({ topics, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ topic, partition, message }) => {
        const key = `${topic}:${partition}`;
        const end = ends.get(key);
        if (end === undefined || BigInt(message.offset) >= end) return;
        records.push({
          topic,
          key: message.key?.toString() ?? "",
          value: message.value?.toString() ?? "",
          headers: Object.fromEntries(
            Object.entries(message.headers ?? {}).map(([name, value]) => [name, String(value)]),
          ),
        });
        if (BigInt(message.offset) === end - 1n) remaining.delete(key);
      },
    });
    const deadline = Date.now() + timeoutMs;
    while (remaining.size > 0) {
      if (Date.now() > deadline) throw new Error(`topics not read to the end: ${[...remaining].join(", ")}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return records;
  } finally {
    await consumer.disconnect();
  }
}

/** Writes raw records to a topic on one broker, as any client of the broker could. */
export async function sendRecords(
  brokers: string[],
  topic: string,
  records: { key: string; value: string }[],
): Promise<void> {
  const kafka = new Kafka({ clientId: "hl-test-writer", brokers, logLevel: logLevel.NOTHING });
  const producer = kafka.producer();
  await producer.connect();
  try {
    await producer.send({ topic, messages: records });
  } finally {
    await producer.disconnect();
  }
}
