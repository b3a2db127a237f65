import { test as base, expect } from "@playwright/test";

/**
 * Playwright's `test`, whose page fails the test on any Content Security Policy violation
 * (Chromium reports each blocked script, style or frame on the console, and the page's
 * `securitypolicyviolation` events are reported there too) and on any message missing from a
 * client component's catalogue (next-intl's MISSING_MESSAGE: the user would read its key).
 * Every spec imports `test` from here.
 */
export const test = base.extend({
  page: async ({ page }, use) => {
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy|MISSING_MESSAGE/i.test(message.text())) violations.push(`${page.url()}: ${message.text().split("\n")[0]}`);
    });
    await page.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (event) => {
        console.error(`Content Security Policy violation: ${event.violatedDirective} blocked ${event.blockedURI || "inline"}`);
      });
    });
    await use(page);
    expect(violations, "Content Security Policy violations and missing messages").toEqual([]);
  },
});
