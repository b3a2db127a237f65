import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runAction } from "@/lib/actions/run";
import type { Role } from "@/lib/generated/prisma/enums";
import {
  createOpdDefinition,
  deactivateOpdDefinition,
  opdActionDefinitions,
  reactivateOpdDefinition,
  renameOpdDefinition,
  setOpdRegistryRoleDefinition,
} from "@/features/opds/action-definitions";
import { listOpds } from "@/features/opds/queries";
import { createUserDefinition } from "@/features/users/action-definitions";
import { actionDeps, runSubmitted, sessionUser } from "@/tests/helpers/actions";
import { openTestDb, uniqueSuffix, type TestDb } from "@/tests/helpers/db";
import { createTestTenant, type TestTenant } from "@/tests/helpers/factories";

let t: TestDb;
let city: TestTenant;
let otherCity: TestTenant;

beforeAll(async () => {
  t = await openTestDb();
  [city, otherCity] = [await createTestTenant(t.db, t.withTenant), await createTestTenant(t.db, t.withTenant)];
});

afterAll(async () => {
  await t?.close();
});

const admin = () => sessionUser(city, "CITY_ADMIN");
const readOpd = (tenant: TestTenant, id: string) => t.withTenant(tenant.id, (tx) => tx.opd.findFirst({ where: { id } }));
const auditOf = (id: string) => t.withTenant(city.id, (tx) => tx.auditLog.findMany({ where: { entityId: id }, orderBy: { id: "asc" } }));
const opdCount = (tenant: TestTenant) => t.withTenant(tenant.id, (tx) => tx.opd.count());

async function createOpd(tenant: TestTenant, code: string) {
  const result = await runSubmitted(actionDeps(t, sessionUser(tenant, "CITY_ADMIN")), createOpdDefinition, tenant.slug, {
    code,
    name: "Dinas Sosial",
    shortName: "Dinsos",
  });
  if (!result.ok) throw new Error(result.message);
  return result.data.opd;
}

describe("OPDs of a city", () => {
  it("creates an OPD with one audit row", async () => {
    const form = new FormData();
    form.set("code", " 1.06 ");
    form.set("name", "Dinas Sosial");
    form.set("shortName", "Dinsos");
    const result = await runSubmitted(actionDeps(t, admin()), createOpdDefinition, city.slug, form);
    expect(result).toMatchObject({ ok: true, data: { opd: { code: "1.06", name: "Dinas Sosial", shortName: "Dinsos", active: true } } });
    if (!result.ok) return;
    expect(await readOpd(city, result.data.opd.id)).toMatchObject({ tenantId: city.id, code: "1.06" });
    expect(await auditOf(result.data.opd.id)).toEqual([expect.objectContaining({ action: "create", entity: "Opd" })]);
  });

  it("refuses a code the city already uses; another city may use it", async () => {
    await createOpd(city, "2.09");
    const again = await runSubmitted(actionDeps(t, admin()), createOpdDefinition, city.slug, {
      code: "2.09",
      name: "Dinas Ketahanan Pangan",
      shortName: "DKP",
    });
    expect(again).toMatchObject({ ok: false, code: "CONFLICT", fieldErrors: { code: ["Kode OPD ini sudah dipakai OPD lain."] } });
    await expect(createOpd(otherCity, "2.09")).resolves.toMatchObject({ code: "2.09" });
  });

  it("checks the form in Indonesian", async () => {
    const result = await runSubmitted(actionDeps(t, admin()), createOpdDefinition, city.slug, { code: "2/07", name: "D", shortName: "" });
    expect(result).toMatchObject({ ok: false, code: "INVALID" });
    if (result.ok) return;
    expect(Object.keys(result.fieldErrors ?? {}).sort()).toEqual(["code", "name", "shortName"]);
    expect(result.fieldErrors?.name?.[0]).toBe("Nama OPD minimal 3 karakter.");
  });

  it("renames an OPD, auditing the changed fields", async () => {
    const opd = await createOpd(city, `R${uniqueSuffix().slice(0, 6)}`);
    const result = await runAction(actionDeps(t, admin()), renameOpdDefinition, city.slug, {
      opdId: opd.id,
      version: 1,
      name: "Dinas Sosial, Pemberdayaan Perempuan dan Perlindungan Anak",
      shortName: "Dinsos P3A",
    });
    expect(result.ok).toBe(true);
    const audit = await auditOf(opd.id);
    expect(audit).toHaveLength(2);
    expect(audit[1]).toMatchObject({
      action: "update",
      before: { name: "Dinas Sosial", shortName: "Dinsos" },
      after: { name: "Dinas Sosial, Pemberdayaan Perempuan dan Perlindungan Anak", shortName: "Dinsos P3A" },
    });
  });

  it("marks an OPD as Dinas Sosial from the checkbox, and unmarks it, auditing each change", async () => {
    const opd = await createOpd(city, `M${uniqueSuffix().slice(0, 6)}`);
    expect(opd.decidesRegistryChanges).toBe(false);
    const form = (ticked: boolean) => {
      const data = new FormData();
      data.set("opdId", opd.id);
      if (ticked) data.set("decidesRegistryChanges", "on");
      return runAction(actionDeps(t, admin()), setOpdRegistryRoleDefinition, city.slug, data);
    };
    expect(await form(true)).toMatchObject({ ok: true, data: { opd: { decidesRegistryChanges: true } } });
    expect(await readOpd(city, opd.id)).toMatchObject({ decidesRegistryChanges: true });
    expect(await form(true)).toMatchObject({ ok: true });
    expect(await form(false)).toMatchObject({ ok: true, data: { opd: { decidesRegistryChanges: false } } });
    const audit = await auditOf(opd.id);
    expect(audit.map((row) => row.action)).toEqual(["create", "update", "update"]);
    expect(audit[1]).toMatchObject({ before: { decidesRegistryChanges: false }, after: { decidesRegistryChanges: true } });
  });

  it("deactivates an OPD: nobody new is assigned to it; reactivates it", async () => {
    const opd = await createOpd(city, `D${uniqueSuffix().slice(0, 6)}`);
    expect(await runAction(actionDeps(t, admin()), deactivateOpdDefinition, city.slug, { opdId: opd.id })).toMatchObject({
      ok: true,
      data: { opd: { active: false } },
    });
    const staff = await runSubmitted(actionDeps(t, admin()), createUserDefinition, city.slug, {
      name: "Staf Baru",
      email: `staf-${uniqueSuffix()}@uji.go.id`,
      role: "OPD_STAFF",
      opdId: opd.id,
    });
    expect(staff).toMatchObject({ ok: false, code: "INVALID", fieldErrors: { opdId: expect.any(Array) } });

    expect(await runAction(actionDeps(t, admin()), reactivateOpdDefinition, city.slug, { opdId: opd.id })).toMatchObject({
      ok: true,
      data: { opd: { active: true } },
    });
    expect((await auditOf(opd.id)).map((row) => row.action)).toEqual(["create", "update", "update"]);
  });

  it("lists OPDs with their users and programmes counted", async () => {
    const city2 = await createTestTenant(t.db, t.withTenant);
    const opd = await createOpd(city2, "2.07");
    await createOpd(city2, "1.01");
    await t.withTenant(city2.id, async (tx) => {
      for (const name of ["Pelatihan menjahit", "Pelatihan barista"]) {
        await tx.programme.create({ data: { tenantId: city2.id, opdId: opd.id, fiscalYear: 2026, name, kind: "TRAINING" } });
      }
      await tx.user.create({
        data: { tenantId: city2.id, email: `opd-${uniqueSuffix()}@uji.go.id`, name: "Staf", passwordHash: "x", role: "OPD_STAFF", opdId: opd.id },
      });
    });
    const rows = await t.withTenant(city2.id, listOpds);
    expect(rows.map((row) => [row.code, row._count.users, row._count.programmes])).toEqual([
      ["1.01", 0, 0],
      ["2.07", 1, 2],
    ]);
  });
});

describe("who may not", () => {
  it("answers another city's admin with 'not found' and changes nothing", async () => {
    const opd = await createOpd(city, `S${uniqueSuffix().slice(0, 6)}`);
    const before = await readOpd(city, opd.id);
    const count = await opdCount(city);
    const stranger = sessionUser(otherCity, "CITY_ADMIN");
    const inputs: Record<string, unknown> = {
      "opds.create": { code: "9.99", name: "Dinas Asing", shortName: "Asing" },
      "opds.rename": { opdId: opd.id, version: 1, name: "Dibajak", shortName: "Bajak" },
      "opds.deactivate": { opdId: opd.id },
      "opds.reactivate": { opdId: opd.id },
      "opds.set-registry-role": { opdId: opd.id, decidesRegistryChanges: "on" },
    };
    for (const definition of opdActionDefinitions) {
      const input = inputs[definition.name];
      expect(await runAction(actionDeps(t, stranger), definition, city.slug, input), definition.name).toMatchObject({
        ok: false,
        code: "NOT_FOUND",
      });
      if (definition.name === "opds.create") continue;
      expect(await runAction(actionDeps(t, stranger), definition, otherCity.slug, input), definition.name).toMatchObject({
        ok: false,
        code: "NOT_FOUND",
        message: "OPD tidak ditemukan.",
      });
    }
    expect(await readOpd(city, opd.id)).toEqual(before);
    expect(await opdCount(city)).toBe(count);
    expect(await auditOf(opd.id)).toHaveLength(1);
  });

  it("refuses every other role of the city", async () => {
    const opd = await createOpd(city, `F${uniqueSuffix().slice(0, 6)}`);
    const roles: Role[] = ["OPD_STAFF", "OPD_HEAD", "BAPEDA", "MAYOR_OFFICE", "KELURAHAN", "AUDITOR"];
    for (const role of roles) {
      for (const definition of opdActionDefinitions) {
        const result = await runAction(actionDeps(t, sessionUser(city, role)), definition, city.slug, {
          opdId: opd.id,
          code: "8.88",
          name: "Dinas Lain",
          shortName: "Lain",
        });
        expect(result, `${role} ${definition.name}`).toMatchObject({ ok: false, code: "FORBIDDEN" });
      }
    }
    expect(await readOpd(city, opd.id)).toMatchObject({ name: "Dinas Sosial", active: true });
  });
});
