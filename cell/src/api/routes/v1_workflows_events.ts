import { createRoute, z } from "@hono/zod-openapi";
import { streamSSE } from "hono/streaming";
import { CellError } from "../../errors.ts";
import { getWorkflow, type WorkflowSnapshot } from "../../use-cases/workflows/get.ts";
import { isTerminal } from "../../workflows/status.ts";
import { tenantContext } from "../context.ts";
import type { App } from "../new-app.ts";
import { errorResponses, IdParam } from "../schemas.ts";

const route = createRoute({
  method: "get",
  path: "/v1/workflows/{id}/events",
  operationId: "followWorkflowEvents",
  tags: ["Workflows"],
  summary: "Follow a workflow's progress as server-sent events",
  description:
    "Each `progress` event carries the workflow (as GET /v1/workflows/{id}) whenever it changes; after the final status (succeeded, failed or cancelled) an `end` event closes the stream. A stream on which nothing changed for a while, or that stayed open for its longest time, is closed with a `close` event saying why: reconnect, or poll GET /v1/workflows/{id}. Comment lines (`: ping`) keep a quiet stream alive. A user may follow a few streams at once (429 too_many_streams beyond); a cell serves a bounded number (503 stream_capacity beyond).",
  request: { params: IdParam },
  responses: {
    200: {
      description: "An event stream: `progress`, then `end` or `close`",
      content: {
        "text/event-stream": {
          schema: z
            .object({
              event: z.enum(["progress", "end", "close"]),
              data: z.string().openapi({
                description:
                  "JSON: the Workflow (progress), {status} (end) or {reason: idle | time_limit | unavailable} (close)",
              }),
              id: z.string().optional().openapi({ description: "The progress event's sequence number" }),
            })
            .openapi({ description: "One server-sent event" }),
        },
      },
    },
    ...errorResponses(400, 401, 404, 429, 503),
  },
});

/** Redis wakes a stream as soon as its workflow changes; reading the database keeps it right without Redis. */
const POLL_MS = 5_000;
/** A comment line this often keeps proxies from taking a quiet stream for a dead one. */
const HEARTBEAT_MS = 15_000;

type CloseReason = "idle" | "time_limit" | "unavailable";

export function registerWorkflowsEvents(app: App) {
  app.openapi(route, async (c) => {
    const ctx = tenantContext(c);
    const { deps, tenantId } = ctx;
    const { id } = c.req.valid("param");
    let snapshot: WorkflowSnapshot = await getWorkflow({ ctx, id });
    const slot = deps.streams.open(tenantId);
    if ("refused" in slot) {
      throw slot.refused === "user"
        ? new CellError(
            "too_many_streams",
            "you follow as many workflow streams as one user may; close one or poll",
          )
        : new CellError(
            "stream_capacity",
            "this cell follows as many workflow streams as it can; poll the workflow or retry",
          );
    }
    const { idleSeconds, maxSeconds } = deps.config.streams;
    return streamSSE(c, async (stream) => {
      let wake: () => void = () => {};
      const stopListening = deps.streams.listen(id, () => wake());
      stream.onAbort(() => wake());
      const opened = Date.now();
      let changedAt = opened;
      let wroteAt = opened;
      let sequence = 0;
      let last = "";
      let reason: CloseReason | undefined;
      try {
        for (;;) {
          const serialized = JSON.stringify(snapshot);
          if (serialized !== last) {
            last = serialized;
            changedAt = Date.now();
            await stream.writeSSE({ event: "progress", data: serialized, id: String(sequence++) });
            wroteAt = Date.now();
          }
          if (isTerminal(snapshot.status)) {
            await stream.writeSSE({ event: "end", data: JSON.stringify({ status: snapshot.status }) });
            return;
          }
          const now = Date.now();
          if (now - changedAt >= idleSeconds * 1000) reason = "idle";
          else if (now - opened >= maxSeconds * 1000) reason = "time_limit";
          if (reason || stream.aborted) break;
          if (now - wroteAt >= HEARTBEAT_MS) {
            await stream.write(": ping\n\n");
            wroteAt = now;
          }
          await new Promise<void>((resolve) => {
            const until = Math.min(
              POLL_MS,
              HEARTBEAT_MS - (now - wroteAt),
              idleSeconds * 1000 - (now - changedAt),
            );
            const timer = setTimeout(resolve, until);
            wake = () => {
              clearTimeout(timer);
              resolve();
            };
          });
          if (stream.aborted) break;
          try {
            snapshot = await getWorkflow({ ctx, id });
          } catch (error) {
            deps.logger.warn({ err: error, workflowId: id }, "a workflow stream could not read its workflow");
            reason = "unavailable";
            break;
          }
        }
        if (reason && !stream.aborted) {
          await stream.writeSSE({ event: "close", data: JSON.stringify({ reason }) });
        }
      } finally {
        stopListening();
        slot.release();
      }
    });
  });
}
