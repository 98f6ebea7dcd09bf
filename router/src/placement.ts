import type { CellRecord, PlacementTable } from "@hireloop/placement";

/**
 * What the router needs from placement: the cached bucket → cell table and the region's cells.
 * Injected, so the app does not care whether it comes from the control plane or a test.
 */
export interface PlacementView {
  /** The cached table; undefined until the first one is loaded. */
  table(): PlacementTable | undefined;
  cell(id: string): CellRecord | undefined;
  /** Every cell of the region that may serve tenants (active or draining). */
  cells(): readonly CellRecord[];
  /**
   * Pins a new tenant to `cellId` unless another router pinned it first; resolves to the cell the
   * tenant is pinned to now. Throws when the control plane cannot be written.
   */
  claimNewTenant(tenantKey: string, cellId: string, reason: string): Promise<string>;
}
