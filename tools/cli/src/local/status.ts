import { existsSync } from "node:fs";
import { join } from "node:path";
import { loadProcessTable } from "./lifecycle.ts";
import { logFileOf } from "./log-files.ts";
import { Pm2Session, pm2DaemonRunning, type SupervisedProcess } from "./pm2-session.ts";
import { probe } from "./probes.ts";
import type { ProcessRole } from "./process-table.ts";
import type { LocalProfile } from "./profile.ts";

export type ProcessStatus = {
  name: string;
  /** "unlisted": run under the profile's pm2 but not part of its table (e.g. a test's own cell). */
  role: ProcessRole | "unlisted";
  /** pm2's status, or "absent" when pm2 does not know the process. */
  pm2: string;
  pid: number | null;
  uptimeMs: number | null;
  restarts: number | null;
  /** skipped: its code does not exist yet; unchecked: no health check is known for it. */
  health: "healthy" | "unhealthy" | "skipped" | "unchecked";
  detail: string;
  endpoint: string;
  log: string;
};

export type PlatformStatus = {
  profile: string;
  /** True when every process that should run is online and answers its health check. */
  ok: boolean;
  pm2Daemon: boolean;
  processes: ProcessStatus[];
};

/** pm2's view of each process plus a real health check (SELECT 1, PING, cluster metadata, HTTP). */
export async function platformStatus(profile: LocalProfile): Promise<PlatformStatus> {
  const table = await loadProcessTable(profile);
  const daemon = await pm2DaemonRunning(profile.pm2Home);
  const supervised = daemon ? await listSupervised(profile) : [];
  const byName = new Map(supervised.map((process) => [process.name, process]));

  const listed = await Promise.all(
    table.map(async (spec): Promise<ProcessStatus> => {
      const process = byName.get(spec.name);
      const base = {
        name: spec.name,
        role: spec.role,
        ...pm2Columns(process),
        endpoint: spec.endpoint,
        log: logFileOf(profile, spec.name),
      };
      const missing = spec.requires.filter((file) => !existsSync(join(profile.repoRoot, file)));
      if (missing.length > 0 && process === undefined) {
        return { ...base, health: "skipped", detail: `${missing.join(", ")} does not exist yet` };
      }
      const result = await probe(spec.health);
      return { ...base, health: result.healthy ? "healthy" : "unhealthy", detail: result.detail };
    }),
  );
  const unlisted = supervised
    .filter((process) => !table.some((spec) => spec.name === process.name))
    .map(
      (process): ProcessStatus => ({
        name: process.name,
        role: "unlisted",
        ...pm2Columns(process),
        health: "unchecked",
        detail: "not in the profile's process table",
        endpoint: "",
        log: logFileOf(profile, process.name),
      }),
    );
  const ok = listed.every(
    (status) => status.health === "skipped" || (status.pm2 === "online" && status.health === "healthy"),
  );
  return { profile: profile.name, ok, pm2Daemon: daemon, processes: [...listed, ...unlisted] };
}

/** Names `logs` accepts: the process table's and whatever else runs under the profile's pm2. */
export async function knownProcessNames(profile: LocalProfile): Promise<string[]> {
  const table = await loadProcessTable(profile);
  const supervised = (await pm2DaemonRunning(profile.pm2Home)) ? await listSupervised(profile) : [];
  return [...new Set([...table.map((spec) => spec.name), ...supervised.map((process) => process.name)])];
}

async function listSupervised(profile: LocalProfile): Promise<SupervisedProcess[]> {
  const session = await Pm2Session.connect(profile.pm2Home);
  try {
    return await session.list();
  } finally {
    session.close();
  }
}

function pm2Columns(process: SupervisedProcess | undefined) {
  return {
    pm2: process?.status ?? "absent",
    pid: process?.pid ?? null,
    uptimeMs: process?.uptimeMs ?? null,
    restarts: process?.restarts ?? null,
  };
}

export function formatStatus(status: PlatformStatus): string {
  const header = ["NAME", "PM2", "PID", "UPTIME", "RESTARTS", "HEALTH", "DETAIL"];
  const rows = status.processes.map((process) => [
    process.name,
    process.pm2,
    process.pid === null ? "-" : String(process.pid),
    process.uptimeMs === null ? "-" : formatDuration(process.uptimeMs),
    process.restarts === null ? "-" : String(process.restarts),
    process.health,
    process.detail,
  ]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column]?.length ?? 0)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column] ?? 0)))
      .join("  ");
  const verdict = status.ok
    ? `profile ${status.profile}: every process is healthy`
    : `profile ${status.profile}: UNHEALTHY${status.pm2Daemon ? "" : " (its pm2 daemon is not running)"}`;
  return [line(header), ...rows.map(line), "", verdict].join("\n");
}

export function formatDuration(milliseconds: number): string {
  const seconds = Math.floor(milliseconds / 1000);
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m${String(seconds % 60).padStart(2, "0")}s`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours}h${String(minutes % 60).padStart(2, "0")}m`;
  return `${Math.floor(hours / 24)}d${String(hours % 24).padStart(2, "0")}h`;
}
