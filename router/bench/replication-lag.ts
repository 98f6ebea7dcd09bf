/**
 * npm run bench:replication — MirrorMaker 2's replication lag between the test platform's two
 * regions (`make test` starts them: a Kafka broker each, MirrorMaker 2 into each).
 *
 * Events in the platform's envelope are produced to a fresh `hl.mr.*` topic in us-east at a steady
 * rate (the relay's settings: acks=all, one batch per tick). Two consumers read them: one in
 * eu-central from the mirrored topic `us-east.<topic>` (the replication lag), and one in us-east
 * from the topic itself — the named peer: the same event delivered inside its own region. The run
 * prints p50/p95/p99/max of both, their ratio, every event's arrival (none lost), then a burst
 * phase that produces as fast as Kafka takes it and prints the rate MirrorMaker 2 sustains.
 * Target: mirrored p99 under 1 s on this machine. Bounded: every wait has a deadline.
 *
 * Environment: RATE (events/s, default 200), SECONDS (default 20), BURST (events, default 20000).
 */
import { randomBytes } from "node:crypto";
import { availableParallelism, loadavg } from "node:os";
import { createEnvelope } from "@hireloop/events";
import { fmt, percentile } from "@hireloop/testkit/measure";
import { testPlatform } from "@hireloop/testkit/platform";
import { type Consumer, Kafka, logLevel } from "kafkajs";

const RATE = Number(process.env.RATE ?? 200);
const SECONDS = Number(process.env.SECONDS ?? 20);
const BURST = Number(process.env.BURST ?? 20_000);
const TICK_MS = 10;
const TARGET_P99_MS = 1_000;
const SOURCE = "us-east";
const TARGET = "eu-central";

const platform = testPlatform();
const brokersOf = (region: string) => {
  const brokers = platform.regions[region]?.kafkaBrokers;
  if (!brokers) throw new Error(`the test platform has no Kafka for ${region}: run \`make test\` first`);
  return brokers;
};
const kafkaOf = (region: string) =>
  new Kafka({ clientId: `hl-bench-${region}`, brokers: brokersOf(region), logLevel: logLevel.NOTHING });
const source = kafkaOf(SOURCE);
const target = kafkaOf(TARGET);
const topic = `hl.mr.bench-${randomBytes(4).toString("hex")}`;
const mirrored = `${SOURCE}.${topic}`;

async function withDeadline<T>(what: string, ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no result within ${ms / 1000} s`)), ms);
  });
  try {
    return await Promise.race([work, expired]);
  } finally {
    clearTimeout(timer);
  }
}

/** Arrival times by event id, in ms since the epoch (same host, same clock as the producer). */
async function listen(kafka: Kafka, name: string, arrivals: Map<string, number>): Promise<Consumer> {
  const consumer = kafka.consumer({
    groupId: `hl-bench-${randomBytes(4).toString("hex")}`,
    maxWaitTimeInMs: 20,
  });
  const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
  await consumer.connect();
  await consumer.subscribe({ topic: name, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      const id = message.headers?.["hl-event-id"]?.toString();
      if (id && !arrivals.has(id)) arrivals.set(id, Date.now());
    },
  });
  await withDeadline(`joining ${name}`, 30_000, joined);
  return consumer;
}

function envelopeBatch(count: number) {
  return Array.from({ length: count }, () => {
    const envelope = createEnvelope(
      "job.created",
      { jobId: crypto.randomUUID(), requiredSkillCount: 5 },
      {
        tenant: `bench-${randomBytes(3).toString("hex")}`,
        cell: `${SOURCE}-1`,
        region: SOURCE,
        traceContext: {},
      },
    );
    return {
      id: envelope.id,
      message: {
        key: envelope.tenant,
        value: JSON.stringify(envelope),
        headers: { "hl-event-id": envelope.id },
      },
    };
  });
}

function lagFigures(sent: Map<string, number>, arrivals: Map<string, number>) {
  const lags = [...sent].flatMap(([id, at]) => {
    const arrived = arrivals.get(id);
    return arrived === undefined ? [] : [arrived - at];
  });
  lags.sort((a, b) => a - b);
  return {
    delivered: lags.length,
    p50: percentile(lags, 50),
    p95: percentile(lags, 95),
    p99: percentile(lags, 99),
    max: lags[lags.length - 1] ?? Number.NaN,
  };
}

async function main() {
  console.log(`replication lag ${SOURCE} → ${TARGET}: MirrorMaker 2 (dedicated mode), topic ${topic}`);
  const admin = source.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 3 }], waitForLeaders: true });
  await admin.disconnect();
  const targetAdmin = target.admin();
  await targetAdmin.connect();
  await withDeadline(
    `MirrorMaker 2 creating ${mirrored}`,
    60_000,
    (async () => {
      while (!(await targetAdmin.listTopics()).includes(mirrored))
        await new Promise((r) => setTimeout(r, 200));
    })(),
  );
  await targetAdmin.disconnect();

  const local = new Map<string, number>();
  const remote = new Map<string, number>();
  const consumers = [await listen(source, topic, local), await listen(target, mirrored, remote)];
  const producer = source.producer({ maxInFlightRequests: 1 });
  await producer.connect();

  // A topic MirrorMaker 2 has just found starts replicating once its task is reconfigured (about a
  // second). Production topics live for years, so that start-up is reported on its own and the
  // measured phases begin once replication of this topic is running.
  const warmup = new Map<string, number>();
  const warmupStarted = Date.now();
  await withDeadline(
    `the first event of ${topic} arriving in ${TARGET}`,
    60_000,
    (async () => {
      while (![...warmup.keys()].some((id) => remote.has(id))) {
        const batch = envelopeBatch(1);
        for (const { id } of batch) warmup.set(id, Date.now());
        await producer.send({ topic, acks: -1, messages: batch.map((b) => b.message) });
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })(),
  );
  const firstArrival = Math.min(
    ...[...warmup.keys()].map((id) => remote.get(id) ?? Number.POSITIVE_INFINITY),
  );
  console.log(
    `new topic: the first event crossed ${fmt(firstArrival - warmupStarted, 0)} ms after it was produced`,
  );

  // Steady phase: each tick sends the events due by then, so the rate holds whatever a send costs.
  console.log(`steady: ${RATE} events/s for ${SECONDS} s …`);
  const sent = new Map<string, number>();
  const started = Date.now();
  let due = 0;
  while (Date.now() - started < SECONDS * 1000) {
    const shouldHave = Math.floor(((Date.now() - started) / 1000) * RATE);
    if (shouldHave > due) {
      const batch = envelopeBatch(shouldHave - due);
      const at = Date.now();
      for (const { id } of batch) sent.set(id, at);
      await producer.send({ topic, acks: -1, messages: batch.map((b) => b.message) });
      due = shouldHave;
    }
    await new Promise((resolve) => setTimeout(resolve, TICK_MS));
  }
  const producedSeconds = (Date.now() - started) / 1000;
  await withDeadline(
    "every steady event arriving in both regions",
    60_000,
    (async () => {
      while ([...sent.keys()].some((id) => !remote.has(id) || !local.has(id)))
        await new Promise((r) => setTimeout(r, 100));
    })(),
  ).catch((error: Error) => console.log(`  ${error.message}`));
  const mirror = lagFigures(sent, remote);
  const peer = lagFigures(sent, local);
  const row = (name: string, f: ReturnType<typeof lagFigures>) =>
    `  ${name.padEnd(34)} ${String(f.delivered).padStart(6)}/${sent.size}  p50 ${fmt(f.p50, 0).padStart(5)} ms  p95 ${fmt(f.p95, 0).padStart(5)} ms  p99 ${fmt(f.p99, 0).padStart(5)} ms  max ${fmt(f.max, 0).padStart(5)} ms`;
  console.log(
    `  produced ${sent.size} events in ${fmt(producedSeconds)} s (${fmt(sent.size / producedSeconds)} events/s)`,
  );
  console.log(row(`${SOURCE} → ${TARGET} (mirrored)`, mirror));
  console.log(row(`${SOURCE} → ${SOURCE} (peer: same region)`, peer));
  console.log(`  mirrored ÷ same-region p99: ${fmt(mirror.p99 / Math.max(1, peer.p99), 2)}`);

  // Burst phase: as fast as Kafka accepts; the rate sustained is what arrives per second in eu-central.
  console.log(`burst: ${BURST} events as fast as the producer can …`);
  const burst = new Map<string, number>();
  const burstStarted = Date.now();
  for (let sentCount = 0; sentCount < BURST; sentCount += 500) {
    const batch = envelopeBatch(Math.min(500, BURST - sentCount));
    const at = Date.now();
    for (const { id } of batch) burst.set(id, at);
    await producer.send({ topic, acks: -1, messages: batch.map((b) => b.message) });
  }
  const burstProduced = (Date.now() - burstStarted) / 1000;
  await withDeadline(
    "every burst event arriving in eu-central",
    120_000,
    (async () => {
      while ([...burst.keys()].some((id) => !remote.has(id))) await new Promise((r) => setTimeout(r, 100));
    })(),
  ).catch((error: Error) => console.log(`  ${error.message}`));
  const lastArrival = Math.max(...[...burst.keys()].map((id) => remote.get(id) ?? 0));
  const burstMirror = lagFigures(burst, remote);
  console.log(
    `  produced ${burst.size} in ${fmt(burstProduced)} s (${fmt(burst.size / burstProduced, 0)} events/s)`,
  );
  console.log(
    `  mirrored ${burstMirror.delivered} in ${fmt((lastArrival - burstStarted) / 1000)} s: ${fmt(burstMirror.delivered / ((lastArrival - burstStarted) / 1000), 0)} events/s sustained; lag p50 ${fmt(burstMirror.p50, 0)} ms, p99 ${fmt(burstMirror.p99, 0)} ms`,
  );

  await producer.disconnect();
  await Promise.all(consumers.map((consumer) => consumer.disconnect()));
  const lost = sent.size - mirror.delivered + (burst.size - burstMirror.delivered);
  console.log(
    `\ntarget: mirrored p99 < ${TARGET_P99_MS} ms at ${RATE} events/s — ${mirror.p99 < TARGET_P99_MS ? "met" : "MISSED"} (${fmt(mirror.p99, 0)} ms); lost events: ${lost}`,
  );
  console.log(
    `machine: ${availableParallelism()} CPUs shared by both brokers, both MirrorMaker 2 processes and this script; load average ${loadavg()
      .map((n) => n.toFixed(1))
      .join(" ")}`,
  );
  if (lost > 0) process.exitCode = 1;
}

await withDeadline("the benchmark", 5 * 60_000, main()).catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
process.exit(process.exitCode ?? 0);
