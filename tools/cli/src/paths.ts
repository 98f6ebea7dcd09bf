import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root: the nearest folder above this package holding turbo.json. */
export function repositoryRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "turbo.json"))) {
    const parent = resolve(dir, "..");
    if (parent === dir) throw new Error("cannot find the Hireloop repository root (turbo.json)");
    dir = parent;
  }
  return dir;
}
