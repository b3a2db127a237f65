// Server time of the dashboard and registry pages as a browser gets them: signed in through
// next-auth's credentials endpoint, GET of the whole HTML over loopback from a running
// production server (`next build`, then `next start` on the generated city's database).
// Time is from the request to the last byte, so it includes session, rendering and streaming.
import { measure, type Timing } from "./measure";

export type HttpPageTiming = { name: string; path: string; role: string; bytes: number; timing: Timing };

/** The benchmark city's users (scripts/bench/generate-city.ts): <key>@<slug>.bench.entas.test. */
const BENCH_PASSWORD = "bench-password-8";

/** Bench users by key (<key>@<slug>.bench.entas.test); OPD users by their OPD's code: 2.07 Disnaker, 1.06 Dinsos. */
const USERS = { bapeda: "bapeda", mayor: "mayor", "disnaker-staff": "staff-2.07", "disnaker-head": "head-2.07", "dinsos-staff": "staff-1.06" } as const;

type Page = { name: string; path: string; user: keyof typeof USERS };

function pages(slug: string, year: number): Page[] {
  const y = `tahun=${year}`;
  return [
    // Every role lands on the city's home page after signing in.
    { name: "beranda", path: `/${slug}`, user: "bapeda" },
    { name: "dasbor/kemiskinan", path: `/${slug}/dasbor/kemiskinan?${y}`, user: "bapeda" },
    { name: "dasbor/statistik", path: `/${slug}/dasbor/statistik`, user: "bapeda" },
    { name: "dasbor/hasil", path: `/${slug}/dasbor/hasil?${y}`, user: "mayor" },
    { name: "dasbor/anggaran", path: `/${slug}/dasbor/anggaran?${y}`, user: "mayor" },
    { name: "dasbor/dana-pem", path: `/${slug}/dasbor/dana-pem?${y}`, user: "mayor" },
    { name: "registri", path: `/${slug}/registri`, user: "bapeda" },
    { name: "registri?q=wati", path: `/${slug}/registri?q=wati`, user: "bapeda" },
    // The whole city's hand-overs and drafts awaiting verification.
    { name: "bantuan", path: `/${slug}/bantuan?${y}`, user: "bapeda" },
    // The work lists: trainings and follow-ups due, city-wide and of one OPD (issue #22).
    ...(["bapeda", "disnaker-staff", "disnaker-head", "dinsos-staff"] as const).flatMap((user) => [
      { name: `pelatihan (${user})`, path: `/${slug}/pelatihan?${y}`, user },
      { name: `pelatihan/tindak-lanjut (${user})`, path: `/${slug}/pelatihan/tindak-lanjut`, user },
    ]),
  ];
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

export async function benchHttpPages(
  baseUrl: string,
  slug: string,
  year: number,
  iterations: number,
  log: (line: string) => void = () => {},
): Promise<HttpPageTiming[]> {
  const cookies = {} as Record<keyof typeof USERS, string>;
  for (const [user, key] of Object.entries(USERS)) cookies[user as keyof typeof USERS] = await signIn(baseUrl, `${key}@${slug}.bench.entas.test`);
  const results: HttpPageTiming[] = [];
  for (const page of pages(slug, year)) {
    let bytes = 0;
    const get = async () => {
      const response = await fetch(`${baseUrl}${page.path}`, { headers: { cookie: cookies[page.user] }, redirect: "manual" });
      const body = await response.text();
      if (response.status !== 200) throw new Error(`${page.path}: HTTP ${response.status}`);
      bytes = body.length;
    };
    const { timing } = await measure(get, iterations);
    log(`  ${page.name.padEnd(34)} p50 ${timing.p50.toFixed(1)} p95 ${timing.p95.toFixed(1)} ms (${Math.round(bytes / 1024)} kB HTML, as ${page.user})`);
    results.push({ name: page.name, path: page.path, role: page.user, bytes, timing });
  }
  return results;
}
