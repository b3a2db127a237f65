// The role × page × server-action matrix, generated from the permission table: every
// cell, allowed and denied, in the user's own city and in another.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tenantActionDefinitions, platformActionDefinitions } from "@/lib/actions/registry";
import { runAction, runPlatformAction } from "@/lib/actions/run";
import { TENANT_PAGES, pageAccess, type PagePermission, type TenantPageKey } from "@/lib/auth/pages";
import { ROLE_PERMISSIONS, can } from "@/lib/auth/permissions";
import { Role } from "@/lib/generated/prisma/enums";
import { actionDeps, sessionUser } from "../helpers/actions";
import { openTestDb, type TestDb } from "../helpers/db";
import { createTestTenant, type TestTenant } from "../helpers/factories";

const ROLES = Object.values(Role);
const TENANT_ROLES = ROLES.filter((role) => role !== "PLATFORM_ADMIN");
const PAGES = Object.keys(TENANT_PAGES) as TenantPageKey[];

describe("pages", () => {
  for (const role of TENANT_ROLES) {
    for (const page of PAGES) {
      const permission: PagePermission = TENANT_PAGES[page].permission;
      const allowed =
        permission === null || [permission].flat().some((one) => ROLE_PERMISSIONS[role].some((granted) => granted === one));
      it(`${role} ${allowed ? "opens" : "gets not-found for"} ${page} in its own city, not-found in another`, () => {
        const user = { role, tenantSlug: "kota-a" };
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
    for (const role of ROLES) {
      const allowed = can(role, definition.permission);
      it(`${definition.name} × ${role}: ${allowed ? "passes the gate" : "forbidden"} at home, not found elsewhere`, async () => {
        const before = await auditRows();
        const home = role === "PLATFORM_ADMIN" ? null : city;
        const user = sessionUser(home, role);

        // Empty input: an allowed caller gets as far as validation, and nothing is written.
        const own = await runAction(actionDeps(t, user), definition, city.slug, {});
        if (role === "PLATFORM_ADMIN") expect(own).toMatchObject({ ok: false, code: "NOT_FOUND" });
        else if (allowed) expect(own).toMatchObject({ ok: false, code: "INVALID" });
        else expect(own).toMatchObject({ ok: false, code: "FORBIDDEN" });

        const stranger = sessionUser(otherCity, role === "PLATFORM_ADMIN" ? "CITY_ADMIN" : role);
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
