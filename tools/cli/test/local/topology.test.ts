import { describe, expect, it } from "vitest";
import {
  cellCountFrom,
  devTopology,
  devTopologyWith,
  regionsFrom,
  type Topology,
  testTopology,
} from "../../src/local/topology.ts";
import { topologyProblems } from "../../src/local/topology-problems.ts";

function portsOf(topology: Topology): number[] {
  return [
    topology.postgres.port,
    ...topology.redis.map((redis) => redis.port),
    ...topology.kafka.flatMap((kafka) => [kafka.port, kafka.controllerPort]),
    ...topology.cells.flatMap((cell) => [cell.apiPort, cell.adminPort, cell.workerPort]),
    ...topology.routers.flatMap((router) => [router.port, router.adminPort]),
    ...(topology.tracing
      ? [
          topology.tracing.otlpHttpPort,
          topology.tracing.queryPort,
          topology.tracing.queryGrpcPort,
          topology.tracing.healthPort,
        ]
      : []),
  ];
}

describe("built-in topologies", () => {
  it("are valid", () => {
    expect(topologyProblems(devTopology)).toEqual([]);
    expect(topologyProblems(testTopology)).toEqual([]);
  });

  it("share no port, so make test never touches a running dev platform", () => {
    const devPorts = new Set(portsOf(devTopology));
    expect(portsOf(testTopology).filter((port) => devPorts.has(port))).toEqual([]);
  });

  it("puts us-east's router on 8080 and eu-central's on 9080, each with its cells behind it", () => {
    const dev = devTopologyWith(3);
    expect(dev.routers.map((router) => [router.region, router.port])).toEqual([
      ["us-east", 8080],
      ["eu-central", 9080],
    ]);
    expect(dev.cells.filter((cell) => cell.region === "eu-central")).toEqual([
      expect.objectContaining({
        id: "eu-central-1",
        apiPort: 9081,
        workerPort: 9181,
        kafka: "eu-central-kafka",
      }),
      expect.objectContaining({ id: "eu-central-2", apiPort: 9082, workerPort: 9182 }),
      expect.objectContaining({ id: "eu-central-3", apiPort: 9083, workerPort: 9183 }),
    ]);
    expect(dev.mirrors.map((mirror) => mirror.region)).toEqual(["us-east", "eu-central"]);
    expect(dev.cells.filter((cell) => cell.region === "us-east")).toEqual([
      expect.objectContaining({ id: "us-east-1", region: "us-east", apiPort: 8081, workerPort: 9101 }),
      expect.objectContaining({ id: "us-east-2", region: "us-east", apiPort: 8082, workerPort: 9102 }),
      expect.objectContaining({ id: "us-east-3", region: "us-east", apiPort: 8083, workerPort: 9103 }),
    ]);
    expect(topologyProblems(devTopologyWith(16))).toEqual([]);
    expect(devTopology.postgres.port).toBe(15432);
    expect(dev.kafka.map((kafka) => [kafka.region, kafka.port, kafka.controllerPort])).toEqual([
      ["us-east", 19092, 19093],
      ["eu-central", 29092, 29093],
    ]);
    expect(testTopology.cells).toEqual([]);
  });

  it("runs one region without MirrorMaker when REGIONS names one", () => {
    expect(regionsFrom(undefined)).toEqual(["us-east", "eu-central"]);
    expect(regionsFrom("us-east")).toEqual(["us-east"]);
    const alone = devTopologyWith(2, regionsFrom("eu-central"));
    expect(alone.routers.map((router) => router.port)).toEqual([9080]);
    expect(alone.mirrors).toEqual([]);
    expect(topologyProblems(alone)).toEqual([]);
    expect(() => regionsFrom("us-east,mars")).toThrow(/REGIONS names mars/);
    expect(() => regionsFrom("us-east,us-east")).toThrow(/twice/);
  });

  it("reads the number of cells from CELLS, three by default", () => {
    expect(cellCountFrom(undefined)).toBe(3);
    expect(cellCountFrom("")).toBe(3);
    expect(cellCountFrom("5")).toBe(5);
    for (const bad of ["0", "17", "2.5", "three"]) expect(() => cellCountFrom(bad)).toThrow(/CELLS must be/);
  });

  it("keeps the dev profile durable and lets only the test profile trade safety for speed", () => {
    expect(devTopology.postgres.durable).toBe(true);
    expect(testTopology.postgres.durable).toBe(false);
  });
});

describe("topologyProblems", () => {
  const base = devTopologyWith(1);
  const secondCell = {
    id: "us-east-2",
    region: "us-east",
    apiPort: 8082,
    adminPort: 9142,
    workerPort: 9102,
    database: "hireloop_us_east_2",
    redis: "us-east-2-redis",
    kafka: "us-east-kafka",
  };

  it("accepts a second cell with its own database, Redis and ports", () => {
    const grown: Topology = {
      ...base,
      redis: [...base.redis, { name: "us-east-2-redis", port: 16380 }],
      cells: [...base.cells, secondCell],
    };
    expect(topologyProblems(grown)).toEqual([]);
  });

  it("names every clash and dangling reference", () => {
    const broken: Topology = {
      ...base,
      cells: [...base.cells, { ...secondCell, apiPort: 8080, redis: "nowhere", database: "Bad-Name" }],
    };
    expect(topologyProblems(broken)).toEqual([
      "port 8080 is used twice",
      "cell us-east-2 names Redis nowhere, which is not in the topology",
      "cell us-east-2 database Bad-Name is not a lower-case SQL identifier",
    ]);
  });

  it("refuses two cells sharing a database or a Redis", () => {
    const shared: Topology = {
      ...base,
      cells: [...base.cells, { ...secondCell, database: "hireloop_us_east_1", redis: "us-east-1-redis" }],
    };
    expect(topologyProblems(shared)).toEqual([
      "database hireloop_us_east_1 is shared by two cells",
      "Redis us-east-1-redis is shared by two cells",
    ]);
  });
});
