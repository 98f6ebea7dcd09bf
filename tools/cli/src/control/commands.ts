import { readKeyFile, writeCellKey } from "@hireloop/identity";
import {
  buildTable,
  type CellRecord,
  cellFor,
  createDirectoryStore,
  type PlacementTable,
  planChange,
  reportCells,
  whereIs,
} from "@hireloop/placement";
import type { Command } from "commander";
import { applyPlacement, moveWaitingTenants } from "./apply.ts";
import { cellTenants, type RegionAccess, regionAccess, withControlPlane } from "./connections.ts";
import { drainCell, retireCell } from "./drain.ts";
import { formatTable } from "./format.ts";
import { abortMove, moveTenant } from "./move.ts";

const HEALTH_TIMEOUT_MS = 1_500;

async function cellHealth(cell: CellRecord): Promise<string> {
  try {
    const res = await fetch(`${cell.apiUrl}/healthz`, { signal: AbortSignal.timeout(HEALTH_TIMEOUT_MS) });
    if (!res.ok) return `unhealthy (${res.status})`;
    const body = (await res.json()) as { cell?: string };
    return body.cell === cell.id ? "healthy" : `wrong cell (${body.cell ?? "?"})`;
  } catch (error) {
    return `down (${(error as Error).message})`;
  }
}

async function tenantsByCell(access: RegionAccess): Promise<Map<string, Map<string, number>>> {
  const result = new Map<string, Map<string, number>>();
  await Promise.all(
    [...access.cellDatabases].map(async ([cellId, url]) => {
      result.set(cellId, await cellTenants(url).catch(() => new Map()));
    }),
  );
  return result;
}

export interface PlanSummary {
  region: string;
  fromVersion: number;
  toVersion: number;
  buckets: { from: string; to: string; count: number }[];
  tenants: { tenant: string; from: string; to: string; rows: number }[];
}

/** What rebuilding the table over the current cells would move: buckets, and the tenants and rows in them. */
export function summarizePlan(
  region: string,
  current: PlacementTable,
  next: PlacementTable,
  tenants: Map<string, Map<string, number>>,
): PlanSummary {
  const moves = planChange(current, next);
  const byPair = new Map<string, { from: string; to: string; count: number }>();
  for (const move of moves) {
    const key = `${move.from}→${move.to}`;
    const entry = byPair.get(key) ?? { from: move.from, to: move.to, count: 0 };
    entry.count++;
    byPair.set(key, entry);
  }
  const movedTenants: PlanSummary["tenants"] = [];
  for (const [cellId, cellTenantRows] of tenants) {
    for (const [tenant, rows] of cellTenantRows) {
      if (current.overrides.has(tenant)) continue;
      const to = cellFor(next, tenant);
      if (to !== cellFor(current, tenant)) movedTenants.push({ tenant, from: cellId, to, rows });
    }
  }
  return {
    region,
    fromVersion: current.version,
    toVersion: next.version,
    buckets: [...byPair.values()].sort((a, b) => b.count - a.count),
    tenants: movedTenants.sort((a, b) => a.tenant.localeCompare(b.tenant)),
  };
}

export function formatPlan(plan: PlanSummary): string {
  if (plan.buckets.length === 0)
    return `placement of ${plan.region} is balanced: nothing to move (version ${plan.fromVersion})`;
  const total = plan.buckets.reduce((sum, b) => sum + b.count, 0);
  const rows = plan.tenants.reduce((sum, t) => sum + t.rows, 0);
  return [
    `placement ${plan.region}: version ${plan.fromVersion} → ${plan.toVersion} moves ${total} buckets, ${plan.tenants.length} tenants, ${rows} rows`,
    "",
    formatTable(
      ["FROM", "TO", "BUCKETS"],
      plan.buckets.map((b) => [b.from, b.to, String(b.count)]),
    ),
    ...(plan.tenants.length > 0
      ? [
          "",
          formatTable(
            ["TENANT", "FROM", "TO", "ROWS"],
            plan.tenants.map((t) => [t.tenant, t.from, t.to, String(t.rows)]),
          ),
        ]
      : []),
  ].join("\n");
}

export function registerControlCommands(program: Command): void {
  const regionOption = ["--region <region>", "the region", "us-east"] as const;

  program
    .command("cells")
    .description("every cell of a region with its state, health, buckets, tenants and rows")
    .option(...regionOption)
    .option("--json", "print JSON")
    .action(async (options: { region: string; json?: boolean }) => {
      const access = await regionAccess(options.region);
      const { cells, table } = await withControlPlane(access, async (store) => ({
        cells: await store.listCells(options.region),
        table: await store.currentTable(options.region),
      }));
      const [health, tenants] = await Promise.all([
        Promise.all(cells.map(cellHealth)),
        tenantsByCell(access),
      ]);
      const healthOf = new Map(cells.map((cell, i) => [cell.id, health[i] ?? "unknown"]));
      const report = reportCells(cells, table, (cell) => ({
        health: healthOf.get(cell.id) ?? "unknown",
        tenants: tenants.get(cell.id)?.size ?? null,
      })).map((cell) => {
        const rows = tenants.get(cell.id);
        return { ...cell, rows: rows ? [...rows.values()].reduce((a, b) => a + b, 0) : null };
      });
      if (options.json) {
        console.log(
          JSON.stringify({ region: options.region, version: table?.version ?? 0, cells: report }, null, 2),
        );
        return;
      }
      console.log(`region ${options.region}, placement version ${table?.version ?? "none"}`);
      console.log(
        formatTable(
          ["CELL", "STATE", "HEALTH", "BUCKETS", "TENANTS", "CAPACITY", "ROWS", "API"],
          report.map((r) => [
            r.id,
            r.state,
            r.health,
            String(r.buckets),
            String(r.tenants ?? "?"),
            r.maxTenants === null ? "unlimited" : `${r.maxTenants}${r.full ? " (full)" : ""}`,
            String(r.rows ?? "?"),
            r.apiUrl,
          ]),
        ),
      );
    });

  const cell = program.command("cell").description("register and drain cells");
  cell
    .command("add <id>")
    .description("register a cell; it gets tenants only when a placement plan is applied")
    .requiredOption("--api-url <url>", "the cell API's base URL")
    .option("--weight <n>", "relative size: its share of buckets", "1")
    .option("--max-tenants <n>", "how many tenants it may hold (default: no limit)")
    .option(...regionOption)
    .action(
      async (
        id: string,
        options: { apiUrl: string; weight: string; maxTenants?: string; region: string },
      ) => {
        const access = await regionAccess(options.region);
        const record = await withControlPlane(access, (store) =>
          store.upsertCell({
            id,
            region: options.region,
            state: "active",
            apiUrl: options.apiUrl,
            weight: Number(options.weight),
            ...(options.maxTenants === undefined ? {} : { maxTenants: Number(options.maxTenants) }),
          }),
        );
        console.log(
          `cell ${record.id} registered in ${record.region} (${record.apiUrl}); run \`hireloop placement plan\` to see what it would take`,
        );
      },
    );
  cell
    .command("capacity <id> <max-tenants>")
    .description(
      "how many tenants a cell may hold (a number, or `unlimited`); a full cell keeps its tenants, new ones go elsewhere",
    )
    .option(...regionOption)
    .action(async (id: string, maxTenants: string, options: { region: string }) => {
      const access = await regionAccess(options.region);
      const limit = maxTenants === "unlimited" ? undefined : Number(maxTenants);
      const record = await withControlPlane(access, (store) =>
        store.setCellCapacity(options.region, id, limit),
      );
      console.log(
        record.maxTenants === undefined
          ? `cell ${id} may hold any number of tenants`
          : `cell ${id} may hold ${record.maxTenants} tenants; once full, routers place new tenants on other cells`,
      );
    });
  cell
    .command("drain <id>")
    .description(
      "stop placing tenants on a cell: its buckets go elsewhere, its tenants stay pinned until moved",
    )
    .option("--migrate", "also move its tenants live to the cells the table names")
    .option(...regionOption)
    .action(async (id: string, options: { region: string; migrate?: boolean }) => {
      const access = await regionAccess(options.region);
      const log = (message: string) => console.log(message);
      await withControlPlane(access, async (store, sql) => {
        await drainCell(access, store, id, log);
        if (options.migrate) {
          const { moved } = await moveWaitingTenants(access, store, sql, log);
          log(`moved ${moved.length} tenants off ${id}; retire it with \`hireloop cell retire ${id}\``);
        }
      });
    });
  cell
    .command("key <id>")
    .description(
      "write a cell's request key, derived from its region's router signing key: the cell checks that every request came from its router with it (HL_CELL_KEY_FILE)",
    )
    .requiredOption(
      "--signing-key-file <file>",
      "the region's router signing key (the router's HL_ROUTER_SIGNING_KEY_FILE)",
    )
    .requiredOption("--out <file>", "where to write the cell's key (readable by its owner only)")
    .action(async (id: string, options: { signingKeyFile: string; out: string }) => {
      let signingKey: Buffer;
      try {
        signingKey = readKeyFile(options.signingKeyFile);
      } catch (error) {
        console.error(`cannot read the router signing key: ${(error as Error).message}`);
        process.exitCode = 1;
        return;
      }
      const changed = await writeCellKey(options.out, signingKey, id);
      console.log(`${changed ? "wrote" : "kept"} the request key of cell ${id} in ${options.out}`);
    });
  cell
    .command("retire <id>")
    .description("retire a drained cell that serves nothing any more")
    .option(...regionOption)
    .action(async (id: string, options: { region: string }) => {
      const access = await regionAccess(options.region);
      await withControlPlane(access, (store) => retireCell(access, store, id));
      console.log(`cell ${id} is retired`);
    });

  const placement = program.command("placement").description("the region's bucket → cell table");
  placement
    .command("plan")
    .description("what rebuilding the table over the active cells would move: buckets, tenants, rows")
    .option(...regionOption)
    .option("--json", "print JSON")
    .action(async (options: { region: string; json?: boolean }) => {
      const access = await regionAccess(options.region);
      const { current, next } = await withControlPlane(access, async (store) => {
        const current = await store.currentTable(options.region);
        if (!current) throw new Error(`region ${options.region} has no placement table yet`);
        return {
          current,
          next: buildTable({
            region: options.region,
            cells: await store.listCells(options.region),
            previous: current,
          }),
        };
      });
      const plan = summarizePlan(options.region, current, next, await tenantsByCell(access));
      console.log(options.json ? JSON.stringify(plan, null, 2) : formatPlan(plan));
    });

  placement
    .command("apply")
    .description("apply the plan: new tenants go to their new cells at once, existing ones are moved live")
    .option(...regionOption)
    .action(async (options: { region: string }) => {
      const access = await regionAccess(options.region);
      await withControlPlane(access, (store, sql) =>
        applyPlacement(access, store, sql, (message) => console.log(message)),
      );
    });

  const tenant = program.command("tenant").description("where tenants live");
  tenant
    .command("where <key>")
    .description(
      "the tenant's home region (from the user directory), bucket and cell, and whether an override pins it",
    )
    .option(...regionOption)
    .option("--json", "print JSON")
    .action(async (key: string, options: { region: string; json?: boolean }) => {
      const access = await regionAccess(options.region);
      const [table, home] = await withControlPlane(access, (store, sql) =>
        Promise.all([store.currentTable(options.region), createDirectoryStore(sql).find(key)]),
      );
      if (!table) throw new Error(`region ${options.region} has no placement table yet`);
      const elsewhere = home !== undefined && home.homeRegion !== options.region;
      const answer = whereIs(options.region, table, key, home);
      const homeLine =
        home === undefined
          ? "not in this region's user directory yet"
          : `home region ${home.homeRegion}${home.resident ? " (resident)" : ""}${elsewhere ? `: ${options.region} sends their requests there` : ""}`;
      console.log(
        options.json
          ? JSON.stringify(answer, null, 2)
          : `${key}: ${homeLine}\n  ${elsewhere ? `their data is not in ${options.region}; its placement would put them on` : `in ${options.region}:`} cell ${answer.cell} (bucket ${answer.bucket}${answer.pinned ? ", pinned by an override" : ""}; placement version ${answer.version})`,
      );
    });
  tenant
    .command("move <key> <cell>")
    .description("move a tenant and all its data live to another cell (resumable: re-run after a crash)")
    .option(...regionOption)
    .action(async (key: string, target: string, options: { region: string }) => {
      const access = await regionAccess(options.region);
      const result = await withControlPlane(access, (store, sql) =>
        moveTenant(access, store, sql, key, target, (message) => console.log(message)),
      );
      if (result) console.log(`${key} now lives on ${target} (migration ${result.migrationId})`);
    });
  tenant
    .command("abort-move <key>")
    .description(
      "undo a move that stopped before placement flipped: delete the partial copy, let the tenant write again",
    )
    .option(...regionOption)
    .action(async (key: string, options: { region: string }) => {
      const access = await regionAccess(options.region);
      const record = await withControlPlane(access, (_store, sql) => abortMove(access, sql, key));
      console.log(
        `aborted migration ${record.id}: ${key} stays on ${record.sourceCell} and writes again; ${record.targetCell} holds nothing of it`,
      );
    });
}
