import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: { "@": fileURLToPath(new URL(".", import.meta.url)) },
  },
  test: {
    include: ["tests/unit/**/*.test.ts", "tests/integration/**/*.test.ts", "features/**/*.test.ts"],
    globalSetup: ["tests/helpers/global-setup.ts"],
    // Integration tests each build their own tenant (or in-memory database), so files run in parallel.
    pool: "forks",
    // Vitest's default on two cores is one file at a time; most of an integration test's time
    // is spent waiting on PostgreSQL, so two files at once nearly halve the run.
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
