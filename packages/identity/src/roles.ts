import type { Identity } from "./identity.ts";

/**
 * Roles are a custom claim on the ID token (`role`), set with Firebase's Admin SDK for production
 * users and by dev tokens locally. Operators may use the operator API (`/ops/v1`) and console.
 */
export const ROLES = ["operator"] as const;
export type Role = (typeof ROLES)[number];

export function hasRole(identity: Pick<Identity, "claims">, role: Role): boolean {
  return identity.claims.role === role;
}
