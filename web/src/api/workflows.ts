import { EventSourceParserStream } from "eventsource-parser/stream";
import { api, type components, tokenForRequest, unwrap } from "./client.ts";
import { apiErrorOf } from "./errors.ts";

export type Workflow = components["schemas"]["Workflow"];

const FINAL = new Set<Workflow["status"]>(["succeeded", "failed", "cancelled"]);
/** Between reconnects, and between polls when the stream cannot be opened. */
const RETRY_MS = 1_000;

/**
 * Follows a workflow to its end over its event stream (fetch, since EventSource cannot send the
 * Authorization header), calling `onChange` with each new state. When the cell closes the stream
 * (it bounds how long one stays open) or it breaks, the workflow is read again and followed anew;
 * resolves with the final state.
 */
export async function followWorkflow(
  id: string,
  onChange: (workflow: Workflow) => void,
  signal: AbortSignal,
): Promise<Workflow> {
  for (;;) {
    const latest = await unwrap(api.GET("/v1/workflows/{id}", { params: { path: { id } }, signal }));
    onChange(latest);
    if (FINAL.has(latest.status)) return latest;
    try {
      const ended = await streamUntilClosed(id, onChange, signal);
      if (ended) continue; // the next read returns the final state
    } catch (error) {
      if (signal.aborted) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
  }
}

/** True when the stream said the workflow ended; false when it closed for another reason. */
async function streamUntilClosed(
  id: string,
  onChange: (workflow: Workflow) => void,
  signal: AbortSignal,
): Promise<boolean> {
  const token = await tokenForRequest();
  const response = await fetch(`/v1/workflows/${encodeURIComponent(id)}/events`, {
    headers: { Accept: "text/event-stream", ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    signal,
  });
  if (!response.ok || !response.body) throw await apiErrorOf(response);
  const events = response.body
    .pipeThrough(new TextDecoderStream())
    .pipeThrough(new EventSourceParserStream());
  for await (const event of events) {
    if (event.event === "progress") onChange(JSON.parse(event.data) as Workflow);
    else if (event.event === "end") return true;
    else if (event.event === "close") return false;
  }
  return false;
}
