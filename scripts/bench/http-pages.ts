// Server time of the dashboard and registry pages as a browser gets them: signed in through
// next-auth's credentials endpoint, GET of the whole HTML over loopback from a running
// production server (`next build`, then `next start` on the generated city's database).
// Time is from the request to the last byte, so it includes session, rendering and streaming.
import { measure, type Timing } from "./measure";

export type HttpPageTiming = { name: string; path: string; role: string; bytes: number; timing: Timing };

/** The benchmark city's users (scripts/bench/generate-city.ts): <key>@<slug>.bench.entas.test. */
const BENCH_PASSWORD = "bench-password-8";

type Page = { name: string; path: string; user: "bapeda" | "mayor" };

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
  const cookies = { bapeda: await signIn(baseUrl, `bapeda@${slug}.bench.entas.test`), mayor: await signIn(baseUrl, `mayor@${slug}.bench.entas.test`) };
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
