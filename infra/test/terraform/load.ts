import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { parse } from "@cdktf/hcl2json";

/** One block body as @cdktf/hcl2json renders it: attributes as values, nested blocks as arrays. */
export type Body = Record<string, unknown>;

/** The top-level declarations of one Terraform module (one folder of .tf files). */
export type ModuleConfig = {
  dir: string;
  files: string[];
  terraform: Body[];
  providers: Map<string, Body>;
  variables: Map<string, Body>;
  locals: Map<string, unknown>;
  /** Keyed by address without module prefix: `aws_route53_record.latency_ipv4`. */
  resources: Map<string, { type: string; name: string; body: Body }>;
  modules: Map<string, Body>;
  outputs: Map<string, Body>;
};

/** Parses every .tf file of `dir`; Terraform rejects duplicate names across files, and so does this. */
export async function loadModule(dir: string): Promise<ModuleConfig> {
  const files = (await readdir(dir)).filter((file) => file.endsWith(".tf")).sort();
  if (files.length === 0) throw new Error(`${dir} holds no .tf files`);
  const config: ModuleConfig = {
    dir,
    files,
    terraform: [],
    providers: new Map(),
    variables: new Map(),
    locals: new Map(),
    resources: new Map(),
    modules: new Map(),
    outputs: new Map(),
  };
  for (const file of files) {
    const parsed = await parse(file, await readFile(join(dir, file), "utf8"));
    addFile(config, file, parsed);
  }
  return config;
}

/** Parses a .tfvars file (HCL attributes only) into plain values. */
export async function loadVariableValues(path: string): Promise<Record<string, unknown>> {
  return parse(path, await readFile(path, "utf8"));
}

function addFile(config: ModuleConfig, file: string, parsed: Record<string, unknown>): void {
  for (const [kind, content] of Object.entries(parsed)) {
    switch (kind) {
      case "terraform":
        config.terraform.push(...blocks(content, `${file}: terraform`));
        break;
      case "provider":
        addNamed(config.providers, content, `${file}: provider`);
        break;
      case "variable":
        addNamed(config.variables, content, `${file}: variable`);
        break;
      case "module":
        addNamed(config.modules, content, `${file}: module`);
        break;
      case "output":
        addNamed(config.outputs, content, `${file}: output`);
        break;
      case "locals":
        for (const body of blocks(content, `${file}: locals`)) {
          for (const [name, value] of Object.entries(body)) addUnique(config.locals, name, value, "local");
        }
        break;
      case "resource":
        for (const [type, byName] of Object.entries(asRecord(content, `${file}: resource`))) {
          for (const [name, list] of Object.entries(asRecord(byName, `${file}: resource ${type}`))) {
            const [body] = single(list, `${file}: resource ${type}.${name}`);
            addUnique(config.resources, `${type}.${name}`, { type, name, body }, "resource");
          }
        }
        break;
      default:
        throw new Error(`${file}: top-level "${kind}" blocks are not understood by this checker`);
    }
  }
}

function addNamed(target: Map<string, Body>, content: unknown, where: string): void {
  for (const [name, list] of Object.entries(asRecord(content, where))) {
    const [body] = single(list, `${where} ${name}`);
    addUnique(target, name, body, where);
  }
}

function addUnique<T>(target: Map<string, T>, name: string, value: T, what: string): void {
  if (target.has(name)) throw new Error(`${what} "${name}" is declared twice`);
  target.set(name, value);
}

function blocks(content: unknown, where: string): Body[] {
  if (!Array.isArray(content)) throw new Error(`${where}: expected a list of blocks`);
  return content.map((body) => asRecord(body, where));
}

function single(content: unknown, where: string): [Body] {
  const list = blocks(content, where);
  if (list.length !== 1 || list[0] === undefined)
    throw new Error(`${where} is declared ${list.length} times`);
  return [list[0]];
}

export function asRecord(value: unknown, where: string): Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new Error(`${where}: expected an object`);
  }
  return value as Record<string, unknown>;
}
