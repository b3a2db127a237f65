// The permission matrix for the registry's actions (as tests/integration/permission-matrix
// does for the registered ones): every role, at home and in another city.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runAction } from "@/lib/actions/run";
import { can } from "@/lib/auth/permissions";
import { Role } from "@/lib/generated/prisma/enums";
import { registryActionDefinitions } from "@/features/registry/action-definitions";
import { actionDeps, sessionUser } from "@/tests/helpers/actions";
import { openTestDb, type TestDb } from "@/tests/helpers/db";
import { createTestTenant, type TestTenant } from "@/tests/helpers/factories";

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

describe("registry actions", () => {
  it("have unique names", () => {
    const names = registryActionDefinitions.map((d) => d.name);
    expect(new Set(names).size).toBe(names.length);
  });

  for (const definition of registryActionDefinitions) {
    for (const role of Object.values(Role)) {
      const allowed = can(role, definition.permission);
      it(`${definition.name} × ${role}: ${allowed ? "passes the gate" : "forbidden"} at home, not found elsewhere`, async () => {
        const before = await t.withTenant(city.id, (tx) => tx.auditLog.count());
        const home = role === "PLATFORM_ADMIN" ? null : city;
        const own = await runAction(actionDeps(t, sessionUser(home, role)), definition, city.slug, {});
        if (role === "PLATFORM_ADMIN") expect(own).toMatchObject({ ok: false, code: "NOT_FOUND" });
        else if (allowed) expect(own).toMatchObject({ ok: false, code: "INVALID" });
        else expect(own).toMatchObject({ ok: false, code: "FORBIDDEN" });
        const stranger = sessionUser(otherCity, role === "PLATFORM_ADMIN" ? "CITY_ADMIN" : role);
        expect(await runAction(actionDeps(t, stranger), definition, city.slug, {})).toMatchObject({ ok: false, code: "NOT_FOUND" });
        expect(await t.withTenant(city.id, (tx) => tx.auditLog.count())).toBe(before);
      });
    }
  }
});
