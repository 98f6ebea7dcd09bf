import {
  type DeadLetterView,
  listDeadLetters,
  replayDeadLetter,
  withCellDeps,
} from "@hireloop/cell/operator";
import type { Command } from "commander";
import { formatTable } from "./control/format.ts";
import { loadProcessTable, specNamed } from "./local/lifecycle.ts";
import { builtInProfile } from "./local/profile.ts";
import { repositoryRoot } from "./paths.ts";

/**
 * The environment a cell runs with: the caller's own when it names a database (an operator shell
 * inside the cell), otherwise the local dev platform's process table.
 */
async function cellEnvironment(cellId: string): Promise<NodeJS.ProcessEnv> {
  if (process.env.HL_DATABASE_URL) return process.env;
  const table = await loadProcessTable(builtInProfile("dev", repositoryRoot()));
  return { ...process.env, ...specNamed(table, `${cellId}-worker`).env };
}

export function formatDeadLetters(letters: DeadLetterView[]): string {
  if (letters.length === 0) return "no dead letters: every failed workflow has been replayed or none failed";
  const rows = letters.map((l) => [
    l.id,
    l.workflowId,
    l.tenantId,
    l.step,
    l.errorCode,
    String(l.attempts),
    l.createdAt,
  ]);
  return formatTable(["ID", "WORKFLOW", "TENANT", "STEP", "ERROR", "ATTEMPTS", "FAILED AT"], rows);
}

export function registerDlqCommands(program: Command): void {
  const dlq = program.command("dlq").description("workflows that failed after their retries and fallback");
  dlq
    .command("list")
    .description("list the open dead letters of a cell, newest first")
    .option("--cell <id>", "the cell", "us-east-1")
    .option("--limit <n>", "at most this many", "100")
    .option("--json", "print JSON")
    .action(async (options: { cell: string; limit: string; json?: boolean }) => {
      const letters = await withCellDeps(await cellEnvironment(options.cell), (deps) =>
        listDeadLetters(deps, Number(options.limit)),
      );
      console.log(options.json ? JSON.stringify(letters, null, 2) : formatDeadLetters(letters));
    });
  dlq
    .command("replay <id>")
    .description("re-run a dead-lettered workflow from the step that failed")
    .option("--cell <id>", "the cell", "us-east-1")
    .action(async (id: string, options: { cell: string }) => {
      const { workflowId } = await withCellDeps(await cellEnvironment(options.cell), (deps) =>
        replayDeadLetter(deps, id),
      );
      console.log(`replaying workflow ${workflowId}; follow it with GET /v1/workflows/${workflowId}`);
    });
}
