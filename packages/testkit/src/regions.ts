import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { ensureRouterSigningKey, generateDevKeys, signDevToken } from "@hireloop/identity";
import type { CellRecord } from "@hireloop/placement";
import { type CellProcesses, routerSigningKeyFile, startCellProcesses } from "./cell-processes.ts";
import { createTestDatabase } from "./database.ts";
import { PROJECT_ID } from "./tokens.ts";

export interface RunningCell {
  id: string;
  processes: CellProcesses;
  record: CellRecord;
  /** The cell's own database, for tests that set up what only a failure would write. */
  databaseUrl: string;
}

/** Real cells of one region, each with its own database, all trusting one signing key. */
export interface TestRegion {
  cells: RunningCell[];
  keysDir: string;
  jwksUrl: string;
  token(uid: string): Promise<string>;
  stop(): Promise<void>;
}

export interface RegionOptions {
  region?: string;
  /** A signing-key folder shared with other regions (Firebase tokens are valid everywhere). */
  keysDir?: string;
  /** More environment for every cell (the region's Kafka, say). */
  env?: Record<string, string>;
}

/**
 * What a router of `region` needs beside the cells of a test region: the token keys (JWKS) and the
 * region's router signing key, both kept in the same keys folder as the cells' keys.
 */
export async function routerKeysEnv(jwksUrl: string, region: string): Promise<Record<string, string>> {
  const keyFile = routerSigningKeyFile(dirname(fileURLToPath(jwksUrl)), region);
  await ensureRouterSigningKey(keyFile);
  return { HL_AUTH_JWKS_URL: jwksUrl, HL_ROUTER_SIGNING_KEY_FILE: keyFile };
}

export async function startRegion(cellCount: number, options: RegionOptions = {}): Promise<TestRegion> {
  const region = options.region ?? "us-east";
  const keysDir = options.keysDir ?? (await mkdtemp(join(tmpdir(), "hl-router-keys-")));
  const keys = await generateDevKeys(keysDir);
  const databases = await Promise.all(Array.from({ length: cellCount }, () => createTestDatabase()));
  const started = await Promise.allSettled(
    databases.map(async (database, index): Promise<RunningCell> => {
      const id = `${region}-${index + 1}`;
      const processes = await startCellProcesses(
        database.url,
        { HL_REGION: region, HL_CELL_ID: id, ...options.env },
        { keysDir },
      );
      return {
        id,
        processes,
        record: { id, region, state: "active", apiUrl: processes.apiUrl, weight: 1 },
        databaseUrl: database.url,
      };
    }),
  );
  const cells = started.flatMap((result) => (result.status === "fulfilled" ? [result.value] : []));
  const failure = started.find((result) => result.status === "rejected");
  if (failure) {
    await Promise.all(cells.map((cell) => cell.processes.stopAll()));
    await Promise.all(databases.map((database) => database.drop()));
    throw failure.reason;
  }
  return {
    cells,
    keysDir,
    jwksUrl: `file://${keys.jwksPath}`,
    token: (uid) => signDevToken({ uid, projectId: PROJECT_ID, privateKeyPath: keys.privateKeyPath }),
    async stop() {
      await Promise.all(cells.map((cell) => cell.processes.stopAll()));
      await Promise.all(databases.map((database) => database.drop()));
    },
  };
}
