import {
  type handleUnaryCall,
  type Metadata,
  Server,
  ServerCredentials,
  type ServerUnaryCall,
  type ServiceDefinition,
  type sendUnaryData,
  status,
  type UntypedServiceImplementation,
} from "@grpc/grpc-js";
import { extractTraceContext, type Logger, SpanKind, startSpan } from "@hireloop/observability";
import { HealthImplementation } from "grpc-health-check";
import { Histogram, type Registry } from "prom-client";
import { ServiceFailure, toServiceError } from "./errors.ts";

/** What a handler knows about its call besides the request. */
export interface CallContext {
  /** Aborted when the caller cancels or the call's deadline passes: pass it to every slow step. */
  signal: AbortSignal;
  /** Milliseconds left before the caller's deadline (Infinity without one). */
  remainingMs(): number;
  metadata: Metadata;
  logger: Logger;
}

export type UnaryHandler<Req, Res> = (request: Req, call: CallContext) => Promise<Res>;

/** A service's handlers as plain async functions, derived from ts-proto's server interface. */
export type Handlers<Server> = {
  // ts-proto's server interface extends grpc-js's untyped one: drop its index signature.
  [K in keyof Server as string extends K
    ? never
    : number extends K
      ? never
      : K]: Server[K] extends handleUnaryCall<infer Req, infer Res> ? UnaryHandler<Req, Res> : never;
};

export interface ServiceBinding {
  /** The full gRPC name, e.g. "hireloop.pdf.v1.PdfService": health reports it. */
  name: string;
  definition: ServiceDefinition;
  handlers: Record<string, UnaryHandler<unknown, unknown>>;
}

/** Pairs a ts-proto service definition with its handlers, type-checked against each other. */
export function bindService<Server>(
  definition: ServiceDefinition<Server & UntypedServiceImplementation>,
  handlers: Handlers<Server>,
): ServiceBinding {
  return {
    name: serviceNameOf(definition),
    definition: definition as ServiceDefinition,
    handlers: handlers as unknown as Record<string, UnaryHandler<unknown, unknown>>,
  };
}

export interface GrpcServerOptions {
  host: string;
  /** 0 picks a free port. */
  port: number;
  services: ServiceBinding[];
  logger: Logger;
  registry: Registry;
  /** Largest message accepted, in bytes (uploads are the biggest). */
  maxReceiveBytes?: number;
}

export interface RunningGrpcServer {
  port: number;
  /** Marks every service NOT_SERVING (load balancers stop sending), then SERVING again. */
  setServing(serving: boolean): void;
  /**
   * Graceful stop: health says NOT_SERVING, new calls are refused, calls in flight get `graceMs`
   * to finish, then the rest are cancelled.
   */
  stop(graceMs?: number): Promise<void>;
}

export async function startGrpcServer(options: GrpcServerOptions): Promise<RunningGrpcServer> {
  const { logger, registry } = options;
  const duration = new Histogram({
    name: "hl_grpc_server_handling_seconds",
    help: "Time to answer a gRPC call, by service, method and gRPC status code",
    labelNames: ["service", "method", "code"],
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  const server = new Server({
    "grpc.max_receive_message_length": options.maxReceiveBytes ?? 8 * 1024 * 1024,
    "grpc.keepalive_time_ms": 60_000,
  });
  const health = new HealthImplementation({
    "": "SERVING",
    ...Object.fromEntries(options.services.map((service) => [service.name, "SERVING" as const])),
  });
  health.addToServer(server);
  for (const service of options.services) {
    const implementation: UntypedServiceImplementation = {};
    for (const [method, handler] of Object.entries(service.handlers)) {
      implementation[method] = adapt(service.name, method, handler, logger, duration);
    }
    server.addService(service.definition, implementation);
  }
  const port = await new Promise<number>((resolve, reject) => {
    server.bindAsync(`${options.host}:${options.port}`, ServerCredentials.createInsecure(), (error, bound) =>
      error ? reject(error) : resolve(bound),
    );
  });
  const setServing = (serving: boolean) => {
    const state = serving ? "SERVING" : "NOT_SERVING";
    health.setStatus("", state);
    for (const service of options.services) health.setStatus(service.name, state);
  };
  return {
    port,
    setServing,
    async stop(graceMs = 10_000) {
      setServing(false);
      await new Promise<void>((resolve) => {
        const force = setTimeout(() => {
          logger.warn({ graceMs }, "calls still running after the grace period: cancelling them");
          server.forceShutdown();
          resolve();
        }, graceMs);
        server.tryShutdown(() => {
          clearTimeout(force);
          resolve();
        });
      });
    },
  };
}

/** Turns an async handler into grpc-js's callback form, with its span, metrics, log line and error mapping. */
function adapt(
  service: string,
  method: string,
  handler: UnaryHandler<unknown, unknown>,
  logger: Logger,
  duration: Histogram<"service" | "method" | "code">,
): handleUnaryCall<unknown, unknown> {
  const short = service.slice(service.lastIndexOf(".") + 1);
  return (call: ServerUnaryCall<unknown, unknown>, callback: sendUnaryData<unknown>) => {
    const started = performance.now();
    const deadline = call.getDeadline();
    const deadlineMs = deadline instanceof Date ? deadline.getTime() : Number(deadline);
    const remainingMs = () =>
      Number.isFinite(deadlineMs) ? deadlineMs - Date.now() : Number.POSITIVE_INFINITY;
    const controller = new AbortController();
    call.once("cancelled", () =>
      controller.abort(new ServiceFailure("cancelled", status.CANCELLED, "call cancelled")),
    );
    const deadlineTimer = Number.isFinite(deadlineMs)
      ? setTimeout(
          () =>
            controller.abort(
              new ServiceFailure("deadline_exceeded", status.DEADLINE_EXCEEDED, "deadline exceeded"),
            ),
          Math.max(0, remainingMs()),
        )
      : undefined;
    const metadataValue = (key: string) => {
      const [value] = call.metadata.get(key);
      return typeof value === "string" ? value : undefined;
    };
    const requestId = metadataValue("x-request-id");
    const callLogger = logger.child({ rpc: `${short}/${method}`, ...(requestId ? { requestId } : {}) });
    const parent = extractTraceContext({
      traceparent: metadataValue("traceparent"),
      tracestate: metadataValue("tracestate"),
    });

    const finish = (code: status, error?: unknown) => {
      clearTimeout(deadlineTimer);
      const seconds = (performance.now() - started) / 1000;
      duration.observe({ service: short, method, code: status[code] ?? String(code) }, seconds);
      const line = { code: status[code], ms: Math.round(seconds * 1000) };
      if (code === status.INTERNAL) callLogger.error({ ...line, err: error }, "call failed");
      else callLogger.info(line, "call");
    };

    startSpan(
      `${short}/${method}`,
      async () => {
        if (remainingMs() <= 0) {
          throw new ServiceFailure(
            "deadline_exceeded",
            status.DEADLINE_EXCEEDED,
            "the deadline passed before the call started",
          );
        }
        return handler(call.request, {
          signal: controller.signal,
          remainingMs,
          metadata: call.metadata,
          logger: callLogger,
        });
      },
      { parent, kind: SpanKind.SERVER },
    ).then(
      (response) => {
        finish(status.OK);
        callback(null, response);
      },
      (error: unknown) => {
        const mapped = toServiceError(
          controller.signal.aborted && !(error instanceof ServiceFailure) ? controller.signal.reason : error,
        );
        finish(mapped.code, error);
        callback(mapped, null);
      },
    );
  };
}

/**
 * The full name of a generated service (`hireloop.pdf.v1.PdfService`), read from its methods' paths
 * (`/hireloop.pdf.v1.PdfService/Render`): the contract names it, so no code writes it out again.
 */
export function serviceNameOf(definition: ServiceDefinition): string {
  const [method] = Object.values(definition);
  const name = method?.path.split("/")[1];
  if (!name) throw new TypeError("a service definition without methods has no name");
  return name;
}
