import { describe, expect, it } from "vitest";
import { findChromium, missingChromiumMessage } from "../../scripts/browser/chromium-path.mjs";

const only =
  (...present: string[]) =>
  (path: string) =>
    present.includes(path);

describe("finding Chromium for the browser tests", () => {
  it("prefers CHROMIUM_PATH when it is executable", () => {
    const env = { CHROMIUM_PATH: "/opt/chrome/chrome" };
    expect(findChromium({ env, canRun: only("/opt/chrome/chrome", "/usr/bin/chromium") })).toBe("/opt/chrome/chrome");
  });

  it("does not fall back when CHROMIUM_PATH names nothing runnable, and says so", () => {
    const env = { CHROMIUM_PATH: "/opt/missing" };
    expect(findChromium({ env, canRun: only("/usr/bin/chromium") })).toBeNull();
    expect(missingChromiumMessage(env)).toContain("CHROMIUM_PATH=/opt/missing");
  });

  it("uses Debian's chromium, then a browser Playwright installed", () => {
    expect(findChromium({ env: {}, canRun: only("/usr/bin/chromium") })).toBe("/usr/bin/chromium");
    const playwrightPath = "/root/.cache/ms-playwright/chromium-1/chrome-linux/chrome";
    expect(findChromium({ env: {}, playwrightPath, canRun: only(playwrightPath) })).toBe(playwrightPath);
  });

  it("finds none on a bare machine and names the one package to install", () => {
    expect(findChromium({ env: {}, playwrightPath: "/nowhere/chrome", canRun: only() })).toBeNull();
    expect(missingChromiumMessage({})).toContain("apt-get install -y chromium");
  });
});
