import { randomBytes } from "node:crypto";
import { migrateControlPlane } from "@hireloop/placement";
import postgres from "postgres";
import { testPlatform } from "./platform.ts";

/** A fresh, migrated control-plane database on the test platform's Postgres. */
export async function createControlPlaneDatabase(): Promise<{
  url: string;
  sql: postgres.Sql;
  drop(): Promise<void>;
}> {
  const name = `hl_router_cp_${randomBytes(6).toString("hex")}`;
  const admin = postgres(testPlatform().postgresUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(testPlatform().postgresUrl);
  url.pathname = `/${name}`;
  const sql = postgres(url.toString(), { max: 2, onnotice: () => {}, connect_timeout: 5 });
  await migrateControlPlane(sql);
  return {
    url: url.toString(),
    sql,
    async drop() {
      await sql.end({ timeout: 1 });
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}
