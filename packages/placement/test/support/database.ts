import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import postgres from "postgres";
import { migrateControlPlane } from "../../src/index.ts";

const platformFile = fileURLToPath(new URL("../../../../.local/test/platform.json", import.meta.url));

function adminUrl(): string {
  try {
    return String(JSON.parse(readFileSync(platformFile, "utf8")).postgresUrl);
  } catch {
    throw new Error(
      `the test platform is not running (${platformFile} missing): run \`make test\` or \`npx hireloop local up --profile test\``,
    );
  }
}

export interface ControlPlaneDatabase {
  url: string;
  /** A new client, as a separate router or control-plane process would have. */
  connect(): postgres.Sql;
  drop(): Promise<void>;
}

/** A fresh, migrated control-plane database of the test platform's Postgres, for one test file. */
export async function createControlPlaneDatabase(): Promise<ControlPlaneDatabase> {
  const name = `hl_placement_${randomBytes(6).toString("hex")}`;
  const admin = postgres(adminUrl(), { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  const clients: postgres.Sql[] = [];
  const connect = () => {
    const sql = postgres(url.toString(), { max: 4, onnotice: () => {}, connect_timeout: 5 });
    clients.push(sql);
    return sql;
  };
  const migrator = connect();
  await migrateControlPlane(migrator);
  return {
    url: url.toString(),
    connect,
    async drop() {
      await Promise.all(clients.map((sql) => sql.end({ timeout: 1 })));
      const dropper = postgres(adminUrl(), { max: 1, onnotice: () => {} });
      await dropper.unsafe(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}
