/**
 * The web app's weight and its time to first render, against a running router (`make up`; default
 * us-east's), next to a named peer served by the same router: its Swagger UI docs page (/docs).
 * Prints the gzip size of every built file and, over fresh browser contexts (no cache), the median
 * first contentful paint and the time until the sign-in form is usable.
 *
 *   npm run bench -w @hireloop/web            (HL_ROUTER_URL=http://127.0.0.1:9080 for eu-central)
 */
import { readdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";

const ROUTER = process.env.HL_ROUTER_URL ?? "http://127.0.0.1:8080";
const RUNS = Number(process.env.HL_BENCH_RUNS ?? 15);
const DIST = join(import.meta.dirname, "..", "dist");

async function builtSizes() {
  const rows: { file: string; bytes: number; gzip: number }[] = [];
  async function walk(dir: string) {
    for (const name of await readdir(dir)) {
      const path = join(dir, name);
      if ((await stat(path)).isDirectory()) await walk(path);
      else if (/\.(js|css|html)$/.test(name)) {
        const bytes = await readFile(path);
        rows.push({ file: path.slice(DIST.length + 1), bytes: bytes.length, gzip: gzipSync(bytes).length });
      }
    }
  }
  await walk(DIST);
  return rows;
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

async function main() {
  const sizes = await builtSizes();
  for (const row of sizes)
    console.log(
      `${row.file.padEnd(36)} ${(row.bytes / 1024).toFixed(1).padStart(8)} kB  gzip ${(row.gzip / 1024).toFixed(1).padStart(7)} kB`,
    );
  const total = sizes.reduce((sum, row) => sum + row.gzip, 0);
  console.log(`${"all".padEnd(36)} ${"".padStart(11)}  gzip ${(total / 1024).toFixed(1).padStart(7)} kB`);

  const browser = await chromium.launch({
    executablePath: process.env.HL_CHROMIUM ?? "/usr/bin/chromium",
    args: ["--no-sandbox"],
  });
  try {
    const measure = async (path: string, ready: string) => {
      const paints: number[] = [];
      const usable: number[] = [];
      for (let run = 0; run < RUNS; run++) {
        const context = await browser.newContext();
        const page = await context.newPage();
        const started = Date.now();
        await page.goto(`${ROUTER}${path}`, { timeout: 30_000 });
        await page.locator(ready).first().waitFor({ timeout: 30_000 });
        usable.push(Date.now() - started);
        paints.push(
          await page.evaluate(
            "performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? performance.now()",
          ),
        );
        await context.close();
      }
      return { fcp: median(paints), usable: median(usable) };
    };
    const app = await measure("/", "form button[type=submit]");
    const docs = await measure("/docs", ".swagger-ui .info");
    console.log(`\nfirst render over ${RUNS} fresh loads from ${ROUTER} (median)`);
    console.log(
      `web app   first contentful paint ${app.fcp.toFixed(0)} ms, sign-in form usable ${app.usable} ms`,
    );
    console.log(
      `/docs     first contentful paint ${docs.fcp.toFixed(0)} ms, API docs shown ${docs.usable} ms (peer: the router's Swagger UI)`,
    );
    console.log(
      `ratio     web app / docs: first paint ${(app.fcp / docs.fcp).toFixed(2)}, usable ${(app.usable / docs.usable).toFixed(2)}`,
    );
  } finally {
    await browser.close();
  }
}

await main();
