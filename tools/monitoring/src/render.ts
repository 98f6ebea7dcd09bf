import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { renderedFiles } from "./outputs.ts";

/**
 * `npm run monitoring:render [-- <dir>]`: writes the rule files, dashboards and docs/slo.md into the
 * repository (or under <dir>, which the freshness test compares with the committed files).
 */
const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));
const target = resolve(process.argv[2] ?? repoRoot);
for (const file of renderedFiles()) {
  const path = join(target, file.path);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, file.content);
  console.log(`wrote ${file.path}`);
}
