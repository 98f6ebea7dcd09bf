import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "@hireloop/testkit/ports";
import { stringify } from "yaml";

/** A Prometheus server (Debian's package, installed by infra/local/install.sh) of a test. */
export interface PrometheusProcess {
  url: string;
  /** GET /api/v1/<path> with query parameters: the `data` of a success, or throws with Prometheus' error. */
  api<T>(path: string, params?: Record<string, string>): Promise<T>;
  stop(): Promise<void>;
}

/**
 * Starts Prometheus on a free port, scraping `targets` (job → URLs of /metrics) every second and
 * evaluating `ruleFiles` every second, with its data in a fresh temporary folder.
 */
export async function startPrometheus(
  targets: Record<string, string[]>,
  ruleFiles: string[],
): Promise<PrometheusProcess> {
  const dir = await mkdtemp(join(tmpdir(), "hl-prometheus-"));
  const config = {
    global: { scrape_interval: "1s", scrape_timeout: "1s", evaluation_interval: "1s" },
    rule_files: ruleFiles,
    scrape_configs: Object.entries(targets).map(([job, urls]) => ({
      job_name: job,
      static_configs: [{ targets: urls.map((url) => new URL(url).host) }],
    })),
  };
  await writeFile(join(dir, "prometheus.yml"), stringify(config));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(
    "prometheus",
    [
      `--config.file=${join(dir, "prometheus.yml")}`,
      `--storage.tsdb.path=${join(dir, "data")}`,
      `--web.listen-address=127.0.0.1:${port}`,
      "--log.level=error",
    ],
    { stdio: ["ignore", "ignore", "inherit"] },
  );
  const exited = new Promise((resolve) => child.once("exit", resolve));
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`prometheus exited with ${child.exitCode}`);
    const ready = await fetch(`${url}/-/ready`, { signal: AbortSignal.timeout(1_000) }).catch(
      () => undefined,
    );
    if (ready?.ok) break;
    if (Date.now() > deadline) throw new Error("prometheus not ready after 30 s");
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url,
    async api<T>(path: string, params: Record<string, string> = {}): Promise<T> {
      const res = await fetch(`${url}/api/v1/${path}?${new URLSearchParams(params)}`, {
        signal: AbortSignal.timeout(10_000),
      });
      const body = (await res.json()) as { status: string; data: T; error?: string };
      if (body.status !== "success") throw new Error(`${path} ${JSON.stringify(params)}: ${body.error}`);
      return body.data;
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}
