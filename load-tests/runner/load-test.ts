/**
 * `make load-test SCENARIO=ramp TARGET=http://…`: bundles the scenarios for k6 and runs the chosen
 * one with k6 when the operator has k6; otherwise says how to get it and where the bundle is.
 * Tokens come from TOKENS_FILE, or are signed for a local dev platform (`npx hireloop token --count`).
 * Every other setting (RATE, RAMP_MINUTES, HOLD_MINUTES, SOAK_MINUTES, JOURNEY_SECONDS, STOPPED_CELL,
 * FAILOVER_TARGET) is passed on to the script as `-e NAME=value` when set.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { accessSync, constants, writeFileSync } from "node:fs";
import { delimiter, join } from "node:path";
import { bundleForK6, distDir, scenarioNames } from "./bundle.ts";

/** Settings the scripts read (__ENV), passed through from the environment when set. */
const PASSED_ON = [
  "RATE",
  "RAMP_MINUTES",
  "HOLD_MINUTES",
  "SOAK_MINUTES",
  "JOURNEY_SECONDS",
  "STOPPED_CELL",
  "FAILOVER_TARGET",
];
/** Users signed for a local dev platform when no TOKENS_FILE is given: at least the scenarios' VUs. */
const DEFAULT_USERS = 200;

function refuse(message: string): never {
  process.stderr.write(`make load-test: ${message}\n`);
  process.exit(2);
}

function onPath(program: string): string | undefined {
  return (process.env.PATH ?? "")
    .split(delimiter)
    .map((dir) => join(dir, program))
    .find((candidate) => {
      try {
        accessSync(candidate, constants.X_OK);
        return true;
      } catch {
        return false;
      }
    });
}

const scenario = process.env.SCENARIO ?? "";
const target = process.env.TARGET ?? "";
if (!scenarioNames.includes(scenario)) {
  refuse(`SCENARIO must be one of: ${scenarioNames.join(", ")} (got "${scenario}")`);
}
if (!/^https?:\/\/[^/\s]+\/?$/.test(target))
  refuse(`TARGET must be the router's origin, e.g. http://127.0.0.1:8080 (got "${target}")`);

const bundles = await bundleForK6();
const bundle = bundles.find((path) => path.endsWith(`/${scenario}.js`)) as string;
process.stdout.write(`bundled ${bundles.length} scenarios into ${distDir}\n`);

let tokensFile = process.env.TOKENS_FILE;
if (!tokensFile) {
  const users = process.env.USERS ?? String(DEFAULT_USERS);
  tokensFile = join(distDir, "tokens.json");
  try {
    const signed = execFileSync("npx", ["hireloop", "token", "--uid", "load", "--count", users], {
      encoding: "utf8",
    });
    writeFileSync(tokensFile, signed);
  } catch {
    refuse(
      "no TOKENS_FILE, and no dev tokens could be signed (only a local dev platform started by `make up` issues them): " +
        "give TOKENS_FILE=<a JSON file of [{ uid, token }]> with ID tokens the target accepts",
    );
  }
  process.stdout.write(`signed dev tokens for ${users} users into ${tokensFile}\n`);
}

const k6 = onPath("k6");
const settings = ["TARGET", "TOKENS_FILE", ...PASSED_ON].flatMap((name) => {
  const value = name === "TOKENS_FILE" ? tokensFile : process.env[name];
  return value ? ["-e", `${name}=${value}`] : [];
});
if (!k6) {
  process.stderr.write(
    [
      "k6 is not installed here, so the scenario was bundled but not run.",
      "Install k6 (https://grafana.com/docs/k6/latest/set-up/install-k6/) on the machine that drives the load,",
      "then run this again, or run the bundle yourself:",
      `  k6 run ${settings.join(" ")} ${bundle}`,
      "",
    ].join("\n"),
  );
  process.exit(2);
}
const run = spawnSync(k6, ["run", ...settings, bundle], { stdio: "inherit" });
process.exit(run.status ?? 1);
