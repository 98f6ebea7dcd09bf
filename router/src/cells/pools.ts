import { deriveCellKey } from "@hireloop/identity";
import type { CellRecord } from "@hireloop/placement";
import { Pool } from "undici";

export interface CellPoolOptions {
  connectionsPerCell: number;
  connectTimeoutMs: number;
  /** The region's router signing key, from which each cell's request key is derived. */
  signingKey: Buffer;
}

/** Where the router sends a request on: a keep-alive pool and the path prefix of the upstream's URL. */
export interface UpstreamTarget {
  /** The cell id, or the region for a hop to another region's router: a label for metrics and logs. */
  id: string;
  pool: Pool;
  basePath: string;
  /** The cell's request key: every request to a cell carries the router credential (ADR 0016). */
  cellKey?: Buffer;
}

export interface CellTarget extends UpstreamTarget {
  cell: CellRecord;
  cellKey: Buffer;
}

export interface CellPools {
  targetFor(cell: CellRecord): CellTarget;
  close(): Promise<void>;
}

/**
 * One connection pool per cell, so a slow or dead cell only ever fills its own queue. Pools are
 * made on first use; a cell whose API URL changed gets a new one while the old one drains.
 */
export function createCellPools(options: CellPoolOptions): CellPools {
  const targets = new Map<string, CellTarget>();
  return {
    targetFor(cell) {
      const known = targets.get(cell.id);
      if (known && known.cell.apiUrl === cell.apiUrl) return known;
      if (known) void known.pool.close();
      const url = new URL(cell.apiUrl);
      const target: CellTarget = {
        id: cell.id,
        cell,
        pool: new Pool(url.origin, {
          connections: options.connectionsPerCell,
          connect: { timeout: options.connectTimeoutMs },
          // Time limits are set per request: a server-sent event stream may idle for minutes.
          headersTimeout: 0,
          bodyTimeout: 0,
        }),
        basePath: url.pathname.replace(/\/+$/, ""),
        cellKey: deriveCellKey(options.signingKey, cell.id),
      };
      targets.set(cell.id, target);
      return target;
    },
    async close() {
      const pools = [...targets.values()].map((target) => target.pool);
      targets.clear();
      await Promise.all(pools.map((pool) => pool.destroy()));
    },
  };
}
