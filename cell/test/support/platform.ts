import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** Where `make test` (hireloop local up --profile test) left the real services the tests use. */
export interface TestPlatform {
  postgresUrl: string;
  redisUrl: string;
  kafkaBrokers: string[];
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
  return {
    postgresUrl: String(raw.postgresUrl),
    redisUrl: String(raw.redisUrl),
    kafkaBrokers: Array.isArray(brokers) ? brokers.map(String) : String(brokers).split(","),
    pm2Home: String(raw.pm2Home),
  };
}
