// More than one server: two web servers and a worker behind nginx (round robin, no
// stickiness), on one database through PgBouncer in transaction mode (scripts/cluster). What
// one server does, the other must see: a session, the sign-in throttle, an import's checked
// rows; and many writers at once through the pooler must lose nothing.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "@/prisma/demo/demo-accounts";
import { clusterPorts } from "@/scripts/cluster/cluster.mjs";
import { checkFile, extract, saveToRegistry } from "../e2e/registry-extract";

const ports = clusterPorts();
const server = ports.web.map((port) => `http://127.0.0.1:${port}`) as [string, string];
const balancer = `http://127.0.0.1:${ports.balancer}`;

async function signInWithForm(page: Page, origin: string, email: string, password = DEMO_PASSWORD) {
  await page.goto(`${origin}/masuk`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Kata sandi", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Masuk" }).click();
}

/** next-auth's answer to one sign-in attempt: the error code it redirects with, or null. */
async function attempt(request: APIRequestContext, origin: string, csrfToken: string, email: string, password: string) {
  const response = await request.post(`${origin}/api/auth/callback/credentials`, { form: { email, password, csrfToken, json: "true" } });
  const { url } = (await response.json()) as { url: string };
  return { error: new URL(url).searchParams.get("error"), upstream: response.headers()["x-entas-upstream"] ?? null };
}

test("a session begun on one server goes on on the other and through the balancer, whichever server answers", async ({ page }) => {
  await signInWithForm(page, server[0], "bapeda.mataram@entas.test");
  // A server's first sign-in (the password hash, its first pages) is slow on CI's two busy cores.
  await expect(page).toHaveURL(`${server[0]}/mataram`, { timeout: 60_000 });
  await expect(page.getByRole("heading", { level: 1, name: "Kota Mataram" })).toBeVisible();

  // The cookie was made by the first server; the second reads it (the same NEXTAUTH_SECRET).
  await page.goto(`${server[1]}/mataram/registri`);
  await expect(page).toHaveURL(`${server[1]}/mataram/registri`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

  // Through nginx, consecutive pages alternate between the servers and all stay signed in.
  const answeredBy = new Set<string>();
  for (const path of ["/mataram", "/mataram/registri", "/mataram", "/mataram/registri"]) {
    const response = await page.goto(`${balancer}${path}`);
    expect(response?.status()).toBe(200);
    await expect(page).toHaveURL(`${balancer}${path}`);
    answeredBy.add(response?.headers()["x-entas-upstream"] ?? "");
  }
  expect([...answeredBy].sort()).toEqual(ports.web.map((port) => `127.0.0.1:${port}`).sort());
});

test("the sign-in throttle counts failed attempts made on both servers, and locks the account on both", async ({ page, request }) => {
  const email = "auditor.mataram@entas.test";
  const { csrfToken } = (await (await request.get(`${server[0]}/api/auth/csrf`)).json()) as { csrfToken: string };
  // Five wrong passwords (the account-and-address limit), alternating between the servers:
  // neither server alone has seen five.
  const errors: (string | null)[] = [];
  for (let n = 0; n < 5; n++) errors.push((await attempt(request, server[n % 2]!, csrfToken, email, `salah-${n}-sekali`)).error);
  expect(errors.slice(0, 4)).toEqual(["CredentialsSignin", "CredentialsSignin", "CredentialsSignin", "CredentialsSignin"]);

  // The right password is now refused by both servers, and through the balancer.
  for (const origin of server) expect((await attempt(request, origin, csrfToken, email, DEMO_PASSWORD)).error).toMatch(/^locked:\d+$/);
  await signInWithForm(page, balancer, email);
  await expect(page.getByText(/Terlalu banyak percobaan masuk\. Coba lagi dalam \d+ menit\./)).toBeVisible();
});

test("an import checked on one server is saved on the other, and its households are found through the balancer", async ({ page }) => {
  test.setTimeout(180_000);
  await signInWithForm(page, server[0], "bapeda.mataram@entas.test");
  await expect(page).toHaveURL(`${server[0]}/mataram`, { timeout: 60_000 });

  // Checked on the first server: the worker checks the file and keeps the rows in the database.
  const file = extract(1_000 + (Date.now() % 8_000), false);
  await page.goto(`${server[0]}/mataram/registri/impor`);
  await checkFile(page, "dtsen-klaster.csv", file.csv);
  await expect(page.getByText("Tidak ada baris yang ditolak.")).toBeVisible();

  // Saved on the second, which never saw the file: the same page (its address names the job).
  const checked = new URL(page.url());
  expect(checked.origin).toBe(server[0]);
  await page.goto(`${server[1]}${checked.pathname}${checked.search}`);
  await saveToRegistry(page);

  await page.goto(`${balancer}/mataram/registri`);
  await page.getByLabel("NIK atau No. KK (16 digit)").fill(file.firstNoKk);
  await page.getByRole("button", { name: "Cari nomor" }).click();
  await expect(page).toHaveURL(/\/mataram\/registri\/[a-z0-9]+$/);
  await expect(page.getByRole("region", { name: "Anggota keluarga" }).getByRole("row")).toHaveCount(4);
});

test("many users writing at once through PgBouncer lose no update", async () => {
  test.setTimeout(240_000);
  const { stdout, stderr } = await promisify(execFile)(process.execPath, ["--import", "tsx", "scripts/cluster/bench-writes.ts"], {
    env: process.env,
    timeout: 220_000,
    maxBuffer: 16 * 1024 * 1024,
  }).catch((error: { stdout?: string; stderr?: string; message: string }) => {
    throw new Error(`bench-writes failed: ${error.message}\n${error.stdout ?? ""}\n${error.stderr ?? ""}`);
  });
  const report = JSON.parse(stdout.trim().split("\n").at(-1)!) as {
    ok: boolean;
    expectedWrites: number;
    result: { writes: number; failed: number; errors: Record<string, number>; lostUpdates: Record<string, number | boolean> };
    pgbouncer: { transactions: number; serverConnections: number; poolSize: number };
  };
  console.log(stderr.trim());
  console.log(JSON.stringify({ ...report, result: { ...report.result, latencyByKind: undefined } }));
  expect(report.result.errors).toEqual({});
  expect(report.result.failed).toBe(0);
  expect(report.result.writes).toBe(report.expectedWrites);
  expect(report.result.lostUpdates).toEqual({ missingDrafts: 0, summaryMismatches: 0, linesOverPagu: 0, ok: true });
  // The writers' transactions really shared PgBouncer's few server connections.
  expect(report.pgbouncer.transactions).toBeGreaterThan(report.expectedWrites);
  expect(report.pgbouncer.serverConnections).toBeLessThan(report.pgbouncer.poolSize);
});
