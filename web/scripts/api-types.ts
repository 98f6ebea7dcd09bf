import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import openapiTS, { astToString, type OpenAPI3 } from "openapi-typescript";

const HEADER = `/**
 * The API's types, generated from its OpenAPI document by \`npm run api-types -w @hireloop/web\`
 * (with the local platform up). Do not edit: a test compares this file with the running API's.
 */

`;

const STORABLE_JSON_REF = "#/components/schemas/StorableJson";

/**
 * The TypeScript the app reads the API with, from the document the router serves. Request bodies
 * say that fields a route does not know are ignored (as any storable JSON); the app sends none, so
 * its types leave them out, and each body is exactly the fields the route reads.
 */
export async function apiTypesOf(document: unknown): Promise<string> {
  const copy = structuredClone(document) as OpenAPI3;
  const pending: unknown[] = [copy.paths];
  for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
    if (typeof node !== "object" || node === null) continue;
    const record = node as Record<string, unknown>;
    const extra = record.additionalProperties as { $ref?: unknown } | undefined;
    if (extra?.$ref === STORABLE_JSON_REF) delete record.additionalProperties;
    pending.push(...Object.values(record));
  }
  return HEADER + astToString(await openapiTS(copy));
}

export const API_TYPES_FILE = join(import.meta.dirname, "..", "src", "api", "schema.d.ts");

if (import.meta.url === `file://${process.argv[1]}`) {
  const router = process.env.HL_ROUTER_URL ?? "http://127.0.0.1:8080";
  const response = await fetch(`${router}/openapi.json`, { signal: AbortSignal.timeout(10_000) });
  if (!response.ok)
    throw new Error(`${router}/openapi.json answered ${response.status}: is the platform up (make up)?`);
  await writeFile(API_TYPES_FILE, await apiTypesOf(await response.json()));
  console.log(`wrote ${API_TYPES_FILE}`);
}
