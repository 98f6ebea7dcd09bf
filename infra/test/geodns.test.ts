import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { evaluate } from "./terraform/evaluate.ts";
import { type GeoDnsExpectation, geoDnsProblems, type RegionTarget } from "./terraform/geodns-checks.ts";
import { loadModule, loadVariableValues, type ModuleConfig } from "./terraform/load.ts";
import { type Plan, planLoaded, planRoot } from "./terraform/plan.ts";
import {
  moduleInputProblems,
  unresolvedReferences,
  variableValueProblems,
  versionPinProblems,
} from "./terraform/static-checks.ts";

const terraformDir = join(import.meta.dirname, "..", "terraform");

/** The contract from the brief; the regions themselves come from the root's map. */
const HEALTH = { healthCheckPath: "/readyz", healthCheckInterval: 10, failureThreshold: 3 };

let root: ModuleConfig;
let values: Record<string, unknown>;
let plan: Plan;

beforeAll(async () => {
  root = await loadModule(terraformDir);
  values = await loadVariableValues(join(terraformDir, "terraform.tfvars.example"));
  plan = await planRoot(root, values);
});

function geodns(): ModuleConfig {
  const child = plan.children.get("geodns");
  if (child === undefined) throw new Error("the root does not call the geodns module");
  return child;
}

function regionsPassed(from: Plan): Record<string, RegionTarget> {
  return from.moduleInputs.get("geodns")?.regions as Record<string, RegionTarget>;
}

function expectation(from: Plan): GeoDnsExpectation {
  return { recordName: `api.${String(values.domain)}`, regions: regionsPassed(from), ...HEALTH };
}

/** The root with one more region in its map, the way an operator would add one. */
function rootWithRegion(region: string, target: RegionTarget): ModuleConfig {
  const altered = structuredClone(root);
  const call = altered.modules.get("geodns");
  if (call === undefined) throw new Error("no geodns module call");
  call.regions = { ...(call.regions as object), [region]: target };
  return altered;
}

const apSouth: RegionTarget = {
  aws_region: "ap-south-1",
  load_balancer_dns_name: "hireloop-ap-south-1.ap-south-1.elb.amazonaws.com",
  load_balancer_zone_id: "ZP97RAFLXTNZK",
};

describe("terraform configuration", () => {
  it("pins terraform >= 1.6 and hashicorp/aws ~> 5.0 in the root and in the module", () => {
    const pins = { terraform: ">= 1.6", providers: { aws: { source: "hashicorp/aws", version: "~> 5.0" } } };
    expect([...versionPinProblems(root, pins), ...versionPinProblems(geodns(), pins)]).toEqual([]);
  });

  it("declares every variable, local, resource and module output it references", () => {
    expect(unresolvedReferences(root, plan.children)).toEqual([]);
    expect(unresolvedReferences(geodns(), new Map())).toEqual([]);
  });

  it("passes only inputs the module declares, and every input it requires", () => {
    expect(moduleInputProblems(root, plan.children)).toEqual([]);
  });

  it("documents a value for every required root variable in terraform.tfvars.example", () => {
    expect(variableValueProblems(root, values)).toEqual([]);
  });

  it("outputs the public name, the per-region names and the health check ids", () => {
    expect([...root.outputs.keys()].sort()).toEqual(["api_name", "health_check_ids", "region_names"]);
  });
});

describe("GeoDNS behaviour, derived from the root's region map", () => {
  it("serves us-east from us-east-1 and eu-central from eu-central-1", () => {
    const regions = regionsPassed(plan);
    expect(Object.keys(regions).sort()).toEqual(["eu-central", "us-east"]);
    expect(regions["us-east"]?.aws_region).toBe("us-east-1");
    expect(regions["eu-central"]?.aws_region).toBe("eu-central-1");
    expect(regions["eu-central"]?.load_balancer_dns_name).toContain("eu-central-1.elb.amazonaws.com");
  });

  it("gives every region a /readyz health check, health-gated latency records and its own name", () => {
    expect(geoDnsProblems(plan, expectation(plan))).toEqual([]);
  });

  it("covers a region added to the root map without any change to the module", () => {
    const grown = planLoaded(rootWithRegion("ap-south", apSouth), values, plan.children);
    expect(Object.keys(regionsPassed(grown))).toContain("ap-south");
    expect(geoDnsProblems(grown, expectation(grown))).toEqual([]);
  });

  it("reports a region added to the map when the health checks cover a fixed list of regions", () => {
    const fixedChecks = structuredClone(geodns());
    const checks = fixedChecks.resources.get("aws_route53_health_check.region");
    if (checks === undefined) throw new Error("the module has no aws_route53_health_check.region");
    checks.body.for_each = regionsPassed(plan);
    const grown = planLoaded(rootWithRegion("ap-south", apSouth), values, new Map([["geodns", fixedChecks]]));
    const problems = geoDnsProblems(grown, expectation(grown));
    expect(problems).toContain(
      `ap-south: expected one health check on ${apSouth.load_balancer_dns_name}, found 0`,
    );
    expect(problems.filter((p) => p.startsWith("ap-south:") && p.includes("gated by"))).toHaveLength(2);
    expect(problems.every((p) => p.startsWith("ap-south:"))).toBe(true);
  });

  it("reports latency records that ignore target health", () => {
    const careless = structuredClone(geodns());
    const ipv6 = careless.resources.get("aws_route53_record.latency_ipv6");
    if (ipv6 === undefined) throw new Error("the module has no aws_route53_record.latency_ipv6");
    ipv6.body.alias = [
      { ...(ipv6.body.alias as Record<string, unknown>[])[0], evaluate_target_health: false },
    ];
    const altered = planLoaded(root, values, new Map([["geodns", careless]]));
    expect(geoDnsProblems(altered, expectation(altered))).toEqual(
      Object.keys(regionsPassed(plan)).map(
        (region) => `${region}: latency AAAA record must have evaluate_target_health = true`,
      ),
    );
  });

  it("reports two regions that would share one AWS latency region", () => {
    const twin = { ...apSouth, aws_region: "us-east-1" };
    const crowded = planLoaded(rootWithRegion("us-east-2", twin), values, plan.children);
    expect(geoDnsProblems(crowded, expectation(crowded))).toEqual(
      expect.arrayContaining([expect.stringContaining("both route api.hireloop.example A us-east-1")]),
    );
  });
});

describe("the offline checker itself", () => {
  it("reports a module variable that is used but not declared, and an input the module does not take", () => {
    const missing = structuredClone(geodns());
    missing.variables.delete("health_check_path");
    expect(unresolvedReferences(missing, new Map())).toEqual(
      expect.arrayContaining([expect.stringContaining("undeclared variable var.health_check_path")]),
    );
    expect(moduleInputProblems(root, new Map([["geodns", missing]]))).toEqual([]);
    const extraInput = structuredClone(root);
    extraInput.modules.set("geodns", { ...extraInput.modules.get("geodns"), ttl: 60 });
    expect(moduleInputProblems(extraInput, plan.children)).toEqual([
      "module geodns passes ttl, which it does not declare",
    ]);
  });

  it("refuses expressions it cannot evaluate instead of skipping them", () => {
    const scope = {
      variables: { name: "x" },
      locals: () => undefined,
      resources: new Set<string>(),
      addressPrefix: "",
    };
    // biome-ignore-start lint/suspicious/noTemplateCurlyInString: these are Terraform expressions
    expect(evaluate("api.${var.name}", scope)).toBe("api.x");
    expect(() => evaluate("${upper(var.name)}", scope)).toThrow(/not a plain reference/);
    expect(() => evaluate("${var.other}", scope)).toThrow(/not a declared variable/);
    // biome-ignore-end lint/suspicious/noTemplateCurlyInString: these are Terraform expressions
  });
});
