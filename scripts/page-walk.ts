// The pages of the app as app/ declares them, and the walk through them that both the
// Playwright walk (tests/e2e/walk-every-page.spec.ts) and the HTTP page bench
// (scripts/bench/http-pages.ts) take: from a role's menu through every link, one path of each
// page file.
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

/**
 * The page files no walk can open, and why: pages for whoever is not signed in, or pages that
 * show nothing of their own. Every other page.tsx must be reached by a link from some role's
 * menu, so a page nobody links to (a print view, a detail the demo data has no row for) shows.
 */
export const PAGES_NOT_WALKED: Readonly<Record<string, string>> = {
  // The front door only redirects, to the user's home or to sign-in.
  "page.tsx": "redirects",
  // Sign-in is for whoever is not signed in yet; the walks start signed in.
  "masuk/page.tsx": "before sign-in",
  // A city's public page is for anyone, signed in or not, and closed until its admin opens it:
  // the demo's cities keep it closed, and the city admin's switch links to it only when open.
  "publik/[city]/page.tsx": "public, closed unless the city admin opens it",
};

/** Every page file a signed-in user opens, which the walks of all roles together must open. */
export function pageFilesToWalk(): string[] {
  return routes
    .filter((route) => route.page && !(route.file in PAGES_NOT_WALKED))
    .map((route) => route.file)
    .sort();
}

/** What opening a path gave: its status, the path it ended on, and (asked after the visit) its links. */
export type OpenedPath = { status: number; pathname: string; links: () => Promise<string[]> };

/**
 * The pages of a record's detail page (a loan's agreement and receipts, a programme's budget
 * lines), by page file: those in folders under a detail's own folder, the detail being a
 * dynamic segment below the city's.
 */
const ownPages = new Map(
  routes
    .filter((route) => route.page)
    .map((route) => {
      const folder = route.file.split("/").slice(0, -1).join("/");
      const isDetail = route.dynamicSegments >= 2 && folder.split("/").at(-1)!.startsWith("[");
      const below = isDetail ? routes.filter((other) => other.page && other.file.startsWith(`${folder}/`)).map((other) => other.file) : [];
      return [route.file, below] as const;
    }),
);

/** How many rows' detail pages a walk opens at most while none shows a link to one of the detail's own pages (a loan proposal has no receipt). */
const DETAIL_TRIES = 5;

/**
 * Walks from the start paths (each opened) through every link, opening one path of each
 * page file: each list's first entry, each form, each detail's own pages, each page once
 * however many rows link to it, and no link to a page file in `seen` (a walk before this one
 * opened it; this walk adds those it opens). A detail page is opened again through the next
 * row's link while none opened so far linked to one of its own pages that no walk reached
 * (a loan proposal has no agreement nor receipts, the next loan may), a few times at most.
 * `visit` is called on each opened page, before its links are read.
 */
export async function walkPaths(
  open: (path: string) => Promise<OpenedPath | null>,
  startPaths: readonly string[],
  visit: (path: string, file: string) => Promise<void>,
  seen = new Set<string>(),
): Promise<string[]> {
  const tries = new Map<string, number>();
  // The page files of the links this walk has queued: a page someone links to is on its way.
  const linked = new Set<string>();
  const wantsAnother = (file: string) => (tries.get(file) ?? 0) < DETAIL_TRIES && (ownPages.get(file) ?? []).some((own) => !seen.has(own) && !linked.has(own));
  const queue = startPaths.map((path) => ({ path, start: true }));
  const opened: string[] = [];
  while (queue.length > 0) {
    const { path, start } = queue.shift()!;
    const file = pageFileOf(path.split("?")[0]!);
    if (!file) continue;
    const again = tries.has(file) || (seen.has(file) && !start);
    if (again && !wantsAnother(file)) continue;
    tries.set(file, (tries.get(file) ?? 0) + 1);
    const response = await open(path);
    // A link the role may not follow answers 404 (or sends elsewhere): no page of this role.
    if (!response || response.status !== 200 || pageFileOf(response.pathname) !== file) continue;
    seen.add(file);
    opened.push(path);
    await visit(path, file);
    for (const link of await response.links()) {
      const linkedFile = pageFileOf(link.split("?")[0]!);
      if (linkedFile) linked.add(linkedFile);
      queue.push({ path: link, start: false });
    }
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
