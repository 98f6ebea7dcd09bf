import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from "node:http";
import { bodyStillArriving, closeLingering } from "@hireloop/http";
import type { Dispatcher } from "undici";
import { DEFAULT_CACHE_CONTROL } from "../middleware/edge-headers.ts";
import { headersForClient } from "./headers.ts";

export class BodyIdleTimeoutError extends Error {
  override readonly name = "BodyIdleTimeoutError";
}

export class CallerGoneError extends Error {
  override readonly name = "CallerGoneError";
}

export interface RelayOptions {
  /**
   * Set on the upstream's response, over its own (lower-case names): the edge's headers and rate
   * limits, the region a hopped request entered by. An answer without Cache-Control gets no-store.
   */
  extraHeaders: Record<string, string>;
  requestId: string;
  /** The caller's request, whose body may still be arriving when the answer starts. */
  incoming: IncomingMessage;
  /** Longest silence inside a response body before it is cut; event streams are exempt. */
  bodyIdleTimeoutMs: number;
  /** A response that broke off after its head was sent (the caller's connection is cut). */
  onBroken(error: Error): void;
}

/**
 * An undici dispatch handler that writes the cell's response straight into the caller's response:
 * the head as soon as it arrives (flushed at once when no length says how long the body runs, so an
 * event stream starts immediately), each body chunk as it comes, pausing the cell while the caller's
 * socket is full. A caller who leaves aborts the cell's request. `head` settles once the head is
 * written, or rejects with the failure before it (the proxy's error mapping takes over then).
 *
 * Done at this level rather than with `pool.request()` and a pipe because that builds a promise, a
 * readable body stream, an AbortSignal and the piping around every response: CPU the router's
 * profile showed on every request.
 */
export class CellResponseRelay implements Dispatcher.DispatchHandler {
  readonly head: Promise<number>;
  #callerLeft = false;
  #headSent = false;
  #controller: Dispatcher.DispatchController | undefined;
  #idle: NodeJS.Timeout | undefined;
  #settle!: { resolve(status: number): void; reject(error: Error): void };
  private readonly outgoing: ServerResponse;
  private readonly options: RelayOptions;

  constructor(outgoing: ServerResponse, options: RelayOptions) {
    this.outgoing = outgoing;
    this.options = options;
    this.head = new Promise<number>((resolve, reject) => {
      this.#settle = { resolve, reject };
    });
    outgoing.once("close", () => {
      if (outgoing.writableFinished) return;
      this.#callerLeft = true;
      this.#controller?.abort(new CallerGoneError("the caller closed the connection"));
    });
  }

  /** The caller closed the connection before the whole response was written. */
  get callerLeft(): boolean {
    return this.#callerLeft;
  }

  onRequestStart(controller: Dispatcher.DispatchController) {
    this.#controller = controller;
    if (this.#callerLeft) controller.abort(new CallerGoneError("the caller closed the connection"));
  }

  onResponseStart(
    controller: Dispatcher.DispatchController,
    statusCode: number,
    headers: IncomingHttpHeaders,
  ) {
    // 1xx interim responses are the connection's business; the caller gets the final one.
    if (statusCode < 200) return;
    const answer = { ...headersForClient(headers, this.options.requestId), ...this.options.extraHeaders };
    answer["cache-control"] ??= DEFAULT_CACHE_CONTROL;
    // The upstream answered before the caller finished sending: the connection cannot be reused.
    if (bodyStillArriving(this.options.incoming)) {
      answer.connection = "close";
      closeLingering(this.options.incoming.socket);
    }
    this.outgoing.writeHead(statusCode, answer);
    // Without a length the body is a stream of unknown duration: let the caller see the head now.
    if (headers["content-length"] === undefined) this.outgoing.flushHeaders();
    if (!isEventStream(headers["content-type"])) {
      const idleMs = this.options.bodyIdleTimeoutMs;
      this.#idle = setTimeout(
        () => controller.abort(new BodyIdleTimeoutError(`no data for ${idleMs} ms`)),
        idleMs,
      );
    }
    this.#headSent = true;
    this.#settle.resolve(statusCode);
  }

  onResponseData(controller: Dispatcher.DispatchController, chunk: Buffer) {
    this.#idle?.refresh();
    if (!this.#writable()) return;
    if (!this.outgoing.write(chunk)) {
      controller.pause();
      this.outgoing.once("drain", () => controller.resume());
    }
  }

  onResponseEnd() {
    clearTimeout(this.#idle);
    if (this.#writable()) this.outgoing.end();
  }

  onResponseError(_controller: Dispatcher.DispatchController, error: Error) {
    clearTimeout(this.#idle);
    if (!this.#headSent) {
      this.#settle.reject(error);
      return;
    }
    // The head is out, so no error status can follow: cutting the connection tells the caller.
    this.outgoing.destroy();
    if (!this.#callerLeft) this.options.onBroken(error);
  }

  #writable(): boolean {
    return !this.outgoing.destroyed && !this.outgoing.writableEnded;
  }
}

function isEventStream(contentType: string | string[] | undefined): boolean {
  return typeof contentType === "string" && contentType.toLowerCase().startsWith("text/event-stream");
}
