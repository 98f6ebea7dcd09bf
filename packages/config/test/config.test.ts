import { describe, expect, it } from "vitest";
import { z } from "zod";
import { configurationError, parseEnvironment } from "../src/index.ts";

const schema = z.object({
  HL_PORT: z.coerce.number().int().min(0).max(65_535),
  HL_REDIS_URL: z.string().url(),
  HL_LOG_LEVEL: z.string().default("info"),
});

describe("parseEnvironment", () => {
  it("reads the environment through the schema, defaults included", () => {
    expect(
      parseEnvironment(schema, { HL_PORT: "8080", HL_REDIS_URL: "redis://127.0.0.1:6379" }, "router"),
    ).toEqual({
      HL_PORT: 8080,
      HL_REDIS_URL: "redis://127.0.0.1:6379",
      HL_LOG_LEVEL: "info",
    });
  });

  it("names every refused variable at once, under the process's name", () => {
    expect(() => parseEnvironment(schema, { HL_PORT: "99999" }, "pdf service")).toThrow(
      /^invalid pdf service configuration:\n {2}HL_PORT: .+\n {2}HL_REDIS_URL: .+$/,
    );
  });
});

describe("configurationError", () => {
  it("lists the problems a process found after reading its variables", () => {
    expect(configurationError("cell", ["HL_CELL_KEY_FILE: no such file"]).message).toBe(
      "invalid cell configuration:\n  HL_CELL_KEY_FILE: no such file",
    );
  });
});
