import { chromium, defineConfig, devices } from "@playwright/test";
import { findChromium } from "./scripts/browser/chromium-path.mjs";

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = process.env.E2E_BASE_URL ?? `http://127.0.0.1:${port}`;

// Playwright's own browser download is unreachable here: CHROMIUM_PATH, Debian's Chromium, or
// one Playwright installed before (`npm run test:e2e` has checked that one exists).
const executablePath = findChromium({ playwrightPath: safePlaywrightPath() }) ?? undefined;

function safePlaywrightPath() {
  try {
    return chromium.executablePath();
  } catch {
    return undefined;
  }
}
const chromiumArgs = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"];

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results",
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [["list"], ["html", { open: "never" }]] : "list",
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: { executablePath, args: chromiumArgs },
  },
  projects: [
    // The users' old office laptops. Tests tagged @phone are of the phone's screen only.
    { name: "laptop", use: { ...devices["Desktop Chrome"], viewport: { width: 1366, height: 768 } }, grepInvert: /@phone/ },
    // A phone has no keyboard: tests tagged @keyboard run on the laptop only, as do those
    // tagged @laptop (of the laptop's screen only).
    { name: "phone", use: { ...devices["Pixel 7"] }, grepInvert: /@keyboard|@laptop/ },
  ],
  // Given E2E_BASE_URL, test that server; otherwise start a fresh migrated, seeded, built app.
  webServer: process.env.E2E_BASE_URL
    ? undefined
    : {
        command: "node scripts/e2e-server.mjs",
        url: baseURL,
        env: { E2E_PORT: String(port) },
        reuseExistingServer: !process.env.CI,
        timeout: 15 * 60_000,
        stdout: "pipe",
      },
});
