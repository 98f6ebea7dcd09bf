import { readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type BuildOptions, build, type Plugin } from "esbuild";

export const loadTestsRoot = fileURLToPath(new URL("../", import.meta.url));
/** Where k6 bundles go; the scripts' open() paths are relative to it. */
export const distDir = join(loadTestsRoot, "dist");
const scenariosDir = join(loadTestsRoot, "src", "scenarios");
const adapterDir = join(loadTestsRoot, "runner", "adapter");

/** The scenarios: every module in src/scenarios, by file name. */
export const scenarioNames: readonly string[] = readdirSync(scenariosDir)
  .filter((file) => file.endsWith(".ts"))
  .map((file) => file.slice(0, -3))
  .sort();

/** The k6 modules the adapter provides, and the files that provide them. */
export const adapterModules: Readonly<Record<string, string>> = {
  k6: join(adapterDir, "k6.ts"),
  "k6/http": join(adapterDir, "http.ts"),
  "k6/metrics": join(adapterDir, "metrics.ts"),
  "k6/data": join(adapterDir, "data.ts"),
  "k6/execution": join(adapterDir, "execution.ts"),
};

/** The same bundling for k6 and for the adapter: only where `k6/*` imports lead differs. */
const scriptOptions: BuildOptions = {
  entryPoints: scenarioNames.map((name) => join(scenariosDir, `${name}.ts`)),
  bundle: true,
  format: "esm",
  // k6's JavaScript runtime (Sobek) implements ES2020 and more; esbuild lowers anything newer.
  target: "es2020",
  platform: "neutral",
  logLevel: "silent",
};

/** Bundles every scenario into dist/<scenario>.js, the files `k6 run` takes. */
export async function bundleForK6(): Promise<string[]> {
  await build({ ...scriptOptions, outdir: distDir, external: ["k6", "k6/*"] });
  return scenarioNames.map((name) => join(distDir, `${name}.js`));
}

const k6Adapter: Plugin = {
  name: "k6-adapter",
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^k6(\/|$)/ }, (args) => {
      const path = adapterModules[args.path];
      return path
        ? { path }
        : {
            errors: [{ text: `${args.path} is not provided by the load-tests k6 adapter (runner/adapter)` }],
          };
    });
  },
};

export interface AdapterBundle {
  /** Scenario name → its bundle, with the adapter in place of k6's modules. */
  scenarios: Record<string, string>;
  vuWorker: string;
  httpWorker: string;
  outDir: string;
}

/** Bundles the scenarios for Node with the adapter, and the VU and HTTP workers that run them. */
export async function bundleForAdapter(outDir: string): Promise<AdapterBundle> {
  await build({ ...scriptOptions, outdir: join(outDir, "scenarios"), plugins: [k6Adapter] });
  await build({
    entryPoints: [
      join(loadTestsRoot, "runner", "vu", "vu-worker.ts"),
      join(loadTestsRoot, "runner", "vu", "http-worker.ts"),
    ],
    bundle: true,
    format: "esm",
    platform: "node",
    target: "node20",
    // synckit and friends load from node_modules (the output folder is inside load-tests/).
    packages: "external",
    outdir: outDir,
    logLevel: "silent",
  });
  return {
    scenarios: Object.fromEntries(
      scenarioNames.map((name) => [name, join(outDir, "scenarios", `${name}.js`)]),
    ),
    vuWorker: join(outDir, "vu-worker.js"),
    httpWorker: join(outDir, "http-worker.js"),
    outDir,
  };
}
