import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

/**
 * CPU time of other processes from Linux's /proc, so a run can say what each request cost each
 * process in CPU: on a machine whose cores are shared, throughput alone mixes that with contention.
 */
const TICKS_PER_SECOND = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;

/** `/proc/<pid>/stat` after the command name, which may itself hold spaces: [state, ppid, …]. */
function statFields(pid: number): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  } catch {
    return undefined; // the process is gone
  }
}

/** User + system CPU seconds a process has used so far (0 once it is gone). */
export function cpuSeconds(pid: number): number {
  const fields = statFields(pid);
  // utime and stime are fields 14 and 15 of stat(5); the slice starts at field 3.
  return fields ? (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND : 0;
}

/** The live children of `parent` whose command line (arguments joined by spaces) matches. */
export function childProcesses(parent: number, command: RegExp): number[] {
  return readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry))
    .map(Number)
    .filter((pid) => statFields(pid)?.[1] === String(parent))
    .filter((pid) => {
      try {
        return command.test(readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").join(" ").trim());
      } catch {
        return false;
      }
    });
}

/** Total CPU seconds of a group of processes. */
export const totalCpuSeconds = (pids: readonly number[]) =>
  pids.reduce((sum, pid) => sum + cpuSeconds(pid), 0);
