import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../src/config.ts";

let secretFile: string;
let shortSecretFile: string;
beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), "hl-router-config-"));
  secretFile = join(dir, "peer-secret");
  shortSecretFile = join(dir, "short-secret");
  await writeFile(secretFile, `${"a".repeat(64)}\n`);
  await writeFile(shortSecretFile, "tiny\n");
});

const base = {
  HL_REGION: "us-east",
  HL_ROUTER_ID: "us-east-router-1",
  HL_PORT: "8080",
  HL_CONTROL_DATABASE_URL: "postgres://hireloop@127.0.0.1:15432/hireloop_control_us_east",
  HL_REDIS_URL: "redis://127.0.0.1:16370",
  HL_AUTH_PROJECT_ID: "hireloop-local",
};

describe("router configuration of peer regions", () => {
  it("is absent for a region alone, and read with its peers, secret and Kafka otherwise", () => {
    expect(loadConfig(base).regions).toBeUndefined();
    const config = loadConfig({
      ...base,
      HL_PEER_REGIONS: "eu-central=http://127.0.0.1:9080/, ap-south=http://10.0.0.9:8080",
      HL_PEER_SECRET_FILE: secretFile,
      HL_KAFKA_BROKERS: "127.0.0.1:19092",
    });
    expect(config.regions).toEqual({
      peers: [
        { region: "eu-central", url: "http://127.0.0.1:9080" },
        { region: "ap-south", url: "http://10.0.0.9:8080" },
      ],
      secret: "a".repeat(64),
      timeoutMs: 1_500,
      kafka: { brokers: ["127.0.0.1:19092"], topic: "hireloop.events" },
    });
  });

  it("names every mistake at once", () => {
    expect(() =>
      loadConfig({
        ...base,
        HL_PEER_REGIONS: "us-east=http://127.0.0.1:8080,eu-central,Bad=http://x,eu-central=http://y",
        HL_PEER_SECRET_FILE: shortSecretFile,
      }),
    ).toThrow(
      [
        "invalid router configuration:",
        "  HL_PEER_REGIONS: us-east is this router's own region",
        '  HL_PEER_REGIONS: "eu-central" is not region=url',
        '  HL_PEER_REGIONS: "Bad=http://x" is not region=url',
        "  HL_PEER_REGIONS: a region is named twice",
        "  HL_PEER_SECRET_FILE: the secret is shorter than 32 characters",
        "  HL_KAFKA_BROKERS: required with HL_PEER_REGIONS",
      ].join("\n"),
    );
    expect(() =>
      loadConfig({ ...base, HL_PEER_REGIONS: "eu-central=http://127.0.0.1:9080", HL_KAFKA_BROKERS: "k:1" }),
    ).toThrow(/HL_PEER_SECRET_FILE: required with HL_PEER_REGIONS/);
  });
});
