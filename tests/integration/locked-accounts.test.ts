// Accounts locked by failed sign-ins: the city admin's home counts exactly the users list's
// "locked" rows, never another city's, and the admin's unlock lifts the lock and is audited.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { unlockUserDefinition } from "@/features/users/action-definitions";
import { listUsers } from "@/features/users/queries";
import { LOCKED_ONLY } from "@/features/users/routes";
import { homeTasks } from "@/features/home/tasks/home-tasks";
import { runAction } from "@/lib/actions/run";
import { hashPassword } from "@/lib/auth/password";
import type { TenantSessionUser } from "@/lib/auth/session-user";
import { authenticate } from "@/lib/auth/sign-in";
import type { Role } from "@/lib/generated/prisma/enums";
import { actionDeps, sessionUser } from "@/tests/helpers/actions";
import { openTestDb, uniqueSuffix, type TestDb } from "@/tests/helpers/db";
import { createTestTenant, type TestTenant } from "@/tests/helpers/factories";

const PASSWORD = "tenun songket 77";

let t: TestDb;
let city: TestTenant;
let otherCity: TestTenant;
let passwordHash: string;
let admin: TenantSessionUser;
let otherAdmin: TenantSessionUser;

const randomIp = () => `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;

function seedUser(tenant: TestTenant, role: Role = "OPD_STAFF") {
  return t.withTenant(tenant.id, (tx) =>
    tx.user.create({ data: { tenantId: tenant.id, email: `kunci-${uniqueSuffix()}@uji.go.id`, name: "Baiq Nurul", passwordHash, role } }),
  );
}

/** `times` wrong passwords for `email` from one address (5 lock the account at that address). */
async function failSignIns(email: string, times: number, ip = randomIp()) {
  for (let i = 0; i < times; i += 1) await authenticate(t, { email, password: "salah sekali", ip });
  return ip;
}

const lockedCard = async (viewer: TenantSessionUser, tenant: TestTenant) => {
  const tasks = await t.withTenant(tenant.id, (tx) => homeTasks(tx, viewer, new Date()));
  return tasks.find((task) => task.key === "usersLocked");
};

const lockedRows = (tenant: TestTenant) => t.withTenant(tenant.id, (tx) => listUsers(tx, { lockedAt: new Date() }));

beforeAll(async () => {
  t = await openTestDb();
  [city, otherCity] = [await createTestTenant(t.db, t.withTenant), await createTestTenant(t.db, t.withTenant)];
  passwordHash = await hashPassword(PASSWORD);
  const adminRow = await seedUser(city, "CITY_ADMIN");
  admin = sessionUser(city, "CITY_ADMIN", { id: adminRow.id, email: adminRow.email }) as TenantSessionUser;
  const otherAdminRow = await seedUser(otherCity, "CITY_ADMIN");
  otherAdmin = sessionUser(otherCity, "CITY_ADMIN", { id: otherAdminRow.id, email: otherAdminRow.email }) as TenantSessionUser;
});

afterAll(async () => {
  await t?.close();
});

describe("accounts locked by failed sign-ins", () => {
  it("are counted per city on the admin's home as the users list's locked filter lists them", async () => {
    const locked = await seedUser(city);
    const almost = await seedUser(city);
    const elsewhere = await seedUser(otherCity);
    await failSignIns(locked.email, 5);
    await failSignIns(almost.email, 4);
    await failSignIns(elsewhere.email, 5);
    // An address that names no account locks nothing countable.
    await failSignIns(`tak-dikenal-${uniqueSuffix()}@uji.go.id`, 5);

    const card = await lockedCard(admin, city);
    expect(card).toMatchObject({ count: 1, href: `/${city.slug}/pengguna?terkunci=${LOCKED_ONLY.terkunci}` });
    expect((await lockedRows(city)).map((row) => row.id)).toEqual([locked.id]);
    // The other city's admin counts only their own.
    expect(await lockedCard(otherAdmin, otherCity)).toMatchObject({ count: 1 });
    expect((await lockedRows(otherCity)).map((row) => row.id)).toEqual([elsewhere.id]);
  });

  it("are unlocked by the city's admin, audited, and the owner signs in again from the same address", async () => {
    const user = await seedUser(city);
    const ip = await failSignIns(user.email, 5);
    expect(await authenticate(t, { email: user.email, password: PASSWORD, ip })).toMatchObject({ ok: false, reason: "locked" });
    const before = (await lockedCard(admin, city))?.count ?? 0;

    const revalidated: string[] = [];
    const result = await runAction(actionDeps(t, admin, revalidated), unlockUserDefinition, city.slug, { userId: user.id });
    expect(result).toMatchObject({ ok: true, data: { locks: 1 } });
    expect(revalidated).toContain(`/${city.slug}/pengguna`);
    expect((await lockedCard(admin, city))?.count).toBe(before - 1);
    const audit = await t.withTenant(city.id, (tx) => tx.auditLog.findMany({ where: { action: "auth.unlock", entityId: user.id } }));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ userId: admin.id, entity: "User", after: { locks: 1 } });

    expect(await authenticate(t, { email: user.email, password: PASSWORD, ip })).toMatchObject({ ok: true });
  });

  it("cannot be unlocked by another city's admin", async () => {
    const user = await seedUser(city);
    await failSignIns(user.email, 5);
    const result = await runAction(actionDeps(t, otherAdmin), unlockUserDefinition, otherCity.slug, { userId: user.id });
    expect(result).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect((await lockedRows(city)).map((row) => row.id)).toContain(user.id);
    const audit = await t.withTenant(otherCity.id, (tx) => tx.auditLog.count({ where: { action: "auth.unlock" } }));
    expect(audit).toBe(0);
  });
});
