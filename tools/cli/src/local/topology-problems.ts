import { SHARED_SERVICE_KINDS, type Topology } from "./topology.ts";

/** Every mistake in a topology, so a bad edit fails before anything starts. */
export function topologyProblems(topology: Topology): string[] {
  const problems: string[] = [];
  const names = [
    topology.postgres.name,
    ...topology.redis.map((r) => r.name),
    ...topology.kafka.map((k) => k.name),
    ...topology.mirrors.map((m) => m.name),
    ...topology.cells.flatMap((c) => [`${c.id}-api`, `${c.id}-worker`]),
    ...topology.routers.map((r) => r.name),
    ...topology.services.map((s) => s.name),
    ...(topology.tracing ? [topology.tracing.name] : []),
  ];
  const ports = [
    topology.postgres.port,
    ...topology.redis.map((r) => r.port),
    ...topology.kafka.flatMap((k) => [k.port, k.controllerPort]),
    ...topology.cells.flatMap((c) => [c.apiPort, c.adminPort, c.workerPort]),
    ...topology.routers.flatMap((r) => [r.port, r.adminPort]),
    ...topology.services.flatMap((s) => [s.grpcPort, s.metricsPort]),
    ...(topology.tracing
      ? [
          topology.tracing.otlpHttpPort,
          topology.tracing.queryPort,
          topology.tracing.queryGrpcPort,
          topology.tracing.healthPort,
        ]
      : []),
  ];
  for (const name of duplicates(names)) problems.push(`process name ${name} is used twice`);
  for (const port of duplicates(ports)) problems.push(`port ${port} is used twice`);
  for (const port of ports) {
    if (!Number.isInteger(port) || port < 1 || port > 65535) problems.push(`port ${port} is not a TCP port`);
  }
  for (const cell of topology.cells) {
    if (!topology.redis.some((r) => r.name === cell.redis)) {
      problems.push(`cell ${cell.id} names Redis ${cell.redis}, which is not in the topology`);
    }
    if (!topology.kafka.some((k) => k.name === cell.kafka)) {
      problems.push(`cell ${cell.id} names Kafka ${cell.kafka}, which is not in the topology`);
    }
    // Database names are interpolated into CREATE DATABASE, so they are held to plain identifiers.
    if (!/^[a-z_][a-z0-9_]{0,62}$/.test(cell.database)) {
      problems.push(`cell ${cell.id} database ${cell.database} is not a lower-case SQL identifier`);
    }
  }
  for (const router of topology.routers) {
    if (!topology.redis.some((r) => r.name === router.redis)) {
      problems.push(`router ${router.name} names Redis ${router.redis}, which is not in the topology`);
    }
    if (!topology.cells.some((c) => c.region === router.region)) {
      problems.push(`router ${router.name} has no cell in region ${router.region}`);
    }
    if (!/^[a-z_][a-z0-9_]{0,62}$/.test(router.controlDatabase)) {
      problems.push(
        `router ${router.name} control database ${router.controlDatabase} is not a lower-case SQL identifier`,
      );
    }
  }
  for (const mirror of topology.mirrors) {
    if (!topology.kafka.some((k) => k.region === mirror.region)) {
      problems.push(`mirror ${mirror.name} targets region ${mirror.region}, which has no Kafka`);
    }
  }
  for (const service of topology.services) {
    if (service.redis !== undefined && !topology.redis.some((r) => r.name === service.redis)) {
      problems.push(`service ${service.name} names Redis ${service.redis}, which is not in the topology`);
    }
  }
  for (const cell of topology.cells) {
    for (const kind of SHARED_SERVICE_KINDS) {
      if (!topology.services.some((s) => s.kind === kind && s.region === cell.region)) {
        problems.push(`cell ${cell.id} has no ${kind} service in region ${cell.region}`);
      }
    }
  }
  for (const database of duplicates(topology.cells.map((c) => c.database))) {
    problems.push(`database ${database} is shared by two cells`);
  }
  for (const redis of duplicates(topology.cells.map((c) => c.redis))) {
    problems.push(`Redis ${redis} is shared by two cells`);
  }
  return problems;
}

function duplicates<T>(values: T[]): T[] {
  return [...new Set(values.filter((value, index) => values.indexOf(value) !== index))];
}
