import type { ModuleConfig } from "./load.ts";
import { MODULE_META_ARGUMENTS } from "./plan.ts";

/**
 * Checks `terraform validate` would make, for configurations checked without a terraform binary.
 * Each returns problems as sentences; an empty list means the configuration passes.
 */

/**
 * References are found by pattern in every expression string (including `for` expressions and
 * validations the evaluator does not run). Only `aws_` resource types are recognised, the one
 * provider these modules use.
 */
const REFERENCE = /(?<![\w.-])(var|local|module|aws_[a-z0-9_]+)\.([A-Za-z_][\w-]*)(?:\.([A-Za-z_][\w-]*))?/g;

/** Every var., local., resource and module output a module mentions must be declared. */
export function unresolvedReferences(config: ModuleConfig, children: Map<string, ModuleConfig>): string[] {
  const problems = new Set<string>();
  for (const { where, text } of expressions(config)) {
    for (const [, kind, name, member] of text.matchAll(REFERENCE)) {
      if (name === undefined || kind === undefined) continue;
      const problem = resolveReference(config, children, kind, name, member);
      if (problem !== undefined) problems.add(`${config.dir}: ${where} uses ${problem}`);
    }
  }
  return [...problems];
}

function resolveReference(
  config: ModuleConfig,
  children: Map<string, ModuleConfig>,
  kind: string,
  name: string,
  member: string | undefined,
): string | undefined {
  if (kind === "var") return config.variables.has(name) ? undefined : `undeclared variable var.${name}`;
  if (kind === "local") return config.locals.has(name) ? undefined : `undeclared local.${name}`;
  if (kind === "module") {
    const child = children.get(name);
    if (!config.modules.has(name) || child === undefined) return `undeclared module.${name}`;
    if (member !== undefined && !child.outputs.has(member)) {
      return `module.${name}.${member}, which that module does not output`;
    }
    return undefined;
  }
  return config.resources.has(`${kind}.${name}`) ? undefined : `undeclared resource ${kind}.${name}`;
}

/** Every input a module call passes must be a variable of the child; every required one must be passed. */
export function moduleInputProblems(config: ModuleConfig, children: Map<string, ModuleConfig>): string[] {
  const problems: string[] = [];
  for (const [name, call] of config.modules) {
    const child = children.get(name);
    if (child === undefined) {
      problems.push(`module ${name} was not loaded`);
      continue;
    }
    const passed = Object.keys(call).filter((key) => !MODULE_META_ARGUMENTS.has(key));
    for (const input of passed) {
      if (!child.variables.has(input))
        problems.push(`module ${name} passes ${input}, which it does not declare`);
    }
    for (const [variable, declaration] of child.variables) {
      if (!("default" in declaration) && !passed.includes(variable)) {
        problems.push(`module ${name} needs ${variable} (no default) but the call does not pass it`);
      }
    }
  }
  return problems;
}

/** Root variables without a default must be given by the example values, which must declare nothing else. */
export function variableValueProblems(config: ModuleConfig, values: Record<string, unknown>): string[] {
  const problems: string[] = [];
  for (const [name, declaration] of config.variables) {
    if (!("default" in declaration) && !(name in values))
      problems.push(`no value for required variable ${name}`);
  }
  for (const name of Object.keys(values)) {
    if (!config.variables.has(name)) problems.push(`value given for undeclared variable ${name}`);
  }
  return problems;
}

export type VersionPins = {
  terraform: string;
  providers: Record<string, { source: string; version: string }>;
};

/** Every module pins the same terraform version and provider sources and versions. */
export function versionPinProblems(config: ModuleConfig, pins: VersionPins): string[] {
  const [settings, ...extra] = config.terraform;
  if (settings === undefined || extra.length > 0) return [`${config.dir}: needs exactly one terraform block`];
  const problems: string[] = [];
  if (settings.required_version !== pins.terraform) {
    problems.push(
      `${config.dir}: required_version is ${String(settings.required_version)}, not ${pins.terraform}`,
    );
  }
  const declared = (settings.required_providers as Record<string, unknown>[] | undefined)?.[0] ?? {};
  for (const [name, pin] of Object.entries(pins.providers)) {
    const provider = declared[name] as { source?: unknown; version?: unknown } | undefined;
    if (provider?.source !== pin.source || provider.version !== pin.version) {
      problems.push(`${config.dir}: provider ${name} is not pinned to ${pin.source} ${pin.version}`);
    }
  }
  return problems;
}

function expressions(config: ModuleConfig): { where: string; text: string }[] {
  const found: { where: string; text: string }[] = [];
  const visit = (value: unknown, where: string): void => {
    if (typeof value === "string") {
      if (value.includes("${")) found.push({ where, text: value });
    } else if (Array.isArray(value)) {
      for (const item of value) visit(item, where);
    } else if (typeof value === "object" && value !== null) {
      for (const item of Object.values(value)) visit(item, where);
    }
  };
  for (const [name, body] of config.variables) visit(body, `variable ${name}`);
  for (const [name, value] of config.locals) visit(value, `local ${name}`);
  for (const [address, { body }] of config.resources) visit(body, address);
  for (const [name, body] of config.modules) visit(body, `module ${name}`);
  for (const [name, body] of config.outputs) visit(body, `output ${name}`);
  for (const [name, body] of config.providers) visit(body, `provider ${name}`);
  return found;
}
