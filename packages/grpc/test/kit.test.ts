import {
  activeTraceId,
  createLogger,
  createMetricsRegistry,
  installTracing,
  startSpan,
} from "@hireloop/observability";
import { PdfServiceClient, type PdfServiceServer, PdfServiceService } from "@hireloop/proto/pdf";
import { afterEach, describe, expect, it } from "vitest";
import {
  bindService,
  callUnary,
  checkGrpcHealth,
  createGrpcClient,
  createServiceCaller,
  failureOf,
  type Handlers,
  type RunningGrpcServer,
  ServiceFailure,
  serviceNameOf,
  startGrpcServer,
  status,
} from "../src/index.ts";

installTracing("pdf");
const SERVICE = serviceNameOf(PdfServiceService);
const running: { server: RunningGrpcServer; client: InstanceType<typeof PdfServiceClient> }[] = [];
afterEach(async () => {
  for (const { server, client } of running.splice(0)) {
    client.close();
    await server.stop(100);
  }
});

/** The kit in front of a pdf contract whose handlers each test writes to provoke one behaviour. */
async function serve(handlers: Partial<Handlers<PdfServiceServer>>, retryableMethods = ["Render", "Parse"]) {
  const registry = createMetricsRegistry({ service: "kit-test" });
  const unimplemented = async () => {
    throw new ServiceFailure("not_implemented", status.UNIMPLEMENTED, "not in this test");
  };
  const server = await startGrpcServer({
    host: "127.0.0.1",
    port: 0,
    logger: createLogger({ service: "kit-test", level: "silent" }),
    registry,
    services: [
      bindService<PdfServiceServer>(PdfServiceService, {
        render: unimplemented,
        parse: unimplemented,
        listTemplates: unimplemented,
        ...handlers,
      }),
    ],
  });
  const address = `127.0.0.1:${server.port}`;
  const client = createGrpcClient(PdfServiceClient, address, { service: SERVICE, retryableMethods });
  running.push({ server, client });
  return { server, client, registry, address };
}

const templates = { templates: [{ name: "classic", description: "one column" }], defaultTemplate: "classic" };

describe("the gRPC kit", () => {
  it("answers calls, carries the caller's trace and request id, and counts calls in metrics", async () => {
    let seen: { traceId?: string; requestId?: unknown } = {};
    const { client, registry } = await serve({
      listTemplates: async (_request, call) => {
        seen = { traceId: activeTraceId(), requestId: call.metadata.get("x-request-id")[0] };
        return templates;
      },
    });
    const callerTrace = await startSpan("caller", async () => {
      const response = await callUnary(
        client.listTemplates.bind(client),
        {},
        { deadlineMs: 2_000, requestId: "req-1" },
      );
      expect(response).toEqual(templates);
      return activeTraceId();
    });
    expect(seen).toEqual({ traceId: callerTrace, requestId: "req-1" });
    expect(await registry.metrics()).toMatch(
      /hl_grpc_server_handling_seconds_count\{service="PdfService",method="listTemplates",code="OK"[^}]*\} 1/,
    );
  });

  it("maps a domain failure to its status and machine code, and hides unexpected errors", async () => {
    const { client } = await serve({
      parse: async () => {
        throw new ServiceFailure("resume_unreadable", status.INVALID_ARGUMENT, "not a PDF");
      },
      listTemplates: async () => {
        throw new Error("secret database password in this message");
      },
    });
    const parse = callUnary(
      client.parse.bind(client),
      { file: Buffer.from("x"), filename: "", contentType: "" },
      { deadlineMs: 2_000 },
    );
    await expect(parse.catch(failureOf)).resolves.toEqual({
      status: status.INVALID_ARGUMENT,
      code: "resume_unreadable",
      message: "not a PDF",
    });
    const failure = await callUnary(client.listTemplates.bind(client), {}, { deadlineMs: 2_000 }).catch(
      failureOf,
    );
    expect(failure).toEqual({ status: status.INTERNAL, code: "internal_error", message: "internal error" });
  });

  it("honours deadlines on both sides: the caller gets DEADLINE_EXCEEDED and the handler is told to stop", async () => {
    let handlerAborted: Promise<unknown> = Promise.resolve(false);
    const { client } = await serve({
      listTemplates: async (_request, call) => {
        handlerAborted = new Promise((resolve) => call.signal.addEventListener("abort", () => resolve(true)));
        await handlerAborted;
        return templates;
      },
    });
    const started = Date.now();
    const failure = await callUnary(client.listTemplates.bind(client), {}, { deadlineMs: 200 }).catch(
      failureOf,
    );
    expect(failure).toMatchObject({ status: status.DEADLINE_EXCEEDED, code: "deadline_exceeded" });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(await handlerAborted).toBe(true);
  });

  it("retries idempotent methods on UNAVAILABLE, and never the others", async () => {
    const attempts = { render: 0, listTemplates: 0 };
    const unavailable = () => new ServiceFailure("service_unavailable", status.UNAVAILABLE, "warming up");
    const { client } = await serve(
      {
        render: async () => {
          attempts.render++;
          if (attempts.render < 3) throw unavailable();
          return { document: Buffer.from("%PDF"), contentType: "application/pdf", template: "classic" };
        },
        listTemplates: async () => {
          attempts.listTemplates++;
          throw unavailable();
        },
      },
      ["Render"],
    );
    const rendered = await callUnary(
      client.render.bind(client),
      { format: 1, template: "" },
      { deadlineMs: 5_000 },
    );
    expect(rendered.contentType).toBe("application/pdf");
    expect(attempts.render).toBe(3);
    await expect(
      callUnary(client.listTemplates.bind(client), {}, { deadlineMs: 5_000 }).catch(failureOf),
    ).resolves.toMatchObject({ status: status.UNAVAILABLE, code: "service_unavailable" });
    expect(attempts.listTemplates).toBe(1);
  });

  it("reports health, drains calls in flight on stop, and refuses new ones", async () => {
    let release: () => void = () => {};
    const { client, server, address } = await serve({
      listTemplates: async () => {
        await new Promise<void>((resolve) => {
          release = resolve;
        });
        return templates;
      },
    });
    expect(await checkGrpcHealth(address, SERVICE)).toBe("SERVING");
    server.setServing(false);
    expect(await checkGrpcHealth(address, SERVICE)).toBe("NOT_SERVING");
    server.setServing(true);

    const inFlight = callUnary(client.listTemplates.bind(client), {}, { deadlineMs: 5_000 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const stopped = server.stop(5_000);
    await new Promise((resolve) => setTimeout(resolve, 100));
    release();
    expect(await inFlight).toEqual(templates);
    await stopped;
    // Stopped: nothing listens any more, so the health check cannot connect.
    await expect(checkGrpcHealth(address, "", 500).catch(failureOf)).resolves.toMatchObject({
      status: expect.toBeOneOf([status.UNAVAILABLE, status.DEADLINE_EXCEEDED]),
    });
  });

  it("opens a service's circuit after consecutive transient failures, then fails fast until it heals", async () => {
    let healthy = false;
    const { client } = await serve(
      {
        listTemplates: async () => {
          if (!healthy) throw new ServiceFailure("service_unavailable", status.UNAVAILABLE, "down");
          return templates;
        },
      },
      [],
    );
    const caller = createServiceCaller({ name: "pdf", failuresToOpen: 3, halfOpenAfterMs: 300 });
    const call = () =>
      caller.call(() => callUnary(client.listTemplates.bind(client), {}, { deadlineMs: 2_000 }));
    for (let i = 0; i < 3; i++) {
      await expect(call().catch(failureOf)).resolves.toMatchObject({ code: "service_unavailable" });
    }
    expect(caller.state()).toBe("open");
    await expect(call().catch(failureOf)).resolves.toMatchObject({ code: "service_unavailable" });

    healthy = true;
    await new Promise((resolve) => setTimeout(resolve, 350));
    expect(await call()).toEqual(templates);
    expect(caller.state()).toBe("closed");
  });

  it("does not count a caller's own mistakes against the service", async () => {
    const { client } = await serve({
      listTemplates: async () => {
        throw new ServiceFailure("budget_exceeded", status.RESOURCE_EXHAUSTED, "daily budget used");
      },
    });
    const caller = createServiceCaller({ name: "pdf", failuresToOpen: 2 });
    for (let i = 0; i < 4; i++) {
      const failure = await caller
        .call(() => callUnary(client.listTemplates.bind(client), {}, { deadlineMs: 2_000 }))
        .then(() => undefined, failureOf);
      expect(failure?.code).toBe("budget_exceeded");
    }
    expect(caller.state()).toBe("closed");
  });
});

describe("serviceNameOf", () => {
  it("reads a generated service's full name from its methods' paths", () => {
    expect(SERVICE).toBe("hireloop.pdf.v1.PdfService");
    expect(() => serviceNameOf({})).toThrow(/without methods/);
  });
});
