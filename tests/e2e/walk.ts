import type { Page } from "@playwright/test";
import { pageFileOf, walkPaths } from "@/scripts/page-walk";

export { pageFileOf };

/** The same-origin links of the open page, as paths with their query. */
export async function linksOn(page: Page): Promise<string[]> {
  return page.locator("a[href]:not([download])").evaluateAll((anchors) =>
    anchors
      .map((anchor) => new URL((anchor as HTMLAnchorElement).href, location.href))
      .filter((url) => url.origin === location.origin)
      .map((url) => url.pathname + url.search),
  );
}

/**
 * Walks from the start paths (each opened) through every link in a browser, one path of each
 * page file (scripts/page-walk.ts, which the HTTP page bench walks too). `visit` is called on
 * each opened page.
 */
export async function walkPages(
  page: Page,
  startPaths: readonly string[],
  visit: (path: string, file: string) => Promise<void>,
  seen = new Set<string>(),
): Promise<string[]> {
  return walkPaths(
    async (path) => {
      const response = await page.goto(path, { waitUntil: "load" });
      if (!response) return null;
      return { status: response.status(), pathname: new URL(page.url()).pathname, links: () => linksOn(page) };
    },
    startPaths,
    visit,
    seen,
  );
}
