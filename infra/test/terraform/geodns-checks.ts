import { ResourceReference } from "./evaluate.ts";
import type { Plan, ResourceInstance } from "./plan.ts";

/** What one region gives the GeoDNS module (the shape of its `regions` input). */
export type RegionTarget = {
  aws_region: string;
  load_balancer_dns_name: string;
  load_balancer_zone_id: string;
};

/** The behaviour the brief asks for, per region of the map the root passes to the module. */
export type GeoDnsExpectation = {
  recordName: string;
  regions: Record<string, RegionTarget>;
  healthCheckPath: string;
  healthCheckInterval: number;
  failureThreshold: number;
};

const RECORD_TYPES = ["A", "AAAA"] as const;

/**
 * Checks a plan against the GeoDNS contract: every region has its own HTTPS health check on its load
 * balancer, a latency record per address family gated by that health check and by target health,
 * and a plain per-region name. Returns every violation as a sentence (empty = correct).
 */
export function geoDnsProblems(plan: Plan, expected: GeoDnsExpectation): string[] {
  const problems: string[] = [];
  const healthChecks = plan.instances.filter((i) => i.type === "aws_route53_health_check");
  const records = plan.instances.filter((i) => i.type === "aws_route53_record");
  const latencyRecords = records.filter((r) => r.attributes.latency_routing_policy !== undefined);

  for (const [region, target] of Object.entries(expected.regions)) {
    const checks = healthChecks.filter((c) => c.attributes.fqdn === target.load_balancer_dns_name);
    const [check] = checks;
    if (checks.length !== 1 || check === undefined) {
      problems.push(
        `${region}: expected one health check on ${target.load_balancer_dns_name}, found ${checks.length}`,
      );
    } else {
      problems.push(...healthCheckProblems(region, check, expected));
    }
    for (const type of RECORD_TYPES) {
      const matching = latencyRecords.filter(
        (r) =>
          r.attributes.name === expected.recordName &&
          r.attributes.type === type &&
          r.attributes.set_identifier === region,
      );
      const [record] = matching;
      if (matching.length !== 1 || record === undefined) {
        problems.push(
          `${region}: expected one latency ${type} record for ${expected.recordName}, found ${matching.length}`,
        );
      } else {
        problems.push(...latencyRecordProblems(region, type, record, target, check));
      }
      problems.push(...regionRecordProblems(region, type, records, target, expected.recordName));
    }
  }
  for (const record of latencyRecords) {
    const region = record.attributes.set_identifier;
    if (typeof region !== "string" || !(region in expected.regions)) {
      problems.push(`${record.address}: latency record for a region not in the map (${String(region)})`);
    }
  }
  problems.push(...uniquenessProblems(records));
  return problems;
}

function healthCheckProblems(region: string, check: ResourceInstance, expected: GeoDnsExpectation): string[] {
  const wanted: Record<string, unknown> = {
    type: "HTTPS",
    port: 443,
    resource_path: expected.healthCheckPath,
    request_interval: expected.healthCheckInterval,
    failure_threshold: expected.failureThreshold,
  };
  return Object.entries(wanted)
    .filter(([attribute, value]) => check.attributes[attribute] !== value)
    .map(
      ([attribute, value]) =>
        `${region}: health check ${attribute} is ${String(check.attributes[attribute])}, not ${String(value)}`,
    );
}

function latencyRecordProblems(
  region: string,
  type: string,
  record: ResourceInstance,
  target: RegionTarget,
  check: ResourceInstance | undefined,
): string[] {
  const problems: string[] = [];
  const where = `${region}: latency ${type} record`;
  const policy = firstBlock(record.attributes.latency_routing_policy);
  if (policy?.region !== target.aws_region) {
    problems.push(`${where} measures latency to ${String(policy?.region)}, not ${target.aws_region}`);
  }
  problems.push(...aliasProblems(where, record, target, true));
  const healthCheckId = record.attributes.health_check_id;
  const expectedId = check === undefined ? undefined : `${check.address}.id`;
  if (!(healthCheckId instanceof ResourceReference) || healthCheckId.address !== expectedId) {
    const actual = healthCheckId instanceof ResourceReference ? healthCheckId.address : String(healthCheckId);
    problems.push(`${where} is gated by ${actual}, not by its region's health check ${String(expectedId)}`);
  }
  return problems;
}

/** `<region>.<record>` must be a plain alias: no routing policy, so it always answers with that region. */
function regionRecordProblems(
  region: string,
  type: string,
  records: ResourceInstance[],
  target: RegionTarget,
  recordName: string,
): string[] {
  const name = `${region}.${recordName}`;
  const matching = records.filter((r) => r.attributes.name === name && r.attributes.type === type);
  const [record] = matching;
  if (matching.length !== 1 || record === undefined) {
    return [`${region}: expected one ${type} record named ${name}, found ${matching.length}`];
  }
  const problems = aliasProblems(`${region}: ${type} ${name}`, record, target, undefined);
  for (const policy of [
    "set_identifier",
    "latency_routing_policy",
    "weighted_routing_policy",
    "failover_routing_policy",
  ]) {
    if (record.attributes[policy] !== undefined)
      problems.push(`${region}: ${name} has ${policy}; it must be a simple record`);
  }
  return problems;
}

function aliasProblems(
  where: string,
  record: ResourceInstance,
  target: RegionTarget,
  evaluateTargetHealth: boolean | undefined,
): string[] {
  const alias = firstBlock(record.attributes.alias);
  const problems: string[] = [];
  if (alias?.name !== target.load_balancer_dns_name || alias.zone_id !== target.load_balancer_zone_id) {
    problems.push(`${where} is not an alias of its region's load balancer`);
  }
  if (evaluateTargetHealth !== undefined && alias?.evaluate_target_health !== evaluateTargetHealth) {
    problems.push(`${where} must have evaluate_target_health = ${evaluateTargetHealth}`);
  }
  return problems;
}

/**
 * Route 53 identifies a record by name, type and set identifier; latency records sharing a name and
 * type need distinct AWS regions, and a name and type is either all simple or all routed.
 */
function uniquenessProblems(records: ResourceInstance[]): string[] {
  const problems: string[] = [];
  const identities = new Map<string, string>();
  const latencyRegions = new Map<string, string>();
  const routed = new Map<string, boolean>();
  for (const record of records) {
    const { name, type, set_identifier: setIdentifier } = record.attributes;
    const nameAndType = `${String(name)} ${String(type)}`;
    const identity = `${nameAndType} ${String(setIdentifier ?? "")}`;
    const previous = identities.get(identity);
    if (previous !== undefined)
      problems.push(`${record.address} and ${previous} are the same record (${identity})`);
    identities.set(identity, record.address);

    const isRouted = setIdentifier !== undefined;
    if (routed.has(nameAndType) && routed.get(nameAndType) !== isRouted) {
      problems.push(`${nameAndType} mixes simple and routed records`);
    }
    routed.set(nameAndType, isRouted);

    const latencyRegion = firstBlock(record.attributes.latency_routing_policy)?.region;
    if (typeof latencyRegion === "string") {
      const key = `${nameAndType} ${latencyRegion}`;
      const other = latencyRegions.get(key);
      if (other !== undefined) problems.push(`${record.address} and ${other} both route ${key}`);
      latencyRegions.set(key, record.address);
    }
  }
  return problems;
}

function firstBlock(value: unknown): Record<string, unknown> | undefined {
  const [first] = Array.isArray(value) ? value : [];
  return typeof first === "object" && first !== null ? (first as Record<string, unknown>) : undefined;
}
