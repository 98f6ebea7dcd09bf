import { readFile } from "node:fs/promises";
import { isAbsolute, join } from "node:path";
import { type DevTokenOptions, ROLES, signDevToken } from "@hireloop/identity";
import type { Command } from "commander";
import { repositoryRoot } from "./paths.ts";

/** What the operator asked for, as commander hands it over (unvalidated). */
export type TokenRequest = { uid: string; email?: string; ttl?: string; role?: string; count?: string };

/** The most users one `--count` signs for (a load test's users: one per virtual user). */
const MAX_COUNT = 10_000;

/** Refusals (no dev platform, bad input) exit 2; a dev platform whose keys cannot sign exits 1. */
export type TokenRefusal = { ok: false; exitCode: 2; message: string };
export type TokenOutcome =
  | { ok: true; token: string }
  | { ok: true; users: { uid: string; token: string }[] }
  | TokenRefusal
  | { ok: false; exitCode: 1; message: string };

/** Written by the local platform; only its dev mode trusts locally generated signing keys. */
export function defaultPlatformStatePath(): string {
  return join(repositoryRoot(), ".local", "dev", "platform.json");
}

/**
 * Decides, without side effects, whether a dev token may be minted: only for a local platform in dev
 * mode, whose verifiers trust the local keys. Anywhere else a token from this key would be useless at
 * best, and the command must not suggest otherwise.
 */
export function planDevToken(
  request: TokenRequest,
  platformStateText: string | undefined,
): { ok: true; plan: DevTokenOptions; count?: number } | TokenRefusal {
  const refuse = (message: string): TokenRefusal => ({ ok: false, exitCode: 2, message });
  if (platformStateText === undefined) {
    return refuse("no local platform state found: start the local platform in dev mode first (make up)");
  }
  let state: unknown;
  try {
    state = JSON.parse(platformStateText);
  } catch {
    return refuse("the local platform state file is not valid JSON");
  }
  if (!isRecord(state) || state.mode !== "dev") {
    const mode = isRecord(state) && typeof state.mode === "string" ? state.mode : "unknown";
    return refuse(`dev tokens are only issued when the local platform runs in dev mode (mode: ${mode})`);
  }
  const { projectId, keysDir } = state;
  if (typeof projectId !== "string" || projectId === "") return refuse("the platform state has no projectId");
  if (typeof keysDir !== "string" || !isAbsolute(keysDir)) {
    return refuse("the platform state has no absolute keysDir");
  }
  if (request.uid === "" || request.uid.length > 128) return refuse("--uid must be 1 to 128 characters");
  const plan: DevTokenOptions = {
    uid: request.uid,
    projectId,
    privateKeyPath: join(keysDir, "private.jwk.json"),
  };
  if (request.email !== undefined) plan.email = request.email;
  if (request.role !== undefined) {
    const role = ROLES.find((known) => known === request.role);
    if (role === undefined) return refuse(`--role must be one of: ${ROLES.join(", ")}`);
    plan.role = role;
  }
  if (request.ttl !== undefined) {
    if (!/^[1-9]\d*$/.test(request.ttl)) return refuse("--ttl must be a positive whole number of seconds");
    plan.ttlSeconds = Number(request.ttl);
  }
  if (request.count !== undefined) {
    const count = Number(request.count);
    if (!/^[1-9]\d*$/.test(request.count) || count > MAX_COUNT) {
      return refuse(`--count must be a whole number from 1 to ${MAX_COUNT}`);
    }
    if (request.email !== undefined) return refuse("--email names one user: it cannot go with --count");
    return { ok: true, plan, count };
  }
  return { ok: true, plan };
}

/** Reads the platform state at `platformStatePath`, decides, and signs. */
export async function issueDevToken(request: TokenRequest, platformStatePath: string): Promise<TokenOutcome> {
  const decision = planDevToken(request, await readIfPresent(platformStatePath));
  if (!decision.ok) return decision;
  const { plan, count } = decision;
  try {
    if (count === undefined) return { ok: true, token: await signDevToken(plan) };
    const uids = Array.from({ length: count }, (_, index) => `${plan.uid}-${index + 1}`);
    const users = await Promise.all(
      uids.map(async (uid) => ({ uid, token: await signDevToken({ ...plan, uid }) })),
    );
    return { ok: true, users };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, exitCode: 1, message: `cannot sign a dev token: ${reason}` };
  }
}

export function registerTokenCommand(program: Command): void {
  program
    .command("token")
    .description("Print a Firebase-shaped ID token for a local dev user (dev mode only)")
    .requiredOption("--uid <uid>", "the user id (token subject)")
    .option("--email <email>", "the user's email address")
    .option("--ttl <seconds>", "lifetime in seconds (default 3600)")
    .option("--role <role>", `a role claim (${ROLES.join(", ")}): operators may use /ops`)
    .option(
      "--count <n>",
      "sign for n users <uid>-1 … <uid>-n; prints a JSON array of { uid, token } (load tests)",
    )
    .action(async (options: TokenRequest) => {
      const outcome = await issueDevToken(options, defaultPlatformStatePath());
      if (outcome.ok) {
        process.stdout.write(`${"token" in outcome ? outcome.token : JSON.stringify(outcome.users)}\n`);
      } else {
        process.stderr.write(`hireloop token: ${outcome.message}\n`);
        process.exitCode = outcome.exitCode;
      }
    });
}

async function readIfPresent(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
