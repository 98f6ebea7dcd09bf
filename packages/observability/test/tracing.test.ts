import { createServer } from "node:net";
import { describe, expect, it } from "vitest";
import { EXPORT_SETTINGS, installTracing, startDetachedSpan } from "../src/index.ts";

/** A port nothing listens on: the collector is down. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === "string") throw new Error("no port");
  return address.port;
}

describe("installTracing", () => {
  it("refuses an endpoint that is not an http(s) URL, naming the variable", () => {
    expect(() => installTracing("router", { OTEL_EXPORTER_OTLP_ENDPOINT: "127.0.0.1:4318" })).toThrow(
      /invalid tracing configuration:\n {2}OTEL_EXPORTER_OTLP_ENDPOINT: must be an http\(s\) URL/,
    );
  });

  it("with the collector down, spans still end at once, the overflow is dropped and shutdown returns", async () => {
    const endpoint = `http://127.0.0.1:${await closedPort()}`;
    const tracing = installTracing("router", { OTEL_EXPORTER_OTLP_ENDPOINT: endpoint });
    expect(tracing.endpoint).toBe(endpoint);
    // More spans than the queue holds: the batch processor drops the rest instead of growing.
    for (let i = 0; i < EXPORT_SETTINGS.maxQueueSize * 2; i++) {
      const span = startDetachedSpan("request");
      expect(span.isRecording()).toBe(true);
      span.end();
    }
    await expect(tracing.shutdown()).resolves.toBeUndefined();
  });
});
