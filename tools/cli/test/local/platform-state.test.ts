import { describe, expect, it } from "vitest";
import { platformState } from "../../src/local/platform-state.ts";
import { builtInProfile, placeProfile } from "../../src/local/profile.ts";
import { devTopologyWith } from "../../src/local/topology.ts";

describe("platformState", () => {
  it("tells dev tools where the cell, its stores and the signing keys are", () => {
    const oneCell = placeProfile("dev", devTopologyWith(1, ["us-east"]), "/repo", "/repo/.local/dev");
    expect(platformState(oneCell)).toEqual({
      mode: "dev",
      projectId: "hireloop-local",
      keysDir: "/repo/.local/dev/keys",
      region: "us-east",
      routers: [
        {
          id: "us-east-router-1",
          region: "us-east",
          url: "http://127.0.0.1:8080",
          admin: "http://127.0.0.1:9140",
          controlDatabaseUrl: "postgres://hireloop@127.0.0.1:15432/hireloop_control_us_east",
        },
      ],
      cells: [
        {
          id: "us-east-1",
          region: "us-east",
          api: "http://127.0.0.1:8081",
          admin: "http://127.0.0.1:9141",
          worker: "http://127.0.0.1:9101",
          databaseUrl: "postgres://hireloop@127.0.0.1:15432/hireloop_us_east_1",
          redisUrl: "redis://127.0.0.1:16379",
          kafkaBrokers: "127.0.0.1:19092",
        },
      ],
      services: [
        { kind: "pdf", port: 7101 },
        { kind: "ai-optimizer", port: 7102 },
        { kind: "scraper", port: 7103 },
      ].map(({ kind, port }) => ({
        name: `us-east-${kind}`,
        kind,
        region: "us-east",
        address: `127.0.0.1:${port}`,
        metrics: `http://127.0.0.1:${port + 100}/metrics`,
      })),
      postgres: "postgres://hireloop@127.0.0.1:15432/postgres",
      redis: {
        "us-east-router-redis": "redis://127.0.0.1:16370",
        "us-east-services-redis": "redis://127.0.0.1:16371",
        "us-east-1-redis": "redis://127.0.0.1:16379",
      },
      kafka: "127.0.0.1:19092",
      kafkaByRegion: { "us-east": "127.0.0.1:19092" },
      tracing: { otlpEndpoint: "http://127.0.0.1:14318", queryUrl: "http://127.0.0.1:16686" },
      pm2Home: "/repo/.local/dev/pm2",
    });
  });

  it("gives test fixtures the test servers' admin URLs", () => {
    expect(platformState(builtInProfile("test", "/repo"))).toEqual({
      mode: "test",
      postgresUrl: "postgres://hireloop@127.0.0.1:35432/postgres",
      redisUrl: "redis://127.0.0.1:36379",
      kafkaBrokers: "127.0.0.1:39092",
      regions: {
        "us-east": { kafkaBrokers: "127.0.0.1:39092" },
        "eu-central": { kafkaBrokers: "127.0.0.1:49092" },
      },
      services: { pdf: "127.0.0.1:37101", "ai-optimizer": "127.0.0.1:37102", scraper: "127.0.0.1:37103" },
      tracing: { otlpEndpoint: "http://127.0.0.1:34318", queryUrl: "http://127.0.0.1:36686" },
      pm2Home: "/repo/.local/test/pm2",
    });
  });
});
