import type { Logger } from "@hireloop/observability";
import type { CellRecord } from "@hireloop/placement";
import { Agent, request } from "undici";
import { type HealthState, recordCheck } from "../health-state.ts";
import type { RouterMetrics } from "../metrics.ts";
import type { PlacementView } from "../placement.ts";

export interface CellHealthOptions {
  placement: PlacementView;
  intervalMs: number;
  timeoutMs: number;
  /** Consecutive failures before a cell counts as down; one success brings it back. */
  failuresToDown: number;
  logger: Logger;
  metrics: RouterMetrics;
}

export interface CellHealth {
  /** False only after the cell failed its last `failuresToDown` checks; a cell not yet checked counts as up. */
  isUp(cellId: string): boolean;
  /** The region's cells that are up, in placement order. */
  upCells(): CellRecord[];
  /** True when the cell has a tenant limit and its last health answer counted that many or more. */
  isFull(cell: CellRecord): boolean;
  /** The tenant count of the cell's last health answer; undefined until one gave it. */
  tenantsOf(cellId: string): number | undefined;
  stop(): Promise<void>;
}

interface CellState extends HealthState {
  apiUrl: string;
  /** The tenant count of the cell's last health answer, if it gave one. */
  tenants?: number;
}

/** A healthy cell's /healthz body is tiny; anything bigger is not a cell. */
const MAX_HEALTH_BODY_BYTES = 4_096;

/**
 * Checks every cell's /healthz on its own schedule slot: a check that hangs delays only the next
 * check of that cell, never another cell's, and requests never wait for a check.
 */
export function startCellHealthMonitor(options: CellHealthOptions): CellHealth {
  const { placement, intervalMs, timeoutMs, failuresToDown, logger, metrics } = options;
  const agent = new Agent({
    connections: 1,
    connect: { timeout: timeoutMs },
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
  });
  const states = new Map<string, CellState>();

  async function check(cell: CellRecord, state: CellState) {
    state.checking = true;
    const failure = await probe(cell, state);
    state.checking = false;
    if (states.get(cell.id) !== state) return; // the cell was removed or moved meanwhile
    const change = recordCheck(state, failure, failuresToDown);
    if (change === "up") {
      metrics.cellUp.set({ cell: cell.id }, 1);
      logger.info({ cell: cell.id }, "cell is up again");
    } else if (change === "down") {
      metrics.cellUp.set({ cell: cell.id }, 0);
      logger.warn({ cell: cell.id, failure, failures: state.failures }, "cell is down");
    }
  }

  /** Resolves to why the cell is unhealthy, or undefined when it answered 200 as itself. */
  async function probe(cell: CellRecord, state: CellState): Promise<string | undefined> {
    try {
      const response = await request(`${cell.apiUrl.replace(/\/+$/, "")}/healthz`, {
        dispatcher: agent,
        signal: AbortSignal.timeout(timeoutMs),
      });
      const text = await response.body.text();
      if (response.statusCode !== 200) return `status ${response.statusCode}`;
      if (text.length > MAX_HEALTH_BODY_BYTES) return "oversized health answer";
      // A cell answering under another id means the address now belongs to someone else: sending
      // this cell's tenants there would serve them from the wrong database.
      const answer = JSON.parse(text) as { cell?: unknown; tenants?: unknown };
      if (answer.cell !== cell.id) return `answered as cell ${String(answer.cell)}`;
      state.tenants = typeof answer.tenants === "number" ? answer.tenants : undefined;
      return undefined;
    } catch (error) {
      return (error as Error).message;
    }
  }

  function tick() {
    const current = new Set<string>();
    for (const cell of placement.cells()) {
      current.add(cell.id);
      let state = states.get(cell.id);
      if (!state || state.apiUrl !== cell.apiUrl) {
        state = { apiUrl: cell.apiUrl, up: true, failures: 0, checking: false };
        states.set(cell.id, state);
        metrics.cellUp.set({ cell: cell.id }, 1);
      }
      if (!state.checking) void check(cell, state);
    }
    for (const id of states.keys()) {
      if (current.has(id)) continue;
      states.delete(id);
      metrics.cellUp.remove({ cell: id });
    }
  }

  tick();
  const timer = setInterval(tick, intervalMs);
  timer.unref();

  return {
    isUp: (cellId) => states.get(cellId)?.up ?? true,
    upCells: () => placement.cells().filter((cell) => states.get(cell.id)?.up ?? true),
    isFull(cell) {
      const tenants = states.get(cell.id)?.tenants;
      return cell.maxTenants !== undefined && tenants !== undefined && tenants >= cell.maxTenants;
    },
    tenantsOf: (cellId) => states.get(cellId)?.tenants,
    async stop() {
      clearInterval(timer);
      await agent.destroy();
    },
  };
}
