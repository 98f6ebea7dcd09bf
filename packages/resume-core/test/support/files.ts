import { readFileSync } from "node:fs";
import { join } from "node:path";

export const FILES_DIR = join(import.meta.dirname, "..", "fixtures", "files");

/** A committed upload fixture (see fixtures/files/generate.ts), as the bytes an upload would carry. */
export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(FILES_DIR, name)));
}
