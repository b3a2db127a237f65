import { defineConfig, devices } from "@playwright/test";
import { findChromium } from "./scripts/browser/chromium-path.mjs";
import { clusterPorts } from "./scripts/cluster/cluster.mjs";

// The multi-server test (tests/cluster): two web servers and a worker behind nginx, on one
// database through PgBouncer, started by `npm run cluster` unless CLUSTER_RUNNING=1 says one is
// already up on CLUSTER_PORT. `npm run test:cluster` checks first that nginx and PgBouncer are
// installed.
const ports = clusterPorts();

export default defineConfig({
  testDir: "tests/cluster",
  outputDir: "test-results/cluster",
  // One worker: the tests share the two servers and run one after the other on CI's two cores.
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 120_000,
  // Two production servers, a worker and the benchmark share CI's two cores.
  expect: { timeout: 20_000 },
  reporter: process.env.CI ? [["list"]] : "list",
  use: {
    baseURL: `http://127.0.0.1:${ports.balancer}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: findChromium({}) ?? undefined,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
    },
  },
  projects: [{ name: "cluster", use: { ...devices["Desktop Chrome"], viewport: { width: 1366, height: 768 } } }],
  webServer:
    process.env.CLUSTER_RUNNING === "1"
      ? undefined
      : {
          command: "node scripts/cluster/start.mjs",
          url: `http://127.0.0.1:${ports.balancer}/masuk`,
          reuseExistingServer: false,
          timeout: 15 * 60_000,
          stdout: "pipe",
          gracefulShutdown: { signal: "SIGTERM", timeout: 30_000 },
        },
});
