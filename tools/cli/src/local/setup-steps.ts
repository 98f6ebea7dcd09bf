import { randomBytes } from "node:crypto";
import { access, chown, mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { ensureRouterSigningKey, generateDevKeys, readKeyFile, writeCellKey } from "@hireloop/identity";
import { buildTable, createPlacementStore, migrateControlPlane } from "@hireloop/placement";
import postgres from "postgres";
import { LocalPlatformError } from "./errors.ts";
import type { SetupStep } from "./process-table.ts";
import { runCommand, withTimeout } from "./run-command.ts";
import { renderTemplate } from "./template.ts";

export type Report = (message: string) => void;

/** Brings one step's result into existence; each does nothing when its result is already there. */
export async function runSetupStep(step: SetupStep, report: Report): Promise<void> {
  switch (step.kind) {
    case "postgres-cluster":
      return createPostgresCluster(step, report);
    case "render-template":
      return writeRenderedTemplate(step);
    case "kafka-storage":
      return formatKafkaStorage(step, report);
    case "database":
      return createDatabase(step, report);
    case "control-plane":
      return prepareControlPlane(step, report);
    case "migrations":
      return runMigrations(step, report);
    case "peer-secret":
      return createPeerSecret(step, report);
    case "router-signing-key":
      await ensureRouterSigningKey(step.file);
      return;
    case "cell-key":
      if (await writeCellKey(step.file, readKeyFile(step.signingKeyFile), step.cellId)) {
        report(`request key of cell ${step.cellId} in ${step.file}`);
      }
      return;
    case "dev-keys": {
      const keys = await generateDevKeys(step.dir);
      report(`dev signing key ${keys.kid} in ${step.dir}`);
      return;
    }
  }
}

type Step<K extends SetupStep["kind"]> = Extract<SetupStep, { kind: K }>;

async function createPostgresCluster(step: Step<"postgres-cluster">, report: Report): Promise<void> {
  if (await exists(join(step.dataDir, "PG_VERSION"))) return;
  await mkdir(step.dataDir, { recursive: true, mode: 0o700 });
  const initdbArgs = [
    "-D",
    step.dataDir,
    "-U",
    step.superuser,
    "--auth=trust",
    "--encoding=UTF8",
    "--no-locale",
  ];
  if (step.asPostgresUser) {
    const [uid, gid] = await Promise.all([
      runCommand("id", ["-u", "postgres"], { timeoutMs: 5_000 }),
      runCommand("id", ["-g", "postgres"], { timeoutMs: 5_000 }),
    ]);
    await chown(step.dataDir, Number(uid.trim()), Number(gid.trim()));
    await runCommand("runuser", ["-u", "postgres", "--", step.initdb, ...initdbArgs], { timeoutMs: 120_000 });
  } else {
    await runCommand(step.initdb, initdbArgs, { timeoutMs: 120_000 });
  }
  report(`created a Postgres cluster in ${step.dataDir} (superuser ${step.superuser}, trust on loopback)`);
}

async function createPeerSecret(step: Step<"peer-secret">, report: Report): Promise<void> {
  if (await exists(step.file)) return;
  await mkdir(dirname(step.file), { recursive: true });
  await writeFile(step.file, `${randomBytes(32).toString("hex")}\n`, { mode: 0o600, flag: "wx" }).catch(
    (error: NodeJS.ErrnoException) => {
      if (error.code !== "EEXIST") throw error;
    },
  );
  report(`peer secret of the regions' routers in ${step.file}`);
}

async function writeRenderedTemplate(step: Step<"render-template">): Promise<void> {
  const rendered = renderTemplate(await readFile(step.template, "utf8"), step.values);
  if ((await readFile(step.target, "utf8").catch(() => undefined)) === rendered) return;
  await mkdir(dirname(step.target), { recursive: true });
  await writeFile(step.target, rendered);
}

async function formatKafkaStorage(step: Step<"kafka-storage">, report: Report): Promise<void> {
  if (await exists(join(step.dir, "data", "meta.properties"))) return;
  const clusterIdFile = join(step.dir, "cluster-id");
  const clusterId = (await readFile(clusterIdFile, "utf8").catch(() => "")).trim() || newKafkaClusterId();
  await writeFile(clusterIdFile, `${clusterId}\n`);
  await runCommand(
    step.java,
    [
      "-Xmx256m",
      `-Dlog4j.configuration=file:${step.log4jConfig}`,
      "-cp",
      step.classpath,
      "kafka.tools.StorageTool",
      "format",
      "--cluster-id",
      clusterId,
      "--config",
      step.configFile,
    ],
    { timeoutMs: 120_000 },
  );
  report(`Kafka storage of cluster ${clusterId} ready in ${step.dir}`);
}

/** Kafka's Uuid format: 16 random bytes, base64url without padding; never starting with "-" (a flag). */
export function newKafkaClusterId(): string {
  for (;;) {
    const id = randomBytes(16).toString("base64url");
    if (!id.startsWith("-")) return id;
  }
}

async function createDatabase(step: Step<"database">, report: Report): Promise<void> {
  const sql = postgres(step.adminUrl, { max: 1, connect_timeout: 5, idle_timeout: 1, onnotice: () => {} });
  const timedOut = () =>
    new LocalPlatformError("setup_failed", `creating database ${step.database} timed out`);
  try {
    await withTimeout(
      (async () => {
        const rows = await sql`select 1 from pg_database where datname = ${step.database}`;
        if (rows.length > 0) return;
        await sql`create database ${sql(step.database)}`.catch((error: { code?: string }) => {
          // 42P04 duplicate_database: a concurrent `up` created it first, which is what we wanted.
          if (error.code !== "42P04") throw error;
        });
        report(`created database ${step.database}`);
      })(),
      15_000,
      timedOut,
    );
  } finally {
    await sql.end({ timeout: 2 });
  }
}

async function runMigrations(step: Step<"migrations">, report: Report): Promise<void> {
  if (!(await exists(join(step.cwd, step.script)))) {
    report(`no ${step.script} yet: skipping migrations`);
    return;
  }
  await runCommand(process.execPath, ["--import", "tsx", step.script], {
    cwd: step.cwd,
    env: { ...process.env, HL_DATABASE_URL: step.databaseUrl },
    timeoutMs: 180_000,
  });
  report(`migrated ${new URL(step.databaseUrl).pathname.slice(1)}`);
}

/**
 * Migrates the region's control plane and registers its cells. A region without a placement
 * table gets its first one over all its cells. A cell added later is registered but gets no
 * buckets: moving buckets moves tenants, which is `hireloop placement plan/apply`'s job.
 */
async function prepareControlPlane(step: Step<"control-plane">, report: Report): Promise<void> {
  const sql = postgres(step.databaseUrl, { max: 1, connect_timeout: 5, idle_timeout: 1, onnotice: () => {} });
  try {
    await migrateControlPlane(sql);
    const store = createPlacementStore(sql);
    const known = new Map((await store.listCells(step.region)).map((cell) => [cell.id, cell]));
    for (const cell of step.cells) {
      const existing = known.get(cell.id);
      if (existing?.apiUrl === cell.apiUrl) continue;
      await store.upsertCell({
        id: cell.id,
        region: step.region,
        state: existing?.state ?? "active",
        apiUrl: cell.apiUrl,
        weight: existing?.weight ?? 1,
      });
      report(`registered cell ${cell.id} (${cell.apiUrl})`);
    }
    const table = await store.currentTable(step.region);
    if (table === null) {
      const cells = await store.listCells(step.region);
      await store.saveTable(buildTable({ region: step.region, cells }));
      report(`placed ${step.region}'s tenants over ${cells.length} cells (placement version 1)`);
    }
  } finally {
    await sql.end({ timeout: 2 });
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
