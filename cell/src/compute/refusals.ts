import { type ErrorCode, ServiceError } from "../errors.ts";
import { ComputeBusyError, ComputeTooCostlyError } from "./pool.ts";

/**
 * How a request's compute work that could not be done is answered: too costly for its budget is
 * the input's doing (422 with the given code), a full pool is the cell's (503 cell_busy).
 */
export function refusedAs(tooCostly: ErrorCode): (error: unknown) => never {
  return (error) => {
    if (error instanceof ComputeTooCostlyError) throw new ServiceError(tooCostly, error.message);
    if (error instanceof ComputeBusyError) throw new ServiceError("cell_busy", error.message);
    throw error;
  };
}
