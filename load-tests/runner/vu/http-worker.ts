import { runAsWorker } from "synckit";
import type { WireRequest, WireResponse } from "../adapter/runtime.ts";

function bodyOf(request: WireRequest): RequestInit["body"] {
  const { body } = request;
  if (body === null || typeof body === "string" || body instanceof ArrayBuffer) return body;
  const form = new FormData();
  for (const [name, value] of Object.entries(body.form)) {
    if (typeof value === "string") form.append(name, value);
    else form.append(name, new Blob([value.data], { type: value.contentType }), value.filename);
  }
  return form;
}

/** Sends one request for a VU's script, which waits for the answer (synckit blocks its thread). */
async function send(request: WireRequest): Promise<WireResponse> {
  const started = performance.now();
  try {
    const response = await fetch(request.url, {
      method: request.method,
      headers: request.headers,
      body: bodyOf(request),
      signal: AbortSignal.timeout(request.timeoutMs),
    });
    const body = request.binary ? await response.arrayBuffer() : await response.text();
    return {
      status: response.status,
      headers: Object.fromEntries(response.headers),
      body,
      durationMs: performance.now() - started,
      error: "",
    };
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    return {
      status: 0,
      headers: {},
      body: null,
      durationMs: performance.now() - started,
      error: cause ?? (error instanceof Error ? error.message : String(error)),
    };
  }
}

runAsWorker(send);
