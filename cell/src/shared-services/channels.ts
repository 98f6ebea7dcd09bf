import { type AiOptimizerClient, createAiOptimizerClient } from "@hireloop/ai-optimizer/client";
import {
  type CallSettings,
  createServiceCaller,
  failureOf,
  isTransient,
  type ServiceCaller,
} from "@hireloop/grpc";
import { createPdfClient, type PdfClient } from "@hireloop/pdf/client";
import { createScraperClient, type ScraperClient } from "@hireloop/scraper/client";
import type { CellConfig } from "../config.ts";
import { CellError } from "../errors.ts";
import { storableText } from "./storable.ts";

export type SharedServiceName = "pdf" | "ai-optimizer" | "scraper";

/** A shared service as the cell uses it: the service's own client, a circuit breaker, a deadline. */
export interface Channel<Client> {
  client: Client;
  breaker: ServiceCaller;
  deadlineMs: number;
}

/** The cell's connections to its region's shared services, each with its own circuit breaker. */
export interface Channels {
  pdf: Channel<PdfClient>;
  ai: Channel<AiOptimizerClient>;
  scraper: Channel<ScraperClient>;
  close(): void;
}

export function openChannels(config: Pick<CellConfig, "services">): Channels {
  const { pdf, ai, scraper } = config.services;
  const channels = {
    pdf: {
      client: createPdfClient(pdf.address),
      breaker: createServiceCaller({ name: "pdf" }),
      deadlineMs: pdf.deadlineMs,
    },
    ai: {
      client: createAiOptimizerClient(ai.address),
      breaker: createServiceCaller({ name: "ai-optimizer" }),
      deadlineMs: ai.deadlineMs,
    },
    scraper: {
      client: createScraperClient(scraper.address),
      breaker: createServiceCaller({ name: "scraper" }),
      deadlineMs: scraper.deadlineMs,
    },
  };
  return {
    ...channels,
    close() {
      for (const channel of [channels.pdf, channels.ai, channels.scraper]) channel.client.close();
    },
  };
}

/**
 * One call to a shared service: through its breaker, with its deadline (or less, when the caller's
 * own time runs out first) and the caller's trace. Failures keep their gRPC shape, so workflow steps
 * can tell a service that is down (wait and retry) from a request it refused. Answers come back
 * fit to store (see storable.ts).
 */
export function call<Res>(
  channel: Channel<unknown>,
  send: (settings: CallSettings) => Promise<Res>,
  signal?: AbortSignal,
): Promise<Res> {
  return channel.breaker
    .call(() => send({ deadlineMs: channel.deadlineMs, ...(signal ? { signal } : {}) }))
    .then(storableText);
}

/**
 * For request handlers that call a service while the user waits: a service that is down becomes
 * 503 `dependency_unavailable` (with Retry-After), a refused request keeps its own code when the cell
 * knows it, and anything else is an internal error.
 */
export function toServiceError(service: SharedServiceName, error: unknown, known: readonly string[]): Error {
  const refusal = refusalOf(service, { ...failureOf(error), transient: isTransient(error) }, known);
  return refusal ?? (error instanceof Error ? error : new Error(String(error)));
}

/** The same, for a failure that crossed a thread as a value; undefined when the cell does not know it. */
export function refusalOf(
  service: SharedServiceName,
  failure: { code: string; message: string; transient: boolean },
  known: readonly string[],
): CellError | undefined {
  if (failure.transient) {
    return new CellError("dependency_unavailable", `the ${service} service is unavailable; retry shortly`);
  }
  if (known.includes(failure.code)) {
    return new CellError(failure.code as ConstructorParameters<typeof CellError>[0], failure.message);
  }
  return undefined;
}
