import { createHmac, randomBytes } from "node:crypto";
import type { Logger } from "@hireloop/observability";
import type { Redis } from "ioredis";
import type { Redaction } from "./redaction.ts";

export interface AuditEntry {
  operation: string;
  userId: string;
  cell: string;
  provider: string;
  model: string;
  /** "ok" or the fallback reason. */
  outcome: string;
  /** The cache key of the input: points at the exact request without holding it. */
  inputRef: string;
  redactions: Redaction[];
}

/**
 * Who sent what to which external model, as a Redis stream of pointers: personal values and user
 * ids are keyed HMACs, so an auditor holding a value can find where it went, but the log alone
 * reveals nothing. Writing the audit line never fails the call.
 */
export function createAuditLog(options: {
  redis: Redis;
  keyPrefix: string;
  hmacKey: string | undefined;
  maxEntries: number;
  logger: Logger;
}) {
  const key = options.hmacKey ?? randomBytes(32).toString("hex");
  if (!options.hmacKey) {
    options.logger.warn("HL_AUDIT_KEY is not set: audit pointers are only comparable within this process");
  }
  const pointer = (value: string) => createHmac("sha256", key).update(value).digest("hex").slice(0, 32);
  const stream = `${options.keyPrefix}:audit`;
  return {
    pointer,
    stream,
    async record(entry: AuditEntry): Promise<void> {
      const fields = {
        at: new Date().toISOString(),
        operation: entry.operation,
        user: pointer(`user:${entry.userId}`),
        cell: entry.cell,
        provider: entry.provider,
        model: entry.model,
        outcome: entry.outcome,
        input: entry.inputRef.slice(entry.inputRef.lastIndexOf(":") + 1),
        redactions: JSON.stringify(
          entry.redactions.map((redaction) => ({
            placeholder: redaction.placeholder,
            ref: pointer(`${redaction.kind}:${redaction.value}`),
          })),
        ),
      };
      await options.redis
        .xadd(stream, "MAXLEN", "~", String(options.maxEntries), "*", ...Object.entries(fields).flat())
        .catch((error: unknown) =>
          options.logger.warn({ err: error, audit: fields }, "audit stream write failed"),
        );
    },
  };
}

export type AuditLog = ReturnType<typeof createAuditLog>;
