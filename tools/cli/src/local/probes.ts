import { connect } from "node:net";
import { checkGrpcHealth } from "@hireloop/grpc";
import { type Admin, Kafka, logLevel } from "kafkajs";
import postgres from "postgres";

/** How to tell that a process serves requests (not merely that it runs). */
export type HealthCheck =
  | { kind: "postgres"; url: string }
  | { kind: "redis"; host: string; port: number }
  | { kind: "kafka"; brokers: string[] }
  /** MirrorMaker 2 into a region: each source's heartbeats arrive there (as `<source>.heartbeats`), fresh. */
  | { kind: "mirror"; brokers: string[]; sources: string[] }
  | { kind: "http"; url: string }
  /** The standard gRPC health protocol: the server as a whole must answer SERVING. */
  | { kind: "grpc"; address: string };

export type HealthResult = { healthy: boolean; detail: string };

/** Every probe gives up after this long; a platform that needs longer is unhealthy. */
export const PROBE_TIMEOUT_MS = 3_000;

export async function probe(check: HealthCheck, timeoutMs = PROBE_TIMEOUT_MS): Promise<HealthResult> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<HealthResult>((resolve) => {
    timer = setTimeout(
      () => resolve({ healthy: false, detail: `no answer within ${timeoutMs} ms` }),
      timeoutMs,
    );
  });
  try {
    return await Promise.race([runProbe(check, timeoutMs), timeout]);
  } catch (error) {
    return { healthy: false, detail: failureDetail(error) };
  } finally {
    clearTimeout(timer);
  }
}

/** fetch() reports every network failure as "fetch failed"; the reason is in its cause. */
function failureDetail(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? error.cause.message : "";
  return cause === "" || error.message.includes(cause) ? error.message : `${error.message}: ${cause}`;
}

function runProbe(check: HealthCheck, timeoutMs: number): Promise<HealthResult> {
  switch (check.kind) {
    case "postgres":
      return probePostgres(check.url, timeoutMs);
    case "redis":
      return probeRedis(check.host, check.port, timeoutMs);
    case "kafka":
      return probeKafka(check.brokers, timeoutMs);
    case "mirror":
      return probeMirror(check.brokers, check.sources, timeoutMs);
    case "http":
      return probeHttp(check.url, timeoutMs);
    case "grpc":
      return probeGrpc(check.address, timeoutMs);
  }
}

async function probePostgres(url: string, timeoutMs: number): Promise<HealthResult> {
  const sql = postgres(url, {
    max: 1,
    connect_timeout: Math.ceil(timeoutMs / 1000),
    idle_timeout: 1,
    onnotice: () => {},
  });
  try {
    const [row] = await sql<{ ok: number }[]>`select 1 as ok`;
    return row?.ok === 1
      ? { healthy: true, detail: "select 1" }
      : { healthy: false, detail: "select 1 failed" };
  } finally {
    await sql.end({ timeout: 1 });
  }
}

/** One RESP PING over a raw socket: `+PONG` means Redis has loaded and serves commands. */
function probeRedis(host: string, port: number, timeoutMs: number): Promise<HealthResult> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: timeoutMs });
    let reply = "";
    const finish = (result: HealthResult) => {
      socket.destroy();
      resolve(result);
    };
    socket.on("connect", () => socket.write("PING\r\n"));
    socket.on("data", (chunk) => {
      reply += chunk.toString("utf8");
      if (!reply.includes("\r\n")) return;
      const line = reply.slice(0, reply.indexOf("\r\n"));
      finish(line === "+PONG" ? { healthy: true, detail: "PONG" } : { healthy: false, detail: line });
    });
    socket.on("timeout", () => finish({ healthy: false, detail: `no PONG within ${timeoutMs} ms` }));
    socket.on("error", (error) => finish({ healthy: false, detail: error.message }));
    socket.on("close", () => finish({ healthy: false, detail: "connection closed before PONG" }));
  });
}

/** Runs `ask` with a connected admin client that neither retries nor waits past `timeoutMs`. */
async function withKafkaAdmin<T>(
  brokers: string[],
  timeoutMs: number,
  ask: (admin: Admin) => Promise<T>,
): Promise<T> {
  const kafka = new Kafka({
    clientId: "hireloop-local-health",
    brokers,
    connectionTimeout: timeoutMs,
    requestTimeout: timeoutMs,
    retry: { retries: 0 },
    logLevel: logLevel.NOTHING,
  });
  const admin = kafka.admin();
  try {
    await admin.connect();
    return await ask(admin);
  } finally {
    await admin.disconnect();
  }
}

/** Asks the broker for the cluster: only an unfenced broker lists itself. */
async function probeKafka(brokers: string[], timeoutMs: number): Promise<HealthResult> {
  return withKafkaAdmin(brokers, timeoutMs, async (admin) => {
    const cluster = await admin.describeCluster();
    return cluster.brokers.length > 0
      ? { healthy: true, detail: `${cluster.brokers.length} broker(s), cluster ${cluster.clusterId}` }
      : { healthy: false, detail: "no broker registered yet" };
  });
}

/** MirrorMaker 2 emits a heartbeat a second; one younger than this shows replication works end to end. */
const MIRROR_HEARTBEAT_MAX_AGE_MS = 15_000;

async function probeMirror(brokers: string[], sources: string[], timeoutMs: number): Promise<HealthResult> {
  return withKafkaAdmin(brokers, timeoutMs, async (admin) => {
    const topics = new Set(await admin.listTopics());
    const stale: string[] = [];
    for (const source of sources) {
      const topic = `${source}.heartbeats`;
      if (!topics.has(topic)) {
        stale.push(`${topic} missing`);
        continue;
      }
      const since = Date.now() - MIRROR_HEARTBEAT_MAX_AGE_MS;
      const [recent, ends] = await Promise.all([
        admin.fetchTopicOffsetsByTimestamp(topic, since),
        admin.fetchTopicOffsets(topic),
      ]);
      // By timestamp, Kafka answers the first offset at or after it: the end when nothing is newer.
      const fresh = recent.some(({ partition, offset }) => {
        const end = ends.find((e) => e.partition === partition)?.high;
        return end !== undefined && offset !== "-1" && BigInt(offset) < BigInt(end);
      });
      if (!fresh) stale.push(`no heartbeat from ${source} for ${MIRROR_HEARTBEAT_MAX_AGE_MS / 1000} s`);
    }
    return stale.length === 0
      ? { healthy: true, detail: `heartbeats from ${sources.join(", ")} arriving` }
      : { healthy: false, detail: stale.join("; ") };
  });
}

async function probeHttp(url: string, timeoutMs: number): Promise<HealthResult> {
  const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  await response.body?.cancel();
  return { healthy: response.status === 200, detail: `HTTP ${response.status}` };
}

/** True when something accepts TCP connections on the port, whoever it is. */
export function portInUse(host: string, port: number, timeoutMs = 1_000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: timeoutMs });
    const finish = (inUse: boolean) => {
      socket.destroy();
      resolve(inUse);
    };
    socket.on("connect", () => finish(true));
    socket.on("timeout", () => finish(false));
    socket.on("error", () => finish(false));
  });
}

async function probeGrpc(address: string, timeoutMs: number): Promise<HealthResult> {
  const status = await checkGrpcHealth(address, "", timeoutMs);
  return { healthy: status === "SERVING", detail: `gRPC health ${status}` };
}
