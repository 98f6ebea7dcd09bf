/** Every way placement can fail, as a machine-readable code. */
export const PLACEMENT_ERROR_CODES = [
  /** A table needs at least one active cell to own the buckets. */
  "no_active_cells",
  /** A cell record is malformed (empty id, weight not a positive number, unknown state). */
  "invalid_cell",
  /** Cells, tables or overrides of different regions were mixed. */
  "region_mismatch",
  /** A table does not have exactly BUCKET_COUNT buckets, or names a cell it should not. */
  "invalid_table",
  /** A cell id that the region's control plane does not know. */
  "unknown_cell",
  /** saveTable was given a version other than current + 1: someone else changed placement first. */
  "version_conflict",
  /** A watcher was asked for its table before the first one loaded. */
  "placement_not_ready",
  /** The control-plane database did not answer in time. */
  "store_timeout",
  /** A live router replica did not report serving a placement change in time. */
  "routers_not_converged",
] as const;

export type PlacementErrorCode = (typeof PLACEMENT_ERROR_CODES)[number];

export class PlacementError extends Error {
  override readonly name = "PlacementError";
  readonly code: PlacementErrorCode;

  constructor(code: PlacementErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}
