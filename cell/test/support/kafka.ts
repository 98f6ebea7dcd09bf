import { randomBytes } from "node:crypto";
import { testPlatform } from "@hireloop/testkit/platform";
import { Kafka, logLevel } from "kafkajs";

/** Reads every message of a topic from the beginning (a fresh consumer group each call). */
export async function readTopic(
  topic: string,
  expected: number,
  timeoutMs = 30_000,
): Promise<{ key: string; value: string; headers: Record<string, string> }[]> {
  const kafka = new Kafka({
    clientId: "hl-test-reader",
    brokers: testPlatform().kafkaBrokers,
    logLevel: logLevel.NOTHING,
  });
  const consumer = kafka.consumer({ groupId: `hl-test-reader-${randomBytes(4).toString("hex")}` });
  const messages: { key: string; value: string; headers: Record<string, string> }[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        const headers = Object.fromEntries(
          Object.entries(message.headers ?? {}).map(([name, value]) => [name, String(value)]),
        );
        messages.push({
          key: message.key?.toString() ?? "",
          value: message.value?.toString() ?? "",
          headers,
        });
      },
    });
    const deadline = Date.now() + timeoutMs;
    while (messages.length < expected && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    // Linger briefly so duplicates beyond the expected count are seen too.
    await new Promise((r) => setTimeout(r, 500));
    return messages;
  } finally {
    await consumer.disconnect();
  }
}
