import { describe, expect, it } from "vitest";
import { platformState } from "../../src/local/platform-state.ts";
import { builtInProfile } from "../../src/local/profile.ts";

describe("platformState", () => {
  it("tells dev tools where the cell, its stores and the signing keys are", () => {
    expect(platformState(builtInProfile("dev", "/repo"))).toEqual({
      mode: "dev",
      projectId: "hireloop-local",
      keysDir: "/repo/.local/dev/keys",
      region: "us-east",
      cells: [
        {
          id: "us-east-1",
          region: "us-east",
          api: "http://127.0.0.1:8080",
          worker: "http://127.0.0.1:9101",
          databaseUrl: "postgres://hireloop@127.0.0.1:15432/hireloop_us_east_1",
          redisUrl: "redis://127.0.0.1:16379",
          kafkaBrokers: "127.0.0.1:19092",
        },
      ],
      postgres: "postgres://hireloop@127.0.0.1:15432/postgres",
      redis: { "us-east-1-redis": "redis://127.0.0.1:16379" },
      kafka: "127.0.0.1:19092",
      pm2Home: "/repo/.local/dev/pm2",
    });
  });

  it("gives test fixtures the test servers' admin URLs", () => {
    expect(platformState(builtInProfile("test", "/repo"))).toEqual({
      mode: "test",
      postgresUrl: "postgres://hireloop@127.0.0.1:35432/postgres",
      redisUrl: "redis://127.0.0.1:36379",
      kafkaBrokers: "127.0.0.1:39092",
      pm2Home: "/repo/.local/test/pm2",
    });
  });
});
