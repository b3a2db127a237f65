import { defineConfig, devices } from "@playwright/test";
import { findChromium } from "./scripts/browser/chromium-path.mjs";
import { podsPort } from "./scripts/pods/pods.mjs";

// The pods test (tests/pods): Entas on two PostgreSQL servers, a city on each, started by
// scripts/pods/start.mjs unless PODS_RUNNING=1 says one is already up on PODS_PORT. The second
// server is Debian's cluster 15/pod2 on port 5433 (scripts/pods/second-server.mjs, run by .ci/run).
const port = podsPort();

export default defineConfig({
  testDir: "tests/pods",
  outputDir: "test-results/pods",
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 120_000,
  expect: { timeout: 20_000 },
  reporter: "list",
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: findChromium({}) ?? undefined,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
    },
  },
  projects: [{ name: "pods", use: { ...devices["Desktop Chrome"], viewport: { width: 1366, height: 768 } } }],
  webServer:
    process.env.PODS_RUNNING === "1"
      ? undefined
      : {
          command: "node scripts/pods/start.mjs",
          url: `http://127.0.0.1:${port}/masuk`,
          reuseExistingServer: false,
          timeout: 15 * 60_000,
          stdout: "pipe",
          gracefulShutdown: { signal: "SIGTERM", timeout: 30_000 },
        },
});
