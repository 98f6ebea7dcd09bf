import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** Where `make test` (hireloop local up --profile test) left the real services the tests use. */
export interface TestPlatform {
  postgresUrl: string;
  redisUrl: string;
  kafkaBrokers: string[];
  /** Each region's Kafka brokers (MirrorMaker 2 runs between them), by region. */
  regions: Record<string, { kafkaBrokers: string[] }>;
  /** host:port of the shared gRPC services (pdf, ai-optimizer, scraper) the platform runs. */
  services: { pdf: string; ai: string; scraper: string };
  /** The platform's Jaeger, when it runs one: processes export there, tests read traces back. */
  tracing: { otlpEndpoint: string; queryUrl: string } | undefined;
  pm2Home: string;
}

const stateFile = fileURLToPath(new URL("../../../.local/test/platform.json", import.meta.url));

export function testPlatform(): TestPlatform {
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(readFileSync(stateFile, "utf8"));
  } catch {
    throw new Error(
      `the test platform is not running (${stateFile} missing): run \`make test\` or \`npx hireloop local up --profile test\``,
    );
  }
  const brokers = raw.kafkaBrokers;
  const services = (raw.services ?? {}) as Record<string, string | undefined>;
  const address = (kind: string) => {
    const value = services[kind];
    if (!value)
      throw new Error(
        `the test platform runs no ${kind} service: restart it with \`npx hireloop local up --profile test\``,
      );
    return value;
  };
  return {
    postgresUrl: String(raw.postgresUrl),
    redisUrl: String(raw.redisUrl),
    kafkaBrokers: Array.isArray(brokers) ? brokers.map(String) : String(brokers).split(","),
    regions: Object.fromEntries(
      Object.entries((raw.regions ?? {}) as Record<string, { kafkaBrokers: string }>).map(
        ([region, value]) => [region, { kafkaBrokers: value.kafkaBrokers.split(",") }],
      ),
    ),
    get services() {
      return { pdf: address("pdf"), ai: address("ai-optimizer"), scraper: address("scraper") };
    },
    tracing: raw.tracing as TestPlatform["tracing"],
    pm2Home: String(raw.pm2Home),
  };
}

/** OTEL_EXPORTER_OTLP_ENDPOINT for a process a test starts: it exports its spans to the platform's Jaeger. */
export function tracingEnv(): Record<string, string> {
  const endpoint = testPlatform().tracing?.otlpEndpoint;
  return endpoint === undefined ? {} : { OTEL_EXPORTER_OTLP_ENDPOINT: endpoint };
}
