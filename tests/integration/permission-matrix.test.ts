// The role × page × server-action matrix, generated from the permission table: every
// cell, allowed and denied, in the user's own city and in another. OPD roles are checked
// twice: in an unmarked OPD, and in one the city admin marked (OPD_PERMISSIONS).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tenantActionDefinitions, platformActionDefinitions } from "@/lib/actions/registry";
import { runAction, runPlatformAction } from "@/lib/actions/run";
import { TENANT_PAGES, pageAccess, type PagePermission, type TenantPageKey } from "@/lib/auth/pages";
import { OPD_PERMISSIONS, ROLE_PERMISSIONS, type OpdCapabilities, type Permission } from "@/lib/auth/permissions";
import { Role } from "@/lib/generated/prisma/enums";
import { actionDeps, sessionUser } from "../helpers/actions";
import { openTestDb, type TestDb } from "../helpers/db";
import { createTestTenant, type TestTenant } from "../helpers/factories";

const ROLES = Object.values(Role);
const TENANT_ROLES = ROLES.filter((role) => role !== "PLATFORM_ADMIN");
const PAGES = Object.keys(TENANT_PAGES) as TenantPageKey[];
const OPD_ROLES: readonly Role[] = ["OPD_STAFF", "OPD_HEAD"];
const MARKS = Object.keys(OPD_PERMISSIONS) as (keyof OpdCapabilities)[];

type Subject = { role: Role; opd: OpdCapabilities | null; label: string };
const unmarked = Object.fromEntries(MARKS.map((mark) => [mark, false])) as OpdCapabilities;
const subjectsOf = (roles: readonly Role[]): Subject[] =>
  roles.flatMap((role): Subject[] =>
    OPD_ROLES.includes(role)
      ? [
          { role, opd: unmarked, label: role },
          ...MARKS.map((mark) => ({ role, opd: { ...unmarked, [mark]: true }, label: `${role} of an OPD marked ${mark}` })),
        ]
      : [{ role, opd: null, label: role }],
  );

/** What the tables grant, read independently of userCan. */
function granted(subject: Subject, permission: Permission): boolean {
  if ((ROLE_PERMISSIONS[subject.role] as readonly Permission[]).includes(permission)) return true;
  return MARKS.some((mark) => {
    const extra = (OPD_PERMISSIONS[mark] as Partial<Record<Role, readonly Permission[]>>)[subject.role] ?? [];
    return Boolean(subject.opd?.[mark]) && extra.includes(permission);
  });
}

describe("pages", () => {
  for (const subject of subjectsOf(TENANT_ROLES)) {
    for (const page of PAGES) {
      const permission: PagePermission = TENANT_PAGES[page].permission;
      const allowed = permission === null || [permission].flat().some((one) => granted(subject, one));
      it(`${subject.label} ${allowed ? "opens" : "gets not-found for"} ${page} in its own city, not-found in another`, () => {
        const user = { role: subject.role, opd: subject.opd, tenantSlug: "kota-a" };
        expect(pageAccess(user, "kota-a", page)).toBe(allowed ? "allow" : "not-found");
        expect(pageAccess(user, "kota-b", page)).toBe("not-found");
      });
    }
  }
  it("no city page exists for the platform admin", () => {
    for (const page of PAGES) expect(pageAccess({ role: "PLATFORM_ADMIN", tenantSlug: null }, "kota-a", page)).toBe("not-found");
  });
});

describe("server actions", () => {
  let t: TestDb;
  let city: TestTenant;
  let otherCity: TestTenant;

  beforeAll(async () => {
    t = await openTestDb();
    city = await createTestTenant(t.db, t.withTenant);
    otherCity = await createTestTenant(t.db, t.withTenant);
  });
  afterAll(async () => {
    await t?.close();
  });

  const auditRows = () => t.withTenant(city.id, (tx) => tx.auditLog.count());

  for (const definition of tenantActionDefinitions) {
    for (const { role, opd, label } of subjectsOf(ROLES)) {
      const allowed = granted({ role, opd, label }, definition.permission);
      it(`${definition.name} × ${label}: ${allowed ? "passes the gate" : "forbidden"} at home, not found elsewhere`, async () => {
        const before = await auditRows();
        const home = role === "PLATFORM_ADMIN" ? null : city;
        const user = sessionUser(home, role, { opd });

        // Empty input: an allowed caller gets as far as validation, and nothing is written.
        const own = await runAction(actionDeps(t, user), definition, city.slug, {});
        if (role === "PLATFORM_ADMIN") expect(own).toMatchObject({ ok: false, code: "NOT_FOUND" });
        else if (allowed) expect(own).toMatchObject({ ok: false, code: "INVALID" });
        else expect(own).toMatchObject({ ok: false, code: "FORBIDDEN" });

        const stranger = sessionUser(otherCity, role === "PLATFORM_ADMIN" ? "CITY_ADMIN" : role, { opd });
        const foreign = await runAction(actionDeps(t, stranger), definition, city.slug, {});
        expect(foreign).toMatchObject({ ok: false, code: "NOT_FOUND" });

        expect(await auditRows()).toBe(before);
      });
    }
  }

  for (const definition of platformActionDefinitions) {
    for (const role of ROLES) {
      const allowed = role === "PLATFORM_ADMIN";
      it(`${definition.name} × ${role}: ${allowed ? "passes the gate" : "not found"}`, async () => {
        const user = sessionUser(allowed ? null : city, role);
        const result = await runPlatformAction(actionDeps(t, user), definition, {});
        expect(result).toMatchObject({ ok: false, code: allowed ? "INVALID" : "NOT_FOUND" });
      });
    }
  }
});
