import type { Page } from "@playwright/test";
import type { OpenedPath } from "@/scripts/page-walk";

/**
 * Opening a path in the browser, for the shared walk (scripts/page-walk.ts): its status, the
 * path it ended on (after any redirect) and the same-origin links of the page as it rendered.
 */
export function openInBrowser(page: Page) {
  return async (path: string): Promise<OpenedPath | null> => {
    const response = await page.goto(path, { waitUntil: "load" });
    if (!response) return null;
    return {
      status: response.status(),
      pathname: new URL(page.url()).pathname,
      links: () =>
        page.locator("a[href]:not([download])").evaluateAll((anchors) =>
          anchors
            .map((anchor) => new URL((anchor as HTMLAnchorElement).href, location.href))
            .filter((url) => url.origin === location.origin)
            .map((url) => url.pathname + url.search),
        ),
    };
  };
}
