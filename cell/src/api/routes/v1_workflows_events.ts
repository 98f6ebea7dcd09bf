import { createRoute, z } from "@hono/zod-openapi";
import { streamSSE } from "hono/streaming";
import { getWorkflowSnapshot } from "../../workflows/operations.ts";
import { progressChannel } from "../../workflows/progress.ts";
import { isTerminal } from "../../workflows/status.ts";
import type { App } from "../app-type.ts";
import { serviceContext } from "../context.ts";
import { errorResponses, IdParam } from "../schemas.ts";

const route = createRoute({
  method: "get",
  path: "/v1/workflows/{id}/events",
  tags: ["Workflows"],
  summary: "Follow a workflow's progress as server-sent events",
  description:
    "Each `progress` event carries the workflow (as GET /v1/workflows/{id}) whenever it changes; the stream ends after the final status (succeeded, failed or cancelled) with an `end` event.",
  request: { params: IdParam },
  responses: {
    200: { description: "An event stream", content: { "text/event-stream": { schema: z.string() } } },
    ...errorResponses(400, 401, 404),
  },
});

/** Redis pub/sub wakes the stream early; the database poll keeps it correct when Redis is away. */
const POLL_MS = 1_000;
const MAX_STREAM_MS = 10 * 60_000;

export function registerWorkflowsEvents(app: App) {
  app.openapi(route, async (c) => {
    const { services, tenantId } = serviceContext(c);
    const { id } = c.req.valid("param");
    let snapshot = await getWorkflowSnapshot(services, tenantId, id);
    return streamSSE(c, async (stream) => {
      const subscriber = services.redis.duplicate({ lazyConnect: true, maxRetriesPerRequest: 1 });
      let wake: () => void = () => {};
      subscriber.on("message", () => wake());
      subscriber.on("error", () => {});
      await subscriber.subscribe(progressChannel(id)).catch(() => {});
      stream.onAbort(() => wake());
      const deadline = Date.now() + MAX_STREAM_MS;
      let sequence = 0;
      let last = "";
      try {
        while (!stream.aborted && Date.now() < deadline) {
          const serialized = JSON.stringify(snapshot);
          if (serialized !== last) {
            last = serialized;
            await stream.writeSSE({ event: "progress", data: serialized, id: String(sequence++) });
          }
          if (isTerminal(snapshot.status)) {
            await stream.writeSSE({ event: "end", data: JSON.stringify({ status: snapshot.status }) });
            break;
          }
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, POLL_MS);
            wake = () => {
              clearTimeout(timer);
              resolve();
            };
          });
          snapshot = await getWorkflowSnapshot(services, tenantId, id);
        }
      } finally {
        subscriber.disconnect();
      }
    });
  });
}
