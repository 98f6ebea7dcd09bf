import type { z } from "zod";

/**
 * A process that cannot start as configured, with every problem found, one per line, each naming
 * the variable: `invalid router configuration:\n  HL_PORT: …\n  HL_REDIS_URL: …`.
 */
export function configurationError(processName: string, problems: readonly string[]): Error {
  return new Error(`invalid ${processName} configuration:\n  ${problems.join("\n  ")}`);
}

/** The environment as `schema` reads it, or every variable it refuses. Read once, at start-up. */
export function parseEnvironment<Schema extends z.ZodType>(
  schema: Schema,
  env: NodeJS.ProcessEnv,
  processName: string,
): z.infer<Schema> {
  const parsed = schema.safeParse(env);
  if (parsed.success) return parsed.data;
  throw configurationError(
    processName,
    parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`),
  );
}
