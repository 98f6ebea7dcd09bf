import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, open, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));
/** Where infra/local/install.sh puts the pinned schemathesis (infra/local/contract/requirements.txt). */
export const SCHEMATHESIS = join(repoRoot, ".cache/contract/venv/bin/schemathesis");
const BASE_CONFIG_FILE = fileURLToPath(new URL("./schemathesis.toml", import.meta.url));

export interface FuzzOptions {
  /** The router's base URL; the document is read from `<url>/openapi.json`. */
  url: string;
  /** Bearer tokens of the users the fuzzer signs in as (`alice` acts, `bob` is alice's peer). */
  tokens: { alice: string; bob: string };
  seed: number;
  /** Test cases per operation and phase. */
  maxExamples: number;
  requestTimeoutSeconds: number;
  /** Where the reports, the users file and the CLI's output go. */
  reportDir: string;
  /** The whole run is killed after this long. */
  deadlineMs: number;
  /** More configuration (TOML), appended to schemathesis.toml for this run. */
  extraConfig?: string;
}

/** One failure as schemathesis reported it (deduplicated across phases). */
export interface ContractFailure {
  /** The scenario: an operation such as `POST /v1/jobs`, or `Stateful tests`. */
  operation: string;
  /** The request that failed (the last of a stateful sequence), as `TRACE /v1/jobs`. */
  request: string | null;
  /** Each failed check, as `ST101 Server error`. */
  checks: string[];
  /** The status of the response that failed, when there was one. */
  status: number | null;
  /** What schemathesis said was wrong, and the response it saw. */
  details: string;
  /** The curl commands that reproduce it (several for a stateful sequence). */
  curl: string[];
}

export interface FuzzResult {
  /** The command line as run (tokens are in a file, never on it). */
  command: string[];
  exitCode: number | null;
  elapsedMs: number;
  /** schemathesis's own JSON run report. */
  summary: RunReport;
  failures: ContractFailure[];
  /** Errors that kept schemathesis from testing something (network errors, timeouts, bad schema…). */
  errors: string[];
  /** The CLI's full output. */
  logFile: string;
}

/** The parts of schemathesis's `--report json` document the harness reads. */
export interface RunReport {
  schemathesis_version: string;
  seed: number | null;
  running_time: number | null;
  stop_reason: string;
  complete: boolean;
  exit_code: number;
  operations: { total: number; selected: number; tested: number; errored: number; skipped: number } | null;
  phases: Record<string, { status: string; skip_reason: string | null }> | null;
  test_cases: {
    generated: number;
    with_failures: number;
    unique_failures: number;
    without_checks: number;
    errored: number;
  };
  failures: { code: string; title: string; count: number; operations: string[] }[];
  errors: { title: string; count: number }[];
  /** Each kind of warning, with the operations it was given for. */
  warnings: Record<string, string[]>;
}

/** The command line: every phase, every check, a fixed seed and a bounded number of examples. */
export function fuzzCommand(options: FuzzOptions): string[] {
  return [
    SCHEMATHESIS,
    "--config-file",
    join(options.reportDir, "schemathesis.toml"),
    "run",
    `${options.url}/openapi.json`,
    "--phases",
    "examples,coverage,fuzzing,stateful",
    "--checks",
    "all",
    "--mode",
    "all",
    "--seed",
    String(options.seed),
    "--max-examples",
    String(options.maxExamples),
    "--generation-database",
    "none",
    "--continue-on-failure",
    "--workers",
    "1",
    "--request-timeout",
    String(options.requestTimeoutSeconds),
    "--report",
    "json,junit",
    "--report-json-path",
    join(options.reportDir, "run.json"),
    "--report-junit-path",
    join(options.reportDir, "junit.xml"),
    "--no-color",
  ];
}

/** Runs schemathesis against the router and reads back what it found. */
export async function fuzz(options: FuzzOptions): Promise<FuzzResult> {
  if (!existsSync(SCHEMATHESIS)) {
    throw new Error(`${SCHEMATHESIS} is missing: run infra/local/install.sh (make test runs it)`);
  }
  await mkdir(options.reportDir, { recursive: true });
  const usersFile = join(options.reportDir, "users.json");
  await writeFile(usersFile, JSON.stringify(usersDocument(options.tokens)), { mode: 0o600 });
  const baseConfig = await readFile(BASE_CONFIG_FILE, "utf8");
  await writeFile(
    join(options.reportDir, "schemathesis.toml"),
    `${baseConfig}\n${options.extraConfig ?? ""}`,
  );
  const command = fuzzCommand(options);
  const logFile = join(options.reportDir, "schemathesis.log");
  const log = await open(logFile, "w");
  const started = Date.now();
  const exitCode = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(command[0] as string, command.slice(1), {
      // It leaves caches (.hypothesis, .schemathesis) in its working directory: keep them with the reports.
      cwd: options.reportDir,
      env: { ...process.env, HL_CONTRACT_USERS_FILE: usersFile, NO_COLOR: "1", COLUMNS: "120" },
      stdio: ["ignore", log.fd, log.fd],
    });
    const deadline = setTimeout(() => child.kill("SIGKILL"), options.deadlineMs);
    child.once("error", reject);
    child.once("exit", (code) => {
      clearTimeout(deadline);
      resolve(code);
    });
  }).finally(() => log.close());
  const elapsedMs = Date.now() - started;
  const output = await readFile(logFile, "utf8");
  const summaryText = await readFile(join(options.reportDir, "run.json"), "utf8").catch(() => null);
  if (summaryText === null) {
    throw new Error(
      `schemathesis exited with ${exitCode} after ${elapsedMs} ms and wrote no report; its output ends with:\n${output.slice(-4000)}`,
    );
  }
  const summary = JSON.parse(summaryText) as RunReport;
  const junit = await readFile(join(options.reportDir, "junit.xml"), "utf8");
  const { failures, errors } = readJunit(junit);
  return { command, exitCode, elapsedMs, summary, failures, errors, logFile };
}

/** Web Fuzzing Commons users: a fixed Authorization header each. */
function usersDocument(tokens: FuzzOptions["tokens"]) {
  return {
    auth: Object.entries(tokens).map(([name, token]) => ({
      name,
      fixedHeaders: [{ name: "Authorization", value: `Bearer ${token}` }],
    })),
  };
}

/**
 * The JUnit report has one <testcase> per operation (and one for the stateful phase), with a
 * <failure> per phase that failed; its text lists each unique failure as schemathesis prints it.
 */
export function readJunit(xml: string): { failures: ContractFailure[]; errors: string[] } {
  const failures = new Map<string, ContractFailure>();
  const errors: string[] = [];
  for (const testcase of xml.matchAll(/<testcase\b([^>]*?)(?:\/>|>([\s\S]*?)<\/testcase>)/g)) {
    const operation = attribute(testcase[1] ?? "", "name") ?? "(unnamed)";
    const body = testcase[2] ?? "";
    for (const element of body.matchAll(/<(failure|error)\b([^>]*?)(?:\/>|>([\s\S]*?)<\/\1>)/g)) {
      const text = unescapeXml(element[3] ?? attribute(element[2] ?? "", "message") ?? "");
      if (element[1] === "error") {
        errors.push(`${operation}: ${text.trim()}`);
        continue;
      }
      for (const failure of splitFailures(operation, text)) {
        failures.set(dedupeKey(failure), failures.get(dedupeKey(failure)) ?? failure);
      }
    }
  }
  return { failures: [...failures.values()], errors };
}

/** One failure block starts with `N. Test Case ID: X`; without that marker the text is one failure. */
function splitFailures(operation: string, text: string): ContractFailure[] {
  const blocks = text.split(/^\d+\. Test Case ID: \S+\s*$/m).filter((block) => block.trim() !== "");
  return blocks.map((block) => {
    const [description = "", reproduction = ""] = block.split(/^Reproduce with:\s*$/m);
    const checks = [...description.matchAll(/^- (ST\d+ .+)$/gm)].map((match) => (match[1] ?? "").trim());
    const status = description.match(/^\[(\d{3})\] /m)?.[1];
    const curl = reproduction
      .split("\n")
      .map((line) => line.trim())
      .filter((line) => line !== "" && !line.startsWith("st replay"));
    const details = description
      .split("\n")
      .filter((line) => line.trim() !== "" && !line.startsWith("Identity: "))
      .join("\n");
    return {
      operation,
      request: requestOf(curl.findLast((line) => line.startsWith("curl "))),
      checks: checks.length > 0 ? checks : ["(no check named)"],
      status: status === undefined ? null : Number(status),
      details,
      curl,
    };
  });
}

/** The same failure found in several phases (or with other ids in it) is listed once. */
function dedupeKey(failure: ContractFailure): string {
  const normalized = failure.details
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, "<uuid>")
    .replace(/\d{4}-\d{2}-\d{2}T[\d:.]+Z/g, "<time>");
  return JSON.stringify([failure.operation, failure.checks, failure.status, normalized]);
}

function requestOf(curl: string | undefined): string | null {
  const method = curl?.match(/^curl -X (\S+)/)?.[1];
  const url = curl?.match(/(https?:\/\/\S+)\s*$/)?.[1];
  if (method === undefined || url === undefined || !URL.canParse(url)) return null;
  const { pathname, search } = new URL(url);
  return `${method} ${pathname}${search}`;
}

function attribute(attributes: string, name: string): string | undefined {
  const value = attributes.match(new RegExp(`\\b${name}="([^"]*)"`))?.[1];
  return value === undefined ? undefined : unescapeXml(value);
}

function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|lt|gt|amp|quot|apos);/gi, (_, entity: string) => {
    const named: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };
    if (entity.startsWith("#x") || entity.startsWith("#X"))
      return String.fromCodePoint(parseInt(entity.slice(2), 16));
    if (entity.startsWith("#")) return String.fromCodePoint(Number(entity.slice(1)));
    return named[entity.toLowerCase()] ?? `&${entity};`;
  });
}

/** A readable account of the run: what was tested, then each failure with its reproduction. */
export function describeRun(result: FuzzResult, maxLineLength = 2_000): string {
  const { summary } = result;
  const operations = summary.operations;
  const phases = Object.entries(summary.phases ?? {})
    .map(([phase, { status }]) => `${phase} ${status}`)
    .join(", ");
  const warnings = Object.entries(summary.warnings)
    .filter(([, labels]) => labels.length > 0)
    .map(([kind, labels]) => `${kind} (${labels.join(", ")})`);
  const lines = [
    `schemathesis ${summary.schemathesis_version}, seed ${summary.seed}: ${summary.test_cases.generated} test cases ` +
      `on ${operations?.tested ?? 0}/${operations?.selected ?? 0} operations in ${(result.elapsedMs / 1000).toFixed(1)} s ` +
      `(${phases}); exit code ${result.exitCode}, stop reason ${summary.stop_reason}`,
    `${result.failures.length} distinct failures, ${result.errors.length} errors` +
      (warnings.length > 0 ? `; warnings: ${warnings.join("; ")}` : ""),
  ];
  const clip = (line: string) =>
    line.length > maxLineLength ? `${line.slice(0, maxLineLength)} … (${line.length} characters)` : line;
  result.failures.forEach((failure, index) => {
    lines.push(
      "",
      `${index + 1}. ${scenarioOf(failure)} — ${failure.checks.join("; ")} — status ${failure.status ?? "none"}`,
      ...failure.details.split("\n").map((line) => `   ${clip(line)}`),
      "   Reproduce with:",
      ...failure.curl.map((line) => `     ${clip(line)}`),
    );
  });
  for (const error of result.errors) lines.push("", `error: ${clip(error)}`);
  lines.push("", `Full output: ${result.logFile}`);
  return lines.join("\n");
}

/** One line per failure and error, for the assertion message. */
export function headlinesOf(result: FuzzResult): string {
  return [
    ...result.failures.map(
      (failure, index) =>
        `${index + 1}. ${scenarioOf(failure)}: ${failure.checks.join("; ")} (status ${failure.status ?? "none"})`,
    ),
    ...result.errors.map((error) => `error: ${error.split("\n")[0]}`),
  ].join("\n");
}

function scenarioOf(failure: ContractFailure): string {
  return failure.request === null || failure.request === failure.operation
    ? failure.operation
    : `${failure.operation} (request: ${failure.request})`;
}
