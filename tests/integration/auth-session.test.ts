import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Tx } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { changePassword } from "@/features/account/change-password";
import { hashPassword } from "@/lib/auth/password";
import { accountAddressKey } from "@/lib/auth/rate-limit";
import { SESSION_MAX_AGE_SECONDS, loadSessionUser, type SessionClaims } from "@/lib/auth/session-user";
import { authenticate } from "@/lib/auth/sign-in";
import { endSession } from "@/lib/auth/user-sessions";
import { openTestDb, uniqueSuffix, type TestDb } from "../helpers/db";
import { createTestTenant, type TestTenant } from "../helpers/factories";

const PASSWORD = "sate rembiga pedas 7";

let t: TestDb;
let city: TestTenant;
let otherCity: TestTenant;
let passwordHash: string;

beforeAll(async () => {
  t = await openTestDb();
  [city, otherCity] = [await createTestTenant(t.db, t.withTenant), await createTestTenant(t.db, t.withTenant)];
  passwordHash = await hashPassword(PASSWORD);
});

afterAll(async () => {
  await t?.close();
});

async function createUser(options: { tenant?: TestTenant | null; role?: Role } = {}) {
  const tenant = options.tenant === undefined ? city : options.tenant;
  const data = {
    email: `sesi-${uniqueSuffix()}@uji.go.id`,
    name: "Baiq Nurul",
    passwordHash,
    role: options.role ?? ("KELURAHAN" as Role),
    kelurahanId: tenant ? tenant.kelurahanId : null,
  };
  const create = (tx: Tx) => tx.user.create({ data });
  return tenant ? t.withTenant(tenant.id, create) : t.withPlatform(create);
}

/** Signs in for real and returns the claims the JWT callback would store. */
async function signIn(email: string, password = PASSWORD): Promise<SessionClaims> {
  const result = await authenticate(t, { email, password, ip: null });
  if (!result.ok) throw new Error(`sign-in refused: ${result.reason}`);
  const { id, tenantId, role, sessionVersion, sessionId } = result.user;
  return { userId: id, tenantId, role, sessionVersion, signedInAt: Date.now(), sessionId };
}

const updateUser = (user: { id: string; tenantId: string | null }, data: { active?: boolean; sessionVersion?: { increment: number } }) =>
  user.tenantId
    ? t.withTenant(user.tenantId, (tx) => tx.user.update({ where: { id: user.id }, data }))
    : t.withPlatform((tx) => tx.user.update({ where: { id: user.id }, data }));

describe("loadSessionUser", () => {
  it("returns the user as the database has them, with the tenant's slug", async () => {
    const user = await createUser();
    const claims = await signIn(user.email);
    expect(await loadSessionUser(t, claims)).toEqual({
      id: user.id,
      name: "Baiq Nurul",
      email: user.email,
      role: "KELURAHAN",
      tenantId: city.id,
      tenantSlug: city.slug,
      opdId: null,
      opd: null,
      kelurahanId: city.kelurahanId,
      mustChangePassword: false,
    });
  });

  it("carries the mark the city admin sets on the user's OPD, as it is now", async () => {
    const opd = await t.withTenant(city.id, (tx) =>
      tx.opd.create({ data: { tenantId: city.id, code: `S${uniqueSuffix()}`.slice(0, 20), name: "Dinas Sosial", shortName: "Dinsos" } }),
    );
    const head = await t.withTenant(city.id, (tx) =>
      tx.user.create({ data: { email: `kadis-${uniqueSuffix()}@uji.go.id`, name: "Kepala Dinsos", passwordHash, role: "OPD_HEAD", opdId: opd.id } }),
    );
    const claims = await signIn(head.email);
    expect(await loadSessionUser(t, claims)).toMatchObject({ opdId: opd.id, opd: { decidesRegistryChanges: false } });
    await t.withTenant(city.id, (tx) => tx.opd.update({ where: { tenantId_id: { tenantId: city.id, id: opd.id } }, data: { decidesRegistryChanges: true } }));
    expect(await loadSessionUser(t, claims)).toMatchObject({ opd: { decidesRegistryChanges: true } });
  });

  it("returns the platform admin with no tenant", async () => {
    const admin = await createUser({ tenant: null, role: "PLATFORM_ADMIN" });
    expect(await loadSessionUser(t, await signIn(admin.email))).toMatchObject({ id: admin.id, tenantId: null, tenantSlug: null });
  });

  it("ends the session the moment the user is deactivated", async () => {
    const user = await createUser();
    const claims = await signIn(user.email);
    expect(await loadSessionUser(t, claims)).not.toBeNull();
    await updateUser(user, { active: false });
    expect(await loadSessionUser(t, claims)).toBeNull();
    await updateUser(user, { active: true });
    expect(await loadSessionUser(t, claims)).not.toBeNull();
  });

  it("ends sessions that carry an older sessionVersion", async () => {
    const user = await createUser();
    const claims = await signIn(user.email);
    await updateUser(user, { sessionVersion: { increment: 1 } });
    expect(await loadSessionUser(t, claims)).toBeNull();
    const fresh = await signIn(user.email);
    expect(fresh.sessionVersion).toBe(claims.sessionVersion + 1);
    expect(await loadSessionUser(t, fresh)).not.toBeNull();
  });

  it(`expires ${SESSION_MAX_AGE_SECONDS / 3600} hours after sign-in, whatever refreshed the cookie`, async () => {
    const user = await createUser();
    const claims = await signIn(user.email);
    const later = (seconds: number) => new Date(claims.signedInAt + seconds * 1000);
    expect(await loadSessionUser(t, claims, later(SESSION_MAX_AGE_SECONDS - 60))).not.toBeNull();
    expect(await loadSessionUser(t, claims, later(SESSION_MAX_AGE_SECONDS + 1))).toBeNull();
  });

  it("refuses claims naming another tenant, or none, for a tenant's user", async () => {
    const user = await createUser();
    const claims = await signIn(user.email);
    expect(await loadSessionUser(t, { ...claims, tenantId: otherCity.id })).toBeNull();
    expect(await loadSessionUser(t, { ...claims, tenantId: null })).toBeNull();
  });

  it("ends the session on the server when the user signs out: the same token then opens nothing", async () => {
    const user = await createUser();
    const claims = await signIn(user.email);
    const otherDevice = await signIn(user.email);
    expect(await loadSessionUser(t, claims)).not.toBeNull();
    await endSession(t, { id: claims.sessionId, userId: user.id, tenantId: city.id });
    expect(await loadSessionUser(t, claims)).toBeNull();
    // Signing out on one device leaves the user's other sessions alone.
    expect(await loadSessionUser(t, otherDevice)).not.toBeNull();
  });

  it("ends the platform admin's session too", async () => {
    const admin = await createUser({ tenant: null, role: "PLATFORM_ADMIN" });
    const claims = await signIn(admin.email);
    await endSession(t, { id: claims.sessionId, userId: admin.id, tenantId: null });
    expect(await loadSessionUser(t, claims)).toBeNull();
  });

  it("refuses a token naming no session, another user's session, or none at all", async () => {
    const [user, other] = [await createUser(), await createUser()];
    const claims = await signIn(user.email);
    const othersClaims = await signIn(other.email);
    expect(await loadSessionUser(t, { ...claims, sessionId: "tidak-ada" })).toBeNull();
    expect(await loadSessionUser(t, { ...claims, sessionId: othersClaims.sessionId })).toBeNull();
    const { sessionId: _dropped, ...withoutSession } = claims;
    expect(await loadSessionUser(t, withoutSession)).toBeNull();
  });

  it("refuses malformed claims", async () => {
    const user = await createUser();
    const claims = await signIn(user.email);
    expect(await loadSessionUser(t, null)).toBeNull();
    expect(await loadSessionUser(t, { ...claims, sessionVersion: "0" })).toBeNull();
    expect(await loadSessionUser(t, { ...claims, role: "SUPERUSER" })).toBeNull();
    expect(await loadSessionUser(t, { ...claims, userId: "" })).toBeNull();
  });
});

describe("changePassword", () => {
  const context = { ip: "10.9.8.7", requestId: "req-cp" };

  it("checks the form before anything else", async () => {
    const user = await createUser();
    expect(await changePassword(t, user, { currentPassword: "", newPassword: "pendek", confirmPassword: "pendek" }, context)).toEqual({
      ok: false,
      errors: { currentPassword: "currentRequired", newPassword: "tooShort" },
    });
    expect(await changePassword(t, user, { currentPassword: PASSWORD, newPassword: "kopi luwak manis", confirmPassword: "kopi luwak pahit" }, context)).toEqual(
      { ok: false, errors: { confirmPassword: "mismatch" } },
    );
    expect(await changePassword(t, user, { currentPassword: PASSWORD, newPassword: PASSWORD, confirmPassword: PASSWORD }, context)).toEqual({
      ok: false,
      errors: { newPassword: "sameAsCurrent" },
    });
  });

  it("refuses a wrong current password, counts and audits it", async () => {
    const user = await createUser();
    const input = { currentPassword: "bukan ini 123", newPassword: "kopi luwak manis", confirmPassword: "kopi luwak manis" };
    expect(await changePassword(t, user, input, context)).toEqual({ ok: false, errors: { currentPassword: "currentWrong" } });
    expect(await t.db.rateLimit.findUnique({ where: { key: accountAddressKey(user.email, context.ip) } })).toMatchObject({ count: 1 });
    const rows = await t.withTenant(city.id, (tx) => tx.auditLog.findMany({ where: { action: "auth.password_change_failed", entityId: user.id } }));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ userId: user.id, ip: context.ip, requestId: "req-cp" });
  });

  it("changes the password and ends every session of the user", async () => {
    const user = await createUser();
    const [here, elsewhere] = [await signIn(user.email), await signIn(user.email)];
    const newPassword = "kopi luwak manis";
    expect(await changePassword(t, user, { currentPassword: PASSWORD, newPassword, confirmPassword: newPassword }, context)).toEqual({ ok: true });

    expect(await loadSessionUser(t, here)).toBeNull();
    expect(await loadSessionUser(t, elsewhere)).toBeNull();
    expect(await authenticate(t, { email: user.email, password: PASSWORD, ip: null })).toEqual({ ok: false, reason: "invalid" });
    const again = await signIn(user.email, newPassword);
    expect(await loadSessionUser(t, again)).toMatchObject({ id: user.id });

    const [row] = await t.withTenant(city.id, (tx) => tx.auditLog.findMany({ where: { action: "auth.password_changed", entityId: user.id } }));
    expect(row).toMatchObject({ userId: user.id, before: { sessionVersion: 0 }, after: { sessionVersion: 1 } });
    expect(JSON.stringify([row?.before, row?.after])).not.toContain("argon2");
  });
});
