/** One span as Jaeger's query API (/api/traces/<id>) describes it, reduced to what the tests check. */
export interface TraceSpan {
  spanId: string;
  parentId: string | undefined;
  name: string;
  service: string;
  /** server, client, producer, consumer; "internal" when the span has no kind. */
  kind: string;
}

type JaegerTrace = {
  spans: {
    spanID: string;
    operationName: string;
    processID: string;
    references?: { refType: string; spanID: string }[];
    tags?: { key: string; value: unknown }[];
  }[];
  processes: Record<string, { serviceName: string }>;
};

const POLL_MS = 500;

/**
 * The spans of trace `traceId`, read again until `missing` finds nothing missing (spans arrive in
 * batches, from several processes) or `timeoutMs` passes; then fails naming what never arrived.
 */
export async function readTrace(
  queryUrl: string,
  traceId: string,
  missing: (spans: TraceSpan[]) => string[],
  timeoutMs = 30_000,
): Promise<TraceSpan[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const spans = await fetchTrace(queryUrl, traceId);
    const absent = missing(spans);
    if (absent.length === 0) return spans;
    if (Date.now() > deadline) {
      throw new Error(`trace ${traceId} still lacks ${absent.join(", ")} after ${timeoutMs} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

async function fetchTrace(queryUrl: string, traceId: string): Promise<TraceSpan[]> {
  const res = await fetch(`${queryUrl}/api/traces/${traceId}`, { signal: AbortSignal.timeout(5_000) });
  if (res.status === 404) return [];
  if (!res.ok) throw new Error(`Jaeger answered ${res.status} for trace ${traceId}`);
  const body = (await res.json()) as { data: JaegerTrace[] };
  return body.data.flatMap((trace) =>
    trace.spans.map((span) => ({
      spanId: span.spanID,
      parentId: span.references?.find((ref) => ref.refType === "CHILD_OF")?.spanID,
      name: span.operationName,
      service: trace.processes[span.processID]?.serviceName ?? "unknown",
      kind: String(span.tags?.find((tag) => tag.key === "span.kind")?.value ?? "internal"),
    })),
  );
}

/** The hops of one tailoring that `spans` does not hold yet. */
export function hopsMissing(spans: TraceSpan[]): string[] {
  const has = (service: string, kind: string, name?: string) =>
    spans.some(
      (s) =>
        s.service === service &&
        s.kind === kind &&
        (name === undefined || s.name.toLowerCase() === name.toLowerCase()),
    );
  const hops: [string, boolean][] = [
    ["the router's span", has("router", "server")],
    ["the cell API's span", has("cell-api", "server")],
    ["the analyze step", has("cell-worker", "internal", "workflow.step analyze")],
    ["the tailor step", has("cell-worker", "internal", "workflow.step tailor")],
    ["the render step", has("cell-worker", "internal", "workflow.step render")],
    ["ai-optimizer's AnalyzeJob", has("ai-optimizer", "server", "AiOptimizerService/AnalyzeJob")],
    ["ai-optimizer's TailorResume", has("ai-optimizer", "server", "AiOptimizerService/TailorResume")],
    ["pdf's Render", has("pdf", "server", "PdfService/Render")],
    ["a Kafka publish", has("cell-worker", "producer")],
  ];
  return hops.filter(([, present]) => !present).map(([hop]) => hop);
}
