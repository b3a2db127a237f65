// Entas on two PostgreSQL servers (scripts/pods/start.mjs): Mataram on the main pod, Kupang on
// pod2, a separate server. A user of each city signs in, opens the registry and saves a
// programme; each city's rows are then on its own pod only. A city then moves to the other
// server and back while the app serves it (npm run pod:move).
import { expect, test, type Page } from "@playwright/test";
import { execFileSync } from "node:child_process";
import pg from "pg";
import { podsDatabases } from "@/scripts/pods/pods.mjs";
import { signInAs } from "../e2e/auth";

const databases = podsDatabases();
const CITIES = [
  { slug: "mataram", pod: "main", other: "pod2" },
  { slug: "kupang", pod: "pod2", other: "main" },
] as const;
const urlOf = (pod: "main" | "pod2") => databases[pod].url;

async function query<T extends pg.QueryResultRow>(pod: "main" | "pod2", sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: urlOf(pod) });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/** The city's rows on a pod, by table with a tenantId column (the directory's sign-in rows aside). */
async function rowsOn(pod: "main" | "pod2", tenantId: string): Promise<Record<string, number>> {
  const tables = await query<{ table_name: string }>(
    pod,
    `SELECT table_name FROM information_schema.columns
     WHERE table_schema = 'public' AND column_name = 'tenantId' AND table_name <> 'SignInDirectory'`,
  );
  const counts: Record<string, number> = {};
  for (const { table_name: table } of tables) {
    const [row] = await query<{ n: string }>(pod, `SELECT count(*) AS n FROM "${table}" WHERE "tenantId" = $1`, [tenantId]);
    if (row && Number(row.n) > 0) counts[table] = Number(row.n);
  }
  return counts;
}

async function saveProgrammeNote(page: Page, slug: string, note: string): Promise<string> {
  await page.goto(`/${slug}/program`);
  const hrefs = await page.locator(`main a[href^="/${slug}/program/"]`).evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
  const href = hrefs.find((candidate) => /\/program\/[^/?]+$/.test(candidate) && !candidate.endsWith("/baru"));
  expect(href, `a programme of ${slug}`).toBeTruthy();
  await page.goto(`${href}/ubah`);
  await page.getByLabel("Keterangan").fill(note);
  await page.getByRole("button", { name: "Simpan perubahan" }).click();
  await expect(page.getByRole("heading", { name: "Hasil program" })).toBeVisible();
  return (href ?? "").split("/").pop() ?? "";
}

test("a user of each city signs in and works on the city's own pod; no row of one city is on the other pod", async ({ browser }) => {
  const saved: Record<string, { tenantId: string; programmeId: string; note: string }> = {};
  for (const city of CITIES) {
    const [tenant] = await query<{ id: string; pod: string }>("main", `SELECT id, pod FROM "Tenant" WHERE slug = $1`, [city.slug]);
    expect(tenant?.pod, `${city.slug} in the directory`).toBe(city.pod);

    const bapeda = await (await browser.newContext()).newPage();
    await signInAs(bapeda, `bapeda.${city.slug}@entas.test`);
    await bapeda.goto(`/${city.slug}/registri`);
    await expect(bapeda.getByRole("heading", { name: "Registri keluarga" })).toBeVisible();
    await expect(bapeda.locator(`main a[href^="/${city.slug}/registri/"]`).first()).toBeVisible();
    await bapeda.context().close();

    const staff = await (await browser.newContext()).newPage();
    await signInAs(staff, `staf.disnaker.${city.slug}@entas.test`);
    const note = `Disimpan di ${city.pod} ${Date.now()}`;
    const programmeId = await saveProgrammeNote(staff, city.slug, note);
    await staff.context().close();
    saved[city.slug] = { tenantId: tenant?.id ?? "", programmeId, note };
  }

  for (const city of CITIES) {
    const { tenantId, programmeId, note } = saved[city.slug]!;
    const [own] = await query<{ description: string | null }>(city.pod, `SELECT description FROM "Programme" WHERE id = $1 AND "tenantId" = $2`, [
      programmeId,
      tenantId,
    ]);
    expect(own?.description, `${city.slug}'s saved programme on ${city.pod}`).toBe(note);
    expect(await rowsOn(city.other, tenantId), `${city.slug}'s rows on ${city.other}`).toEqual({});
    const home = await rowsOn(city.pod, tenantId);
    expect(home.Household, `${city.slug}'s households on ${city.pod}`).toBeGreaterThan(0);
    expect(home.AuditLog, `${city.slug}'s audit rows (sign-ins, the save) on ${city.pod}`).toBeGreaterThan(0);
  }
});

test("the platform admin places a new city on pod2 from the form, and its admin signs in there", async ({ page, browser }) => {
  const slug = `ambon-${Date.now().toString(36)}`;
  const email = `admin.${slug}@ambon.go.id`;
  const password = "pela gandong maluku 2026";
  await signInAs(page, "platform@entas.test");
  await page.goto("/platform");
  const pod = page.getByLabel("Server basis data (pod)");
  await expect(pod.locator("option")).toHaveText(["main", "pod2"]);
  await page.getByLabel("Kode Kemendagri").fill("81.71");
  await page.getByLabel("Alamat (slug)").fill(slug);
  await pod.selectOption("pod2");
  await page.getByLabel("Nama").fill("Admin Kota Ambon");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Kata sandi awal").fill(password);
  await page.getByRole("button", { name: "Tambah pemerintah daerah" }).click();
  await expect(page.getByText(`Kota Ambon ditambahkan di /${slug}`)).toBeVisible({ timeout: 60_000 });
  // The list counts each city on its own pod, and names the pod.
  await expect(page.getByRole("row").filter({ hasText: `/${slug}` })).toContainText("pod2");
  await expect(page.getByRole("row").filter({ hasText: "/kupang" })).toContainText("pod2");
  await expect(page.getByRole("row").filter({ hasText: "/mataram" })).toContainText("main");

  const [directory] = await query<{ id: string; pod: string }>("main", `SELECT id, pod FROM "Tenant" WHERE slug = $1`, [slug]);
  expect(directory?.pod).toBe("pod2");
  const tenantId = directory?.id ?? "";
  expect(await rowsOn("main", tenantId)).toEqual({});
  expect((await rowsOn("pod2", tenantId)).Area).toBeGreaterThan(0);

  const admin = await (await browser.newContext()).newPage();
  await signInAs(admin, email, password);
  expect(await query("main", `SELECT 1 FROM "UserSession" WHERE "tenantId" = $1`, [tenantId])).toEqual([]);
  expect(await query("pod2", `SELECT 1 FROM "UserSession" WHERE "tenantId" = $1`, [tenantId])).toHaveLength(1);
  await admin.context().close();
});

/** `npm run pod:move`, as an operator runs it, against the pods of the running server set. */
function moveCity(slug: string, to: "main" | "pod2"): string {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: urlOf("main"), DATABASE_PODS: `pod2=${urlOf("pod2")}` };
  delete env.DATABASE_DIRECT_URL;
  return execFileSync("npx", ["tsx", "scripts/pods/move.ts", "--city", slug, "--to", to], { env, encoding: "utf8" });
}

test("a city moves to the other server and back while the app serves it, and its users go on working", async ({ browser }) => {
  test.setTimeout(300_000);
  const [kupang] = await query<{ id: string; pod: string }>("main", `SELECT id, pod FROM "Tenant" WHERE slug = 'kupang'`);
  expect(kupang?.pod).toBe("pod2");
  const tenantId = kupang?.id ?? "";
  const before = await rowsOn("pod2", tenantId);
  expect(before.Household).toBeGreaterThan(0);

  const openRegistry = async () => {
    const page = await (await browser.newContext()).newPage();
    await signInAs(page, "bapeda.kupang@entas.test");
    await page.goto("/kupang/registri");
    await expect(page.getByRole("heading", { name: "Registri keluarga" })).toBeVisible();
    await expect(page.locator(`main a[href^="/kupang/registri/"]`).first()).toBeVisible();
    await page.context().close();
  };
  await openRegistry();

  expect(moveCity("kupang", "main")).toContain("kupang: moved pod2 → main");
  const [moved] = await query<{ pod: string; movingSince: Date | null }>("main", `SELECT pod, "movingSince" FROM "Tenant" WHERE id = $1`, [tenantId]);
  expect(moved).toEqual({ pod: "main", movingSince: null });
  expect(await rowsOn("pod2", tenantId)).toEqual({});
  const onMain = await rowsOn("main", tenantId);
  expect(onMain.Household).toBe(before.Household);
  expect(onMain.Member).toBe(before.Member);
  // The same server goes on serving the city, now from the main pod.
  await openRegistry();
  expect((await rowsOn("main", tenantId)).UserSession).toBeGreaterThan(before.UserSession ?? 0);

  expect(moveCity("kupang", "pod2")).toContain("kupang: moved main → pod2");
  expect(await rowsOn("main", tenantId)).toEqual({});
  expect((await rowsOn("pod2", tenantId)).Household).toBe(before.Household);
  await openRegistry();
});
