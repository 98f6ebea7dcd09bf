import { signRouterCredential } from "@hireloop/identity";
import type { CellRecord } from "@hireloop/placement";
import type { Context } from "hono";
import type { RouterEnv } from "../env.ts";

/** The longest answer the router reads itself from a cell (a list of a hundred dead letters fits). */
const MAX_ANSWER_BYTES = 1024 * 1024;

/**
 * The router asking a cell something on the caller's behalf (their token, the router credential for
 * them), and reading the JSON answer itself rather than streaming it on. Rejects on timeout, on a
 * broken connection and on an answer too large or not JSON.
 */
export async function askCell(
  c: Context<RouterEnv>,
  cell: CellRecord,
  request: { method: "GET" | "POST"; path: string; timeoutMs: number },
): Promise<{ status: number; body: unknown }> {
  const target = c.get("deps").pools.targetFor(cell);
  const path = `${target.basePath}${request.path}`;
  const response = await target.pool.request({
    path,
    method: request.method,
    headers: {
      authorization: c.req.header("authorization") ?? "",
      "x-request-id": c.get("requestId"),
      ...signRouterCredential(target.cellKey, {
        method: request.method,
        path,
        tenant: c.get("identity").uid,
      }),
    },
    signal: AbortSignal.timeout(request.timeoutMs),
  });
  const declared = Number(response.headers["content-length"] ?? 0);
  if (declared > MAX_ANSWER_BYTES) {
    await response.body.dump();
    throw new Error(`cell ${cell.id} answered ${declared} bytes`);
  }
  const text = await response.body.text();
  if (text.length > MAX_ANSWER_BYTES) throw new Error(`cell ${cell.id} answered ${text.length} bytes`);
  return { status: response.statusCode, body: text === "" ? undefined : JSON.parse(text) };
}
