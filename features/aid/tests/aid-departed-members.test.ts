// A member who died or moved out of the city keeps their row, but no new hand-over (form or
// import row, a BPJS premium included) names them from their departure on; hand-overs
// recorded before still show and are verified and reversed as any other. The recipient
// picker reads households within the viewer's registry scope only.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDistributionDefinition, reverseDistributionDefinition, verifyDistributionsDefinition } from "@/features/aid/action-definitions";
import { importDistributionsDefinition } from "@/features/aid/distribution-import";
import { getDistribution } from "@/features/aid/queries";
import { recipientChoices } from "@/features/aid/recipient";
import type { AnyActionDefinition } from "@/lib/actions/define";
import { runAction } from "@/lib/actions/run";
import { programmeScope, registryScope } from "@/lib/auth/scope";
import type { SessionUser } from "@/lib/auth/session-user";
import type { TableImportReport } from "@/lib/spreadsheet/table-import";
import { actionDeps, sessionUser, submitted } from "@/tests/helpers/actions";
import { openTestDb, type TestDb } from "@/tests/helpers/db";
import { createTestHousehold, createTestTenant, type TestTenant } from "@/tests/helpers/factories";
import { runTableImport } from "@/tests/helpers/table-imports";

let t: TestDb;
let city: TestTenant;
let staff: SessionUser;
let head: SessionUser;
let kits: string;

const read = <T>(fn: Parameters<typeof t.withTenant<T>>[1]) => t.withTenant(city.id, fn);

let serial = 0;
/** A household with a head and a spouse; the spouse departs on `departedAt` when given. */
async function household(departure?: { kind: "DIED" | "MOVED_OUT"; on: string }) {
  return read(async (tx) => {
    const h = await createTestHousehold(tx, city);
    const member = (name: string, relation: "HEAD" | "SPOUSE", departed = false) => {
      serial += 1;
      const nik = `5271${String(Date.now()).slice(-6)}${String(serial).padStart(6, "0")}`;
      return tx.member.create({
        data: {
          tenantId: city.id,
          householdId: h.id,
          nik,
          name,
          sex: relation === "HEAD" ? "MALE" : "FEMALE",
          birthDate: new Date("1980-05-01"),
          relation,
          ...(departed && departure ? { departure: departure.kind, departedAt: new Date(departure.on) } : {}),
        },
      });
    };
    const headMember = await member("Lalu Ahmad", "HEAD");
    const spouse = await member("Baiq Rina", "SPOUSE", true);
    return { id: h.id, noKk: h.noKk, headId: headMember.id, spouseId: spouse.id, spouseNik: spouse.nik, headNik: headMember.nik };
  });
}

/** The spouse departs now, after hand-overs were recorded for them. */
const depart = (memberId: string, on: string) =>
  read((tx) => tx.member.update({ where: { tenantId_id: { tenantId: city.id, id: memberId } }, data: { departure: "DIED", departedAt: new Date(on) } }));

beforeAll(async () => {
  t = await openTestDb();
  city = await createTestTenant(t.db, t.withTenant);
  const disnaker = await read(
    async (tx) => (await tx.opd.create({ data: { tenantId: city.id, code: "2.07", name: "Dinas Tenaga Kerja", shortName: "Disnaker" } })).id,
  );
  staff = sessionUser(city, "OPD_STAFF", { id: "staf-disnaker", opdId: disnaker });
  head = sessionUser(city, "OPD_HEAD", { id: "kepala-disnaker", opdId: disnaker });
  kits = await read(
    async (tx) =>
      (await tx.programme.create({ data: { tenantId: city.id, opdId: disnaker, fiscalYear: 2024, name: "Bantuan Peralatan Kerja", kind: "EQUIPMENT_AID" } }))
        .id,
  );
});

afterAll(async () => {
  await t?.close();
});

const run = (user: SessionUser, definition: AnyActionDefinition, input: Record<string, unknown>, locale = "id") =>
  runAction({ ...actionDeps(t, user), requestMeta: async () => ({ requestId: "req-test", ip: "127.0.0.1", locale }) }, definition, city.slug, submitted(input));

let proof = 0;
const premium = (householdId: string, memberId: string, distributedAt = "2024-08-12") => {
  proof += 1;
  return {
    programmeId: kits,
    householdId,
    memberId,
    kind: "INSURANCE_PREMIUM",
    items: "Iuran JKK dan JKM",
    quantity: "1",
    value: "100.800",
    monthsCovered: "6",
    bpjsNumber: "12345678901",
    coverageStart: distributedAt.slice(0, 7),
    distributedAt,
    proofRef: `BAST/${proof}/2024`,
    acknowledgeDuplicate: "on",
  };
};
const entriesOf = (householdId: string) => read((tx) => tx.aidDistribution.findMany({ where: { householdId } }));

describe("new hand-overs name only members still on the family's card", () => {
  it("the form refuses a member who died or moved out on or before the hand-over, in Indonesian and English, and writes nothing", async () => {
    const died = await household({ kind: "DIED", on: "2024-08-01" });
    const refused = await run(staff, createDistributionDefinition, premium(died.id, died.spouseId));
    expect(refused).toMatchObject({ ok: false, code: "INVALID" });
    expect((refused as { message: string }).message).toMatch(/tercatat meninggal pada 2024-08-01/);
    expect((refused as { fieldErrors: Record<string, string[]> }).fieldErrors.memberId?.[0]).toMatch(/meninggal/);

    const sameDay = await run(staff, createDistributionDefinition, premium(died.id, died.spouseId, "2024-08-01"));
    expect(sameDay).toMatchObject({ ok: false, code: "INVALID" });

    const moved = await household({ kind: "MOVED_OUT", on: "2024-07-01" });
    const inEnglish = await run(staff, createDistributionDefinition, { ...premium(moved.id, moved.spouseId), value: "100,800" }, "en");
    expect(inEnglish).toMatchObject({ ok: false, code: "INVALID" });
    expect((inEnglish as { message: string }).message).toMatch(/moved out of the city on 2024-07-01/);

    expect(await entriesOf(died.id)).toHaveLength(0);
    expect(await entriesOf(moved.id)).toHaveLength(0);
  });

  it("accepts a current member, and a hand-over dated before the member's departure (recorded late)", async () => {
    const h = await household({ kind: "DIED", on: "2024-09-01" });
    expect(await run(staff, createDistributionDefinition, premium(h.id, h.headId))).toMatchObject({ ok: true });
    expect(await run(staff, createDistributionDefinition, premium(h.id, h.spouseId, "2024-08-31"))).toMatchObject({ ok: true });
    expect(await entriesOf(h.id)).toHaveLength(2);
  });

  it("an import row naming a departed member's NIK is rejected with the reason; a current member's row is imported", async () => {
    const h = await household({ kind: "MOVED_OUT", on: "2024-06-30" });
    const header = "PROGRAM;NIK;NO KK;JENIS;BANTUAN;JUMLAH;NILAI;TANGGAL;NOMOR BUKTI;MITRA";
    const lines = [
      `Bantuan Peralatan Kerja;${h.headNik};;Bantuan peralatan;1 mesin jahit;1;1.500.000;12-08-2024;BAST/IMP-1/2024;`,
      `Bantuan Peralatan Kerja;${h.spouseNik};;Bantuan peralatan;1 mesin obras;1;1.500.000;13-08-2024;BAST/IMP-2/2024;`,
    ];
    const form = new FormData();
    form.set("file", new File([[header, ...lines].join("\r\n")], "penyaluran.csv", { type: "text/csv" }));
    form.set("mode", "commit");
    const result = await runTableImport(t, actionDeps(t, staff), importDistributionsDefinition, city.slug, form);
    if (!result.ok) throw new Error(`${result.code}: ${result.message}`);
    const report = result.data as TableImportReport;
    expect(report).toMatchObject({ total: 2, accepted: 1 });
    expect(report.rejected.map((row) => row.rowNumber)).toEqual([3]);
    expect(report.rejected[0]?.reasons.join("; ")).toMatch(/tercatat pindah keluar kota pada 2024-06-30/);
    expect((await entriesOf(h.id)).map((e) => e.memberId)).toEqual([h.headId]);
  });
});

describe("history of a member who has since departed", () => {
  it("an earlier hand-over still shows, is verified, and is reversed", async () => {
    const h = await household();
    const created = await run(staff, createDistributionDefinition, premium(h.id, h.spouseId, "2024-03-01"));
    expect(created).toMatchObject({ ok: true });
    const distributionId = (created as { data: { distributionId: string } }).data.distributionId;
    await depart(h.spouseId, "2024-05-01");

    const shown = await read((tx) => getDistribution(tx, programmeScope(staff), distributionId));
    expect(shown).toMatchObject({ id: distributionId });
    expect(await run(head, verifyDistributionsDefinition, { ids: distributionId })).toMatchObject({ ok: true, data: { verified: 1 } });
    const reversal = await run(staff, reverseDistributionDefinition, { distributionId, note: "Salah jumlah bulan" });
    expect(reversal).toMatchObject({ ok: true });
    const reversalId = (reversal as { data: { distributionId: string } }).data.distributionId;
    expect(await read((tx) => tx.aidDistribution.findFirst({ where: { id: reversalId } }))).toMatchObject({ memberId: h.spouseId, reversesId: distributionId });
  });
});

describe("the recipient picker", () => {
  it("reads a household within the viewer's registry scope only", async () => {
    const h = await household();
    const otherKelurahan = await read(
      async (tx) =>
        (
          await tx.area.create({
            data: { tenantId: city.id, code: `${city.slug}.1002`, name: "Kelurahan Lain", level: "KELURAHAN", parentId: city.kecamatanId },
          })
        ).id,
    );
    const own = sessionUser(city, "KELURAHAN", { kelurahanId: city.kelurahanId });
    const other = sessionUser(city, "KELURAHAN", { kelurahanId: otherKelurahan });

    expect(await read((tx) => recipientChoices(tx, h.id, registryScope(staff)))).toMatchObject({ id: h.id });
    expect(await read((tx) => recipientChoices(tx, h.id, registryScope(own)))).toMatchObject({ id: h.id });
    expect(await read((tx) => recipientChoices(tx, h.id, registryScope(other)))).toBeNull();
    expect(await read((tx) => recipientChoices(tx, h.id, { kelurahanId: null, nothing: true }))).toBeNull();
  });

  it("offers only current members as recipients", async () => {
    const h = await household({ kind: "DIED", on: "2024-01-01" });
    const choices = await read((tx) => recipientChoices(tx, h.id, registryScope(staff)));
    expect(choices?.members.map((m) => m.id)).toEqual([h.headId]);
  });
});
