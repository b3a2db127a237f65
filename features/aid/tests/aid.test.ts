import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AnyActionDefinition } from "@/lib/actions/define";
import { runAction } from "@/lib/actions/run";
import {
  createDistributionDefinition,
  deleteDistributionDefinition,
  reverseDistributionDefinition,
  verifyDistributionsDefinition,
} from "@/features/aid/action-definitions";
import { distributionExport } from "@/features/aid/export";
import { getDistribution, listDistributions, pendingDistributions } from "@/features/aid/queries";
import { targetHouseholdsExport } from "@/features/programmes/target-households/export";
import type { ExportSpec } from "@/lib/spreadsheet/export";
import { exportRoute } from "@/lib/spreadsheet/routes";
import type { SessionUser } from "@/lib/auth/session-user";
import { programmeScope } from "@/lib/auth/scope";
import { getHouseholdTimeline } from "@/features/registry/household/timeline";
import { actionDeps, sessionUser, submitted } from "@/tests/helpers/actions";
import { callRoute, routeDeps } from "@/tests/helpers/routes";
import { openTestDb, type TestDb } from "@/tests/helpers/db";
import { createTestHousehold, createTestTenant, type TestTenant } from "@/tests/helpers/factories";

let t: TestDb;
let city: TestTenant;
let otherCity: TestTenant;
let disnaker: string;
let dinsos: string;
let staff: SessionUser;
let head: SessionUser;
let dinsosStaff: SessionUser;
let dinsosHead: SessionUser;
let toolKits: string;
let toolKitsLine: string;
let dinsosAid: string;
let dinsosAid2023: string;

const read = <T>(fn: Parameters<typeof t.withTenant<T>>[1]) => t.withTenant(city.id, fn);
const run = (user: SessionUser, definition: AnyActionDefinition, input: Record<string, unknown>, slug = city.slug) =>
  runAction(actionDeps(t, user), definition, slug, submitted(input));
const fieldErrors = (result: unknown) => (result as { fieldErrors?: Record<string, string[]> }).fieldErrors ?? {};

let nikSerial = 0;
/** A household with a head and a second member. */
async function household(overrides: { desil?: number; isExtremePoor?: boolean } = {}) {
  return read(async (tx) => {
    const h = await createTestHousehold(tx, city, overrides);
    const member = (name: string, relation: "HEAD" | "SPOUSE") => {
      nikSerial += 1;
      return tx.member.create({
        data: {
          tenantId: city.id,
          householdId: h.id,
          nik: `5271${String(Date.now()).slice(-6)}${String(nikSerial).padStart(6, "0")}`,
          name,
          sex: relation === "HEAD" ? "MALE" : "FEMALE",
          birthDate: new Date("1980-05-01"),
          relation,
        },
      });
    };
    const headMember = await member("Lalu Ahmad", "HEAD");
    const spouse = await member("Baiq Rina", "SPOUSE");
    return { id: h.id, headId: headMember.id, spouseId: spouse.id };
  });
}

beforeAll(async () => {
  t = await openTestDb();
  city = await createTestTenant(t.db, t.withTenant);
  otherCity = await createTestTenant(t.db, t.withTenant);
  [disnaker, dinsos] = await read(async (tx) => [
    (await tx.opd.create({ data: { tenantId: city.id, code: "2.07", name: "Dinas Tenaga Kerja", shortName: "Disnaker" } })).id,
    (await tx.opd.create({ data: { tenantId: city.id, code: "1.06", name: "Dinas Sosial", shortName: "Dinsos" } })).id,
  ]);
  staff = sessionUser(city, "OPD_STAFF", { id: "staf-disnaker", opdId: disnaker });
  head = sessionUser(city, "OPD_HEAD", { id: "kepala-disnaker", opdId: disnaker });
  dinsosStaff = sessionUser(city, "OPD_STAFF", { id: "staf-dinsos", opdId: dinsos });
  dinsosHead = sessionUser(city, "OPD_HEAD", { id: "kepala-dinsos", opdId: dinsos });
  [toolKits, toolKitsLine, dinsosAid, dinsosAid2023] = await read(async (tx) => {
    const p = (opdId: string, name: string, fiscalYear = 2024) =>
      tx.programme.create({ data: { tenantId: city.id, opdId, fiscalYear, name, kind: "EQUIPMENT_AID" } });
    const kits = await p(disnaker, "Bantuan Peralatan Kerja");
    const line = await tx.budgetLine.create({
      data: { tenantId: city.id, programmeId: kits.id, fundingSource: "APBD", description: "Belanja peralatan", pagu: 1_000_000_000n },
    });
    return [kits.id, line.id, (await p(dinsos, "Jaring Sosial")).id, (await p(dinsos, "Jaring Sosial 2023", 2023)).id];
  });
});

afterAll(async () => {
  await t?.close();
});

type Input = Record<string, unknown>;
const kit = (householdId: string, extra: Input = {}): Input => ({
  programmeId: toolKits,
  budgetLineId: toolKitsLine,
  householdId,
  kind: "EQUIPMENT",
  items: "1 mesin jahit, 1 mesin obras",
  quantity: "1",
  value: "Rp4,5 juta",
  distributedAt: "2024-08-12",
  handedOverBy: "Ibu Sri",
  proofRef: "BAST/027/2024",
  ...extra,
});

async function record(user: SessionUser, input: Input): Promise<string> {
  const result = await run(user, createDistributionDefinition, input);
  if (!result.ok) throw new Error(`${result.code}: ${JSON.stringify(result.fieldErrors ?? result.message)}`);
  return (result.data as { distributionId: string }).distributionId;
}

const entry = (id: string) => read((tx) => tx.aidDistribution.findFirst({ where: { id } }));
const countFor = (householdId: string) => read((tx) => tx.aidDistribution.count({ where: { householdId } }));

describe("recording a distribution", () => {
  it("a clerk's handover is a draft with the value as typed, who entered it, and an audit row", async () => {
    const h = await household();
    const id = await record(staff, kit(h.id, { memberId: h.spouseId }));
    expect(await entry(id)).toMatchObject({
      opdId: disnaker,
      programmeId: toolKits,
      householdId: h.id,
      memberId: h.spouseId,
      kind: "EQUIPMENT",
      value: 4_500_000n,
      quantity: 1,
      distributedAt: new Date("2024-08-12T00:00:00Z"),
      proofRef: "BAST/027/2024",
      status: "DRAFT",
      createdById: staff.id,
      duplicateAcknowledged: false,
      reversesId: null,
    });
    expect(await read((tx) => tx.auditLog.count({ where: { entity: "AidDistribution", entityId: id, action: "create", userId: staff.id } }))).toBe(1);
  });

  it("reads Rupiah as people type it", async () => {
    for (const [typed, value] of [
      ["1.500.000", 1_500_000n],
      ["Rp1,5 juta", 1_500_000n],
      ["1500000", 1_500_000n],
    ] as const) {
      const h = await household();
      expect(await entry(await record(head, kit(h.id, { value: typed }))), typed).toMatchObject({ value });
    }
  });

  it("refuses bad input with Indonesian messages and writes nothing", async () => {
    const h = await household();
    const other = await household();
    const cases: [Input, string, RegExp][] = [
      [{ items: "" }, "items", /Tuliskan barang/],
      [{ value: "0" }, "value", /lebih dari Rp 0/],
      [{ value: "sejuta" }, "value", /./],
      [{ distributedAt: "" }, "distributedAt", /tanggal/i],
      [{ distributedAt: "2023-12-31" }, "distributedAt", /tahun anggaran program \(2024\)/],
      [{ kind: "PERAHU" }, "kind", /jenis/i],
      [{ kind: "HOUSING" }, "partnerName", /mitra CSR/],
      [{ kind: "INSURANCE_PREMIUM" }, "memberId", /anggota keluarga/],
      [{ kind: "INSURANCE_PREMIUM", memberId: h.headId }, "monthsCovered", /bulan/],
      [{ monthsCovered: "3" }, "monthsCovered", /hanya untuk premi/],
      [{ bpjsNumber: "12345678901" }, "bpjsNumber", /hanya untuk premi/],
      [{ memberId: other.headId }, "memberId", /bukan anggota/],
      [{ householdId: "tidakada12345" }, "householdId", /tidak ditemukan/],
    ];
    for (const [change, field, message] of cases) {
      const result = await run(staff, createDistributionDefinition, kit(h.id, change));
      expect(result, JSON.stringify(change)).toMatchObject({ ok: false, code: "INVALID" });
      expect(fieldErrors(result)[field]?.[0], JSON.stringify(change)).toMatch(message);
    }
    const future = await read((tx) =>
      tx.programme.create({ data: { tenantId: city.id, opdId: disnaker, fiscalYear: new Date().getFullYear() + 1, name: "Tahun Depan", kind: "FOOD_AID" } }),
    );
    const ahead = await run(
      staff,
      createDistributionDefinition,
      kit(h.id, { programmeId: future.id, budgetLineId: "", distributedAt: `${future.fiscalYear}-01-02` }),
    );
    expect(fieldErrors(ahead).distributedAt?.[0]).toMatch(/melewati hari ini/);
    expect(await countFor(h.id)).toBe(0);
  });

  it("a BPJS premium is per member with its months; housing names its CSR partner", async () => {
    const h = await household();
    const premium = await record(
      staff,
      kit(h.id, {
        kind: "INSURANCE_PREMIUM",
        memberId: h.headId,
        monthsCovered: "6",
        bpjsNumber: "12345678901",
        coverageStart: "2024-08",
        items: "Iuran JKK dan JKM",
        value: "100.800",
      }),
    );
    expect(await entry(premium)).toMatchObject({ kind: "INSURANCE_PREMIUM", memberId: h.headId, monthsCovered: 6, value: 100_800n, premiumPerMonth: 16_800n });
    const house = await record(staff, kit(h.id, { kind: "HOUSING", partnerName: "PT Bank NTB Syariah", items: "Bedah rumah", value: "Rp25 juta" }));
    expect(await entry(house)).toMatchObject({ kind: "HOUSING", partnerName: "PT Bank NTB Syariah" });
  });

  it("another OPD's programme, another city and roles without the permission get nothing in", async () => {
    const h = await household();
    expect(await run(dinsosStaff, createDistributionDefinition, kit(h.id))).toMatchObject({ ok: false, code: "NOT_FOUND" });
    const stranger = sessionUser(otherCity, "OPD_STAFF", { opdId: disnaker });
    expect(await run(stranger, createDistributionDefinition, kit(h.id))).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await run(stranger, createDistributionDefinition, kit(h.id), otherCity.slug)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    for (const role of ["BAPEDA", "MAYOR_OFFICE", "AUDITOR", "KELURAHAN", "CITY_ADMIN"] as const) {
      expect(await run(sessionUser(city, role), createDistributionDefinition, kit(h.id)), role).toMatchObject({ ok: false, code: "FORBIDDEN" });
    }
    expect(await run(sessionUser(city, "OPD_STAFF"), createDistributionDefinition, kit(h.id))).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await countFor(h.id)).toBe(0);
  });

  it("links a tool kit to the recipient's training participation only", async () => {
    const h = await household();
    const other = await household();
    const [mine, theirs] = await read(async (tx) => {
      const training = await tx.training.create({
        data: {
          tenantId: city.id,
          programmeId: toolKits,
          opdId: disnaker,
          skill: "Menjahit",
          startDate: new Date("2024-06-01"),
          endDate: new Date("2024-06-20"),
          place: "BLK",
          capacity: 20,
        },
      });
      const p = (householdId: string, memberId: string) =>
        tx.trainingParticipant.create({ data: { tenantId: city.id, trainingId: training.id, householdId, memberId } });
      return [(await p(h.id, h.spouseId)).id, (await p(other.id, other.headId)).id];
    });
    const refused = await run(staff, createDistributionDefinition, kit(h.id, { trainingParticipantId: theirs }));
    expect(fieldErrors(refused).trainingParticipantId?.[0]).toMatch(/bukan dari rumah tangga/);
    const id = await record(staff, kit(h.id, { memberId: h.spouseId, trainingParticipantId: mine }));
    expect(await entry(id)).toMatchObject({ trainingParticipantId: mine });
  });
});

describe("the duplicate-aid warning", () => {
  it("warns when another OPD gave the same kind this year, telling only kind, date and OPD; saving after confirming is recorded", async () => {
    const h = await household();
    await record(staff, kit(h.id, { items: "Mesin jahit rahasia", value: "7.777.000" }));
    const same = { programmeId: dinsosAid, budgetLineId: "", kind: "EQUIPMENT", distributedAt: "2024-10-01" };
    const warned = await run(dinsosStaff, createDistributionDefinition, kit(h.id, same));
    expect(warned).toMatchObject({ ok: false, code: "CONFLICT" });
    const lines = fieldErrors(warned).duplicate ?? [];
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/Bantuan peralatan, 12 Agu 2024, Dinas Tenaga Kerja/);
    expect(JSON.stringify(warned)).not.toMatch(/rahasia|7\.777|Lalu Ahmad|Ibu Sri|BAST/);
    expect(await countFor(h.id)).toBe(1);

    const id = await record(dinsosStaff, kit(h.id, { ...same, acknowledgeDuplicate: "1" }));
    expect(await entry(id)).toMatchObject({ opdId: dinsos, duplicateAcknowledged: true });
    const audit = await read((tx) => tx.auditLog.findFirst({ where: { entity: "AidDistribution", entityId: id, action: "create" } }));
    expect(audit?.after).toMatchObject({ duplicateAcknowledged: true });
  });

  it("warns for the OPD's own earlier draft of the same kind too", async () => {
    const h = await household();
    await record(staff, kit(h.id));
    expect(await run(staff, createDistributionDefinition, kit(h.id, { distributedAt: "2024-09-01" }))).toMatchObject({ ok: false, code: "CONFLICT" });
  });

  it("does not warn for a different kind, for last year's aid, or for aid cancelled by a verified reversal", async () => {
    const h = await household();
    await record(staff, kit(h.id));
    const food = await record(dinsosStaff, kit(h.id, { programmeId: dinsosAid, budgetLineId: "", kind: "FOOD", items: "Beras 10 kg", value: "150.000" }));
    expect(await entry(food)).toMatchObject({ duplicateAcknowledged: false });

    const g = await household();
    await record(dinsosStaff, kit(g.id, { programmeId: dinsosAid2023, budgetLineId: "", distributedAt: "2023-11-20" }));
    expect(await entry(await record(staff, kit(g.id)))).toMatchObject({ duplicateAcknowledged: false });

    const r = await household();
    const first = await record(staff, kit(r.id));
    await run(head, verifyDistributionsDefinition, { ids: first });
    const reversal = await run(staff, reverseDistributionDefinition, { distributionId: first, note: "Salah penerima" });
    await run(head, verifyDistributionsDefinition, { ids: (reversal as { data: { distributionId: string } }).data.distributionId });
    expect(await entry(await record(dinsosStaff, kit(r.id, { programmeId: dinsosAid, budgetLineId: "" })))).toMatchObject({ duplicateAcknowledged: false });
  });
});

describe("verification", () => {
  it("staff cannot verify; the head verifies one, recording who and when; again is a no-op", async () => {
    const h = await household();
    const id = await record(staff, kit(h.id));
    expect(await run(staff, verifyDistributionsDefinition, { ids: id })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await run(sessionUser(city, "AUDITOR"), verifyDistributionsDefinition, { ids: id })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await run(head, verifyDistributionsDefinition, { ids: id })).toMatchObject({ ok: true, data: { verified: 1, alreadyVerified: 0 } });
    const verified = await entry(id);
    expect(verified).toMatchObject({ status: "VERIFIED", verifiedById: head.id });
    expect(verified?.verifiedAt).toBeInstanceOf(Date);
    expect(await run(head, verifyDistributionsDefinition, { ids: id })).toMatchObject({ ok: true, data: { verified: 0, alreadyVerified: 1 } });
  });

  it("verifies in bulk only the OPD's own; one foreign id and nothing changes", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push(await record(staff, kit((await household()).id)));
    const foreign = await record(dinsosStaff, kit((await household()).id, { programmeId: dinsosAid, budgetLineId: "" }));
    expect(await run(dinsosHead, verifyDistributionsDefinition, { ids })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await run(head, verifyDistributionsDefinition, { ids: [...ids, foreign] })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    const stranger = sessionUser(otherCity, "OPD_HEAD", { opdId: disnaker });
    expect(await run(stranger, verifyDistributionsDefinition, { ids })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await run(stranger, verifyDistributionsDefinition, { ids }, otherCity.slug)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await read((tx) => tx.aidDistribution.count({ where: { id: { in: [...ids, foreign] }, status: "VERIFIED" } }))).toBe(0);
    expect(await run(head, verifyDistributionsDefinition, { ids })).toMatchObject({ ok: true, data: { verified: 3 } });
    expect(await entry(foreign)).toMatchObject({ status: "DRAFT" });
  });

  it("refuses an empty selection", async () => {
    expect(await run(head, verifyDistributionsDefinition, {})).toMatchObject({ ok: false, code: "INVALID" });
    expect(await run(head, verifyDistributionsDefinition, { ids: [] })).toMatchObject({ ok: false, code: "INVALID" });
  });
});

describe("corrections", () => {
  it("a draft is deleted by its own OPD only; a verified entry is never deleted", async () => {
    const h = await household();
    const id = await record(staff, kit(h.id));
    expect(await run(dinsosStaff, deleteDistributionDefinition, { distributionId: id })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await run(sessionUser(city, "BAPEDA"), deleteDistributionDefinition, { distributionId: id })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await run(staff, deleteDistributionDefinition, { distributionId: "" })).toMatchObject({ ok: false, code: "INVALID" });
    expect(await run(staff, deleteDistributionDefinition, { distributionId: id })).toMatchObject({ ok: true });
    expect(await entry(id)).toBeNull();

    const verified = await record(staff, kit(h.id));
    await run(head, verifyDistributionsDefinition, { ids: verified });
    expect(await run(staff, deleteDistributionDefinition, { distributionId: verified })).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(await entry(verified)).not.toBeNull();
  });

  it("a verified entry is reversed once by a negative draft pointing at it, with the reason", async () => {
    const h = await household();
    const id = await record(staff, kit(h.id));
    expect(await run(staff, reverseDistributionDefinition, { distributionId: id, note: "Salah penerima" })).toMatchObject({ ok: false, code: "CONFLICT" });
    await run(head, verifyDistributionsDefinition, { ids: id });

    expect(await run(staff, reverseDistributionDefinition, { distributionId: id, note: "x" })).toMatchObject({ ok: false, code: "INVALID" });
    expect(await run(dinsosStaff, reverseDistributionDefinition, { distributionId: id, note: "Salah penerima" })).toMatchObject({
      ok: false,
      code: "NOT_FOUND",
    });
    const stranger = sessionUser(otherCity, "OPD_STAFF", { opdId: disnaker });
    expect(await run(stranger, reverseDistributionDefinition, { distributionId: id, note: "Salah penerima" }, otherCity.slug)).toMatchObject({
      ok: false,
      code: "NOT_FOUND",
    });
    expect(await run(sessionUser(city, "AUDITOR"), reverseDistributionDefinition, { distributionId: id, note: "Salah penerima" })).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });

    const result = await run(staff, reverseDistributionDefinition, { distributionId: id, note: "Salah penerima" });
    expect(result).toMatchObject({ ok: true });
    const reversalId = (result as { data: { distributionId: string } }).data.distributionId;
    expect(await entry(reversalId)).toMatchObject({
      reversesId: id,
      value: -4_500_000n,
      status: "DRAFT",
      note: "Salah penerima",
      householdId: h.id,
      kind: "EQUIPMENT",
    });
    expect(await entry(id)).toMatchObject({ status: "VERIFIED", value: 4_500_000n });
    expect(await run(head, reverseDistributionDefinition, { distributionId: id, note: "Sekali lagi" })).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(await run(head, reverseDistributionDefinition, { distributionId: reversalId, note: "Balik balik" })).toMatchObject({ ok: false, code: "CONFLICT" });
  });
});

describe("reading", () => {
  it("OPD roles see their own OPD's distributions; city-wide readers all of them; the timeline still lists aid", async () => {
    const h = await household();
    const mine = await record(staff, kit(h.id));
    const theirs = await record(dinsosStaff, kit(h.id, { programmeId: dinsosAid, budgetLineId: "", kind: "FOOD", items: "Beras", value: "150.000" }));
    const ids = (rows: { id: string }[]) => rows.map((row) => row.id);
    await read(async (tx) => {
      const asDinsos = await listDistributions(tx, {}, { scope: programmeScope(dinsosStaff), fiscalYear: 2024, pageSize: 500 });
      expect(ids(asDinsos.rows)).toContain(theirs);
      expect(ids(asDinsos.rows)).not.toContain(mine);
      expect(await getDistribution(tx, programmeScope(dinsosStaff), mine)).toBeNull();
      const bapeda = programmeScope(sessionUser(city, "BAPEDA"));
      expect(ids((await listDistributions(tx, {}, { scope: bapeda, fiscalYear: 2024, pageSize: 500 })).rows)).toEqual(expect.arrayContaining([mine, theirs]));
      expect((await getDistribution(tx, bapeda, mine))?.household.noKkMasked).toMatch(/^•{12}\d{4}$/);
      expect(ids((await pendingDistributions(tx, { scope: programmeScope(head), fiscalYear: 2024 })).rows)).toContain(mine);
      const timeline = await getHouseholdTimeline(tx, h.id);
      expect(timeline.entries.filter((e) => e.kind === "aid").map((e) => e.id)).toEqual(expect.arrayContaining([mine, theirs]));
    });
  });

  it("pages the list by key without repeats, newest first, and filters by kind and status", async () => {
    const h = await household();
    for (const day of ["01", "02", "03", "04", "05"])
      await record(staff, kit(h.id, { kind: "SEEDLINGS", items: "Bibit cabai", value: "50.000", distributedAt: `2024-03-${day}`, acknowledgeDuplicate: "1" }));
    await read(async (tx) => {
      const options = { scope: programmeScope(staff), fiscalYear: 2024, pageSize: 2 };
      const seen: string[] = [];
      let after: string | undefined;
      do {
        const page = await listDistributions(tx, { jenis: "SEEDLINGS", status: "DRAFT", after }, options);
        seen.push(...page.rows.map((row) => row.distributedAt.toISOString().slice(0, 10)));
        after = page.nextAfter ?? undefined;
      } while (after);
      expect(seen).toEqual(["2024-03-05", "2024-03-04", "2024-03-03", "2024-03-02", "2024-03-01"]);
    });
  });
});

describe("exports", () => {
  const get = <Row>(user: SessionUser, spec: ExportSpec<Row>, url: string, params: Record<string, string>) =>
    callRoute(exportRoute(spec), routeDeps(t, user), url, { tenant: city.slug, ...params });

  it("exports the OPD's own distributions with No. KK masked, audited; other cities and roles get 404", async () => {
    const h = await household();
    const mine = await record(staff, kit(h.id, { items: "Kompor dan wajan" }));
    const theirs = await record(dinsosStaff, kit(h.id, { programmeId: dinsosAid, budgetLineId: "", kind: "FOOD", items: "Beras premium", value: "150.000" }));
    const response = await get(dinsosStaff, distributionExport, `http://x/${city.slug}/bantuan/ekspor?format=csv&tahun=2024`, {});
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toContain(theirs);
    expect(text).not.toContain(mine);
    expect(text).not.toMatch(/\d{16}/);
    expect(await read((tx) => tx.auditLog.count({ where: { entity: "AidDistribution", action: "export", userId: dinsosStaff.id } }))).toBeGreaterThan(0);
    expect((await get(sessionUser(otherCity, "OPD_STAFF", { opdId: dinsos }), distributionExport, "http://x/?format=csv", {})).status).toBe(404);
    expect((await get(sessionUser(city, "AUDITOR"), distributionExport, "http://x/?format=csv", {})).status).toBe(404);
  });

  it("exports who to reach next of a programme in scope only", async () => {
    await household();
    const ok = await get(sessionUser(city, "BAPEDA"), targetHouseholdsExport, "http://x/?format=csv", { programmeId: toolKits });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toMatch(/KEPALA KELUARGA/);
    expect((await get(dinsosStaff, targetHouseholdsExport, "http://x/?format=csv", { programmeId: toolKits })).status).toBe(404);
  });
});
