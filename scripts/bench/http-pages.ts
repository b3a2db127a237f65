// Server time and HTML size of every page of every role, as a browser gets them: signed in
// through next-auth's credentials endpoint as each of the generated city's users
// (scripts/bench/generate-city.ts), GET of the whole HTML over loopback from a running
// production server (`next build`, then `next start` on the generated city's database).
// Time is from the request to the last byte, so it includes session, rendering and streaming.
//
// The pages are not listed here: each role's walk starts from its home, its menu
// (features/shell/ui/nav-items.ts) and its account page, and follows every link, opening one
// path of each page file of app/ (scripts/page-walk.ts, the walk tests/e2e/walk-every-page.spec.ts takes in a
// browser): so each list's first row gives the detail page timed (a household, a training, a
// programme, a budget line, an aid entry, a loan…), each "new" button its form.
import { visibleNavGroups, tenantPageHref } from "@/features/shell/ui/nav-items";
import { povertyOpds } from "@/prisma/demo/cities/opds";
import type { Role } from "@/lib/generated/prisma/enums";
import { linksInHtml, walkPaths } from "../page-walk";
import { measure, type Timing } from "./measure";

export type HttpPageTiming = { name: string; path: string; file: string; role: string; bytes: number; status: number; timing: Timing };

/** The issue's limits for a page (#22): server time p95 and HTML size. */
export const HTTP_PAGE_LIMITS = { p95Ms: 400, htmlBytes: 500 * 1024 };

/** The benchmark city's users: <key>@<slug>.bench.entas.test, this password. */
export const BENCH_PASSWORD = "bench-password-8";

type Account = { key: string; role: Role; decidesRegistryChanges?: boolean; label: string };

const opdCodes = Object.fromEntries(povertyOpds({ name: "Bapeda", shortName: "Bapeda" }).map((o) => [o.shortName, o.code]));

/**
 * One account of each role (and of Dinas Sosial's mark), and Disnaker's clerk and head: it
 * holds most of the city's trainings, so its lists are the largest an OPD sees.
 */
export const BENCH_ACCOUNTS: Account[] = [
  { key: "bapeda", role: "BAPEDA", label: "Bapeda" },
  { key: "mayor", role: "MAYOR_OFFICE", label: "mayor's office" },
  { key: "admin", role: "CITY_ADMIN", label: "city admin" },
  { key: "auditor", role: "AUDITOR", label: "auditor" },
  { key: "kelurahan", role: "KELURAHAN", label: "kelurahan" },
  { key: `staff-${opdCodes.Dinsos}`, role: "OPD_STAFF", label: "Dinsos staff" },
  { key: `head-${opdCodes.Dinsos}`, role: "OPD_HEAD", decidesRegistryChanges: true, label: "Dinsos head" },
  { key: `staff-${opdCodes.Disnaker}`, role: "OPD_STAFF", label: "Disnaker staff" },
  { key: `head-${opdCodes.Disnaker}`, role: "OPD_HEAD", label: "Disnaker head" },
];

/** Paths timed beside the walk's (whose one path per page file is the list unfiltered). */
function extraPaths(slug: string): Partial<Record<string, string[]>> {
  return { bapeda: [`/${slug}/registri?q=wati`] };
}

/** The role's home, menu (on the bench year) and account page: where its walk starts. */
function startPaths(account: Account, slug: string, year: number): string[] {
  const user = { role: account.role, opd: { decidesRegistryChanges: account.decidesRegistryChanges ?? false }, tenantSlug: slug };
  const menu = visibleNavGroups(user).flatMap((group) => group.items.map((item) => `${tenantPageHref(slug, item.key)}?tahun=${year}`));
  return [`/${slug}`, ...menu, "/akun/kata-sandi"];
}

/** Cookies of a signed-in session, as one Cookie header. */
export async function signIn(baseUrl: string, email: string): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (response: Response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const at = pair!.indexOf("=");
      jar.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
  };
  const header = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const callback = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: header() },
    body: new URLSearchParams({ email, password: BENCH_PASSWORD, csrfToken, json: "true" }),
  });
  keep(callback);
  if (![...jar.keys()].some((name) => name.includes("session-token"))) throw new Error(`sign-in of ${email} failed (${callback.status})`);
  return header();
}

export type HttpPagesOptions = {
  iterations: number;
  /** Account keys to walk (default: all of BENCH_ACCOUNTS). */
  accounts?: string[];
  /** Only time paths containing one of these (the walk still opens the rest, once). */
  only?: string[];
};

export function flagOf(p: HttpPageTiming): string {
  const flags = [];
  // A page that failed (a statement timeout answers 500) is timed, but is no page of the role as it should be.
  if (p.status !== 200) flags.push(`HTTP ${p.status}`);
  if (p.timing.p95 > HTTP_PAGE_LIMITS.p95Ms) flags.push(`p95 > ${HTTP_PAGE_LIMITS.p95Ms} ms`);
  if (p.bytes > HTTP_PAGE_LIMITS.htmlBytes) flags.push(`HTML > ${HTTP_PAGE_LIMITS.htmlBytes / 1024} kB`);
  return flags.join(", ");
}

export async function benchHttpPages(
  baseUrl: string,
  slug: string,
  year: number,
  options: HttpPagesOptions,
  log: (line: string) => void = () => {},
): Promise<HttpPageTiming[]> {
  const accounts = options.accounts ? BENCH_ACCOUNTS.filter((a) => options.accounts!.includes(a.key)) : BENCH_ACCOUNTS;
  const results: HttpPageTiming[] = [];
  for (const account of accounts) {
    const cookie = await signIn(baseUrl, `${account.key}@${slug}.bench.entas.test`);
    const get = async (path: string) => {
      const response = await fetch(`${baseUrl}${path}`, { headers: { cookie }, redirect: "manual" });
      return { status: response.status, html: await response.text() };
    };
    const time = async (path: string, file: string) => {
      if (options.only && !options.only.some((part) => path.includes(part))) return;
      let bytes = 0;
      let status = 0;
      const { timing } = await measure(
        async () => {
          const { status: s, html } = await get(path);
          status = s;
          bytes = Buffer.byteLength(html);
        },
        options.iterations,
        // The walk's own request was the warm-up.
        0,
      );
      const result = { name: path.replace(`/${slug}`, "") || "/", path, file, role: account.label, bytes, status, timing };
      const flag = flagOf(result);
      log(
        `  ${account.label.padEnd(15)} ${result.name.padEnd(60)} p50 ${timing.p50.toFixed(0).padStart(5)} p95 ${timing.p95.toFixed(0).padStart(5)} max ${timing.max.toFixed(0).padStart(5)} ms ${String(Math.round(bytes / 1024)).padStart(5)} kB${flag ? `  ← ${flag}` : ""}`,
      );
      results.push(result);
    };
    await walkPaths(
      async (path) => {
        const { status, html } = await get(path);
        return { status, pathname: path.split("?")[0]!, links: async () => linksInHtml(html, baseUrl) };
      },
      startPaths(account, slug, year),
      time,
    );
    for (const path of extraPaths(slug)[account.key] ?? []) {
      await get(path);
      await time(path, "");
    }
  }
  return results;
}
