// The unreached extreme-poor households as a work list: its total, its filters, its file and
// its printed visiting list, each for readers of personal data only.
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { unreachedExport } from "@/features/dashboards/poverty/unreached-export";
import {
  parseUnreachedCursor,
  parseUnreachedListFilter,
  unreachedCount,
  unreachedListRequirement,
  unreachedPage,
  visitingList,
} from "@/features/dashboards/poverty/unreached";
import type { DashboardFilters } from "@/features/dashboards/filters";
import { meets } from "@/lib/auth/gate";
import type { SessionUser } from "@/lib/auth/session-user";
import { exportRoute } from "@/lib/spreadsheet/routes";
import { exportSpecs } from "@/app/exports";
import { sessionUser } from "@/tests/helpers/actions";
import { openTestDb, type TestDb } from "@/tests/helpers/db";
import { createTestHousehold, createTestTenant, type TestTenant } from "@/tests/helpers/factories";
import { callRoute, routeDeps } from "@/tests/helpers/routes";

let t: TestDb;
let city: TestTenant;
let otherKelurahan: string;
const f = (over: Partial<DashboardFilters> = {}): DashboardFilters => ({ year: 2026, kecamatanId: null, opdId: null, programmeId: null, ...over });

beforeAll(async () => {
  t = await openTestDb();
  city = await createTestTenant(t.db, t.withTenant);
  await t.withTenant(city.id, async (tx) => {
    await tx.area.update({ where: { tenantId_id: { tenantId: city.id, id: city.kecamatanId } }, data: { name: "Labuapi" } });
    await tx.area.update({ where: { tenantId_id: { tenantId: city.id, id: city.kelurahanId } }, data: { name: "Bengkel" } });
    otherKelurahan = (
      await tx.area.create({ data: { tenantId: city.id, code: `${city.id}.2`, name: "Jempong Baru", level: "KELURAHAN", parentId: city.kecamatanId } })
    ).id;
    // 30 extreme-poor households in the first kelurahan, desil 1 and 2 alternating, each with a head; RT counts down.
    for (let i = 0; i < 30; i += 1) {
      const h = await createTestHousehold(tx, city, { desil: 1 + (i % 2), isExtremePoor: true });
      await tx.household.update({ where: { tenantId_id: { tenantId: city.id, id: h.id } }, data: { rt: String(30 - i).padStart(3, "0"), rw: "001" } });
      await tx.member.create({
        data: {
          tenantId: city.id,
          householdId: h.id,
          nik: h.noKk.replace(/^5271/, "5272"),
          name: `Kepala ${i}`,
          sex: "MALE",
          birthDate: new Date("1980-01-01"),
          relation: "HEAD",
        },
      });
    }
    const elsewhere = await createTestHousehold(tx, city, { desil: 3, isExtremePoor: true });
    await tx.household.update({ where: { tenantId_id: { tenantId: city.id, id: elsewhere.id } }, data: { kelurahanId: otherKelurahan } });
    await createTestHousehold(tx, city, { desil: 1, isExtremePoor: false });
  });
});

afterAll(async () => {
  await t?.close();
});

describe("the unreached extreme-poor households as a work list", () => {
  it("counts the whole list in SQL, by kelurahan and desil", async () => {
    expect(await t.withTenant(city.id, (tx) => unreachedCount(tx, f()))).toBe(31);
    expect(await t.withTenant(city.id, (tx) => unreachedCount(tx, f(), { kelurahanId: city.kelurahanId }))).toBe(30);
    expect(await t.withTenant(city.id, (tx) => unreachedCount(tx, f(), { kelurahanId: city.kelurahanId, desil: 2 }))).toBe(15);
    expect(await t.withTenant(city.id, (tx) => unreachedCount(tx, f(), { desil: 0 }))).toBe(0);
  });

  it("pages the list filtered by desil by key, forward and back, every household once", async () => {
    const read = (options: Parameters<typeof unreachedPage>[2]) => t.withTenant(city.id, (tx) => unreachedPage(tx, f(), { desil: 2, limit: 10, ...options }));
    const first = await read({});
    const second = await read({ after: first.nextAfter });
    expect(first.rows).toHaveLength(10);
    expect(second.rows).toHaveLength(5);
    expect(second.nextAfter).toBeNull();
    expect([...first.rows, ...second.rows].every((row) => row.desil === 2)).toBe(true);
    expect(new Set([...first.rows, ...second.rows].map((row) => row.householdId)).size).toBe(15);
    const back = await read({ before: second.prevBefore });
    expect(back.rows.map((row) => row.householdId)).toEqual(first.rows.map((row) => row.householdId));
    expect(back.prevBefore).toBeNull();
  });

  it("pages across desil groups, each household once, in the list's order", async () => {
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page = await t.withTenant(city.id, (tx) => unreachedPage(tx, f(), { limit: 4, after }));
      seen.push(...page.rows.map((row) => row.householdId));
      after = page.nextAfter;
    } while (after);
    const whole = await t.withTenant(city.id, (tx) => unreachedPage(tx, f(), { limit: 200 }));
    expect(seen).toEqual(whole.rows.map((row) => row.householdId));
  });

  it("takes no key from the URL that is not one", () => {
    expect(parseUnreachedCursor("2:abc123")).toBe("2:abc123");
    expect(parseUnreachedCursor(":abc123")).toBe(":abc123");
    expect(parseUnreachedCursor("11:abc123")).toBeNull();
    expect(parseUnreachedCursor("2:x'; --")).toBeNull();
    expect(parseUnreachedCursor(null)).toBeNull();
  });

  it("reads kelurahan and desil from the URL, dropping anything else", () => {
    expect(parseUnreachedListFilter({ kelurahan: city.kelurahanId, desil: "3" })).toEqual({ kelurahanId: city.kelurahanId, desil: 3 });
    expect(parseUnreachedListFilter({ kelurahan: "x'; --", desil: "11" })).toEqual({ kelurahanId: null, desil: null });
  });

  it("prints one kelurahan's list by RW and RT, every household of it", async () => {
    const rows = await t.withTenant(city.id, (tx) => visitingList(tx, f(), { kelurahanId: city.kelurahanId, desil: null }));
    expect(rows).toHaveLength(30);
    expect(rows.map((row) => row.rt)).toEqual([...rows.map((row) => row.rt)].sort());
    expect(rows[0]?.headName).toBe("Kepala 29");
  });

  it("gives the names, the file and the print only to readers of personal data", () => {
    const may = (role: Parameters<typeof sessionUser>[1]) => meets(sessionUser(city, role), unreachedListRequirement);
    expect(may("BAPEDA")).toBe(true);
    for (const role of ["AUDITOR", "MAYOR_OFFICE", "KELURAHAN", "OPD_STAFF", "CITY_ADMIN"] as const) expect(may(role), role).toBe(false);
  });
});

describe("the work list's file", () => {
  const get = (user: SessionUser, query: string) =>
    callRoute(exportRoute(unreachedExport), routeDeps(t, user), `http://x/${city.slug}/dasbor/kemiskinan/belum-terjangkau/ekspor?${query}`, {
      tenant: city.slug,
    });

  it("holds every household of the filters, numbers masked and RT as text, audited with the households it names", async () => {
    const bapeda = sessionUser(city, "BAPEDA");
    const response = await get(bapeda, `format=csv&tahun=2026&kelurahan=${city.kelurahanId}&desil=1`);
    expect(response.status).toBe(200);
    const text = await response.text();
    const lines = text.trim().split(/\r?\n/);
    const header = lines.findIndex((line) => /KEPALA KELUARGA/.test(line));
    expect(header).toBeGreaterThan(0);
    expect(lines.slice(header + 1)).toHaveLength(15);
    expect(text).not.toMatch(/\d{16}/);
    expect(text).toMatch(/••••••••••••\d{4}/);
    expect(text).not.toContain("Jempong Baru");
    const audit = await t.withTenant(city.id, (tx) =>
      tx.auditLog.findFirstOrThrow({ where: { entity: "UnreachedHouseholds", action: "export", userId: bapeda.id }, select: { id: true } }),
    );
    expect(await t.withTenant(city.id, (tx) => tx.personalDataDisclosure.count({ where: { auditLogId: audit.id } }))).toBe(15);
  });

  it("says its filters by name in its title row and its file name", async () => {
    const query = `tahun=2026&kecamatan=${city.kecamatanId}&kelurahan=${city.kelurahanId}&desil=2`;
    for (const format of ["csv", "xlsx"] as const) {
      const response = await get(sessionUser(city, "BAPEDA"), `format=${format}&${query}`);
      expect(response.status).toBe(200);
      const fileName = /filename="([^"]+)"/.exec(response.headers.get("content-disposition") ?? "")?.[1];
      expect(fileName).toBe(`${city.slug}-kemiskinan-belum-terjangkau-2026-labuapi-bengkel-desil-2.${format}`);
      const bytes = new Uint8Array(await response.arrayBuffer());
      const title =
        format === "csv"
          ? new TextDecoder()
              .decode(bytes)
              .replace(/^\uFEFF/, "")
              .split("\r\n")[0]!
          : await firstCell(bytes);
      expect(title).toContain("Tahun 2026");
      expect(title).toContain("Kecamatan Labuapi");
      expect(title).toContain("Kelurahan Bengkel");
      expect(title).toContain("Desil 2");
      expect(title).not.toContain(city.kelurahanId);
    }
  });

  it("titles and names the file in the asker's language", async () => {
    const query = `tahun=2026&kelurahan=${city.kelurahanId}&desil=0`;
    const response = await callRoute(
      exportRoute(unreachedExport),
      routeDeps(t, sessionUser(city, "BAPEDA")),
      `http://x/${city.slug}/dasbor/kemiskinan/belum-terjangkau/ekspor?format=csv&${query}`,
      { tenant: city.slug },
      { headers: { cookie: "NEXT_LOCALE=en" } },
    );
    expect(/filename="([^"]+)"/.exec(response.headers.get("content-disposition") ?? "")?.[1]).toBe(`${city.slug}-poverty-unreached-2026-bengkel-no-decile.csv`);
    const [title, printed] = (await response.text()).replace(/^\uFEFF/, "").split("\r\n");
    expect(title).toContain("Extreme-poor households not yet reached");
    expect(title).toContain("Year 2026");
    expect(title).toContain("Kelurahan Bengkel");
    expect(title).not.toMatch(/Daftar|Tahun|desil/);
    expect(printed).toMatch(/^Downloaded /);
  });

  it("names a list without desil so, and one without filters after the year only", async () => {
    const none = await get(sessionUser(city, "BAPEDA"), "format=csv&tahun=2026&desil=0");
    expect(/filename="([^"]+)"/.exec(none.headers.get("content-disposition") ?? "")?.[1]).toBe(`${city.slug}-kemiskinan-belum-terjangkau-2026-tanpa-desil.csv`);
    const all = await get(sessionUser(city, "BAPEDA"), "format=csv&tahun=2026");
    expect(/filename="([^"]+)"/.exec(all.headers.get("content-disposition") ?? "")?.[1]).toBe(`${city.slug}-kemiskinan-belum-terjangkau-2026.csv`);
  });

  it("is not found for those who may not see names", async () => {
    for (const role of ["AUDITOR", "MAYOR_OFFICE", "KELURAHAN"] as const) {
      expect((await get(sessionUser(city, role), "format=csv")).status, role).toBe(404);
    }
  });

  it("is listed for the export worker, so a large list becomes a job", () => {
    expect(exportSpecs).toContain(unreachedExport);
  });
});

async function firstCell(bytes: Uint8Array): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return String(workbook.worksheets[0]!.getRow(1).getCell(1).value);
}

describe("paging past the households with no desil recorded", () => {
  let other: TestTenant;
  beforeAll(async () => {
    other = await createTestTenant(t.db, t.withTenant);
    await t.withTenant(other.id, async (tx) => {
      for (const desil of [2, null, 1, null, 2, null, 1]) {
        const h = await createTestHousehold(tx, other, { desil: 1 });
        if (desil === null) await tx.household.update({ where: { tenantId_id: { tenantId: other.id, id: h.id } }, data: { desil: null } });
        else await tx.household.update({ where: { tenantId_id: { tenantId: other.id, id: h.id } }, data: { desil } });
      }
    });
  });

  it("walks forward one row a page and back again, in the list's order", async () => {
    const page = (options: Parameters<typeof unreachedPage>[2]) => t.withTenant(other.id, (tx) => unreachedPage(tx, f(), { limit: 1, ...options }));
    const whole = (await t.withTenant(other.id, (tx) => unreachedPage(tx, f(), { limit: 200 }))).rows;
    expect(whole.map((row) => row.desil)).toEqual([1, 1, 2, 2, null, null, null]);
    const forward: string[] = [];
    let at = await page({});
    forward.push(at.rows[0]!.householdId);
    while (at.nextAfter) {
      at = await page({ after: at.nextAfter });
      forward.push(at.rows[0]!.householdId);
    }
    expect(forward).toEqual(whole.map((row) => row.householdId));
    const backward = [at.rows[0]!.householdId];
    while (at.prevBefore) {
      at = await page({ before: at.prevBefore });
      backward.unshift(at.rows[0]!.householdId);
    }
    expect(backward).toEqual(forward);
  });
});
