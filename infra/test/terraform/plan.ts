import { join } from "node:path";
import { evaluate, type Scope } from "./evaluate.ts";
import { type Body, loadModule, type ModuleConfig } from "./load.ts";

/** One resource instance as `terraform plan` would list it, with its attributes evaluated. */
export type ResourceInstance = {
  address: string;
  type: string;
  /** The for_each key; undefined for a resource without for_each. */
  key: string | undefined;
  attributes: Record<string, unknown>;
};

export type Plan = {
  instances: ResourceInstance[];
  /** Module call name => the input values it passed, evaluated in the root. */
  moduleInputs: Map<string, Record<string, unknown>>;
  /** Module call name => the child module it loaded. */
  children: Map<string, ModuleConfig>;
};

const RESOURCE_META_ARGUMENTS = new Set(["for_each", "count", "depends_on", "lifecycle", "provider"]);
export const MODULE_META_ARGUMENTS = new Set([
  "source",
  "version",
  "providers",
  "for_each",
  "count",
  "depends_on",
]);

/**
 * Expands a root module and its local child modules into resource instances, the way Terraform
 * expands for_each, with `values` standing for a .tfvars file. Attributes known only after apply
 * stay symbolic (ResourceReference).
 */
export async function planRoot(root: ModuleConfig, values: Record<string, unknown>): Promise<Plan> {
  const children = new Map<string, ModuleConfig>();
  for (const [name, call] of root.modules) {
    const source = call.source;
    if (typeof source !== "string" || !source.startsWith("./")) {
      throw new Error(`module ${name}: only local sources (./…) can be checked offline`);
    }
    children.set(name, await loadModule(join(root.dir, source)));
  }
  return planLoaded(root, values, children);
}

/** The same expansion over already loaded (and possibly altered) configurations. */
export function planLoaded(
  root: ModuleConfig,
  values: Record<string, unknown>,
  children: Map<string, ModuleConfig>,
): Plan {
  const rootScope = moduleScope(root, values, "");
  const instances = expandResources(root, rootScope);
  const moduleInputs = new Map<string, Record<string, unknown>>();
  for (const [name, call] of root.modules) {
    const child = children.get(name);
    if (child === undefined) throw new Error(`module ${name} was not loaded`);
    for (const meta of ["for_each", "count"]) {
      if (meta in call) throw new Error(`module ${name}: ${meta} on a module call is not supported here`);
    }
    const inputs = evaluate(withoutKeys(call, MODULE_META_ARGUMENTS), rootScope) as Record<string, unknown>;
    moduleInputs.set(name, inputs);
    instances.push(...expandResources(child, moduleScope(child, inputs, `module.${name}.`)));
  }
  return { instances, moduleInputs, children };
}

/** Variables take the given value, else their default; locals are evaluated when first used. */
function moduleScope(config: ModuleConfig, values: Record<string, unknown>, addressPrefix: string): Scope {
  const constants: Scope = { variables: {}, locals: noLocals, resources: new Set(), addressPrefix };
  const variables: Record<string, unknown> = {};
  for (const [name, declaration] of config.variables) {
    if (name in values) variables[name] = values[name];
    else if ("default" in declaration) variables[name] = evaluate(declaration.default, constants);
    else throw new Error(`${addressPrefix}var.${name} has no value and no default`);
  }
  const localValues = new Map<string, unknown>();
  const evaluating = new Set<string>();
  const scope: Scope = {
    variables,
    resources: new Set(config.resources.keys()),
    addressPrefix,
    locals: (name) => {
      if (localValues.has(name)) return localValues.get(name);
      if (!config.locals.has(name)) throw new Error(`local.${name} is not declared`);
      if (evaluating.has(name)) throw new Error(`local.${name} refers to itself`);
      evaluating.add(name);
      const value = evaluate(config.locals.get(name), scope);
      localValues.set(name, value);
      return value;
    },
  };
  return scope;
}

function noLocals(name: string): never {
  throw new Error(`local.${name} cannot be used in a variable default`);
}

function expandResources(config: ModuleConfig, scope: Scope): ResourceInstance[] {
  const instances: ResourceInstance[] = [];
  for (const [address, { type, body }] of config.resources) {
    if ("count" in body) throw new Error(`${address}: count is not supported here; use for_each`);
    const attributes = withoutKeys(body, RESOURCE_META_ARGUMENTS);
    const fullAddress = `${scope.addressPrefix}${address}`;
    if (!("for_each" in body)) {
      instances.push({ address: fullAddress, type, key: undefined, attributes: evalBody(attributes, scope) });
      continue;
    }
    for (const [key, value] of forEachEntries(evaluate(body.for_each, scope), address)) {
      instances.push({
        address: `${fullAddress}[${JSON.stringify(key)}]`,
        type,
        key,
        attributes: evalBody(attributes, { ...scope, each: { key, value } }),
      });
    }
  }
  return instances;
}

function evalBody(body: Body, scope: Scope): Record<string, unknown> {
  return evaluate(body, scope) as Record<string, unknown>;
}

/** for_each takes a map (each.value is the element) or a set of strings (each.value = each.key). */
function forEachEntries(collection: unknown, address: string): [string, unknown][] {
  if (Array.isArray(collection)) {
    return collection.map((item) => {
      if (typeof item !== "string") throw new Error(`${address}: for_each over a set needs strings`);
      return [item, item];
    });
  }
  if (typeof collection === "object" && collection !== null) return Object.entries(collection);
  throw new Error(`${address}: for_each must be a map or a set of strings`);
}

function withoutKeys(body: Body, keys: ReadonlySet<string>): Body {
  return Object.fromEntries(Object.entries(body).filter(([key]) => !keys.has(key)));
}
