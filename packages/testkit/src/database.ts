import { execFile } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import postgres from "postgres";
import { testPlatform } from "./platform.ts";

const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));
const migrationsFolder = `${repoRoot}cell/src/db/migrations`;
const exec = promisify(execFile);

/**
 * A fresh database per test file, cloned from a template that already has the migrations and the
 * job queue's schema (trigger.dev's pattern): real Postgres, fast, isolated. `empty` gives one with
 * nothing in it, as a new cell's database is before its processes first start.
 */
export async function createTestDatabase(
  options: { empty?: boolean } = {},
): Promise<{ url: string; drop(): Promise<void> }> {
  const admin = postgres(testPlatform().postgresUrl, { max: 1, onnotice: () => {} });
  try {
    const name = `hl_test_${randomBytes(6).toString("hex")}`;
    if (options.empty) await admin.unsafe(`create database ${name}`);
    else await admin.unsafe(`create database ${name} template ${await ensureTemplate(admin)}`);
    const url = databaseUrl(name);
    return {
      url,
      async drop() {
        const dropper = postgres(testPlatform().postgresUrl, { max: 1, onnotice: () => {} });
        await dropper.unsafe(`drop database if exists ${name} with (force)`);
        await dropper.end();
      },
    };
  } finally {
    await admin.end();
  }
}

function databaseUrl(name: string): string {
  const url = new URL(testPlatform().postgresUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function ensureTemplate(admin: postgres.Sql): Promise<string> {
  const name = `hl_template_${migrationsHash()}`;
  await admin`select pg_advisory_lock(4242)`;
  try {
    const [exists] = await admin`select 1 from pg_database where datname = ${name}`;
    if (exists) return name;
    await admin.unsafe(`create database ${name}`);
    await prepareCellDatabase(databaseUrl(name));
    return name;
  } finally {
    await admin`select pg_advisory_unlock(4242)`;
  }
}

/** The cell's own preparation, run as the local platform runs it: the kit imports no deployable. */
async function prepareCellDatabase(url: string): Promise<void> {
  await exec(process.execPath, ["--import", "tsx", `${repoRoot}cell/src/db/prepare.ts`], {
    cwd: repoRoot,
    env: { ...process.env, HL_DATABASE_URL: url },
    timeout: 120_000,
  });
}

/** Changes to the migrations produce a new template. */
function migrationsHash(): string {
  const hash = createHash("sha256");
  for (const file of readdirSync(migrationsFolder).sort()) {
    if (file.endsWith(".sql")) hash.update(readFileSync(join(migrationsFolder, file)));
  }
  return hash.digest("hex").slice(0, 12);
}
