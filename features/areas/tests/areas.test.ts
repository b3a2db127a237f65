import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listRegencyAreas } from "@/features/areas";
import { renameAreaDefinition, syncAreasDefinition } from "@/features/areas/action-definitions";
import { getAreaTree } from "@/features/areas/queries";
import { listAreaChoices } from "@/features/areas/choices";
import { runAction } from "@/lib/actions/run";
import type { Role } from "@/lib/generated/prisma/enums";
import { actionDeps, sessionUser } from "@/tests/helpers/actions";
import { openTestDb, uniqueSuffix, type TestDb } from "@/tests/helpers/db";
import { createCountedHouseholds, createTestTenant, type TestTenant } from "@/tests/helpers/factories";

// Kota Sabang: 3 kecamatan, 18 gampong — small, and no other test uses its code.
const SABANG = "11.72";

let t: TestDb;
let sabang: TestTenant;
let otherCity: TestTenant;

beforeAll(async () => {
  t = await openTestDb();
  const tenant = await t.db.tenant.create({
    data: { slug: `sabang-${uniqueSuffix()}`, name: "Kota Sabang", kemendagriCode: SABANG, provinceName: "Aceh" },
  });
  sabang = { id: tenant.id, slug: tenant.slug, kecamatanId: "", kelurahanId: "" };
  otherCity = await createTestTenant(t.db, t.withTenant);
});

afterAll(async () => {
  await t?.close();
});

const admin = () => sessionUser(sabang, "CITY_ADMIN");
const areaAudit = () => t.withTenant(sabang.id, (tx) => tx.auditLog.findMany({ where: { entity: "Area" }, orderBy: { id: "asc" } }));
const areas = () => t.withTenant(sabang.id, (tx) => tx.area.findMany({ orderBy: { code: "asc" } }));

describe("re-syncing the area tree from Kemendagri data", () => {
  it("builds the tree on first run, one audit row per area", async () => {
    const expected = await listRegencyAreas(SABANG);
    const total = expected.length + expected.reduce((sum, k) => sum + k.kelurahan.length, 0);
    const revalidated: string[] = [];

    const result = await runAction(actionDeps(t, admin(), revalidated), syncAreasDefinition, sabang.slug, new FormData());

    expect(result).toMatchObject({ ok: true, data: { created: total, updated: 0, unchanged: 0 } });
    expect(revalidated).toContain(`/${sabang.slug}/wilayah`);
    const stored = await areas();
    expect(stored).toHaveLength(total);
    const audit = await areaAudit();
    expect(audit).toHaveLength(total);
    expect(new Set(audit.map((row) => row.entityId))).toEqual(new Set(stored.map((area) => area.id)));
    expect(audit.every((row) => row.action === "create" && row.requestId === "req-test")).toBe(true);

    const tree = await t.withTenant(sabang.id, getAreaTree);
    expect(tree.map((k) => [k.code, k.name, k.kelurahan.map((v) => v.code)])).toEqual(expected.map((k) => [k.code, k.name, k.kelurahan.map((v) => v.code)]));
  });

  it("changes nothing when run again", async () => {
    const before = (await areaAudit()).length;
    const result = await runAction(actionDeps(t, admin()), syncAreasDefinition, sabang.slug, {});
    expect(result).toMatchObject({ ok: true, data: { created: 0, updated: 0 } });
    expect((await areaAudit()).length).toBe(before);
  });

  it("corrects a renamed area, auditing the one change", async () => {
    const [, kelurahan] = (await areas()).filter((area) => area.level === "KELURAHAN");
    await t.withTenant(sabang.id, (tx) =>
      tx.area.update({ where: { tenantId_id: { tenantId: sabang.id, id: kelurahan!.id } }, data: { name: "Salah Ketik" } }),
    );
    const before = (await areaAudit()).length;

    const result = await runAction(actionDeps(t, admin()), syncAreasDefinition, sabang.slug, {});

    expect(result).toMatchObject({ ok: true, data: { created: 0, updated: 1 } });
    const audit = (await areaAudit()).slice(before);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: "update",
      entityId: kelurahan!.id,
      before: { name: "Salah Ketik" },
      after: { name: kelurahan!.name },
    });
  });

  it("reports a city whose code is not in the Kemendagri data, writing nothing", async () => {
    const result = await runAction(actionDeps(t, sessionUser(otherCity, "CITY_ADMIN")), syncAreasDefinition, otherCity.slug, {});
    expect(result).toMatchObject({ ok: false, code: "INVALID" });
  });

  it("answers another city's admin with 'not found' and every other role with 'forbidden'", async () => {
    const before = (await areaAudit()).length;
    const stranger = await runAction(actionDeps(t, sessionUser(otherCity, "CITY_ADMIN")), syncAreasDefinition, sabang.slug, {});
    expect(stranger).toMatchObject({ ok: false, code: "NOT_FOUND" });
    const platform = await runAction(actionDeps(t, sessionUser(null, "PLATFORM_ADMIN")), syncAreasDefinition, sabang.slug, {});
    expect(platform).toMatchObject({ ok: false, code: "NOT_FOUND" });
    const roles: Role[] = ["OPD_STAFF", "OPD_HEAD", "BAPEDA", "MAYOR_OFFICE", "KELURAHAN", "AUDITOR"];
    for (const role of roles) {
      const result = await runAction(actionDeps(t, sessionUser(sabang, role)), syncAreasDefinition, sabang.slug, {});
      expect(result, role).toMatchObject({ ok: false, code: "FORBIDDEN" });
    }
    expect((await areaAudit()).length).toBe(before);
  });
});

describe("correcting an area's name", () => {
  const kelurahanOf = async () => (await areas()).filter((area) => area.level === "KELURAHAN")[2]!;

  it("lets the city admin change the name shown, never the code, audited from old to new", async () => {
    const kelurahan = await kelurahanOf();
    const before = (await areaAudit()).length;

    const result = await runAction(actionDeps(t, admin()), renameAreaDefinition, sabang.slug, {
      areaId: kelurahan.id,
      version: kelurahan.version,
      name: "  Nama   Koreksi ",
    });

    expect(result).toMatchObject({ ok: true, data: { area: { id: kelurahan.id, code: kelurahan.code, name: "Nama Koreksi", officialName: kelurahan.name } } });
    const stored = (await areas()).find((area) => area.id === kelurahan.id);
    expect(stored).toMatchObject({ code: kelurahan.code, name: "Nama Koreksi", officialName: kelurahan.name, version: kelurahan.version + 1 });
    const audit = (await areaAudit()).slice(before);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "update", entityId: kelurahan.id, before: { name: kelurahan.name }, after: { name: "Nama Koreksi" } });
  });

  it("refuses a save from a form showing an older version", async () => {
    const kelurahan = await kelurahanOf();
    const result = await runAction(actionDeps(t, admin()), renameAreaDefinition, sabang.slug, {
      areaId: kelurahan.id,
      version: kelurahan.version - 1,
      name: "Lain",
    });
    expect(result).toMatchObject({ ok: false, code: "STALE" });
    expect((await kelurahanOf()).name).toBe("Nama Koreksi");
  });

  it("refuses a name another kelurahan of the kecamatan already has", async () => {
    const kelurahan = await kelurahanOf();
    const sibling = (await areas()).find((area) => area.parentId === kelurahan.parentId && area.id !== kelurahan.id)!;
    const result = await runAction(actionDeps(t, admin()), renameAreaDefinition, sabang.slug, {
      areaId: kelurahan.id,
      version: kelurahan.version,
      name: sibling.name.toUpperCase(),
    });
    expect(result).toMatchObject({ ok: false, code: "CONFLICT" });
  });

  it("is kept by a sync from Kemendagri data, which updates only the official name beside it", async () => {
    const kelurahan = await kelurahanOf();
    const official = kelurahan.officialName;
    // As if Kemendagri had renamed it since the correction.
    await t.withTenant(sabang.id, (tx) =>
      tx.area.update({ where: { tenantId_id: { tenantId: sabang.id, id: kelurahan.id } }, data: { officialName: "Nama Lama" } }),
    );

    const result = await runAction(actionDeps(t, admin()), syncAreasDefinition, sabang.slug, {});

    expect(result).toMatchObject({ ok: true, data: { created: 0, updated: 1 } });
    expect(await kelurahanOf()).toMatchObject({ name: "Nama Koreksi", officialName: official });
    const again = await runAction(actionDeps(t, admin()), syncAreasDefinition, sabang.slug, {});
    expect(again).toMatchObject({ ok: true, data: { created: 0, updated: 0 } });
  });

  it("drops the correction when the name given is Kemendagri's again", async () => {
    const kelurahan = await kelurahanOf();
    const result = await runAction(actionDeps(t, admin()), renameAreaDefinition, sabang.slug, {
      areaId: kelurahan.id,
      version: kelurahan.version,
      name: kelurahan.officialName!,
    });
    expect(result).toMatchObject({ ok: true });
    expect(await kelurahanOf()).toMatchObject({ name: kelurahan.officialName, officialName: null });
  });

  it("is refused to every role but the city admin", async () => {
    const kelurahan = await kelurahanOf();
    for (const role of ["BAPEDA", "KELURAHAN", "OPD_HEAD", "AUDITOR"] as Role[]) {
      const result = await runAction(actionDeps(t, sessionUser(sabang, role)), renameAreaDefinition, sabang.slug, {
        areaId: kelurahan.id,
        version: kelurahan.version,
        name: "Tidak Boleh",
      });
      expect(result, role).toMatchObject({ ok: false, code: "FORBIDDEN" });
    }
  });
});

describe("the area tree", () => {
  it("counts active and extreme-poor households per kecamatan and kelurahan", async () => {
    const city = await createTestTenant(t.db, t.withTenant);
    await t.withTenant(city.id, (tx) => createCountedHouseholds(tx, city));
    const tree = await t.withTenant(city.id, getAreaTree);
    expect(tree).toEqual([
      {
        id: city.kecamatanId,
        code: expect.any(String),
        name: "Kecamatan Uji",
        households: 3,
        extremePoorHouseholds: 2,
        kelurahan: [{ id: city.kelurahanId, code: expect.any(String), name: "Kelurahan Uji", households: 3, extremePoorHouseholds: 2 }],
      },
    ]);
    // Another city's tree holds none of them.
    expect((await t.withTenant(otherCity.id, getAreaTree))[0]).toMatchObject({ households: 0 });
  });
});

describe("kelurahan that share a name", () => {
  it("are told apart by their kecamatan in the registry's area filters", async () => {
    const city = await createTestTenant(t.db, t.withTenant);
    await createNamesakes(city);
    const names = Object.fromEntries((await t.withTenant(city.id, listAreaChoices)).map((group) => [group.name, group.kelurahan.map((k) => k.name).sort()]));
    expect(names).toEqual({ "Kecamatan Uji": ["Tanjung Karang (Kecamatan Uji)"], Sekarbela: ["Kekalik Jaya", "Tanjung Karang (Sekarbela)"] });
  });
});

/** A second kecamatan, Sekarbela, with a Tanjung Karang as the first kecamatan's kelurahan is now named. */
async function createNamesakes(city: TestTenant) {
  await t.withTenant(city.id, async (tx) => {
    const other = await tx.area.create({ data: { tenantId: city.id, code: `${city.slug}.02`, name: "Sekarbela", level: "KECAMATAN" } });
    await tx.area.update({ where: { tenantId_id: { tenantId: city.id, id: city.kelurahanId } }, data: { name: "Tanjung Karang" } });
    await tx.area.create({ data: { tenantId: city.id, code: `${city.slug}.02.1002`, name: "Tanjung Karang", level: "KELURAHAN", parentId: other.id } });
    await tx.area.create({ data: { tenantId: city.id, code: `${city.slug}.02.1005`, name: "Kekalik Jaya", level: "KELURAHAN", parentId: other.id } });
  });
}
