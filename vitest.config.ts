import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: [
      "packages/*/test/**/*.test.ts",
      "tools/*/test/**/*.test.ts",
      "proto/test/**/*.test.ts",
      "shared-services/*/test/**/*.test.ts",
      "cell/test/**/*.test.ts",
      "router/test/**/*.test.ts",
      "infra/test/**/*.test.ts",
      "web/test/**/*.test.ts",
      "load-tests/test/**/*.test.ts",
    ],
    exclude: ["**/node_modules/**", "cell/test/drills/**"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
