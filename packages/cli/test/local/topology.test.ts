import { describe, expect, it } from "vitest";
import { devTopology, type Topology, testTopology, topologyProblems } from "../../src/local/topology.ts";

function portsOf(topology: Topology): number[] {
  return [
    topology.postgres.port,
    ...topology.redis.map((redis) => redis.port),
    ...topology.kafka.flatMap((kafka) => [kafka.port, kafka.controllerPort]),
    ...topology.cells.flatMap((cell) => [cell.apiPort, cell.workerPort]),
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

  it("put the dev cell where the cell configuration expects it", () => {
    expect(devTopology.cells).toEqual([
      expect.objectContaining({ id: "us-east-1", region: "us-east", apiPort: 8080, workerPort: 9101 }),
    ]);
    expect(devTopology.postgres.port).toBe(15432);
    expect(devTopology.kafka.map((kafka) => [kafka.port, kafka.controllerPort])).toEqual([[19092, 19093]]);
    expect(testTopology.cells).toEqual([]);
  });

  it("keeps the dev profile durable and lets only the test profile trade safety for speed", () => {
    expect(devTopology.postgres.durable).toBe(true);
    expect(testTopology.postgres.durable).toBe(false);
  });
});

describe("topologyProblems", () => {
  const secondCell = {
    id: "us-east-2",
    region: "us-east",
    apiPort: 8082,
    workerPort: 9102,
    database: "hireloop_us_east_2",
    redis: "us-east-2-redis",
    kafka: "us-east-kafka",
  };

  it("accepts a second cell with its own database, Redis and ports", () => {
    const grown: Topology = {
      ...devTopology,
      redis: [...devTopology.redis, { name: "us-east-2-redis", port: 16380 }],
      cells: [...devTopology.cells, secondCell],
    };
    expect(topologyProblems(grown)).toEqual([]);
  });

  it("names every clash and dangling reference", () => {
    const broken: Topology = {
      ...devTopology,
      cells: [...devTopology.cells, { ...secondCell, apiPort: 8080, redis: "nowhere", database: "Bad-Name" }],
    };
    expect(topologyProblems(broken)).toEqual([
      "port 8080 is used twice",
      "cell us-east-2 names Redis nowhere, which is not in the topology",
      "cell us-east-2 database Bad-Name is not a lower-case SQL identifier",
    ]);
  });

  it("refuses two cells sharing a database or a Redis", () => {
    const shared: Topology = {
      ...devTopology,
      cells: [
        ...devTopology.cells,
        { ...secondCell, database: "hireloop_us_east_1", redis: "us-east-1-redis" },
      ],
    };
    expect(topologyProblems(shared)).toEqual([
      "database hireloop_us_east_1 is shared by two cells",
      "Redis us-east-1-redis is shared by two cells",
    ]);
  });
});
