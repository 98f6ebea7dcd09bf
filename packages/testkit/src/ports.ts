import { createServer } from "node:net";

/**
 * Ports for the processes a test starts, from above the kernel's ephemeral range (32768–60999 on
 * Linux): a port the kernel picked for `listen(0)` and that was closed again can be taken by any
 * outgoing connection before the child binds it, which crashed children with EADDRINUSE. Each
 * vitest worker takes ports from a slice of its own, in turn, and checks each one is free.
 */
const PORTS_FROM = 61_000;
const PORTS_TO = 65_535;
const SLICES = 16;
const slice = Number(process.env.VITEST_POOL_ID ?? 0) % SLICES;
const sliceSize = Math.floor((PORTS_TO - PORTS_FROM + 1) / SLICES);
let nextInSlice = Math.floor(Math.random() * sliceSize);

export async function freePort(): Promise<number> {
  for (let tries = 0; tries < sliceSize; tries++) {
    const port = PORTS_FROM + slice * sliceSize + (nextInSlice++ % sliceSize);
    if (await isFree(port)) return port;
  }
  throw new Error(`no free port in this worker's slice of ${PORTS_FROM}-${PORTS_TO}`);
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}
