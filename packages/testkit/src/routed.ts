import { bearerTokenOf, signRouterCredential } from "@hireloop/identity";
import { decodeJwt } from "jose";

/**
 * A request as the region's router forwards it to a cell: with the router credential for that cell,
 * signed for the user the token names (the router verified it; the cell verifies it again).
 */
export function asRouter(cellKey: Buffer, url: string, init: RequestInit = {}): RequestInit {
  const headers = new Headers(init.headers);
  const { pathname, search } = new URL(url, "http://localhost");
  const credential = signRouterCredential(cellKey, {
    method: init.method ?? "GET",
    path: `${pathname}${search}`,
    tenant: subjectOf(bearerTokenOf(headers.get("authorization") ?? undefined)),
  });
  for (const [name, value] of Object.entries(credential)) headers.set(name, value);
  return { ...init, headers };
}

/** The token's subject, unverified; "" when there is none (the cell refuses such tokens itself). */
function subjectOf(token: string): string {
  try {
    const { sub } = decodeJwt(token);
    return typeof sub === "string" ? sub : "";
  } catch {
    return "";
  }
}
