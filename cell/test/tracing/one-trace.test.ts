import { json, signedIn } from "@hireloop/testkit/client";
import { textFixture } from "@hireloop/testkit/fixtures";
import { testPlatform } from "@hireloop/testkit/platform";
import { type RoutedRegion, startRoutedRegion } from "@hireloop/testkit/routed-region";
import { type ServiceProcess, startServiceProcess } from "@hireloop/testkit/service-process";
import { readAllRecords, type TopicRecord } from "@hireloop/testkit/topics";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { waitForWorkflow } from "../support/cell.ts";
import { hopsMissing, readTrace, type TraceSpan } from "./jaeger.ts";

/**
 * One tailoring request is one trace in the test platform's Jaeger: the router's span, the cell API's
 * under it, the worker's steps continuing the context stored with the workflow, each gRPC call as a
 * client span in the worker and a server span in pdf or ai-optimizer, and the outbox relay's publish
 * to Kafka, whose context each message carries on to whoever consumes it. Every process here is real
 * and exports on its own; the test only reads the trace back, and the messages from the topic.
 */
const jaeger = testPlatform().tracing;
let world: RoutedRegion;
let services: ServiceProcess[] = [];

beforeAll(async () => {
  if (jaeger === undefined) {
    throw new Error("the test platform runs no Jaeger: run `npx hireloop local up --profile test`");
  }
  // Processes of this test's own, so each exports to Jaeger whatever the platform's were started with.
  const [pdf, ai] = await Promise.all([startServiceProcess("pdf"), startServiceProcess("ai-optimizer")]);
  services = [pdf, ai];
  world = await startRoutedRegion(1, {
    region: { env: { HL_PDF_ADDRESS: pdf.address, HL_AI_OPTIMIZER_ADDRESS: ai.address } },
  });
}, 120_000);

afterAll(async () => {
  await world?.stop();
  await Promise.all(services.map((service) => service.kill("SIGTERM")));
});

describe("a tailoring request's trace", () => {
  it("holds every hop, router to Kafka, each under its parent", async () => {
    const as = signedIn(world.router.url, world.region.token, "traced-user");
    const resume = await (await as("/v1/resumes", json({ text: textFixture("resume.txt") }))).json();
    const job = await (await as("/v1/jobs", json({ text: textFixture("job-backend.txt") }))).json();

    const started = await as("/v1/tailorings", json({ resumeId: resume.id, jobId: job.id, format: "pdf" }));
    expect(started.status).toBe(202);
    const traceResponse = started.headers.get("traceresponse") ?? "";
    expect(traceResponse).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
    const [, traceId = "", routerSpanId] = traceResponse.split("-");
    const { workflowId } = await started.json();
    expect(await waitForWorkflow(as, workflowId)).toMatchObject({ status: "succeeded" });

    // The trace's messages on the topic, once the last has been published: each carries its
    // publish span's context on to whoever consumes it.
    const messages = await tracedMessages(traceId);
    expect(messages.map((message) => message.headers["hl-event-type"])).toEqual(
      expect.arrayContaining(["workflow.started", "tailoring.completed", "workflow.succeeded"]),
    );
    const publishedBy = messages.map((message) => message.headers.traceparent?.split("-")[2] ?? "");
    const spans = await readTrace(jaeger?.queryUrl ?? "", traceId, (found) => [
      ...hopsMissing(found),
      ...publishedBy
        .filter((id) => !found.some((span) => span.spanId === id))
        .map((id) => `publish span ${id}`),
    ]);
    const one = (found: TraceSpan[], what: string) => {
      expect(found, what).not.toHaveLength(0);
      return found;
    };
    const byId = new Map(spans.map((span) => [span.spanId, span]));
    const parentOf = (span: TraceSpan) => (span.parentId ? byId.get(span.parentId) : undefined);

    const [router] = one(
      spans.filter((s) => s.service === "router" && s.kind === "server"),
      "router span",
    );
    expect(router?.spanId).toBe(routerSpanId);
    expect(router?.name).toMatch(/^POST /);
    expect(router?.parentId).toBeUndefined();

    const [api] = one(
      spans.filter((s) => s.service === "cell-api" && s.kind === "server"),
      "cell API span",
    );
    expect(api?.name).toBe("POST /v1/tailorings");
    expect(parentOf(api as TraceSpan)).toBe(router);

    const steps = spans.filter((s) => s.service === "cell-worker" && s.name.startsWith("workflow.step "));
    expect(steps.map((s) => s.name).sort()).toEqual(
      ["workflow.step analyze", "workflow.step render", "workflow.step tailor"].sort(),
    );
    for (const step of steps) expect(parentOf(step), step.name).toBe(api);

    for (const [service, rpc] of [
      ["ai-optimizer", "AiOptimizerService/AnalyzeJob"],
      ["ai-optimizer", "AiOptimizerService/TailorResume"],
      ["pdf", "PdfService/Render"],
    ] as const) {
      const [server] = one(
        spans.filter((s) => s.service === service && s.kind === "server" && sameRpc(s.name, rpc)),
        `${service} server span`,
      );
      const client = parentOf(server as TraceSpan);
      expect(client, `${rpc} client span`).toMatchObject({
        service: "cell-worker",
        kind: "client",
        name: rpc,
      });
      expect(steps).toContain(parentOf(client as TraceSpan));
    }

    const publishes = one(
      spans.filter((s) => s.service === "cell-worker" && s.kind === "producer"),
      "Kafka publish spans",
    );
    for (const publish of publishes) expect(parentOf(publish), publish.name).toBeDefined();
    for (const id of publishedBy) expect(publishes.map((publish) => publish.spanId)).toContain(id);
  }, 120_000);
});

/** The messages on the cell's topic in trace `traceId`, read again until its workflow.succeeded is there. */
async function tracedMessages(traceId: string): Promise<TopicRecord[]> {
  const env = world.region.cells[0]?.processes.env ?? {};
  const deadline = Date.now() + 30_000;
  for (;;) {
    const records = await readAllRecords((env.HL_KAFKA_BROKERS ?? "").split(","), [env.HL_KAFKA_TOPIC ?? ""]);
    const traced = records.filter((record) => record.headers.traceparent?.split("-")[1] === traceId);
    if (traced.some((record) => record.headers["hl-event-type"] === "workflow.succeeded")) return traced;
    if (Date.now() > deadline)
      throw new Error(`no workflow.succeeded message in trace ${traceId} after 30 s`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** The server names a method as its handler does (`PdfService/render`), the client as the wire does. */
const sameRpc = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
