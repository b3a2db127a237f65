// Kota Mataram's two kelurahan once both named "Tanjung Karang" (52.71.04.1002 and
// 52.71.04.1004, Tanjung Karang Permai): the import never picks one of two that share a name.
import { registryReportWordsIn } from "@/features/registry/import/queries";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registryCheckJob } from "@/features/registry/import/jobs";
import type { RegistryImportReport } from "@/features/registry/import/run-import";
import { startTrackedJob } from "@/lib/jobs/tracked";
import { openTestDb, uniqueSuffix, type TestDb } from "@/tests/helpers/db";
import { runQueuedNow } from "@/tests/helpers/queued-jobs";
import { createImportTenant, extractRows, toCsv, type ImportTenant } from "@/features/registry/tests/fixtures/extract";
import { ambiguousKelurahanReason, areaMatcher } from "@/features/registry/import/areas";
import { kelurahanLabels } from "@/features/areas/labels";

const kecamatan = [
  { id: "k4", code: "52.71.04", name: "Sekarbela" },
  { id: "k5", code: "52.71.05", name: "Selaparang" },
];
const tanjungKarang = { id: "l2", code: "52.71.04.1002", name: "Tanjung Karang", parentId: "k4" };
const permaiAsOldData = { id: "l4", code: "52.71.04.1004", name: "Tanjung Karang", parentId: "k4" };
const permai = { ...permaiAsOldData, name: "Tanjung Karang Permai", officialName: "Tanjung Karang" };

describe("the registry import's kelurahan matching", () => {
  it("refuses a name two kelurahan share, naming both with their kecamatan and code, with or without the kecamatan", () => {
    const areas = areaMatcher(kecamatan, [tanjungKarang, permaiAsOldData]);
    for (const within of [areas.kecamatan("Sekarbela"), null]) {
      const match = areas.kelurahan("TANJUNG KARANG", within);
      expect(match.found).toBeNull();
      expect(match.ambiguous).toBe(true);
      expect(match.candidates.map((item) => item.code)).toEqual(["52.71.04.1002", "52.71.04.1004"]);
    }
    const reason = ambiguousKelurahanReason("TANJUNG KARANG", areas.kelurahan("TANJUNG KARANG", null).candidates);
    expect(reason).toContain("Tanjung Karang (Kecamatan Sekarbela, kode 52.71.04.1002)");
    expect(reason).toContain("Tanjung Karang (Kecamatan Sekarbela, kode 52.71.04.1004)");
  });

  it("finds each by its code", () => {
    const areas = areaMatcher(kecamatan, [tanjungKarang, permaiAsOldData]);
    expect(areas.kelurahan("52.71.04.1004", areas.kecamatan("Sekarbela")).found?.id).toBe("l4");
    expect(areas.kelurahan("5271041002", null).found?.id).toBe("l2");
  });

  it("accepts the real name once corrected, and the short name then means the one shown by it", () => {
    const areas = areaMatcher(kecamatan, [tanjungKarang, permai]);
    expect(areas.kelurahan("Tanjung Karang Permai", areas.kecamatan("Sekarbela")).found?.id).toBe("l4");
    expect(areas.kelurahan("tanjung karang permai", null).found?.id).toBe("l4");
    expect(areas.kelurahan("Tanjung Karang", null)).toMatchObject({ found: { id: "l2" }, ambiguous: false });
  });

  it("still finds a corrected kelurahan by Kemendagri's name when no other is shown by it", () => {
    const areas = areaMatcher(kecamatan, [{ id: "l9", code: "52.71.05.1001", name: "Rembiga Baru", officialName: "Rembiga", parentId: "k5" }]);
    expect(areas.kelurahan("Rembiga", null).found?.id).toBe("l9");
  });
});

describe("kelurahan labels", () => {
  const kelurahan = [
    { id: "a", code: "52.71.04.1002", name: "Tanjung Karang", kecamatan: "Sekarbela" },
    { id: "b", code: "52.71.05.1003", name: "Tanjung Karang", kecamatan: "Selaparang" },
    { id: "c", code: "52.71.04.1001", name: "Karang Pule", kecamatan: "Sekarbela" },
    { id: "d", code: "52.71.04.1004", name: "Karang Pule", kecamatan: "Sekarbela" },
    { id: "e", code: "52.71.04.1005", name: "Kekalik Jaya", kecamatan: "Sekarbela" },
  ];
  it("adds the kecamatan only where another kelurahan of the city has the name, and the code where one of its kecamatan has", () => {
    expect(Object.fromEntries(kelurahanLabels(kelurahan))).toEqual({
      a: "Tanjung Karang (Sekarbela)",
      b: "Tanjung Karang (Selaparang)",
      c: "Karang Pule (Sekarbela, 52.71.04.1001)",
      d: "Karang Pule (Sekarbela, 52.71.04.1004)",
      e: "Kekalik Jaya",
    });
  });
});

describe("checking a file where two kelurahan of a kecamatan share a name", () => {
  let t: TestDb;
  let city: ImportTenant;
  const prefix = `a${uniqueSuffix()}.`;

  beforeAll(async () => {
    t = await openTestDb();
    city = await createImportTenant(t);
    const [first, second] = city.kecamatan[0]!.kelurahan;
    await t.withTenant(city.id, (tx) => tx.area.update({ where: { tenantId_id: { tenantId: city.id, id: second!.id } }, data: { name: first!.name } }));
  });

  afterAll(async () => {
    await t?.close();
  });

  async function check(kelurahan: string): Promise<RegistryImportReport> {
    const rows = extractRows(city, 1).map((row) => ({ ...row, KELURAHAN: kelurahan }));
    const bytes = new TextEncoder().encode(toCsv(rows));
    const id = await t.withTenant(city.id, (tx) =>
      startTrackedJob(tx, registryCheckJob, {
        tenantId: city.id,
        userId: null,
        input: { source: "DTSEN", fileSize: bytes.length },
        file: bytes,
        fileName: "a.csv",
        prefix,
      }),
    );
    const job = await runQueuedNow(t, registryCheckJob, city.id, id);
    return t.withTenant(city.id, async (tx) =>
      registryReportWordsIn(
        (await tx.importJob.findFirstOrThrow({ where: { id: job.resultId! }, select: { report: true } })).report as unknown as RegistryImportReport,
        "id",
      ),
    );
  }

  it("refuses the family, naming both kelurahan with their kecamatan and code", async () => {
    const [first, second] = city.kecamatan[0]!.kelurahan;
    const report = await check(first!.name.toUpperCase());
    expect(report.counts?.rows.new).toBe(0);
    expect(report.rejectedRows).toBeGreaterThan(0);
    const reasons = report.rejected.flatMap((row) => row.reasons).join(" ");
    expect(reasons).toContain(`Kecamatan ${city.kecamatan[0]!.name}, kode ${first!.code}`);
    expect(reasons).toContain(`Kecamatan ${city.kecamatan[0]!.name}, kode ${second!.code}`);
  });

  it("takes the family when the kelurahan is given by its code", async () => {
    const report = await check(city.kecamatan[0]!.kelurahan[0]!.code);
    expect(report.rejectedRows).toBe(0);
    expect(report.counts?.households.new).toBe(1);
  });
});
