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
  jaegerBinary: ".cache/jaeger/v1.75.0/jaeger",
};

function byName(table: ProcessSpec[], name: string): ProcessSpec {
  const spec = table.find((candidate) => candidate.name === name);
  if (spec === undefined) throw new Error(`no ${name} in the table`);
  return spec;
}

describe("processTable", () => {
  const dev = processTable(placeProfile("dev", devTopologyWith(3), root, `${root}/.local/dev`), tools);
  const test = processTable(builtInProfile("test", root), tools);

  it("runs each region's servers, services, cells and router, and MirrorMaker 2 into each region", () => {
    const region = (name: string) => [
      `${name}-router-redis`,
      `${name}-services-redis`,
      `${name}-1-redis`,
      `${name}-2-redis`,
      `${name}-3-redis`,
    ];
    const apps = (name: string) => [
      `${name}-1-api`,
      `${name}-1-worker`,
      `${name}-2-api`,
      `${name}-2-worker`,
      `${name}-3-api`,
      `${name}-3-worker`,
    ];
    expect(dev.map((spec) => spec.name)).toEqual([
      "postgres",
      ...region("us-east"),
      ...region("eu-central"),
      "us-east-kafka",
      "eu-central-kafka",
      "us-east-mirror",
      "eu-central-mirror",
      "jaeger",
      ...["us-east", "eu-central"].flatMap((name) => [
        `${name}-pdf`,
        `${name}-ai-optimizer`,
        `${name}-scraper`,
      ]),
      ...apps("us-east"),
      ...apps("eu-central"),
      "us-east-router",
      "eu-central-router",
    ]);
    expect(test.map((spec) => spec.name)).toEqual([
      "postgres",
      "redis",
      "us-east-kafka",
      "eu-central-kafka",
      "us-east-mirror",
      "eu-central-mirror",
      "jaeger",
      "pdf",
      "ai-optimizer",
      "scraper",
    ]);
  });

  it("runs MirrorMaker 2 per target region, from every other region's Kafka, checked by mirrored heartbeats", () => {
    const mirror = byName(dev, "eu-central-mirror");
    expect(mirror.args.slice(-3)).toEqual([
      `${root}/.local/dev/eu-central-mirror/mirror-maker.properties`,
      "--clusters",
      "eu-central",
    ]);
    expect(mirror.dependsOn).toEqual(["us-east-kafka", "eu-central-kafka"]);
    expect(mirror.health).toEqual({ kind: "mirror", brokers: ["127.0.0.1:29092"], sources: ["us-east"] });
    const render = mirror.setup.find((step) => step.kind === "render-template");
    expect(render).toMatchObject({
      values: {
        target: "eu-central",
        clusters: "us-east, eu-central",
        bootstrap:
          "us-east.bootstrap.servers = 127.0.0.1:19092\neu-central.bootstrap.servers = 127.0.0.1:29092",
        flows: "us-east->eu-central.enabled = true\nus-east->eu-central.topics = hireloop\\\\.events",
      },
    });
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

  it("runs Jaeger on the profile's own ports, and every app process exports its spans to it", () => {
    const jaeger = byName(test, "jaeger");
    expect(jaeger.script).toBe(`${root}/.cache/jaeger/v1.75.0/jaeger`);
    expect(jaeger.requires).toEqual([".cache/jaeger/v1.75.0/jaeger"]);
    expect(jaeger.ports).toEqual([34318, 36686, 36685, 34133]);
    expect(jaeger.health).toEqual({ kind: "http", url: "http://127.0.0.1:34133/status" });
    const render = jaeger.setup.find((step) => step.kind === "render-template");
    expect(render).toMatchObject({
      values: { otlpHttpPort: "34318", queryPort: "36686", queryGrpcPort: "36685", healthPort: "34133" },
    });
    const apps = [...dev, ...test].filter((spec) =>
      ["shared-service", "cell-api", "cell-worker", "router"].includes(spec.role),
    );
    for (const app of apps) {
      const port = dev.includes(app) ? 14318 : 34318;
      expect([app.name, app.env.OTEL_EXPORTER_OTLP_ENDPOINT]).toEqual([app.name, `http://127.0.0.1:${port}`]);
    }
  });

  it("renders Jaeger's config with every placeholder filled", async () => {
    const render = byName(dev, "jaeger").setup.find((step) => step.kind === "render-template");
    if (render?.kind !== "render-template") throw new Error("jaeger renders no config");
    const config = renderTemplate(await readFile(render.template, "utf8"), render.values);
    expect(config).toContain("endpoint: 127.0.0.1:14318");
    expect(config).toContain("endpoint: 127.0.0.1:16686");
    expect(config).toContain("max_traces: 20000");
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
      HL_ADMIN_PORT: "9141",
      HL_CELL_KEY_FILE: `${root}/.local/dev/keys/cells/us-east-1.key`,
      HL_DATABASE_URL: "postgres://hireloop@127.0.0.1:15432/hireloop_us_east_1",
      HL_REDIS_URL: "redis://127.0.0.1:16379",
      HL_KAFKA_BROKERS: "127.0.0.1:19092",
      HL_AUTH_PROJECT_ID: "hireloop-local",
      HL_AUTH_JWKS_URL: `file://${root}/.local/dev/keys/jwks.json`,
      HL_LOG_LEVEL: "info",
      HL_PDF_ADDRESS: "127.0.0.1:7101",
      HL_AI_OPTIMIZER_ADDRESS: "127.0.0.1:7102",
      HL_SCRAPER_ADDRESS: "127.0.0.1:7103",
      OTEL_EXPORTER_OTLP_ENDPOINT: "http://127.0.0.1:14318",
    });
    expect(api.args).toEqual(["--import", "tsx", "cell/src/main.ts", "api"]);
    expect(api.health).toEqual({ kind: "http", url: "http://127.0.0.1:9141/readyz" });
    const worker = byName(dev, "us-east-1-worker");
    expect(worker.env.HL_ADMIN_PORT).toBe("9101");
    expect(worker.env.HL_PORT).toBeUndefined();
    expect(worker.env.HL_CELL_KEY_FILE).toBeUndefined();
    expect(worker.health).toEqual({ kind: "http", url: "http://127.0.0.1:9101/healthz" });
  });

  it("creates, migrates and keys a cell's database before either of its processes starts", () => {
    const kinds = byName(dev, "us-east-1-api").setup.map((step) => step.kind);
    expect(kinds).toEqual(["database", "migrations", "dev-keys", "router-signing-key", "cell-key"]);
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
    const two = place(devTopologyWith(2, ["us-east"]));
    const three = place(devTopologyWith(3, ["us-east"]));
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
    expect(router.ports).toEqual([8080, 9140]);
    expect(router.health).toEqual({ kind: "http", url: "http://127.0.0.1:9140/readyz" });
    expect(router.env).toMatchObject({
      HL_ADMIN_PORT: "9140",
      HL_ROUTER_SIGNING_KEY_FILE: `${root}/.local/dev/keys/us-east-router-signing.key`,
      HL_REGION: "us-east",
      HL_PORT: "8080",
      HL_CONTROL_DATABASE_URL: "postgres://hireloop@127.0.0.1:15432/hireloop_control_us_east",
      HL_REDIS_URL: "redis://127.0.0.1:16370",
      HL_AUTH_PROJECT_ID: "hireloop-local",
      HL_PEER_REGIONS: "eu-central=http://127.0.0.1:9080",
      HL_PEER_SECRET_FILE: `${root}/.local/dev/keys/peer-secret`,
      HL_KAFKA_BROKERS: "127.0.0.1:19092",
    });
    expect(byName(dev, "eu-central-router").env).toMatchObject({
      HL_PORT: "9080",
      HL_PEER_REGIONS: "us-east=http://127.0.0.1:8080",
      HL_KAFKA_BROKERS: "127.0.0.1:29092",
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
