/**
 * The starvation drill's measuring side, in a lean process of its own: in the test runner's process
 * its own pauses (the runner's garbage collection, its messages to the main process) would be timed
 * as the cell's. Either reads HL_PATH through the router HL_READS times, one after another, or,
 * given HL_HEALTH_URL, asks it every 50 ms for HL_SECONDS. Prints the latencies in milliseconds and
 * the statuses as one JSON line. One request is sent untimed first: the process's first fetch
 * (loading the HTTP client, opening the connection) costs tens of milliseconds of its own.
 */
const healthUrl = process.env.HL_HEALTH_URL;
const HEALTH_INTERVAL_MS = 50;

async function timed(url: string, init: RequestInit = {}): Promise<{ ms: number; status: number }> {
  const started = performance.now();
  const res = await fetch(url, { ...init, signal: AbortSignal.timeout(10_000) });
  await res.arrayBuffer();
  return { ms: performance.now() - started, status: res.status };
}

const latencies: number[] = [];
const statuses: number[] = [];
const headers = { authorization: `Bearer ${process.env.HL_TOKEN ?? ""}` };
const readUrl = `${process.env.HL_ROUTER_URL}${process.env.HL_PATH}`;
await (healthUrl ? timed(healthUrl) : timed(readUrl, { headers }));
if (healthUrl) {
  const until = Date.now() + Number(process.env.HL_SECONDS ?? 5) * 1000;
  while (Date.now() < until) {
    const { ms, status } = await timed(healthUrl);
    latencies.push(ms);
    statuses.push(status);
    await new Promise((resolve) => setTimeout(resolve, HEALTH_INTERVAL_MS));
  }
} else {
  for (let i = 0; i < Number(process.env.HL_READS ?? 100); i++) {
    const { ms, status } = await timed(readUrl, { headers });
    latencies.push(ms);
    statuses.push(status);
  }
}
console.log(JSON.stringify({ latencies, statuses }));
