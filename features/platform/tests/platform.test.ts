import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runPlatformAction } from "@/lib/actions/run";
import { listRegencyAreas } from "@/features/areas";
import { changePassword } from "@/features/account/change-password";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { loadSessionUser } from "@/lib/auth/session-user";
import { authenticate } from "@/lib/auth/sign-in";
import { listPlatformTenants } from "@/features/platform/platform-tenants";
import { createTenantDefinition, platformActionDefinitions } from "@/features/platform/action-definitions";
import { suggestTenantSlug } from "@/features/platform/slug";
import { actionDeps, sessionUser } from "@/tests/helpers/actions";
import { openTestDb, uniqueSuffix, type TestDb } from "@/tests/helpers/db";
import { createTestTenant, type TestTenant } from "@/tests/helpers/factories";

// Kota Jambi: no other test creates it. Tenant.kemendagriCode is unique and nothing can
// be deleted under row-level security, so this file creates it exactly once per database.
const JAMBI = "15.71";
// Kota Sungai Penuh: only ever refused here, never created.
const SUNGAI_PENUH = "15.72";
const PASSWORD = "sungai batanghari 2026";

let t: TestDb;
let city: TestTenant;
const platformAdmin = sessionUser(null, "PLATFORM_ADMIN");
const suffix = uniqueSuffix();
const jambi = { slug: `jambi-${suffix}`, email: `Admin.Jambi.${suffix}@Jambikota.go.id` };

function input(overrides: Record<string, string> = {}) {
  return {
    kemendagriCode: JAMBI,
    slug: jambi.slug,
    adminName: "Admin Kota Jambi",
    adminEmail: jambi.email,
    adminPassword: PASSWORD,
    ...overrides,
  };
}

const tenantBySlug = (slug: string) => t.db.tenant.findUnique({ where: { slug } });

let created: Awaited<ReturnType<typeof createJambi>>;
async function createJambi() {
  const revalidated: string[] = [];
  const form = new FormData();
  for (const [key, value] of Object.entries(input())) form.set(key, value);
  const result = await runPlatformAction(actionDeps(t, platformAdmin, revalidated), createTenantDefinition, form);
  return { result, revalidated };
}

beforeAll(async () => {
  t = await openTestDb();
  city = await createTestTenant(t.db, t.withTenant);
  created = await createJambi();
});

afterAll(async () => {
  await t?.close();
});

describe("creating a tenant", () => {
  it("creates Kota Jambi from its Kemendagri code, with its whole area tree from idn-area-data", async () => {
    const { result, revalidated } = created;
    expect(result).toMatchObject({ ok: true, data: { name: "Kota Jambi", slug: jambi.slug, kecamatan: 11, kelurahan: 68 } });
    if (!result.ok) return;
    expect(revalidated).toContain("/platform");

    const tenant = await tenantBySlug(jambi.slug);
    expect(tenant).toMatchObject({
      id: result.data.tenantId,
      name: "Kota Jambi",
      kind: "KOTA",
      kemendagriCode: JAMBI,
      provinceName: "Jambi",
      timeZone: "Asia/Jakarta",
    });

    const expected = await listRegencyAreas(JAMBI);
    const areas = await t.withTenant(result.data.tenantId, (tx) =>
      tx.area.findMany({ select: { id: true, code: true, name: true, level: true, parentId: true } }),
    );
    const kecamatan = areas.filter((area) => area.level === "KECAMATAN");
    expect(kecamatan.map((area) => area.code).sort()).toEqual(expected.map((k) => k.code));
    expect(kecamatan.map((area) => area.name)).toContain("Telanaipura");
    const kelurahan = areas.filter((area) => area.level === "KELURAHAN");
    expect(kelurahan).toHaveLength(expected.reduce((sum, k) => sum + k.kelurahan.length, 0));
    const idByCode = new Map(kecamatan.map((area) => [area.code, area.id]));
    for (const area of kelurahan) expect(area.parentId).toBe(idByCode.get(area.code.slice(0, 8)));
  });

  it("creates its first CITY_ADMIN, email in lower case, password hashed", async () => {
    if (!created.result.ok) throw new Error("creation failed");
    const { tenantId, adminUserId } = created.result.data;
    const admin = await t.withTenant(tenantId, (tx) => tx.user.findFirst({ where: { id: adminUserId } }));
    expect(admin).toMatchObject({ role: "CITY_ADMIN", tenantId, email: jambi.email.toLowerCase(), active: true });
    expect(admin?.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(admin!.passwordHash, PASSWORD)).toBe(true);
    expect(await t.lookupLogin(jambi.email)).toEqual({ id: adminUserId, tenantId });
  });

  it("records every write in the new tenant's audit trail, for the platform admin, without the password hash", async () => {
    if (!created.result.ok) throw new Error("creation failed");
    const { tenantId, adminUserId, kecamatan, kelurahan } = created.result.data;
    const audit = await t.withTenant(tenantId, (tx) => tx.auditLog.findMany({ orderBy: { id: "asc" } }));
    expect(audit.every((row) => row.userId === platformAdmin.id && row.requestId === "req-test" && row.action === "create")).toBe(true);
    const tenant = audit.filter((row) => row.entity === "Tenant");
    expect(tenant.map((row) => row.entityId)).toEqual([tenantId]);
    expect(tenant[0]?.after).toMatchObject({ slug: jambi.slug, kemendagriCode: JAMBI, name: "Kota Jambi", timeZone: "Asia/Jakarta" });
    expect(audit.filter((row) => row.entity === "Area")).toHaveLength(kecamatan + kelurahan);
    const user = audit.filter((row) => row.entity === "User");
    expect(user.map((row) => row.entityId)).toEqual([adminUserId]);
    expect(user[0]?.after).toMatchObject({ email: jambi.email.toLowerCase(), role: "CITY_ADMIN", tenantId });
    expect(JSON.stringify(user[0]?.after)).not.toContain("argon2");
  });

  it("lists it for the platform admin with counts from the database", async () => {
    const rows = await listPlatformTenants({ db: t.db, withTenant: t.withTenant });
    expect(rows.find((row) => row.slug === jambi.slug)).toMatchObject({
      name: "Kota Jambi",
      kemendagriCode: JAMBI,
      provinceName: "Jambi",
      kecamatan: 11,
      kelurahan: 68,
      users: 1,
    });
  });

  it("is one of the platform action definitions", () => {
    expect(platformActionDefinitions.map((definition) => definition.name)).toContain("platform.createTenant");
    expect(platformActionDefinitions.every((definition) => definition.permission === "tenant:manage")).toBe(true);
  });
});

describe("refusals: nothing is written", () => {
  const attempt = async (overrides: Record<string, string>, user = platformAdmin) =>
    runPlatformAction(actionDeps(t, user), createTenantDefinition, input(overrides));

  it("answers a CITY_ADMIN with 'not found'", async () => {
    const slug = `sp-${uniqueSuffix()}`;
    const result = await attempt({ kemendagriCode: SUNGAI_PENUH, slug }, sessionUser(city, "CITY_ADMIN"));
    expect(result).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await tenantBySlug(slug)).toBeNull();
  });

  it("answers a signed-out caller with a sign-in request", async () => {
    const slug = `sp-${uniqueSuffix()}`;
    const result = await runPlatformAction(actionDeps(t, null), createTenantDefinition, input({ kemendagriCode: SUNGAI_PENUH, slug }));
    expect(result).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
    expect(await tenantBySlug(slug)).toBeNull();
  });

  it("refuses a kota/kabupaten that is a tenant already", async () => {
    const slug = `jambi-lagi-${uniqueSuffix()}`;
    const email = `lagi.${uniqueSuffix()}@jambikota.go.id`;
    const result = await attempt({ slug, adminEmail: email });
    expect(result).toMatchObject({ ok: false, code: "CONFLICT" });
    if (result.ok) return;
    expect(result.fieldErrors?.kemendagriCode?.[0]).toBe("Kota Jambi (15.71) sudah terdaftar di Entas.");
    expect(await tenantBySlug(slug)).toBeNull();
    expect(await t.lookupLogin(email)).toBeNull();
  });

  it("refuses a slug that is taken", async () => {
    const email = `sp.${uniqueSuffix()}@sungaipenuhkota.go.id`;
    const result = await attempt({ kemendagriCode: SUNGAI_PENUH, adminEmail: email });
    expect(result).toMatchObject({ ok: false, code: "CONFLICT" });
    if (result.ok) return;
    expect(result.fieldErrors?.slug?.[0]).toBe(`Alamat /${jambi.slug} sudah dipakai Kota Jambi.`);
    expect(result.fieldErrors?.kemendagriCode).toBeUndefined();
    expect(await t.lookupLogin(email)).toBeNull();
  });

  it("refuses an email another account has, and rolls back the tenant and its areas", async () => {
    const slug = `sp-${uniqueSuffix()}`;
    const result = await attempt({ kemendagriCode: SUNGAI_PENUH, slug });
    expect(result).toMatchObject({ ok: false, code: "CONFLICT", fieldErrors: { adminEmail: ["Email ini sudah dipakai akun lain."] } });
    expect(await tenantBySlug(slug)).toBeNull();
  });

  it("refuses an unknown or malformed Kemendagri code", async () => {
    const slug = `x-${uniqueSuffix()}`;
    const unknown = await attempt({ kemendagriCode: "15.99", slug });
    expect(unknown).toMatchObject({ ok: false, code: "INVALID" });
    if (!unknown.ok) expect(unknown.fieldErrors?.kemendagriCode?.[0]).toBe("Kode Kemendagri 15.99 tidak ada dalam daftar kota/kabupaten.");
    const malformed = await attempt({ kemendagriCode: "1571", slug });
    if (!malformed.ok) expect(malformed.fieldErrors?.kemendagriCode?.[0]).toMatch(/dua angka, titik, dua angka/);
    expect(malformed.ok).toBe(false);
    expect(await tenantBySlug(slug)).toBeNull();
  });

  it("refuses malformed and reserved slugs, and a weak password, with Indonesian messages", async () => {
    const result = await attempt({ kemendagriCode: SUNGAI_PENUH, slug: "Kota Sungai Penuh!", adminPassword: "pendek" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe("INVALID");
    expect(result.fieldErrors?.slug?.[0]).toMatch(/huruf kecil, angka dan tanda hubung/);
    expect(result.fieldErrors?.adminPassword?.[0]).toBe("Kata sandi minimal 10 karakter.");

    const reserved = await attempt({ kemendagriCode: SUNGAI_PENUH, slug: "platform" });
    if (!reserved.ok) expect(reserved.fieldErrors?.slug?.[0]).toBe("Alamat /platform dipakai Entas sendiri. Pilih yang lain.");
    expect(reserved.ok).toBe(false);
    expect(await tenantBySlug("platform")).toBeNull();
  });
});

describe("the suggested slug", () => {
  it("is the name without Kota/Kabupaten, and names the kind when that is taken or reserved", () => {
    expect(suggestTenantSlug("Kota Jambi")).toBe("jambi");
    expect(suggestTenantSlug("Kabupaten Tanjung Jabung Barat")).toBe("tanjung-jabung-barat");
    expect(suggestTenantSlug("Kabupaten Kupang", new Set(["kupang"]))).toBe("kab-kupang");
    expect(suggestTenantSlug("Kota Kupang", new Set(["kupang"]))).toBe("kota-kupang");
    expect(suggestTenantSlug("Kabupaten Pangkajene Dan Kepulauan")).toBe("pangkajene-dan-kepulauan");
  });
});

describe("the platform admin, with the audit log kept by city", () => {
  // Kota Bengkulu: created only here.
  const BENGKULU = "17.71";

  async function signedInPlatformAdmin() {
    const email = `platform-${uniqueSuffix()}@entas.test`;
    const passwordHash = await hashPassword(PASSWORD);
    const admin = await t.withPlatform((tx) =>
      tx.user.create({ data: { email, name: "Admin Platform", passwordHash, role: "PLATFORM_ADMIN" }, select: { id: true } }),
    );
    const signedIn = await authenticate(t, { email, password: PASSWORD, ip: "10.17.71.1", requestId: "req-masuk" });
    if (!signedIn.ok) throw new Error(`the platform admin could not sign in: ${signedIn.reason}`);
    const claims = { userId: admin.id, tenantId: null, role: "PLATFORM_ADMIN", sessionVersion: 0, signedInAt: Date.now(), sessionId: signedIn.user.sessionId };
    return { email, id: admin.id, user: await loadSessionUser(t, claims) };
  }

  const eventsOf = (userId: string) => t.withPlatform((tx) => tx.platformEvent.findMany({ where: { userId }, orderBy: { id: "asc" } }));

  it("signs in and creates a city: the sign-in is a platform event, the city's writes are in the city's own log", async () => {
    const admin = await signedInPlatformAdmin();
    expect(admin.user).toMatchObject({ id: admin.id, role: "PLATFORM_ADMIN", tenantId: null });

    const form = new FormData();
    const slug = `bengkulu-${uniqueSuffix()}`;
    for (const [key, value] of Object.entries(input({ kemendagriCode: BENGKULU, slug, adminEmail: `admin.${slug}@bengkulukota.go.id` }))) form.set(key, value);
    const result = await runPlatformAction(actionDeps(t, admin.user), createTenantDefinition, form);
    if (!result.ok) throw new Error(`creation failed: ${JSON.stringify(result)}`);

    const { tenantId } = result.data;
    const cityLog = await t.withTenant(tenantId, (tx) => tx.auditLog.findMany({ where: { entity: "Tenant" } }));
    expect(cityLog).toEqual([expect.objectContaining({ tenantId, userId: admin.id, action: "create", entityId: tenantId })]);
    expect((await eventsOf(admin.id)).map((event) => [event.action, event.entity, event.entityId, event.ip])).toEqual([
      ["auth.sign_in", "User", admin.id, "10.17.71.1"],
    ]);
  });

  it("keeps what the platform admin writes outside any city as platform events: a write for them, their password change", async () => {
    const admin = await signedInPlatformAdmin();
    await t.withPlatform((tx) => tx.user.update({ where: { id: admin.id }, data: { name: "Admin Platform Nasional" } }), {
      actor: { userId: admin.id, requestId: "req-ubah" },
    });
    const changed = await changePassword(
      t,
      { id: admin.id, tenantId: null, email: admin.email },
      { currentPassword: PASSWORD, newPassword: "danau toba biru 2026", confirmPassword: "danau toba biru 2026" },
      { ip: "10.17.71.2" },
    );
    expect(changed).toEqual({ ok: true });

    const events = await eventsOf(admin.id);
    expect(events.map((event) => event.action)).toEqual(["auth.sign_in", "update", "auth.password_changed"]);
    expect(events[1]).toMatchObject({
      entity: "User",
      entityId: admin.id,
      requestId: "req-ubah",
      before: { name: "Admin Platform" },
      after: { name: "Admin Platform Nasional" },
    });
    expect(JSON.stringify(events.map((event) => [event.before, event.after]))).not.toContain("argon2");
  });
});
