import { CellError, type ErrorCode } from "../errors.ts";
import { ComputeBusyError, ComputeTooCostlyError, TenantBusyError } from "./pool.ts";

/**
 * How a request's compute work that could not be done is answered: too costly for its budget is
 * the input's doing (422 with the given code), a full pool is the cell's (503 cell_busy), and a
 * tenant with as much in progress as one may have is asked to wait (429 too_many_in_progress).
 */
export function refusedAs(tooCostly: ErrorCode): (error: unknown) => never {
  return (error) => {
    if (error instanceof ComputeTooCostlyError) throw new CellError(tooCostly, error.message);
    if (error instanceof ComputeBusyError) throw new CellError("cell_busy", error.message);
    if (error instanceof TenantBusyError) throw new CellError("too_many_in_progress", error.message);
    throw error;
  };
}
