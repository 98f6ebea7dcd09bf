import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import {
  baseEnvironment,
  launchFingerprint,
  type ProcessSpec,
  processTable,
} from "../../src/local/process-table.ts";
import { builtInProfile, placeProfile } from "../../src/local/profile.ts";
import { renderTemplate } from "../../src/local/template.ts";
import type { Toolchain } from "../../src/local/toolchain.ts";
import { devTopologyWith, type Topology } from "../../src/local/topology.ts";
import { repositoryRoot } from "../../src/paths.ts";

const root = repositoryRoot();
const tools: Toolchain = {
  postgresBinDir: "/usr/lib/postgresql/15/bin",
  redisServer: "/usr/bin/redis-server",
  java: "/usr/bin/java",
  setpriv: "/usr/bin/setpriv",
  kafkaVersion: "3.9.2",
  kafkaLibsDir: `${root}/.cache/kafka/3.9.2/libs`,
};

function byName(table: ProcessSpec[], name: string): ProcessSpec {
  const spec = table.find((candidate) => candidate.name === name);
  if (spec === undefined) throw new Error(`no ${name} in the table`);
  return spec;
}

describe("processTable", () => {
  const dev = processTable(placeProfile("dev", devTopologyWith(3), root, `${root}/.local/dev`), tools);
  const test = processTable(builtInProfile("test", root), tools);

  it("runs the servers, the shared services, three cells and the router in dev; servers and services in test", () => {
    expect(dev.map((spec) => spec.name)).toEqual([
      "postgres",
      "us-east-router-redis",
      "us-east-services-redis",
      "us-east-1-redis",
      "us-east-2-redis",
      "us-east-3-redis",
      "us-east-kafka",
      "us-east-pdf",
      "us-east-ai-optimizer",
      "us-east-scraper",
      "us-east-1-api",
      "us-east-1-worker",
      "us-east-2-api",
      "us-east-2-worker",
      "us-east-3-api",
      "us-east-3-worker",
      "us-east-router",
    ]);
    expect(test.map((spec) => spec.name)).toEqual([
      "postgres",
      "redis",
      "kafka",
      "pdf",
      "ai-optimizer",
      "scraper",
    ]);
  });

  it("runs each shared service with its gRPC and metrics ports, checked by the gRPC health protocol", () => {
    const ai = byName(dev, "us-east-ai-optimizer");
    expect(ai.args).toEqual(["--import", "tsx", "shared-services/ai-optimizer/src/main.ts"]);
    expect(ai.ports).toEqual([7102, 7202]);
    expect(ai.env).toMatchObject({
      HL_GRPC_PORT: "7102",
      HL_METRICS_PORT: "7202",
      HL_REDIS_URL: "redis://127.0.0.1:16371",
    });
    expect(ai.health).toEqual({ kind: "grpc", address: "127.0.0.1:7102" });
    expect(byName(dev, "us-east-pdf").env.HL_REDIS_URL).toBeUndefined();
  });

  it("lists every process after the processes it depends on", () => {
    for (const table of [dev, test]) {
      table.forEach((spec, index) => {
        for (const dependency of spec.dependsOn) {
          expect(table.findIndex((candidate) => candidate.name === dependency)).toBeLessThan(index);
        }
      });
    }
  });

  it("configures the cell API exactly as the cell reads its environment", () => {
    const api = byName(dev, "us-east-1-api");
    expect(api.env).toEqual({
      ...baseEnvironment(),
      HL_MODE: "dev",
      HL_REGION: "us-east",
      HL_CELL_ID: "us-east-1",
      HL_PORT: "8081",
      HL_DATABASE_URL: "postgres://hireloop@127.0.0.1:15432/hireloop_us_east_1",
      HL_REDIS_URL: "redis://127.0.0.1:16379",
      HL_KAFKA_BROKERS: "127.0.0.1:19092",
      HL_AUTH_PROJECT_ID: "hireloop-local",
      HL_AUTH_JWKS_URL: `file://${root}/.local/dev/keys/jwks.json`,
      HL_LOG_LEVEL: "info",
      HL_PDF_ADDRESS: "127.0.0.1:7101",
      HL_AI_OPTIMIZER_ADDRESS: "127.0.0.1:7102",
      HL_SCRAPER_ADDRESS: "127.0.0.1:7103",
    });
    expect(api.args).toEqual(["--import", "tsx", "cell/src/main.ts", "api"]);
    expect(api.health).toEqual({ kind: "http", url: "http://127.0.0.1:8081/readyz" });
    const worker = byName(dev, "us-east-1-worker");
    expect(worker.env.HL_PORT).toBe("9101");
    expect(worker.health).toEqual({ kind: "http", url: "http://127.0.0.1:9101/healthz" });
  });

  it("creates, migrates and keys a cell's database before either of its processes starts", () => {
    const kinds = byName(dev, "us-east-1-api").setup.map((step) => step.kind);
    expect(kinds).toEqual(["database", "migrations", "dev-keys"]);
    expect(byName(dev, "us-east-1-worker").setup).toEqual(byName(dev, "us-east-1-api").setup);
  });

  it("turns durability off for the test Postgres only", () => {
    expect(byName(test, "postgres").args).toContain("fsync=off");
    expect(byName(dev, "postgres").args).not.toContain("fsync=off");
    expect(byName(dev, "postgres").args).toContain("listen_addresses=127.0.0.1");
  });

  it("renders every shipped config template with exactly the values the table provides", async () => {
    for (const spec of [...dev, ...test]) {
      for (const step of spec.setup) {
        if (step.kind !== "render-template") continue;
        const rendered = renderTemplate(await readFile(step.template, "utf8"), step.values);
        for (const value of Object.values(step.values)) expect(rendered).toContain(value);
      }
    }
  });

  it("grows by three processes per added cell: its API, its worker and its Redis", () => {
    const place = (topology: Topology) =>
      processTable(placeProfile("dev", topology, root, `${root}/.local/dev`), tools);
    const two = place(devTopologyWith(2));
    const three = place(devTopologyWith(3));
    expect(three).toHaveLength(two.length + 3);
    const thirdApi = byName(three, "us-east-3-api");
    expect(thirdApi.env.HL_DATABASE_URL).toBe("postgres://hireloop@127.0.0.1:15432/hireloop_us_east_3");
    expect(thirdApi.env.HL_REDIS_URL).toBe("redis://127.0.0.1:16381");
    expect(thirdApi.env.HL_PORT).toBe("8083");
    expect(thirdApi.dependsOn).toEqual([
      "postgres",
      "us-east-3-redis",
      "us-east-kafka",
      "us-east-pdf",
      "us-east-ai-optimizer",
      "us-east-scraper",
    ]);
  });

  it("puts the router on 8080 in front of every cell of its region, with the region's control plane", () => {
    const router = byName(dev, "us-east-router");
    expect(router.ports).toEqual([8080]);
    expect(router.env).toMatchObject({
      HL_REGION: "us-east",
      HL_PORT: "8080",
      HL_CONTROL_DATABASE_URL: "postgres://hireloop@127.0.0.1:15432/hireloop_control_us_east",
      HL_REDIS_URL: "redis://127.0.0.1:16370",
      HL_AUTH_PROJECT_ID: "hireloop-local",
    });
    expect(router.dependsOn).toEqual([
      "postgres",
      "us-east-router-redis",
      "us-east-1-api",
      "us-east-2-api",
      "us-east-3-api",
    ]);
    const controlPlane = router.setup.find((step) => step.kind === "control-plane");
    expect(controlPlane).toMatchObject({
      region: "us-east",
      cells: [
        { id: "us-east-1", apiUrl: "http://127.0.0.1:8081" },
        { id: "us-east-2", apiUrl: "http://127.0.0.1:8082" },
        { id: "us-east-3", apiUrl: "http://127.0.0.1:8083" },
      ],
    });
  });
});

describe("launchFingerprint", () => {
  const [postgres] = processTable(builtInProfile("dev", root), tools);
  if (postgres === undefined) throw new Error("empty table");

  it("is stable for the same launch and changes with the command line or environment", () => {
    expect(launchFingerprint({ ...postgres })).toBe(launchFingerprint(postgres));
    expect(launchFingerprint({ ...postgres, args: [...postgres.args, "-c", "work_mem=64MB"] })).not.toBe(
      launchFingerprint(postgres),
    );
    expect(launchFingerprint({ ...postgres, env: { ...postgres.env, PGTZ: "Europe/Berlin" } })).not.toBe(
      launchFingerprint(postgres),
    );
  });

  it("ignores what does not change how the process runs", () => {
    expect(launchFingerprint({ ...postgres, startTimeoutMs: 1 })).toBe(launchFingerprint(postgres));
  });
});
