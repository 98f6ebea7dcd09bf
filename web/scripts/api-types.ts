import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import openapiTS, { astToString, type OpenAPI3 } from "openapi-typescript";

const HEADER = `/**
 * The API's types, generated from its OpenAPI document by \`npm run api-types -w @hireloop/web\`
 * (with the local platform up). Do not edit: a test compares this file with the running API's.
 */

`;

/** The TypeScript the app reads the API with, from the document the router serves. */
export async function apiTypesOf(document: unknown): Promise<string> {
  return HEADER + astToString(await openapiTS(document as OpenAPI3));
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
