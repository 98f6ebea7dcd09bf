/** Every way a tenant migration can stop, as a machine-readable code. */
export const MIGRATION_ERROR_CODES = [
  /** Source and target are the same cell, or the target is not an active cell of the region. */
  "invalid_target",
  /** Placement does not send the tenant to the named source cell. */
  "wrong_source",
  /** An unfinished migration of this tenant goes elsewhere, or another process is running it now. */
  "migration_conflict",
  /** The tenant is frozen on the source by a different migration. */
  "frozen_by_other_migration",
  /** Row counts or checksums differ between source and target: nothing was flipped. */
  "verification_failed",
  /** The source's relay has not published the tenant's last events in time (Kafka down?): run again later. */
  "outbox_not_drained",
  /** Nothing to abort: the tenant has no unfinished migration. */
  "no_migration",
  /** Too late to abort: placement already sends the tenant to the target. */
  "already_flipped",
] as const;

export type MigrationErrorCode = (typeof MIGRATION_ERROR_CODES)[number];

export class MigrationError extends Error {
  override readonly name = "MigrationError";

  constructor(
    readonly code: MigrationErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}
