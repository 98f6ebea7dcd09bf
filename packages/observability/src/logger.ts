import { type Logger, type LoggerOptions, pino } from "pino";

export type { Logger } from "pino";

export interface LoggerContext {
  service: string;
  region?: string;
  cell?: string;
  level?: string;
}

/** JSON logs on stdout; every line names the service (and region/cell when known). */
export function createLogger(context: LoggerContext, options: LoggerOptions = {}): Logger {
  const { service, region, cell, level = "info" } = context;
  return pino({
    level,
    base: { service, ...(region ? { region } : {}), ...(cell ? { cell } : {}) },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    redact: { paths: ["req.headers.authorization", "*.authorization", "token"], censor: "[redacted]" },
    ...options,
  });
}
