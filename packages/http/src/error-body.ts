/**
 * The platform's one error shape, on every refusal of every listener (the router, cells, shared
 * services' HTTP ports): a machine-readable code, a sentence, and the request's id for support.
 */
export interface ErrorBody<Code extends string = string> {
  code: Code;
  message: string;
  requestId: string | null;
  /** What exactly was wrong, where the code alone does not say (the fields of an invalid request). */
  details?: unknown;
}
