// npx tsx scripts/bench/work-lists-http.ts <baseUrl> [iterations]
// Server time of the work lists only (trainings, follow-ups), as scripts/bench/http-pages.ts
// measures every page: signed in, GET of the whole HTML from a running production server.
import { signIn } from "./http-pages";
import { measure } from "./measure";

const [baseUrl = "http://127.0.0.1:3000", iterations = "15"] = process.argv.slice(2);
const slug = "kota-besar";
const users = { bapeda: "bapeda", "disnaker-staff": "staff-2.07", "disnaker-head": "head-2.07", "dinsos-staff": "staff-1.06" };
for (const [user, key] of Object.entries(users)) {
  const cookie = await signIn(baseUrl, `${key}@${slug}.bench.entas.test`);
  for (const path of [`/${slug}/pelatihan?tahun=2025`, `/${slug}/pelatihan?tahun=2025&status=no-attendance`, `/${slug}/pelatihan/tindak-lanjut`]) {
    const { timing } = await measure(async () => {
      const response = await fetch(`${baseUrl}${path}`, { headers: { cookie }, redirect: "manual" });
      await response.text();
      if (response.status !== 200) throw new Error(`${path}: HTTP ${response.status}`);
    }, Number(iterations));
    console.log(`${user.padEnd(16)} ${path.padEnd(52)} p50 ${timing.p50.toFixed(0)} ms  p95 ${timing.p95.toFixed(0)} ms`);
  }
}
