// Runs before `playwright test`: stop at once, naming the package to install, rather than
// failing every browser test with a missing executable.
import { chromium } from "@playwright/test";
import { findChromium, missingChromiumMessage } from "./chromium-path.mjs";

function playwrightDownload() {
  try {
    return chromium.executablePath();
  } catch {
    return undefined;
  }
}

const found = findChromium({ playwrightPath: playwrightDownload() });
if (!found) {
  console.error(`\n✖ ${missingChromiumMessage()}\n`);
  process.exit(1);
}
console.log(`▶ browser tests use ${found}`);
