import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runAction } from "@/lib/actions/run";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { loadSessionUser, type SessionClaims } from "@/lib/auth/session-user";
import { authenticate } from "@/lib/auth/sign-in";
import type { Role } from "@/lib/generated/prisma/enums";
import {
  createUserDefinition,
  deactivateUserDefinition,
  reactivateUserDefinition,
  resetUserPasswordDefinition,
  updateUserDefinition,
  userActionDefinitions,
} from "@/features/users/action-definitions";
import { actionDeps, sessionUser } from "@/tests/helpers/actions";
import { openTestDb, uniqueSuffix, type TestDb } from "@/tests/helpers/db";
import { createTestTenant, type TestTenant } from "@/tests/helpers/factories";

const PASSWORD = "cukli sekarbela 2024";

let t: TestDb;
let city: TestTenant;
let otherCity: TestTenant;
let opdId: string;
let otherOpdId: string;
let passwordHash: string;
/** The city's admin as a real row, so "itself" means something to the actions. */
let admin: ReturnType<typeof sessionUser>;
let stranger: ReturnType<typeof sessionUser>;

beforeAll(async () => {
  t = await openTestDb();
  [city, otherCity] = [await createTestTenant(t.db, t.withTenant), await createTestTenant(t.db, t.withTenant)];
  passwordHash = await hashPassword(PASSWORD);
  const makeOpd = (tenant: TestTenant) =>
    t.withTenant(tenant.id, (tx) => tx.opd.create({ data: { tenantId: tenant.id, code: "2.07", name: "Dinas Tenaga Kerja", shortName: "Disnaker" } }));
  opdId = (await makeOpd(city)).id;
  otherOpdId = (await makeOpd(otherCity)).id;
  const adminRow = await seedUser(city, { role: "CITY_ADMIN" });
  admin = sessionUser(city, "CITY_ADMIN", { id: adminRow.id, email: adminRow.email });
  const strangerRow = await seedUser(otherCity, { role: "CITY_ADMIN" });
  stranger = sessionUser(otherCity, "CITY_ADMIN", { id: strangerRow.id, email: strangerRow.email });
});

afterAll(async () => {
  await t?.close();
});

/** A user written straight into the database, not through an action (so not audited). */
function seedUser(tenant: TestTenant, data: { role: Role; opdId?: string | null; kelurahanId?: string | null }) {
  return t.withTenant(tenant.id, (tx) =>
    tx.user.create({
      data: { tenantId: tenant.id, email: `pengguna-${uniqueSuffix()}@uji.go.id`, name: "Lalu Ahmad", passwordHash, ...data },
    }),
  );
}

const readUser = (tenant: TestTenant, id: string) => t.withTenant(tenant.id, (tx) => tx.user.findFirst({ where: { id } }));
const auditOf = (tenant: TestTenant, id: string) => t.withTenant(tenant.id, (tx) => tx.auditLog.findMany({ where: { entityId: id }, orderBy: { id: "asc" } }));
const auditCount = (tenant: TestTenant) => t.withTenant(tenant.id, (tx) => tx.auditLog.count());
const userCount = (tenant: TestTenant) => t.withTenant(tenant.id, (tx) => tx.user.count());
const email = () => `baru-${uniqueSuffix()}@uji.go.id`;

async function signIn(address: string, password: string): Promise<SessionClaims> {
  const result = await authenticate(t, { email: address, password, ip: null });
  if (!result.ok) throw new Error(`sign-in refused: ${result.reason}`);
  const { id, tenantId, role, sessionVersion, sessionId } = result.user;
  return { userId: id, tenantId, role, sessionVersion, signedInAt: Date.now(), sessionId };
}

describe("creating a user", () => {
  it("creates an OPD user with a generated password shown once, lower-cases the email, audits one row", async () => {
    const audits = await auditCount(city);
    const address = email();
    const result = await runAction(actionDeps(t, admin), createUserDefinition, city.slug, {
      name: "Baiq Sri Wahyuni",
      email: `  ${address.toUpperCase()} `,
      role: "OPD_STAFF",
      opdId,
      kelurahanId: city.kelurahanId, // not the role's scope: dropped
      passwordMode: "generate",
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data.password).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    expect(result.data.user).not.toHaveProperty("passwordHash");

    const stored = await readUser(city, result.data.user.id);
    expect(stored).toMatchObject({ email: address, role: "OPD_STAFF", opdId, kelurahanId: null, active: true, tenantId: city.id });
    expect(await verifyPassword(stored!.passwordHash, result.data.password!)).toBe(true);

    expect(await auditCount(city)).toBe(audits + 1);
    const [audit] = await auditOf(city, stored!.id);
    expect(audit).toMatchObject({ action: "create", entity: "User", userId: admin.id });
    expect(JSON.stringify(audit?.after)).not.toContain("passwordHash");
  });

  it("creates a kelurahan officer with the password the admin typed, and shows no password back", async () => {
    const address = email();
    const form = new FormData();
    for (const [key, value] of Object.entries({
      name: "Petugas Cakranegara",
      email: address,
      role: "KELURAHAN",
      opdId: "",
      kelurahanId: city.kelurahanId,
      passwordMode: "manual",
      password: "ayam taliwang 99",
    }))
      form.set(key, value);
    const result = await runAction(actionDeps(t, admin), createUserDefinition, city.slug, form);
    expect(result).toMatchObject({ ok: true, data: { password: null } });
    if (!result.ok) return;
    const stored = await readUser(city, result.data.user.id);
    expect(stored).toMatchObject({ role: "KELURAHAN", kelurahanId: city.kelurahanId, opdId: null });
    expect(await verifyPassword(stored!.passwordHash, "ayam taliwang 99")).toBe(true);
  });

  it("asks for the OPD of an OPD role and the kelurahan of a kelurahan role", async () => {
    const before = await userCount(city);
    const staff = await runAction(actionDeps(t, admin), createUserDefinition, city.slug, {
      name: "Tanpa OPD",
      email: email(),
      role: "OPD_HEAD",
    });
    expect(staff).toMatchObject({ ok: false, code: "INVALID", fieldErrors: { opdId: ["Pilih OPD untuk peran ini."] } });
    const officer = await runAction(actionDeps(t, admin), createUserDefinition, city.slug, {
      name: "Tanpa kelurahan",
      email: email(),
      role: "KELURAHAN",
    });
    expect(officer).toMatchObject({ ok: false, code: "INVALID", fieldErrors: { kelurahanId: ["Pilih kelurahan untuk peran ini."] } });
    expect(await userCount(city)).toBe(before);
  });

  it("refuses a weak typed password with an Indonesian message", async () => {
    const result = await runAction(actionDeps(t, admin), createUserDefinition, city.slug, {
      name: "Sandi Lemah",
      email: email(),
      role: "BAPEDA",
      passwordMode: "manual",
      password: "pendek",
    });
    expect(result).toMatchObject({ ok: false, code: "INVALID", fieldErrors: { password: ["Kata sandi minimal 10 karakter."] } });
  });

  it("never creates a platform admin", async () => {
    const before = await userCount(city);
    const result = await runAction(actionDeps(t, admin), createUserDefinition, city.slug, {
      name: "Calon Admin Platform",
      email: email(),
      role: "PLATFORM_ADMIN",
    });
    expect(result).toMatchObject({ ok: false, code: "INVALID" });
    if (result.ok) return;
    expect(result.fieldErrors?.role).toBeDefined();
    expect(await userCount(city)).toBe(before);
  });

  it("answers another city's OPD or kelurahan id with 'not found' and creates nothing", async () => {
    const before = await userCount(city);
    const audits = await auditCount(city);
    const withOpd = await runAction(actionDeps(t, admin), createUserDefinition, city.slug, {
      name: "OPD Asing",
      email: email(),
      role: "OPD_STAFF",
      opdId: otherOpdId,
    });
    expect(withOpd).toMatchObject({ ok: false, code: "NOT_FOUND", message: "OPD tidak ditemukan." });
    const withKelurahan = await runAction(actionDeps(t, admin), createUserDefinition, city.slug, {
      name: "Kelurahan Asing",
      email: email(),
      role: "KELURAHAN",
      kelurahanId: otherCity.kelurahanId,
    });
    expect(withKelurahan).toMatchObject({ ok: false, code: "NOT_FOUND", message: "Kelurahan tidak ditemukan." });
    // A kecamatan is not a kelurahan.
    const withKecamatan = await runAction(actionDeps(t, admin), createUserDefinition, city.slug, {
      name: "Kecamatan",
      email: email(),
      role: "KELURAHAN",
      kelurahanId: city.kecamatanId,
    });
    expect(withKecamatan).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await userCount(city)).toBe(before);
    expect(await auditCount(city)).toBe(audits);
  });

  it("refuses an email already taken, in this city or another", async () => {
    const mine = await seedUser(city, { role: "AUDITOR" });
    const theirs = await seedUser(otherCity, { role: "AUDITOR" });
    for (const taken of [mine.email, theirs.email.toUpperCase()]) {
      const result = await runAction(actionDeps(t, admin), createUserDefinition, city.slug, {
        name: "Nama Kembar",
        email: taken,
        role: "AUDITOR",
      });
      expect(result).toMatchObject({ ok: false, code: "CONFLICT", fieldErrors: { email: ["Email ini sudah dipakai akun lain."] } });
    }
  });
});

describe("changing a user's role and scope", () => {
  it("moves an OPD user to a kelurahan, clearing the OPD, with one audit row", async () => {
    const user = await seedUser(city, { role: "OPD_STAFF", opdId });
    const result = await runAction(actionDeps(t, admin), updateUserDefinition, city.slug, {
      userId: user.id,
      version: 1,
      name: user.name,
      role: "KELURAHAN",
      opdId,
      kelurahanId: city.kelurahanId,
    });
    expect(result.ok).toBe(true);
    expect(await readUser(city, user.id)).toMatchObject({ role: "KELURAHAN", opdId: null, kelurahanId: city.kelurahanId });
    const audit = await auditOf(city, user.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: "update",
      before: { role: "OPD_STAFF", opdId, kelurahanId: null },
      after: { role: "KELURAHAN", opdId: null, kelurahanId: city.kelurahanId },
    });
  });

  it("never promotes to platform admin", async () => {
    const user = await seedUser(city, { role: "BAPEDA" });
    const result = await runAction(actionDeps(t, admin), updateUserDefinition, city.slug, {
      userId: user.id,
      version: 1,
      name: user.name,
      role: "PLATFORM_ADMIN",
    });
    expect(result).toMatchObject({ ok: false, code: "INVALID" });
    expect(await readUser(city, user.id)).toMatchObject({ role: "BAPEDA", tenantId: city.id });
    expect(await auditOf(city, user.id)).toHaveLength(0);
  });

  it("refuses another city's OPD for the user", async () => {
    const user = await seedUser(city, { role: "OPD_STAFF", opdId });
    const result = await runAction(actionDeps(t, admin), updateUserDefinition, city.slug, {
      userId: user.id,
      version: 1,
      name: user.name,
      role: "OPD_HEAD",
      opdId: otherOpdId,
    });
    expect(result).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await readUser(city, user.id)).toMatchObject({ role: "OPD_STAFF", opdId });
  });

  it("does not let an admin change their own role", async () => {
    const result = await runAction(actionDeps(t, admin), updateUserDefinition, city.slug, {
      userId: admin.id,
      version: 1,
      name: "Admin Kota",
      role: "AUDITOR",
    });
    expect(result).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await readUser(city, admin.id)).toMatchObject({ role: "CITY_ADMIN" });
  });
});

describe("resetting a password", () => {
  it("sets a new password that signs in, ends the old sessions and audits one row without hashes", async () => {
    const user = await seedUser(city, { role: "AUDITOR" });
    const oldClaims = await signIn(user.email, PASSWORD);
    expect(await loadSessionUser(t, oldClaims)).not.toBeNull();

    const result = await runAction(actionDeps(t, admin), resetUserPasswordDefinition, city.slug, {
      userId: user.id,
      passwordMode: "generate",
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const fresh = result.data.password!;
    const stored = await readUser(city, user.id);
    expect(await verifyPassword(stored!.passwordHash, fresh)).toBe(true);
    expect(await verifyPassword(stored!.passwordHash, PASSWORD)).toBe(false);
    expect(stored).toMatchObject({ sessionVersion: user.sessionVersion + 1 });
    expect(stored!.passwordChangedAt).not.toBeNull();

    expect(await loadSessionUser(t, oldClaims)).toBeNull();
    expect(await loadSessionUser(t, await signIn(user.email, fresh))).toMatchObject({ id: user.id });

    const audit = await auditOf(city, user.id);
    expect(audit.filter((row) => row.action === "update")).toHaveLength(1);
    expect(JSON.stringify(audit.map((row) => [row.before, row.after]))).not.toMatch(/passwordHash|argon2/);
  });

  it("takes a typed password, but not the user's own email", async () => {
    const user = await seedUser(city, { role: "AUDITOR" });
    const sameAsEmail = await runAction(actionDeps(t, admin), resetUserPasswordDefinition, city.slug, {
      userId: user.id,
      passwordMode: "manual",
      password: user.email,
    });
    expect(sameAsEmail).toMatchObject({ ok: false, code: "INVALID", fieldErrors: { password: ["Kata sandi tidak boleh sama dengan email."] } });
    const typed = await runAction(actionDeps(t, admin), resetUserPasswordDefinition, city.slug, {
      userId: user.id,
      passwordMode: "manual",
      password: "sasambo bersatu 45",
    });
    expect(typed).toMatchObject({ ok: true, data: { password: null } });
    expect(await verifyPassword((await readUser(city, user.id))!.passwordHash, "sasambo bersatu 45")).toBe(true);
  });

  it("sends the admin to the change-password page for their own", async () => {
    const result = await runAction(actionDeps(t, admin), resetUserPasswordDefinition, city.slug, { userId: admin.id });
    expect(result).toMatchObject({ ok: false, code: "FORBIDDEN" });
  });
});

describe("deactivating and reactivating", () => {
  it("deactivates a user, ending their session at once, and reactivates them", async () => {
    const user = await seedUser(city, { role: "BAPEDA" });
    const claims = await signIn(user.email, PASSWORD);

    const off = await runAction(actionDeps(t, admin), deactivateUserDefinition, city.slug, { userId: user.id });
    expect(off).toMatchObject({ ok: true, data: { user: { active: false } } });
    expect(await readUser(city, user.id)).toMatchObject({ active: false, sessionVersion: user.sessionVersion + 1 });
    expect(await loadSessionUser(t, claims)).toBeNull();
    expect(await authenticate(t, { email: user.email, password: PASSWORD, ip: null })).toMatchObject({ ok: false });

    const on = await runAction(actionDeps(t, admin), reactivateUserDefinition, city.slug, { userId: user.id });
    expect(on).toMatchObject({ ok: true, data: { user: { active: true } } });
    // The old session stays ended: its version is gone for good.
    expect(await loadSessionUser(t, claims)).toBeNull();
    // Sign-ins are audited too; the two writes are one row each.
    const writes = (await auditOf(city, user.id)).filter((row) => row.entity === "User" && !row.action.startsWith("auth."));
    expect(writes.map((row) => [row.action, row.after])).toEqual([
      ["update", expect.objectContaining({ active: false, sessionVersion: user.sessionVersion + 1 })],
      ["update", expect.objectContaining({ active: true })],
    ]);
  });

  it("does not let an admin deactivate themselves", async () => {
    const audits = await auditCount(city);
    const result = await runAction(actionDeps(t, admin), deactivateUserDefinition, city.slug, { userId: admin.id });
    expect(result).toMatchObject({ ok: false, code: "FORBIDDEN", message: "Anda tidak dapat menonaktifkan akun Anda sendiri." });
    expect(await readUser(city, admin.id)).toMatchObject({ active: true });
    expect(await auditCount(city)).toBe(audits);
  });
});

describe("who may not", () => {
  const inputsFor = (userId: string) => ({
    "users.create": { name: "Penyusup", email: email(), role: "AUDITOR" },
    "users.update": { userId, version: 1, name: "Dibajak", role: "AUDITOR" },
    "users.resetPassword": { userId, passwordMode: "generate" },
    "users.deactivate": { userId },
    "users.reactivate": { userId },
    "users.unlock": { userId },
  });

  it("answers another city's admin with 'not found' and changes nothing, through either slug", async () => {
    const user = await seedUser(city, { role: "BAPEDA" });
    const before = await readUser(city, user.id);
    const users = await userCount(city);
    const audits = await auditCount(city);
    for (const definition of userActionDefinitions) {
      const input = inputsFor(user.id)[definition.name as keyof ReturnType<typeof inputsFor>];
      const viaTheirSlug = await runAction(actionDeps(t, stranger), definition, city.slug, input);
      expect(viaTheirSlug, definition.name).toMatchObject({ ok: false, code: "NOT_FOUND" });
      if (definition.name === "users.create") continue; // in their own city it creates their own user
      const viaOwnSlug = await runAction(actionDeps(t, stranger), definition, otherCity.slug, input);
      expect(viaOwnSlug, definition.name).toMatchObject({ ok: false, code: "NOT_FOUND", message: "Pengguna tidak ditemukan." });
    }
    expect(await readUser(city, user.id)).toEqual(before);
    expect(await userCount(city)).toBe(users);
    expect(await auditCount(city)).toBe(audits);
  });

  it("refuses every other role of the city", async () => {
    const user = await seedUser(city, { role: "BAPEDA" });
    const before = await readUser(city, user.id);
    const roles: Role[] = ["OPD_STAFF", "OPD_HEAD", "BAPEDA", "MAYOR_OFFICE", "KELURAHAN", "AUDITOR"];
    for (const role of roles) {
      for (const definition of userActionDefinitions) {
        const input = inputsFor(user.id)[definition.name as keyof ReturnType<typeof inputsFor>];
        const result = await runAction(actionDeps(t, sessionUser(city, role)), definition, city.slug, input);
        expect(result, `${role} ${definition.name}`).toMatchObject({ ok: false, code: "FORBIDDEN" });
      }
    }
    expect(await readUser(city, user.id)).toEqual(before);
  });
});
