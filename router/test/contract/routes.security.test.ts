import { randomBytes } from "node:crypto";
import { mkdtemp } from "node:fs/promises";
import { request as httpRequest } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateDevKeys, signDevToken } from "@hireloop/identity";
import type { TestRegion } from "@hireloop/testkit/regions";
import { type RoutedRegion, startRoutedRegion } from "@hireloop/testkit/routed-region";
import type { RouterProcess } from "@hireloop/testkit/router-process";
import { PROJECT_ID } from "@hireloop/testkit/tokens";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SeededIds, seedResources } from "./seed.ts";

/**
 * One security table for every operation of the API document the router serves, so a route cannot
 * ship without it (the habit of one shared security test per route): no token, a forged token,
 * another user's ids, a call straight to a cell with a valid token, and a body over the limit. The
 * operations come from the document itself: a new route is in the table the moment it is declared,
 * and one whose ids the table cannot fill fails here until it is taught how.
 */
interface Operation {
  method: string;
  path: string;
  operationId: string;
  body: Schema | undefined;
  bodyTypes: string[];
}

interface Schema {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  enum?: unknown[];
  example?: unknown;
  format?: string;
}

/** Which seeded resource an id names, by the path segment or body field it appears in. */
const ID_KINDS: Record<string, keyof SeededIds> = {
  resumes: "resumes",
  jobs: "jobs",
  discoveries: "discoveries",
  roasts: "roasts",
  tailorings: "tailorings",
  workflows: "workflows",
  resumeId: "resumes",
  jobId: "jobs",
  discoveryId: "discoveries",
};

let world: RoutedRegion;
let region: TestRegion;
let router: RouterProcess;
let operations: Operation[];
let alice: SeededIds;
const run = randomBytes(4).toString("hex");
const token = (uid: string) => region.token(`${uid}-${run}`);

beforeAll(async () => {
  world = await startRoutedRegion(2);
  ({ region, router } = world);
  operations = operationsOf(await (await fetch(`${router.url}/openapi.json`)).json());
  alice = await seedResources(router.url, await token("alice"));
}, 180_000);

afterAll(async () => {
  await world?.stop();
});

function operationsOf(document: { paths: Record<string, Record<string, Record<string, unknown>>> }) {
  const found: Operation[] = [];
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      const content = (operation.requestBody as { content?: Record<string, { schema: Schema }> } | undefined)
        ?.content;
      found.push({
        method: method.toUpperCase(),
        path,
        operationId: String(operation.operationId),
        body: content?.["application/json"]?.schema,
        bodyTypes: Object.keys(content ?? {}),
      });
    }
  }
  return found;
}

/** The path with alice's id of the right kind in place of `{id}`. */
function pathFor(operation: Operation): string {
  if (!operation.path.includes("{id}")) return operation.path;
  const kind = ID_KINDS[operation.path.split("/")[2] ?? ""];
  if (!kind) throw new Error(`${operation.path}: teach the security table which resource its {id} names`);
  return operation.path.replace("{id}", alice[kind][0] ?? "");
}

/** A body the route would take from alice: her ids where it names ids, plausible values elsewhere. */
function bodyFor(schema: Schema | undefined): Record<string, unknown> {
  // A body whose fields are all optional says what a useful one holds by its example.
  const example = schema?.example;
  const body: Record<string, unknown> = typeof example === "object" && example !== null ? { ...example } : {};
  for (const [name, property] of Object.entries(schema?.properties ?? {})) {
    const kind = ID_KINDS[name];
    if (kind) body[name] = alice[kind][0];
    else if (!schema?.required?.includes(name)) continue;
    else if (property.enum) body[name] = property.enum[0];
    else if (property.example !== undefined) body[name] = property.example;
    else if (property.type === "boolean") body[name] = false;
    else body[name] = "Backend engineer building payment systems in TypeScript and PostgreSQL.";
  }
  return body;
}

function namesIds(operation: Operation): boolean {
  return (
    operation.path.includes("{id}") ||
    Object.keys(operation.body?.properties ?? {}).some((name) => ID_KINDS[name] !== undefined)
  );
}

async function send(
  base: string,
  operation: Operation,
  init: { authorization?: string; body?: string; contentType?: string } = {},
) {
  const headers: Record<string, string> = {};
  if (init.authorization) headers.authorization = init.authorization;
  if (init.body !== undefined) headers["content-type"] = init.contentType ?? "application/json";
  const res = await fetch(`${base}${pathFor(operation)}`, {
    method: operation.method,
    headers,
    ...(init.body === undefined ? {} : { body: init.body }),
    signal: AbortSignal.timeout(15_000),
  });
  const text = await res.text();
  let code: unknown;
  try {
    code = JSON.parse(text).code;
  } catch {
    code = undefined;
  }
  return { status: res.status, code };
}

/**
 * Like send, for a body the server may refuse before reading it: the answer is read even when the
 * server closes the connection while the body is still being written (fetch gives up then).
 */
function sendLarge(
  base: string,
  operation: Operation,
  init: { authorization: string; body: string; contentType?: string },
): Promise<{ status: number; code: unknown }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      `${base}${pathFor(operation)}`,
      {
        method: operation.method,
        headers: {
          authorization: init.authorization,
          "content-type": init.contentType ?? "application/json",
          "content-length": String(Buffer.byteLength(init.body)),
        },
        timeout: 15_000,
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => {
          text += chunk;
        });
        res.on("end", () => {
          let code: unknown;
          try {
            code = JSON.parse(text).code;
          } catch {}
          resolve({ status: res.statusCode ?? 0, code });
        });
      },
    );
    req.on("timeout", () => req.destroy(new Error("no answer within 15 s")));
    req.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code !== "EPIPE" && error.code !== "ECONNRESET") reject(error);
    });
    req.end(init.body);
  });
}

/** Every operation's answer that is not the expected one, as readable lines (empty when all hold). */
async function misses(
  selected: Operation[],
  expected: { status: number; code: string },
  attempt: (operation: Operation) => Promise<{ status: number; code: unknown }>,
): Promise<string[]> {
  const found: string[] = [];
  for (const operation of selected) {
    const { status, code } = await attempt(operation);
    if (status !== expected.status || code !== expected.code) {
      found.push(`${operation.method} ${operation.path}: ${status} ${String(code)}`);
    }
  }
  return found;
}

const jsonBody = (operation: Operation) =>
  operation.body ? { body: JSON.stringify(bodyFor(operation.body)) } : {};

describe("every operation of the API document", () => {
  it("is in the table: the document lists the router's and the cells' operations", () => {
    expect(operations.length).toBeGreaterThanOrEqual(18);
    expect(operations.map((operation) => operation.operationId)).toEqual(
      expect.arrayContaining(["createResume", "getJob", "cancelWorkflow", "getHome", "chooseHome"]),
    );
  });

  it("refuses a request without a token: 401 token_missing", async () => {
    expect(
      await misses(operations, { status: 401, code: "token_missing" }, (operation) =>
        send(router.url, operation, jsonBody(operation)),
      ),
    ).toEqual([]);
  });

  it("refuses a token signed by anyone but the identity provider: 401 token_signature_invalid", async () => {
    const strangerKeys = await generateDevKeys(await mkdtemp(join(tmpdir(), "hl-stranger-")));
    const forged = await signDevToken({
      uid: `alice-${run}`,
      projectId: PROJECT_ID,
      privateKeyPath: strangerKeys.privateKeyPath,
    });
    expect(
      await misses(operations, { status: 401, code: "token_signature_invalid" }, (operation) =>
        send(router.url, operation, { authorization: `Bearer ${forged}`, ...jsonBody(operation) }),
      ),
    ).toEqual([]);
  });

  it("answers another user's ids as not found: 404 not_found, never the data", async () => {
    const bob = `Bearer ${await token("bob")}`;
    const withIds = operations.filter(namesIds);
    expect(withIds.length).toBeGreaterThanOrEqual(10);
    expect(
      await misses(withIds, { status: 404, code: "not_found" }, (operation) =>
        send(router.url, operation, { authorization: bob, ...jsonBody(operation) }),
      ),
    ).toEqual([]);
  });

  it("is refused straight at every cell, whatever valid token the caller holds: 403 router_credential_missing", async () => {
    const valid = `Bearer ${await token("alice")}`;
    for (const cell of region.cells) {
      expect(
        await misses(operations, { status: 403, code: "router_credential_missing" }, (operation) =>
          send(cell.processes.apiUrl, operation, { authorization: valid, ...jsonBody(operation) }),
        ),
      ).toEqual([]);
    }
  });

  it("refuses a body over its limit, unread: 413 payload_too_large", async () => {
    const valid = `Bearer ${await token("alice")}`;
    const withBody = operations.filter((operation) => operation.bodyTypes.length > 0);
    expect(withBody.length).toBeGreaterThanOrEqual(6);
    const oversized = (operation: Operation) =>
      operation.bodyTypes.includes("multipart/form-data")
        ? { body: "x".repeat(6 * 1024 * 1024), contentType: "multipart/form-data; boundary=b" }
        : { body: JSON.stringify({ ...bodyFor(operation.body), padding: "x".repeat(1024 * 1024) }) };
    expect(
      await misses(withBody, { status: 413, code: "payload_too_large" }, (operation) =>
        sendLarge(router.url, operation, { authorization: valid, ...oversized(operation) }),
      ),
    ).toEqual([]);
  });
});
