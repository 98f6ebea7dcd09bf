/**
 * Evaluates the small subset of Terraform expressions that a declarative module needs: references
 * (`var.x`, `each.key`, `each.value.a`, `local.x`, `aws_x.name[each.key].id`, indexes with string
 * keys) and string templates built from them. Anything else (function calls, operators, `for`)
 * throws, so a checker built on this never silently skips an expression it cannot read.
 */

/** A resource attribute known only after apply, kept symbolic: `module.geodns.aws_x.y["k"].id`. */
export class ResourceReference {
  constructor(readonly address: string) {}
}

export type Scope = {
  variables: Record<string, unknown>;
  locals: (name: string) => unknown;
  each?: { key: string; value: unknown };
  /** Resource addresses declared in the module (`aws_route53_health_check.region`). */
  resources: ReadonlySet<string>;
  /** Prefix of instance addresses, `module.geodns.` inside a child module, empty at the root. */
  addressPrefix: string;
};

type Step = { kind: "attribute"; name: string } | { kind: "index"; key: string | number | Traversal };
type Traversal = { root: string; steps: Step[] };

const WHOLE_INTERPOLATION = /^\$\{([^{}]*)\}$/;
const INTERPOLATION = /\$\{([^{}]*)\}/g;

/** Evaluates a value as @cdktf/hcl2json renders it (expressions are `${…}` strings). */
export function evaluate(value: unknown, scope: Scope): unknown {
  if (typeof value === "string") return evaluateString(value, scope);
  if (Array.isArray(value)) return value.map((item) => evaluate(item, scope));
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, evaluate(item, scope)]));
  }
  return value;
}

function evaluateString(text: string, scope: Scope): unknown {
  const whole = WHOLE_INTERPOLATION.exec(text);
  if (whole?.[1] !== undefined) return resolve(parseTraversal(whole[1].trim()), scope);
  const rendered = text.replace(INTERPOLATION, (_match, expression: string) =>
    renderScalar(resolve(parseTraversal(expression.trim()), scope), expression),
  );
  if (rendered.includes("${")) throw new Error(`cannot evaluate "${text}": not a reference or template`);
  return rendered;
}

function renderScalar(value: unknown, expression: string): string {
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") {
    return String(value);
  }
  throw new Error(`"${expression}" is not a string, number or bool and cannot be interpolated`);
}

function resolve(traversal: Traversal, scope: Scope): unknown {
  const [first, ...rest] = traversal.steps;
  const firstName = first?.kind === "attribute" ? first.name : undefined;
  switch (traversal.root) {
    case "var":
      if (firstName === undefined || !(firstName in scope.variables)) {
        throw new Error(`var.${firstName ?? "?"} is not a declared variable`);
      }
      return walk(scope.variables[firstName], rest, `var.${firstName}`, scope);
    case "local":
      if (firstName === undefined) throw new Error("local needs a name");
      return walk(scope.locals(firstName), rest, `local.${firstName}`, scope);
    case "each":
      if (scope.each === undefined) throw new Error("each is only defined inside a for_each resource");
      return walk(scope.each, traversal.steps, "each", scope);
    default:
      return resourceReference(traversal, firstName, rest, scope);
  }
}

function resourceReference(traversal: Traversal, name: string | undefined, rest: Step[], scope: Scope) {
  const address = `${traversal.root}.${name ?? "?"}`;
  if (name === undefined || !scope.resources.has(address)) {
    throw new Error(`${address} is neither a variable, a local, each nor a declared resource`);
  }
  let instance = `${scope.addressPrefix}${address}`;
  const [index, ...attributes] = rest;
  const trailing = index?.kind === "index" ? attributes : rest;
  if (index?.kind === "index") instance += `[${JSON.stringify(indexKey(index.key, scope))}]`;
  for (const step of trailing) {
    if (step.kind !== "attribute") throw new Error(`${instance}: only one index is supported`);
    instance += `.${step.name}`;
  }
  return new ResourceReference(instance);
}

function walk(value: unknown, steps: Step[], path: string, scope: Scope): unknown {
  let current = value;
  let where = path;
  for (const step of steps) {
    const key = step.kind === "attribute" ? step.name : indexKey(step.key, scope);
    where += step.kind === "attribute" ? `.${key}` : `[${JSON.stringify(key)}]`;
    if (Array.isArray(current) && typeof key === "number") current = current[key];
    else if (typeof current === "object" && current !== null && !Array.isArray(current)) {
      current = (current as Record<string, unknown>)[key];
    } else throw new Error(`${where}: cannot index ${typeof current}`);
    if (current === undefined) throw new Error(`${where} does not exist`);
  }
  return current;
}

function indexKey(key: string | number | Traversal, scope: Scope): string | number {
  if (typeof key !== "object") return key;
  const value = resolve(key, scope);
  if (typeof value !== "string" && typeof value !== "number")
    throw new Error("an index must be a string or number");
  return value;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*/;

/** Parses `root(.name | ["key"] | [0] | [traversal])*`, the whole of `source`. */
export function parseTraversal(source: string): Traversal {
  const { traversal, end } = parseTraversalAt(source, 0);
  if (end !== source.length) throw new Error(`cannot evaluate "${source}": not a plain reference`);
  return traversal;
}

function parseTraversalAt(source: string, start: number): { traversal: Traversal; end: number } {
  const fail = (): never => {
    throw new Error(`cannot evaluate "${source}": not a plain reference`);
  };
  let position = start;
  const identifier = (): string => {
    const match = IDENTIFIER.exec(source.slice(position)) ?? fail();
    position += match[0].length;
    return match[0];
  };
  const root = identifier();
  const steps: Step[] = [];
  for (;;) {
    const next = source[position];
    if (next === ".") {
      position += 1;
      steps.push({ kind: "attribute", name: identifier() });
    } else if (next === "[") {
      position += 1;
      const rest = source.slice(position);
      const literal = /^"([^"\\]*)"\]/.exec(rest) ?? /^(\d+)\]/.exec(rest);
      if (literal?.[1] !== undefined) {
        steps.push({ kind: "index", key: rest.startsWith('"') ? literal[1] : Number(literal[1]) });
        position += literal[0].length;
      } else {
        const inner = parseTraversalAt(source, position);
        if (source[inner.end] !== "]") fail();
        steps.push({ kind: "index", key: inner.traversal });
        position = inner.end + 1;
      }
    } else {
      return { traversal: { root, steps }, end: position };
    }
  }
}
