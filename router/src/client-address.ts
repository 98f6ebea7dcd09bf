import type { IncomingMessage } from "node:http";

/**
 * The caller's address: the socket's peer, or — behind `trustedProxies` load balancers that each
 * append to X-Forwarded-For — the entry the outermost trusted one appended. Entries further left
 * were written by the client and could be anything.
 */
export function clientAddress(incoming: IncomingMessage, trustedProxies: number): string {
  const peer = incoming.socket.remoteAddress ?? "unknown";
  if (trustedProxies === 0) return peer;
  const header = incoming.headers["x-forwarded-for"];
  const chain = (Array.isArray(header) ? header.join(",") : (header ?? ""))
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "");
  return chain[chain.length - trustedProxies] ?? chain[0] ?? peer;
}
