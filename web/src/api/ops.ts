import { tokenForRequest } from "./client.ts";
import { ApiError, apiErrorOf } from "./errors.ts";

/** The operator API's answers, as router/src/routes/ops.ts writes them (it is not in the public document). */
export interface CellReport {
  id: string;
  state: "active" | "draining" | "retired";
  health: string;
  buckets: number;
  tenants: number | null;
  maxTenants: number | null;
  full: boolean;
  apiUrl: string;
}
export interface CellsAnswer {
  region: string;
  version: number | null;
  cells: CellReport[];
}
export interface RegionsAnswer {
  region: string;
  ready: boolean;
  peers: {
    region: string;
    url: string;
    up: boolean;
    replicatedAt: string | null;
    replicationLagSeconds: number | null;
  }[];
}
export interface TenantWhereabouts {
  tenant: string;
  region: string;
  home: { region: string; cell: string | null; resident: boolean; source: string } | null;
  bucket: number;
  cell: string;
  pinned: boolean;
  version: number;
}

export interface DeadLetter {
  id: string;
  workflowId: string;
  tenantId: string;
  step: string;
  errorCode: string;
  errorMessage: string;
  attempts: number;
  createdAt: string;
}
export interface DeadLettersAnswer {
  region: string;
  cells: { cell: string; error: string | null; deadLetters: DeadLetter[] }[];
}

/** A call to the operator API: GET by default, POST for actions. */
export async function opsCall<T>(path: string, method: "GET" | "POST" = "GET"): Promise<T> {
  const token = await tokenForRequest();
  let response: Response;
  try {
    response = await fetch(`/ops/v1${path}`, {
      method,
      headers: token ? { Authorization: `Bearer ${token}` } : {},
      signal: AbortSignal.timeout(10_000),
    });
  } catch (error) {
    throw new ApiError(0, "network_error", String(error));
  }
  if (!response.ok) throw await apiErrorOf(response);
  return (await response.json()) as T;
}
