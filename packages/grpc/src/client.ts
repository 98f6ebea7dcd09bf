import {
  type CallOptions,
  type ChannelCredentials,
  type Client,
  type ClientOptions,
  type ClientUnaryCall,
  credentials,
  Metadata,
  type ServiceError,
  status,
} from "@grpc/grpc-js";
import {
  BrokenCircuitError,
  type CircuitBreakerPolicy,
  ConsecutiveBreaker,
  circuitBreaker,
  handleWhen,
} from "cockatiel";
import { clientSpanInterceptor } from "./client-span.ts";
import { isTransient, ServiceFailure } from "./errors.ts";

type ClientConstructor<C> = new (
  address: string,
  credentials: ChannelCredentials,
  options?: Partial<ClientOptions>,
) => C;

export interface GrpcClientOptions {
  /** The full service name, e.g. "hireloop.pdf.v1.PdfService", for the retry policy. */
  service: string;
  /**
   * Methods safe to send again (their proto says NO_SIDE_EFFECTS or IDEMPOTENT): grpc-js retries
   * them on UNAVAILABLE, with backoff. Others are never retried by the channel.
   */
  retryableMethods: readonly string[];
  maxReceiveBytes?: number;
}

/**
 * A channel to a service with the platform's settings: keep-alive, a CLIENT span per call
 * carrying the caller's trace (client-span.ts), and transparent retries for
 * idempotent methods only (gRPC service config), so a restarting service costs a retry, not an error.
 */
export function createGrpcClient<C extends Client>(
  Ctor: ClientConstructor<C>,
  address: string,
  options: GrpcClientOptions,
): C {
  const serviceConfig = {
    methodConfig: [
      {
        name: options.retryableMethods.map((method) => ({ service: options.service, method })),
        retryPolicy: {
          maxAttempts: 3,
          initialBackoff: "0.1s",
          maxBackoff: "1s",
          backoffMultiplier: 2,
          retryableStatusCodes: ["UNAVAILABLE"],
        },
      },
    ],
  };
  return new Ctor(address, credentials.createInsecure(), {
    "grpc.service_config": JSON.stringify(serviceConfig),
    "grpc.enable_retries": 1,
    "grpc.keepalive_time_ms": 30_000,
    "grpc.max_receive_message_length": options.maxReceiveBytes ?? 16 * 1024 * 1024,
    // Reconnect quickly after a service restarts, instead of the default growing backoff up to 2 min.
    "grpc.initial_reconnect_backoff_ms": 200,
    "grpc.max_reconnect_backoff_ms": 2_000,
    interceptors: [clientSpanInterceptor],
  });
}

/** ts-proto's callback form of a unary method. */
type UnaryMethod<Req, Res> = (
  request: Req,
  metadata: Metadata,
  options: Partial<CallOptions>,
  callback: (error: ServiceError | null, response: Res) => void,
) => ClientUnaryCall;

export interface CallSettings {
  /** Every call has a deadline. */
  deadlineMs: number;
  signal?: AbortSignal;
  requestId?: string;
}

/** Calls a unary method with a deadline and the caller's request id; rejects with the ServiceError. */
export function callUnary<Req, Res>(
  method: UnaryMethod<Req, Res>,
  request: Req,
  settings: CallSettings,
): Promise<Res> {
  // The trace context is added by the client's span interceptor (client-span.ts).
  const metadata = new Metadata();
  if (settings.requestId) metadata.set("x-request-id", settings.requestId);
  return new Promise<Res>((resolve, reject) => {
    // Removed when the call ends: one signal often spans many calls (a workflow step's time limit).
    const cancel = () => call.cancel();
    const call = method(
      request,
      metadata,
      { deadline: Date.now() + settings.deadlineMs },
      (error, response) => {
        settings.signal?.removeEventListener("abort", cancel);
        if (error) reject(error);
        else resolve(response);
      },
    );
    settings.signal?.addEventListener("abort", cancel, { once: true });
  });
}

export interface ServiceCallerOptions {
  /** For messages and metrics: "pdf", "ai-optimizer", "scraper". */
  name: string;
  /** Consecutive transient failures that open the circuit. */
  failuresToOpen?: number;
  /** How long an open circuit refuses calls before letting one through to test the service. */
  halfOpenAfterMs?: number;
}

export interface ServiceCaller {
  /**
   * Runs a call through the service's circuit breaker. While the circuit is open, calls fail at once
   * with `service_unavailable` (UNAVAILABLE) instead of waiting for their deadline.
   */
  call<T>(work: () => Promise<T>): Promise<T>;
  state(): "closed" | "open" | "half-open" | "isolated";
}

/** One circuit breaker per service a process calls: only transient failures (down, slow) count. */
export function createServiceCaller(options: ServiceCallerOptions): ServiceCaller {
  const breaker: CircuitBreakerPolicy = circuitBreaker(handleWhen(isTransient), {
    halfOpenAfter: options.halfOpenAfterMs ?? 2_000,
    breaker: new ConsecutiveBreaker(options.failuresToOpen ?? 5),
  });
  const states = ["closed", "open", "half-open", "isolated"] as const;
  return {
    async call(work) {
      try {
        return await breaker.execute(work);
      } catch (error) {
        if (error instanceof BrokenCircuitError) {
          throw new ServiceFailure(
            "service_unavailable",
            status.UNAVAILABLE,
            `${options.name} is failing: its circuit is open`,
          );
        }
        throw error;
      }
    },
    state: () => states[breaker.state] ?? "closed",
  };
}
