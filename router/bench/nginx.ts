import { type ChildProcess, execFileSync, spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { chmod, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "@hireloop/testkit/ports";
import { childProcesses } from "./cpu.ts";

/** Debian's nginx packages, most preferred first: nginx-light is the basic build (the binary is in nginx). */
const PACKAGES = ["nginx-light", "nginx"];
const BINARIES = ["/usr/sbin/nginx", "/usr/bin/nginx"];
/** nginx's JavaScript module (njs), to sign each request as the router does. */
const NJS_PACKAGE = "libnginx-mod-http-js";
const NJS_MODULE = "/usr/lib/nginx/modules/ngx_http_js_module.so";
const APT_TIMEOUT_MS = 300_000;
const READY_TIMEOUT_MS = 10_000;
const STOP_TIMEOUT_MS = 5_000;
/** Idle keep-alive connections each worker keeps to each cell (nginx's cache, not a cap). */
const UPSTREAM_KEEPALIVE = 64;

/** One cell behind nginx: where it listens and the key its router credential is made with. */
export interface NginxCell {
  /** `host:port` */
  address: string;
  cellKey: Buffer;
}

export interface NginxOptions {
  cells: readonly NginxCell[];
  /** Each user's cell (an index into `cells`): the one the router's placement names. */
  placement: ReadonlyMap<string, number>;
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

/** The nginx binary and its JavaScript module, installed from Debian's archive if missing (needs root). */
export function ensureNginx(log: (line: string) => void): string {
  const found = BINARIES.find((path) => existsSync(path));
  if (found && existsSync(NJS_MODULE)) return found;
  if (process.getuid?.() !== 0) {
    throw new Error(
      `nginx or its njs module is missing; as root run: apt-get install -y ${PACKAGES[0]} ${NJS_PACKAGE}`,
    );
  }
  let name = installable();
  if (!name) {
    log("apt-get update (no nginx candidate in the package lists)");
    apt(["update"]);
    name = installable();
  }
  if (!name) throw new Error(`apt has no candidate for ${PACKAGES.join(" or ")}`);
  log(`apt-get install -y ${name} ${NJS_PACKAGE}`);
  apt(["install", "-y", "--no-install-recommends", name, NJS_PACKAGE]);
  const installed = BINARIES.find((path) => existsSync(path));
  if (!installed || !existsSync(NJS_MODULE)) {
    throw new Error(`${name} installed but no nginx binary in ${BINARIES.join(", ")} or no ${NJS_MODULE}`);
  }
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
 * nginx doing the router's hop without its edge (no token check, no limits): each user to the cell
 * the router's placement names (a map, like the router's table), the router credential made per
 * request in njs (the same HMAC over time, nonce, method, path and user as
 * packages/identity/src/router-credential.ts), keep-alive to each cell, and no failover: a failed
 * request is never retried on another cell (proxy_next_upstream off), since that user's data
 * lives on one cell only.
 */
export function nginxConfig(dir: string, port: number, options: NginxOptions): string {
  const upstreams = options.cells
    .map(
      (cell, index) => `  upstream cell${index} {
    server ${cell.address} max_fails=0;
    keepalive ${UPSTREAM_KEEPALIVE};
    keepalive_requests 1000000;
  }`,
    )
    .join("\n");
  const placement = [...options.placement].map(([user, index]) => `    "${user}" ${index};`).join("\n");
  return `load_module ${NJS_MODULE};
worker_processes ${options.workerProcesses};
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

  js_path ${dir};
  js_import credential from credential.js;

  map $http_x_user_id $hl_cell {
    default 0;
${placement}
  }
  js_set $hl_router_credential credential.sign;

${upstreams}

  server {
    listen 127.0.0.1:${port};
    location = /healthz {
      return 200 "ok";
    }
    location / {
      proxy_pass http://cell$hl_cell;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header x-hl-router-credential $hl_router_credential;
      proxy_set_header x-hl-tenant $http_x_user_id;
      proxy_next_upstream off;
    }
  }
}
`;
}

/** The njs side: the credential of one request for the cell the placement names. */
export function credentialScript(cells: readonly NginxCell[]): string {
  const keys = cells.map((cell) => `"${cell.cellKey.toString("hex")}"`).join(", ");
  return `const crypto = require("crypto");
const KEYS = [${keys}].map((hex) => Buffer.from(hex, "hex"));

function sign(r) {
  const stamp = "v1." + Date.now() + "." + r.variables.request_id;
  const signed = stamp + "\\n" + r.method + "\\n" + r.variables.request_uri + "\\n" + (r.headersIn["x-user-id"] || "");
  const mac = crypto.createHmac("sha256", KEYS[Number(r.variables.hl_cell)]).update(signed).digest("base64url");
  return stamp + "." + mac;
}

export default { sign };
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
  await writeFile(join(dir, "credential.js"), credentialScript(options.cells));
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
