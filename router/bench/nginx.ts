import { type ChildProcess, execFileSync, spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { chmod, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "../../cell/test/support/processes.ts";
import { childProcesses } from "./cpu.ts";

/** Debian's nginx packages, most preferred first: nginx-light is the basic build (the binary is in nginx). */
const PACKAGES = ["nginx-light", "nginx"];
const BINARIES = ["/usr/sbin/nginx", "/usr/bin/nginx"];
const APT_TIMEOUT_MS = 300_000;
const READY_TIMEOUT_MS = 10_000;
const STOP_TIMEOUT_MS = 5_000;
/** Idle keep-alive connections each worker keeps to the upstream group (nginx's cache, not a cap). */
const UPSTREAM_KEEPALIVE = 64;

export interface NginxOptions {
  /** `host:port` of each upstream cell, in a fixed order (the consistent hash depends on the list). */
  upstreams: readonly string[];
  /** One worker, like the one router process it is compared with. */
  workerProcesses: number;
}

export interface RunningNginx {
  url: string;
  /** The master and its workers. */
  pids: number[];
  version: string;
  stop(): Promise<void>;
}

/** The nginx binary, installed from Debian's archive if it is missing (needs root). */
export function ensureNginx(log: (line: string) => void): string {
  const found = BINARIES.find((path) => existsSync(path));
  if (found) return found;
  if (process.getuid?.() !== 0) {
    throw new Error(`nginx is not installed; as root run: apt-get install -y ${PACKAGES[0]}`);
  }
  let name = installable();
  if (!name) {
    log("apt-get update (no nginx candidate in the package lists)");
    apt(["update"]);
    name = installable();
  }
  if (!name) throw new Error(`apt has no candidate for ${PACKAGES.join(" or ")}`);
  log(`apt-get install -y ${name}`);
  apt(["install", "-y", "--no-install-recommends", name]);
  const installed = BINARIES.find((path) => existsSync(path));
  if (!installed) throw new Error(`${name} installed but no nginx binary in ${BINARIES.join(", ")}`);
  return installed;
}

/** The first package `apt-cache policy` offers a candidate version for. */
function installable(): string | undefined {
  return PACKAGES.find((name) => {
    const policy = execFileSync("apt-cache", ["policy", name], { encoding: "utf8", timeout: 30_000 });
    const candidate = /Candidate:\s*(\S+)/.exec(policy)?.[1];
    return candidate !== undefined && candidate !== "(none)";
  });
}

function apt(args: string[]) {
  execFileSync("apt-get", args, {
    stdio: ["ignore", "ignore", "inherit"],
    timeout: APT_TIMEOUT_MS,
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
}

/**
 * The upstream block the issue names: `hash $http_x_user_id consistent`, keep-alive to the cells, and
 * no failover: a failed cell is never marked down (max_fails=0) and a failed request is never retried
 * on another cell (proxy_next_upstream off), because that user's data lives on one cell only.
 */
export function nginxConfig(dir: string, port: number, options: NginxOptions): string {
  const servers = options.upstreams.map((address) => `    server ${address} max_fails=0;`).join("\n");
  return `worker_processes ${options.workerProcesses};
error_log ${dir}/error.log warn;
pid ${dir}/nginx.pid;

events {
  worker_connections 4096;
}

http {
  access_log off;
  client_body_temp_path ${dir}/client_body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  keepalive_requests 1000000;

  upstream cells {
    hash $http_x_user_id consistent;
${servers}
    keepalive ${UPSTREAM_KEEPALIVE};
    keepalive_requests 1000000;
  }

  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://cells;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_next_upstream off;
    }
  }
}
`;
}

/** Our own nginx master in a temp dir (config, pid, logs), in the foreground, never a system service. */
export async function startNginx(binary: string, options: NginxOptions): Promise<RunningNginx> {
  const dir = await mkdtemp(join(tmpdir(), "hl-bench-nginx-"));
  // Workers drop root to nobody; they must be able to reach the temp paths inside.
  await chmod(dir, 0o755);
  const port = await freePort();
  const conf = join(dir, "nginx.conf");
  await writeFile(conf, nginxConfig(dir, port, options));
  const base = ["-p", dir, "-e", join(dir, "error.log"), "-c", conf];
  // `nginx -v` prints to stderr.
  const version = spawnSync(binary, ["-v"], { encoding: "utf8", timeout: 10_000 }).stderr.trim();
  execFileSync(binary, ["-t", "-q", ...base], { stdio: ["ignore", "ignore", "inherit"], timeout: 10_000 });
  const child = spawn(binary, [...base, "-g", "daemon off;"], { stdio: ["ignore", "ignore", "inherit"] });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    await stopChild(child, exited);
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await waitListening(`${url}/healthz`, child, dir);
  } catch (error) {
    await stop();
    throw error;
  }
  const pids = child.pid === undefined ? [] : [child.pid, ...childProcesses(child.pid, /^nginx: worker/)];
  return { url, pids, version: version.replace(/^nginx version:\s*/, ""), stop };
}

async function waitListening(url: string, child: ChildProcess, dir: string) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      const log = await readFile(join(dir, "error.log"), "utf8").catch(() => "");
      throw new Error(`nginx exited with ${child.exitCode}\n${log}`);
    }
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(1_000) })).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`nginx at ${url} not answering after ${READY_TIMEOUT_MS} ms`);
}

/** SIGTERM is nginx's fast shutdown (master and workers); SIGKILL if it lingers. */
async function stopChild(child: ChildProcess, exited: Promise<void>) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}
