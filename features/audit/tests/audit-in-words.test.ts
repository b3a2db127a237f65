// The audit log in the reader's words: entities and fields by name, ids resolved to the names
// the reader may see, internal tables left out, and a file for the auditor.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditExport } from "@/features/audit/export";
import { AUDIT_ENTITIES, INTERNAL_ENTITIES } from "@/features/audit/entities";
import { listAuditEntries, parseAuditSearchParams } from "@/features/audit/queries";
import { auditNames } from "@/features/audit/references";
import { fieldLabel } from "@/features/audit/ui/audit-format";
import { catalogues } from "@/lib/i18n/catalogues";
import type { SessionUser } from "@/lib/auth/session-user";
import { exportRoute } from "@/lib/spreadsheet/routes";
import { sessionUser } from "@/tests/helpers/actions";
import { openTestDb, uniqueSuffix, type TestDb } from "@/tests/helpers/db";
import { createTestHousehold, createTestTenant, type TestTenant } from "@/tests/helpers/factories";
import { callRoute, routeDeps } from "@/tests/helpers/routes";

let t: TestDb;

beforeAll(async () => {
  t = await openTestDb();
});

afterAll(async () => {
  await t?.close();
});

/** A city with two OPDs, a programme moved from one to the other, and a household with its head, each write in the log. */
async function cityWithTrail() {
  const city = await createTestTenant(t.db, t.withTenant);
  return t.withTenant(city.id, async (tx) => {
    const opd = (name: string, code: string) => tx.opd.create({ data: { tenantId: city.id, code, name, shortName: name } });
    const dinsos = await opd("Dinas Sosial", "D1");
    const disnaker = await opd("Dinas Tenaga Kerja", "D2");
    const verifier = await tx.user.create({
      data: { tenantId: city.id, name: "Wati Verifikator", email: `wati.${uniqueSuffix()}@audit.test`, passwordHash: "x", role: "OPD_HEAD" },
    });
    const household = await createTestHousehold(tx, city);
    await tx.member.create({
      data: {
        tenantId: city.id,
        householdId: household.id,
        nik: `5272${household.noKk.slice(4)}`,
        name: "Siti Kepala",
        sex: "FEMALE",
        birthDate: new Date("1970-01-01"),
        relation: "HEAD",
      },
    });
    const log = (entity: string, entityId: string, before: object | null, after: object | null, action = "update") =>
      tx.auditLog.create({ data: { tenantId: city.id, action, entity, entityId, before: before ?? undefined, after: after ?? undefined } });
    await log("Opd", dinsos.id, { name: "Dinsos" }, { name: "Dinas Sosial" });
    await log("Household", household.id, { kelurahanId: null }, { kelurahanId: city.kelurahanId, verifiedById: verifier.id });
    await log("AidDistribution", "aid-1", null, { householdId: household.id, opdId: disnaker.id, amount: "150000" }, "create");
    await log("UnreachedHouseholds", city.kelurahanId, null, { file: "daftar-kunjungan" }, "print");
    await log("HouseholdReach", "reach-1", null, { householdId: household.id }, "create");
    await log("ImportStagedMember", "staged-1", null, { name: "[redacted]" }, "create");
    return { city, dinsos: dinsos.id, disnaker: disnaker.id, verifier: verifier.id, household: household.id };
  });
}

describe("the audit log in words", () => {
  it("leaves internal tables out of the filter and the list", async () => {
    const { city } = await cityWithTrail();
    expect(AUDIT_ENTITIES).not.toContain("HouseholdReach");
    expect(AUDIT_ENTITIES).not.toContain("ImportStagedMember");
    expect(AUDIT_ENTITIES).toContain("Household");
    expect(INTERNAL_ENTITIES.has("HouseholdAreaCount")).toBe(true);
    const page = await t.withTenant(city.id, (tx) => listAuditEntries(tx, parseAuditSearchParams({}), { timeZone: "Asia/Makassar" }));
    expect(page.rows.map((row) => row.entity).sort()).toEqual(["AidDistribution", "Household", "Opd", "UnreachedHouseholds"]);
    // Asked for by hand in the URL, an internal table shows nothing.
    const asked = await t.withTenant(city.id, (tx) =>
      listAuditEntries(tx, parseAuditSearchParams({ entity: "HouseholdReach" }), { timeZone: "Asia/Makassar" }),
    );
    expect(asked.rows.map((row) => row.entity)).not.toContain("HouseholdReach");
  });

  it("names every audited entity and field in both languages", () => {
    for (const locale of ["id", "en"] as const) {
      const { entities, fields } = catalogues[locale].Audit;
      for (const entity of AUDIT_ENTITIES) expect(Object.hasOwn(entities, entity), `${locale}: entity ${entity}`).toBe(true);
      for (const field of ["opdId", "kelurahanId", "programmeId", "budgetLineId", "verifiedById", "householdId", "amount", "status"]) {
        expect(Object.hasOwn(fields, field), `${locale}: field ${field}`).toBe(true);
      }
    }
    expect(fieldLabel("opdId", catalogues.id.Audit.fields)).toBe("OPD");
    expect(fieldLabel("verifiedById", catalogues.en.Audit.fields)).toBe("Verified by");
    expect(fieldLabel("someNewFieldId", catalogues.id.Audit.fields)).toBe("someNewFieldId");
  });

  it("resolves ids to OPD, area and user names, and people's names only for readers of personal data", async () => {
    const world = await cityWithTrail();
    const rows = await t.withTenant(world.city.id, (tx) => listAuditEntries(tx, parseAuditSearchParams({}), { timeZone: "Asia/Makassar" }));
    const names = await t.withTenant(world.city.id, (tx) => auditNames(tx, rows.rows, { personal: false }));
    expect(names.of("opdId", world.disnaker)).toBe("Dinas Tenaga Kerja");
    expect(names.of("kelurahanId", world.city.kelurahanId)).toBe("Kelurahan Uji");
    expect(names.of("verifiedById", world.verifier)).toBe("Wati Verifikator");
    expect(names.entity("Opd", world.dinsos)).toBe("Dinas Sosial");
    expect(names.entity("UnreachedHouseholds", world.city.kelurahanId)).toBe("Kelurahan Uji");
    expect(names.of("householdId", world.household)).toBeUndefined();
    expect(names.entity("Household", world.household)).toBeUndefined();
    const personal = await t.withTenant(world.city.id, (tx) => auditNames(tx, rows.rows, { personal: true }));
    expect(personal.of("householdId", world.household)).toBe("Siti Kepala");
    expect(personal.entity("Household", world.household)).toBe("Siti Kepala");
  });
});

describe("the audit log's file", () => {
  const get = (city: TestTenant, user: SessionUser, query = "format=csv") =>
    callRoute(exportRoute(auditExport), routeDeps(t, user), `http://x/${city.slug}/audit/ekspor?${query}`, { tenant: city.slug });

  it("gives the auditor the log in words, audited, without internal tables or people's names", async () => {
    const world = await cityWithTrail();
    const auditor = sessionUser(world.city, "AUDITOR");
    const response = await get(world.city, auditor);
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toContain("Dinas Tenaga Kerja");
    expect(text).toContain("Penyaluran bantuan");
    expect(text).toMatch(/OPD: /);
    expect(text).not.toContain("opdId");
    expect(text).not.toContain(world.disnaker);
    expect(text).not.toContain("Siti Kepala");
    expect(text).not.toContain("HouseholdReach");
    expect(text).not.toContain("staged-1");
    const exported = await t.withTenant(world.city.id, (tx) => tx.auditLog.count({ where: { entity: "AuditLog", action: "export", userId: auditor.id } }));
    expect(exported).toBe(1);
  });

  it("keeps the page's filters", async () => {
    const world = await cityWithTrail();
    const text = await (await get(world.city, sessionUser(world.city, "AUDITOR"), "format=csv&entity=Opd")).text();
    expect(text).toContain("Dinas Sosial");
    expect(text).not.toContain("Penyaluran bantuan");
  });

  it("is not found for anyone who may not read the log", async () => {
    const world = await cityWithTrail();
    for (const role of ["OPD_STAFF", "BAPEDA", "MAYOR_OFFICE"] as const) expect((await get(world.city, sessionUser(world.city, role))).status, role).toBe(404);
  });
});
