// The pages of the app as app/ declares them, and the walk through them that both the
// Playwright walk (tests/e2e/walk.ts) and the HTTP page bench (scripts/bench/http-pages.ts)
// take: from a role's menu through every link, one path of each page file.
import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";

const appDir = fileURLToPath(new URL("../app", import.meta.url));

type Route = { file: string; page: boolean; dynamicSegments: number; regex: RegExp };

/**
 * Every page.tsx and route.ts under app/, as the paths it answers: a new page is walked
 * without being listed anywhere. Static segments go before dynamic ones, as Next.js matches
 * them ("/bantuan/baru" is the new-entry form and "/bantuan/templat" a download, not entries so named).
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

/** What opening a path gave: its status, the path it ended on, and (asked after the visit) its links. */
export type OpenedPath = { status: number; pathname: string; links: () => Promise<string[]> };

/**
 * Walks from the start paths (each opened) through every link, opening one path of each
 * page file: each list's first entry, each form, each detail's own pages, each page once
 * however many rows link to it, and no link to a page file in `seen` (a walk before this one
 * opened it; this walk adds those it opens). `visit` is called on each opened page, before
 * its links are read.
 */
export async function walkPaths(
  open: (path: string) => Promise<OpenedPath | null>,
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
    const response = await open(path);
    // A link the role may not follow answers 404 (or sends elsewhere): no page of this role.
    if (!response || response.status !== 200 || pageFileOf(response.pathname) !== file) continue;
    seen.add(file);
    opened.push(path);
    await visit(path, file);
    queue.push(...(await response.links()).map((link) => ({ path: link, start: false })));
  }
  return opened;
}

/** The same-origin links of an HTML page (`<a href>` without `download`), as paths with their query. */
export function linksInHtml(html: string, baseUrl: string): string[] {
  const origin = new URL(baseUrl).origin;
  const links: string[] = [];
  for (const [tag] of html.matchAll(/<a\s[^>]*>/gi)) {
    if (/\sdownload(?=[\s=>/])/i.test(tag)) continue;
    const href = /\shref="([^"]*)"/i.exec(tag)?.[1];
    if (href === undefined) continue;
    const url = new URL(
      href
        .replace(/&amp;/g, "&")
        .replace(/&#x27;/g, "'")
        .replace(/&quot;/g, '"'),
      `${origin}/`,
    );
    if (url.origin === origin) links.push(url.pathname + url.search);
  }
  return links;
}
