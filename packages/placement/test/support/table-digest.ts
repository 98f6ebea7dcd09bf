/**
 * Run as its own process by the determinism test: builds the 8-cell table, grows it to 9 cells,
 * and prints a digest of both, so two processes can be compared.
 */
import { createHash } from "node:crypto";
import { buildTable } from "../../src/index.ts";
import { cells, REGION } from "./cells.ts";

export function tableDigest(): string {
  const eight = buildTable({ region: REGION, cells: cells(8) });
  const nine = buildTable({ region: REGION, cells: cells(9), previous: eight });
  return createHash("sha256")
    .update(JSON.stringify([eight.buckets, nine.buckets]))
    .digest("hex");
}

if (process.argv.includes("--print")) process.stdout.write(tableDigest());
