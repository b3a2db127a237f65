// Cities on two pods: the run's database is the main pod (with the directory), a second
// database on the same server is "pod2" (tests/helpers/global-setup.ts). The scopes are the
// app's routing (lib/db/pod-scopes.ts) over clients that note which pod each query reached.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createProgrammeDefinition, deleteProgrammeDefinition } from "@/features/programmes/action-definitions";
import { createTenantDefinition } from "@/features/platform/action-definitions";
import { createUserDefinition, unlockUserDefinition } from "@/features/users/action-definitions";
import { lockedUserIds } from "@/features/users/queries";
import type { AnyActionDefinition } from "@/lib/actions/define";
import { runAction, runPlatformAction } from "@/lib/actions/run";
import type { AuthDeps } from "@/lib/auth/deps";
import { hashPassword } from "@/lib/auth/password";
import type { SessionUser } from "@/lib/auth/session-user";
import { authenticate } from "@/lib/auth/sign-in";
import { openDb, openOwnerDb, type Db, type ScopedClient } from "@/lib/db";
import { routedScopes } from "@/lib/db/pod-scopes";
import { MAIN_POD } from "@/lib/db/pods";
import { TENANT_MODELS } from "@/lib/db/tenant-scope";
import { actionDeps, sessionUser, submitted } from "@/tests/helpers/actions";
import { uniqueSuffix, type TestDb } from "@/tests/helpers/db";
import { createTestTenant, type TestTenant } from "@/tests/helpers/factories";

// Kota Ambon: no other test creates it (Tenant.kemendagriCode is unique in the directory).
const AMBON = "81.71";
const PASSWORD = "pela gandong 2026 maluku";
const POD2 = "pod2";
type Pod = typeof MAIN_POD | typeof POD2;

const urls: Record<Pod, string> = { main: inject("testDatabaseUrl"), pod2: inject("testPod2Url") };
const seen: { pod: Pod; model: string | undefined; operation: string }[] = [];
const handles = {} as Record<Pod, ReturnType<typeof openDb>>;
const owners = {} as Record<Pod, { client: Db; close: () => Promise<void> }>;
const clients = {} as Record<Pod, ScopedClient>;
let scopes: ReturnType<typeof routedScopes>;
let t: TestDb;
let auth: AuthDeps;
const suffix = uniqueSuffix();

function noting(pod: Pod, client: ScopedClient): ScopedClient {
  return client.$extends({
    query: {
      $allOperations({ model, operation, args, query }) {
        seen.push({ pod, model, operation });
        return query(args);
      },
    },
  }) as unknown as ScopedClient;
}

/** What the pods saw while `work` ran. */
async function watch(work: () => Promise<unknown>): Promise<Record<Pod, typeof seen>> {
  const from = seen.length;
  await work();
  const during = seen.slice(from);
  return { main: during.filter((entry) => entry.pod === MAIN_POD), pod2: during.filter((entry) => entry.pod === POD2) };
}

/** Every row of the city on the pod, by table with a tenantId column (the directory's sign-in rows aside). */
async function rowsOf(pod: Pod, tenantId: string): Promise<Record<string, number>> {
  const tables = await owners[pod].client.$queryRaw<{ table_name: string }[]>`
    SELECT table_name FROM information_schema.columns
    WHERE table_schema = 'public' AND column_name = 'tenantId' AND table_name <> 'SignInDirectory'`;
  const counts: Record<string, number> = {};
  for (const { table_name: table } of tables) {
    const [row] = await owners[pod].client.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM "${table}" WHERE "tenantId" = $1`, tenantId);
    if (row && row.n > 0n) counts[table] = Number(row.n);
  }
  return counts;
}

async function signIn(email: string, password = PASSWORD) {
  const result = await authenticate(auth, { email, password, ip: null });
  if (!result.ok) throw new Error(`sign-in of ${email} refused: ${result.reason}`);
  return result.user;
}

const run = (user: SessionUser, definition: AnyActionDefinition, input: Record<string, unknown>) =>
  runAction(actionDeps(t, user), definition, user.tenantSlug ?? "", submitted(input));

const programmeForm = (name: string) => ({
  name,
  kind: "TRAINING",
  fiscalYear: "2026",
  description: "",
  targetUnit: "PERSON",
  targetCount: "40",
  targetExtremeCount: "10",
});

/** A city on the main pod, made as the other tests make theirs, with an OPD clerk. */
let mataram: TestTenant & { staffEmail: string; opdId: string };
/** A city on pod2, made by the platform admin's action. */
let ambon: { id: string; slug: string; adminEmail: string };

beforeAll(async () => {
  if (!urls.main || !urls.pod2) throw new Error("Cities on two pods need two PostgreSQL databases: run the suite with DATABASE_URL set");
  // As a server configured with two pods: createTenant checks the chosen pod against these.
  process.env.DATABASE_URL = urls.main;
  process.env.DATABASE_PODS = `${POD2}=${urls.pod2}`;
  for (const pod of [MAIN_POD, POD2] as const) {
    handles[pod] = openDb({ kind: "postgres", url: urls[pod] });
    owners[pod] = openOwnerDb({ kind: "postgres", url: urls[pod] });
    clients[pod] = noting(pod, handles[pod].client);
  }
  scopes = routedScopes({ names: () => [MAIN_POD, POD2], app: (pod) => clients[pod as Pod], report: (pod) => clients[pod as Pod] });
  t = { db: clients.main, ...scopes, target: { kind: "postgres", url: urls.main }, close: async () => {} } as unknown as TestDb;
  auth = { db: clients.main, withTenant: scopes.withTenant, withPlatform: scopes.withPlatform, lookupLogin: scopes.lookupLogin };

  const city = await createTestTenant(clients.main, scopes.withTenant);
  const staffEmail = `staf.${suffix}@mataramkota.go.id`;
  const passwordHash = await hashPassword(PASSWORD);
  const opdId = await scopes.withTenant(city.id, async (tx) => {
    const opd = await tx.opd.create({ data: { tenantId: city.id, code: "2.07", name: "Dinas Tenaga Kerja", shortName: "Disnaker" } });
    await tx.user.create({ data: { tenantId: city.id, email: staffEmail, name: "Staf Disnaker", passwordHash, role: "OPD_STAFF", opdId: opd.id } });
    return opd.id;
  });
  mataram = { ...city, staffEmail, opdId };
}, 120_000);

afterAll(async () => {
  for (const pod of [MAIN_POD, POD2] as const) await Promise.all([handles[pod]?.close(), owners[pod]?.close()]);
});

describe("cities on two pods", () => {
  it("creates a city on pod2 from the platform action: its directory row on main, its rows on pod2 only", async () => {
    const adminEmail = `admin.${suffix}@ambon.go.id`;
    const form = { kemendagriCode: AMBON, slug: `ambon-${suffix}`, adminName: "Admin Kota Ambon", adminEmail, adminPassword: PASSWORD, pod: POD2 };
    const result = await runPlatformAction(actionDeps(t, sessionUser(null, "PLATFORM_ADMIN")), createTenantDefinition, form);
    if (!result.ok) throw new Error(`${result.code}: ${JSON.stringify(result.fieldErrors ?? result.message)}`);
    ambon = { id: result.data.tenantId, slug: form.slug, adminEmail };

    const directory = await owners.main.client.tenant.findUnique({ where: { id: ambon.id }, select: { slug: true, pod: true } });
    expect(directory).toEqual({ slug: ambon.slug, pod: POD2 });
    expect(await owners.pod2.client.tenant.findUnique({ where: { id: ambon.id }, select: { slug: true } })).toEqual({ slug: ambon.slug });
    const onPod2 = await rowsOf(POD2, ambon.id);
    expect(onPod2.Area).toBe(result.data.kecamatan + result.data.kelurahan);
    expect(onPod2.User).toBe(1);
    expect(await rowsOf(MAIN_POD, ambon.id)).toEqual({});
    expect(await owners.main.client.signInDirectory.findUnique({ where: { email: adminEmail } })).toMatchObject({
      userId: result.data.adminUserId,
      tenantId: ambon.id,
    });
  });

  it("refuses a pod the server does not name, in the user's words", async () => {
    const form = {
      kemendagriCode: "81.72",
      slug: `tual-${suffix}`,
      adminName: "Admin Tual",
      adminEmail: `admin.tual.${suffix}@tual.go.id`,
      adminPassword: PASSWORD,
      pod: "pod9",
    };
    const result = await runPlatformAction(actionDeps(t, sessionUser(null, "PLATFORM_ADMIN")), createTenantDefinition, form);
    expect(result).toMatchObject({ ok: false, code: "INVALID" });
    if (!result.ok) expect(result.fieldErrors?.pod?.[0]).toBe('Tidak ada server basis data "pod9". Pilih salah satu dari daftar.');
    expect(await owners.main.client.tenant.count({ where: { kemendagriCode: "81.72" } })).toBe(0);
  });

  it("signs in a user of pod2's city by email, and their work reaches pod2 alone", async () => {
    const admin = await signIn(ambon.adminEmail);
    expect(admin).toMatchObject({ tenantId: ambon.id, role: "CITY_ADMIN" });
    const adminSession = sessionUser(null, "CITY_ADMIN", { id: admin.id, email: admin.email, tenantId: ambon.id, tenantSlug: ambon.slug });

    const opdId = await scopes.withTenant(
      ambon.id,
      async (tx) => (await tx.opd.create({ data: { tenantId: ambon.id, code: "2.07", name: "Dinas Tenaga Kerja", shortName: "Disnaker" } })).id,
    );
    const staffEmail = `staf.${suffix}@ambon.go.id`;
    const staff = await run(adminSession, createUserDefinition, {
      name: "Staf Disnaker Ambon",
      email: staffEmail,
      role: "OPD_STAFF",
      opdId,
      passwordMode: "manual",
      password: PASSWORD,
    });
    expect(staff).toMatchObject({ ok: true });

    const seenByPods = await watch(async () => {
      const user = await signIn(staffEmail);
      const session = sessionUser(null, "OPD_STAFF", { id: user.id, email: user.email, tenantId: ambon.id, tenantSlug: ambon.slug, opdId });
      expect(await run(session, createProgrammeDefinition, programmeForm("Pelatihan Menenun Tenun Ikat"))).toMatchObject({ ok: true });
    });
    // The main pod answered only the directory (the city's pod, the email) and the sign-in counters.
    expect(seenByPods.main.filter((entry) => entry.model && TENANT_MODELS.has(entry.model) && entry.model !== "SignInDirectory")).toEqual([]);
    expect(seenByPods.pod2.some((entry) => entry.model === "Programme")).toBe(true);
    expect(await rowsOf(POD2, ambon.id)).toMatchObject({ Programme: 1, User: 2, Opd: 1 });
    expect(await rowsOf(MAIN_POD, ambon.id)).toEqual({});
  });

  it("signs in a user of the main pod's city, whose work never reaches pod2", async () => {
    const seenByPods = await watch(async () => {
      const user = await signIn(mataram.staffEmail);
      expect(user.tenantId).toBe(mataram.id);
      const session = sessionUser(mataram, "OPD_STAFF", { id: user.id, email: user.email, opdId: mataram.opdId });
      expect(await run(session, createProgrammeDefinition, programmeForm("Pelatihan Kerajinan Cukli"))).toMatchObject({ ok: true });
    });
    expect(seenByPods.pod2).toEqual([]);
    expect(seenByPods.main.some((entry) => entry.model === "Programme")).toBe(true);
    expect(await rowsOf(MAIN_POD, mataram.id)).toMatchObject({ Programme: 1, User: 1 });
    expect(await rowsOf(POD2, mataram.id)).toEqual({});
  });

  it("answers 'not found' for the other city's programme, from either pod", async () => {
    const [mataramProgramme, ambonProgramme] = await Promise.all([
      owners.main.client.programme.findFirstOrThrow({ where: { tenantId: mataram.id }, select: { id: true } }),
      owners.pod2.client.programme.findFirstOrThrow({ where: { tenantId: ambon.id }, select: { id: true } }),
    ]);
    const ambonStaff = await owners.pod2.client.user.findFirstOrThrow({ where: { tenantId: ambon.id, role: "OPD_STAFF" } });
    const fromAmbon = sessionUser(null, "OPD_STAFF", { id: ambonStaff.id, tenantId: ambon.id, tenantSlug: ambon.slug, opdId: ambonStaff.opdId });
    const fromMataram = sessionUser(mataram, "OPD_STAFF", { opdId: mataram.opdId });
    expect(await run(fromAmbon, deleteProgrammeDefinition, { programmeId: mataramProgramme.id })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await run(fromMataram, deleteProgrammeDefinition, { programmeId: ambonProgramme.id })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await owners.main.client.programme.count({ where: { id: mataramProgramme.id } })).toBe(1);
    expect(await owners.pod2.client.programme.count({ where: { id: ambonProgramme.id } })).toBe(1);
  });

  it("keeps an email unique across the pods, and leaves nothing behind on the pod that refused it", async () => {
    const ambonAdmin = await owners.pod2.client.user.findFirstOrThrow({ where: { tenantId: ambon.id, role: "CITY_ADMIN" } });
    const onPod2 = sessionUser(null, "CITY_ADMIN", { id: ambonAdmin.id, tenantId: ambon.id, tenantSlug: ambon.slug });
    const taken = await run(onPod2, createUserDefinition, {
      name: "Tiruan",
      email: mataram.staffEmail,
      role: "BAPEDA",
      passwordMode: "manual",
      password: PASSWORD,
    });
    expect(taken).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(await owners.pod2.client.user.count({ where: { email: mataram.staffEmail } })).toBe(0);

    const onMain = sessionUser(mataram, "CITY_ADMIN");
    const takenOnMain = await run(onMain, createUserDefinition, {
      name: "Tiruan",
      email: ambon.adminEmail,
      role: "BAPEDA",
      passwordMode: "manual",
      password: PASSWORD,
    });
    expect(takenOnMain).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(await owners.main.client.user.count({ where: { email: ambon.adminEmail } })).toBe(0);
    expect(await owners.main.client.signInDirectory.count({ where: { email: { in: [mataram.staffEmail, ambon.adminEmail] } } })).toBe(2);
  });

  it("withdraws the claim on the main pod when the city's transaction on pod2 fails after it", async () => {
    const email = `batal.${suffix}@ambon.go.id`;
    const failure = new Error("the city's transaction fails after the claim");
    const { claimSignIn } = await import("@/lib/auth/sign-in-directory");
    await expect(
      scopes.withTenant(ambon.id, async (tx) => {
        const user = await tx.user.create({ data: { tenantId: ambon.id, email, name: "Batal", passwordHash: "x", role: "BAPEDA" } });
        await claimSignIn({ email, userId: user.id, tenantId: ambon.id });
        expect(await owners.main.client.signInDirectory.count({ where: { email } })).toBe(1);
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(await owners.main.client.signInDirectory.count({ where: { email } })).toBe(0);
    expect(await owners.pod2.client.user.count({ where: { email } })).toBe(0);
  });

  it("lets pod2's city admin see and lift a lock whose counters are on the main pod", async () => {
    const ambonAdmin = await owners.pod2.client.user.findFirstOrThrow({ where: { tenantId: ambon.id, role: "CITY_ADMIN" } });
    const staff = await owners.pod2.client.user.findFirstOrThrow({ where: { tenantId: ambon.id, role: "OPD_STAFF" } });
    for (let attempt = 0; attempt < 5; attempt += 1) await authenticate(auth, { email: staff.email, password: "salah sekali", ip: "203.0.113.24" });
    expect(await owners.pod2.client.rateLimit.count()).toBe(0);
    expect(await scopes.withTenant(ambon.id, (tx) => lockedUserIds(tx, [staff.id], new Date()))).toEqual(new Set([staff.id]));

    const admin = sessionUser(null, "CITY_ADMIN", { id: ambonAdmin.id, tenantId: ambon.id, tenantSlug: ambon.slug });
    expect(await run(admin, unlockUserDefinition, { userId: staff.id })).toMatchObject({ ok: true, data: { locks: 1 } });
    expect(await scopes.withTenant(ambon.id, (tx) => lockedUserIds(tx, [staff.id], new Date()))).toEqual(new Set());
  });

  it("reads a city's pod from the directory once within the cache time", async () => {
    let clock = 0;
    const cached = routedScopes(
      { names: () => [MAIN_POD, POD2], app: (pod) => clients[pod as Pod], report: (pod) => clients[pod as Pod] },
      { cacheMs: 5_000, now: () => clock },
    );
    const directoryReads = async (work: () => Promise<unknown>) => (await watch(work)).main.filter((entry) => entry.model === "Tenant").length;
    expect(await directoryReads(() => cached.withTenant(ambon.id, (tx) => tx.opd.count()))).toBe(1);
    clock = 4_999;
    expect(await directoryReads(() => cached.withTenant(ambon.id, (tx) => tx.opd.count()))).toBe(0);
    clock = 5_000;
    expect(await directoryReads(() => cached.withTenant(ambon.id, (tx) => tx.opd.count()))).toBe(1);
  });

  it("runs the planner statistics' refresh on every pod", async () => {
    const pods = await scopes.withEveryPod(async (tx, pod) => {
      await tx.$queryRaw`SELECT entas_refresh_stale_statistics()`;
      return pod;
    });
    expect(pods).toEqual([MAIN_POD, POD2]);
  });
});
