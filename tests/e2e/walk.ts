import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Page } from "@playwright/test";

const appDir = fileURLToPath(new URL("../../app", import.meta.url));

type Route = { file: string; page: boolean; dynamicSegments: number; regex: RegExp };

/**
 * Every page.tsx and route.ts under app/, as the paths it answers: a new page is walked
 * without being listed here. Static segments go before dynamic ones, as Next.js matches them
 * ("/bantuan/baru" is the new-entry form and "/bantuan/templat" a download, not entries so named).
 */
const routes: Route[] = readdirSync(appDir, { recursive: true, encoding: "utf8" })
  .map((file) => ({ file, name: file.split("/").at(-1) }))
  .filter(({ name }) => name === "page.tsx" || name === "route.ts")
  .map(({ file, name }) => {
    const segments = file.split("/").slice(0, -1);
    const pattern = segments.map((segment) => (segment.startsWith("[") ? "[^/]+" : segment.replace(/[.*+?^${}()|\\]/g, "\\$&"))).join("/");
    const dynamicSegments = segments.filter((segment) => segment.startsWith("[")).length;
    return { file, page: name === "page.tsx", dynamicSegments, regex: new RegExp(`^/${pattern}/?$`) };
  })
  .sort((a, b) => a.dynamicSegments - b.dynamicSegments);

/** The page file a path opens, or null for a path no page answers (an export, a template, an API). */
export function pageFileOf(pathname: string): string | null {
  const route = routes.find((candidate) => candidate.regex.test(pathname));
  return route?.page ? route.file : null;
}

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
 * Walks from the start paths (each opened) through every link, opening one path of each
 * page file: each list's first entry, each form, each detail's own pages, each page once
 * however many rows link to it, and no link to a page file in `seen` (a walk before this one
 * opened it; this walk adds those it opens). `visit` is called on each opened page.
 */
export async function walkPages(
  page: Page,
  startPaths: readonly string[],
  visit: (path: string, file: string) => Promise<void>,
  seen = new Set<string>(),
): Promise<string[]> {
  const tried = new Set<string>();
  const queue = startPaths.map((path) => ({ path, start: true }));
  const opened: string[] = [];
  while (queue.length > 0) {
    const { path, start } = queue.shift()!;
    const file = pageFileOf(path.split("?")[0]!);
    if (!file || tried.has(file) || (seen.has(file) && !start)) continue;
    tried.add(file);
    const response = await page.goto(path, { waitUntil: "load" });
    // A link the role may not follow answers 404 (or sends elsewhere): no page of this role.
    if (!response || response.status() !== 200 || pageFileOf(new URL(page.url()).pathname) !== file) continue;
    seen.add(file);
    opened.push(path);
    await visit(path, file);
    queue.push(...(await linksOn(page)).map((link) => ({ path: link, start: false })));
  }
  return opened;
}
