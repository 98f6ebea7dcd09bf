import { PlacementError } from "./errors.ts";
import { CELL_STATES, type CellRecord } from "./types.ts";

/** Rejects a cell record that no table or store should hold. */
export function assertValidCell(cell: CellRecord): void {
  if (cell.id.length === 0 || cell.region.length === 0) {
    throw new PlacementError("invalid_cell", "a cell needs a non-empty id and region");
  }
  if (!Number.isFinite(cell.weight) || cell.weight <= 0) {
    throw new PlacementError("invalid_cell", `cell ${cell.id} has weight ${cell.weight}; it must be > 0`);
  }
  if (cell.maxTenants !== undefined && !(Number.isInteger(cell.maxTenants) && cell.maxTenants >= 0)) {
    throw new PlacementError(
      "invalid_cell",
      `cell ${cell.id} has max tenants ${cell.maxTenants}; it must be a whole number ≥ 0`,
    );
  }
  if (!CELL_STATES.includes(cell.state)) {
    throw new PlacementError("invalid_cell", `cell ${cell.id} has unknown state ${String(cell.state)}`);
  }
}
