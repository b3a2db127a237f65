// Where the browser tests find Chromium. Playwright's own download is unreachable on the
// machines Entas is built on, so the order is: CHROMIUM_PATH, Debian's package, then a
// browser Playwright already installed (`npx playwright install chromium` where it can).
import { accessSync, constants } from "node:fs";

export const DEBIAN_CHROMIUM_PATHS = ["/usr/bin/chromium", "/usr/bin/chromium-browser"];

function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The first usable Chromium, or null. `playwrightPath` is where Playwright would look for
 * its own download; `canRun` is injectable for tests.
 */
export function findChromium({ env = process.env, playwrightPath, canRun = isExecutable } = {}) {
  if (env.CHROMIUM_PATH) return canRun(env.CHROMIUM_PATH) ? env.CHROMIUM_PATH : null;
  const candidates = [...DEBIAN_CHROMIUM_PATHS, playwrightPath].filter(Boolean);
  return candidates.find((path) => canRun(path)) ?? null;
}

export function missingChromiumMessage(env = process.env) {
  if (env.CHROMIUM_PATH) {
    return `CHROMIUM_PATH=${env.CHROMIUM_PATH} is not an executable browser. Point it at Chromium, or unset it to use Debian's: sudo apt-get install -y chromium`;
  }
  return "The browser tests need Chromium and none was found. Install Debian's package: sudo apt-get install -y chromium (or set CHROMIUM_PATH to a Chromium or Chrome executable).";
}
