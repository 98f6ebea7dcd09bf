import { defineConfig } from "vitest/config";

/** Failure drills stop and start shared platform processes, so they run one file at a time. */
export default defineConfig({
  test: {
    include: ["cell/test/drills/**/*.test.ts"],
    fileParallelism: false,
    testTimeout: 240_000,
    hookTimeout: 120_000,
  },
});
