import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { AnyActionDefinition } from "@/lib/actions/define";
import { runAction } from "@/lib/actions/run";
import type { SessionUser } from "@/lib/auth/session-user";
import {
  createRealisationDefinition,
  deleteRealisationDefinition,
  reverseRealisationDefinition,
  updateRealisationDefinition,
  verifyRealisationsDefinition,
} from "@/features/budget/action-definitions";
import { absorptionOf } from "@/features/budget/absorption";
import { budgetOverview, lineEntries, monthlyBreakdown, pendingEntries } from "@/features/budget/queries";
import { createRealisation } from "@/features/budget/realisations";
import { addTotals, lineTotals } from "@/features/budget/totals";
import { programmeScope } from "@/lib/auth/scope";
import { actionDeps, sessionUser, submitted } from "@/tests/helpers/actions";
import { openTestDb, type TestDb } from "@/tests/helpers/db";
import { createTestTenant, type TestTenant } from "@/tests/helpers/factories";

let t: TestDb;
let city: TestTenant;
let otherCity: TestTenant;
let disnaker: string;
let dinsos: string;
let staff: SessionUser;
let head: SessionUser;
let dinsosStaff: SessionUser;
let dinsosHead: SessionUser;
let dinsosLine: string;

const read = <T>(fn: Parameters<typeof t.withTenant<T>>[1]) => t.withTenant(city.id, fn);

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
  dinsosLine = await newLine(dinsos, "Jaring Sosial", 50_000_000n);
});

afterAll(async () => {
  await t?.close();
});

let serial = 0;
/** A programme of `opdId` in `year` with one APBD line of `pagu`. */
async function newLine(opdId: string, name: string, pagu: bigint, year = 2024) {
  serial += 1;
  return read(async (tx) => {
    const programme = await tx.programme.create({
      data: { tenantId: city.id, opdId, fiscalYear: year, name: `${name} ${serial}`, kind: "TRAINING" },
    });
    const line = await tx.budgetLine.create({
      data: { tenantId: city.id, programmeId: programme.id, fundingSource: "APBD", description: "Belanja pelatihan", pagu },
    });
    return line.id;
  });
}

let referenceSerial = 0;
/** A SP2D number no other entry of the test carries. */
const ref = () => `0${(referenceSerial += 1)}/SP2D/LS/2024`;

const run = (user: SessionUser, definition: AnyActionDefinition, input: Record<string, unknown>, slug = city.slug) =>
  runAction(actionDeps(t, user), definition, slug, submitted(input));

async function enter(user: SessionUser, budgetLineId: string, month: number, amount: string, note = "") {
  const result = await run(user, createRealisationDefinition, { referenceNo: ref(), budgetLineId, month: String(month), amount, note });
  if (!result.ok) throw new Error(`${result.code}: ${JSON.stringify(result.fieldErrors ?? result.message)}`);
  return (result.data as { realisationId: string }).realisationId;
}

const entry = (id: string) => read((tx) => tx.budgetRealisation.findFirst({ where: { id } }));
const fieldErrors = (result: unknown) => (result as { fieldErrors?: Record<string, string[]> }).fieldErrors ?? {};

describe("entering realisation", () => {
  let line: string;
  beforeEach(async () => {
    line = await newLine(disnaker, "Pelatihan Menjahit", 12_000_000n);
  });

  it("a clerk's entry is a draft of the month, with the amount as typed and who entered it", async () => {
    const id = await enter(staff, line, 3, "Rp1,5 juta", "Honor instruktur Maret");
    expect(await entry(id)).toMatchObject({
      budgetLineId: line,
      month: 3,
      amount: 1_500_000n,
      note: "Honor instruktur Maret",
      status: "DRAFT",
      createdById: staff.id,
      verifiedById: null,
      verifiedAt: null,
      reversesId: null,
    });
    expect(await read((tx) => tx.auditLog.count({ where: { entity: "BudgetRealisation", entityId: id, action: "create", userId: staff.id } }))).toBe(1);
  });

  it("refuses a month outside 1–12, a month that has not begun, a non-positive amount and spending beyond the pagu", async () => {
    for (const month of ["0", "13", "", "Maret"]) {
      const result = await run(staff, createRealisationDefinition, { referenceNo: ref(), budgetLineId: line, month, amount: "1000" });
      expect(result, month).toMatchObject({ ok: false, code: "INVALID" });
      expect(fieldErrors(result).month?.[0]).toBeTruthy();
    }
    const future = await newLine(disnaker, "Tahun Depan", 10_000_000n, new Date().getFullYear() + 2);
    const notYet = await run(staff, createRealisationDefinition, { referenceNo: ref(), budgetLineId: future, month: "1", amount: "1000" });
    expect(fieldErrors(notYet).month?.[0]).toMatch(/belum berjalan/);

    expect(fieldErrors(await run(staff, createRealisationDefinition, { referenceNo: ref(), budgetLineId: line, month: "1", amount: "0" })).amount?.[0]).toBe(
      "Jumlah realisasi harus lebih dari Rp 0.",
    );
    expect(
      fieldErrors(await run(staff, createRealisationDefinition, { referenceNo: ref(), budgetLineId: line, month: "1", amount: "-5000" })).amount?.[0],
    ).toBe("Jumlah tidak boleh negatif.");

    await enter(staff, line, 1, "10.000.000");
    const over = await run(staff, createRealisationDefinition, { referenceNo: ref(), budgetLineId: line, month: "2", amount: "2.000.001" });
    expect(fieldErrors(over).amount?.[0]).toBe("Melebihi pagu. Sisa pagu pos ini Rp\u00a02.000.000.");
    await enter(staff, line, 2, "2.000.000");
    expect(await read((tx) => tx.budgetRealisation.count({ where: { budgetLineId: line } }))).toBe(2);
  });

  it("clerks entering on one line at the same moment never pass the pagu together, and none waits on another forever", async () => {
    // Room for exactly five entries of 2,000,000; twelve clerks try at once.
    const tight = await newLine(disnaker, "Pagu Ketat", 10_000_000n);
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        run(staff, createRealisationDefinition, { referenceNo: ref(), budgetLineId: tight, month: String((i % 3) + 1), amount: "2.000.000" }),
      ),
    );
    expect(results.filter((result) => result.ok)).toHaveLength(5);
    for (const refused of results.filter((result) => !result.ok)) expect(fieldErrors(refused).amount?.[0]).toMatch(/^Melebihi pagu/);
    const saved = await read((tx) => tx.budgetRealisation.aggregate({ where: { budgetLineId: tight }, _sum: { amount: true }, _count: true }));
    expect(saved).toMatchObject({ _count: 5, _sum: { amount: 10_000_000n } });
  });

  it("another OPD's clerk, another city and roles without the permission get nothing in", async () => {
    const input = { budgetLineId: line, month: "1", referenceNo: ref(), amount: "1.000.000" };
    expect(await run(dinsosStaff, createRealisationDefinition, input)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    const stranger = sessionUser(otherCity, "OPD_STAFF", { opdId: disnaker });
    expect(await run(stranger, createRealisationDefinition, input)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await run(stranger, createRealisationDefinition, input, otherCity.slug)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    for (const role of ["BAPEDA", "MAYOR_OFFICE", "AUDITOR", "KELURAHAN", "CITY_ADMIN"] as const) {
      expect(await run(sessionUser(city, role), createRealisationDefinition, input), role).toMatchObject({ ok: false, code: "FORBIDDEN" });
    }
    expect(await run(sessionUser(city, "OPD_STAFF"), createRealisationDefinition, input)).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await read((tx) => tx.budgetRealisation.count({ where: { budgetLineId: line } }))).toBe(0);
  });

  it("a draft can be edited and deleted by its OPD only", async () => {
    const id = await enter(staff, line, 4, "1.000.000");
    const edit = { realisationId: id, version: 1, referenceNo: ref(), month: "5", amount: "1.250.000", note: "Dikoreksi" };
    expect(await run(dinsosStaff, updateRealisationDefinition, edit)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await run(dinsosStaff, deleteRealisationDefinition, { realisationId: id })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await entry(id)).toMatchObject({ month: 4, amount: 1_000_000n });

    expect(await run(head, updateRealisationDefinition, edit)).toMatchObject({ ok: true });
    expect(await entry(id)).toMatchObject({ month: 5, amount: 1_250_000n, note: "Dikoreksi", status: "DRAFT" });
    expect(await run(staff, deleteRealisationDefinition, { realisationId: id })).toMatchObject({ ok: true });
    expect(await entry(id)).toBeNull();
  });
});

describe("verification", () => {
  let line: string;
  beforeEach(async () => {
    line = await newLine(disnaker, "Pelatihan Barista", 20_000_000n);
  });

  it("staff cannot verify; the head verifies a single draft, recording who and when", async () => {
    const id = await enter(staff, line, 2, "2.000.000");
    expect(await run(staff, verifyRealisationsDefinition, { ids: id })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await run(sessionUser(city, "BAPEDA"), verifyRealisationsDefinition, { ids: id })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect((await entry(id))?.status).toBe("DRAFT");

    const result = await run(head, verifyRealisationsDefinition, { ids: id });
    expect(result).toMatchObject({ ok: true, data: { verified: 1, alreadyVerified: 0 } });
    const verified = await entry(id);
    expect(verified).toMatchObject({ status: "VERIFIED", verifiedById: head.id });
    expect(verified?.verifiedAt).toBeInstanceOf(Date);
    const audit = await read((tx) => tx.auditLog.findFirst({ where: { entityId: id, action: "update" } }));
    expect(audit).toMatchObject({ userId: head.id, before: { status: "DRAFT" }, after: { status: "VERIFIED" } });

    // A second click changes nothing.
    expect(await run(head, verifyRealisationsDefinition, { ids: id })).toMatchObject({ ok: true, data: { verified: 0, alreadyVerified: 1 } });
  });

  it("the head verifies in bulk only its own OPD's drafts: one foreign id and nothing changes", async () => {
    const ids = [await enter(staff, line, 1, "1.000.000"), await enter(staff, line, 2, "1.000.000"), await enter(head, line, 3, "1.000.000")];
    const foreign = await enter(dinsosStaff, dinsosLine, 1, "1.000.000");

    expect(await run(dinsosHead, verifyRealisationsDefinition, { ids })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await run(head, verifyRealisationsDefinition, { ids: [...ids, foreign] })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    const stranger = sessionUser(otherCity, "OPD_HEAD", { opdId: disnaker });
    expect(await run(stranger, verifyRealisationsDefinition, { ids })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    const statuses = await read((tx) => tx.budgetRealisation.findMany({ where: { id: { in: [...ids, foreign] } }, select: { status: true } }));
    expect(statuses.every((row) => row.status === "DRAFT")).toBe(true);

    expect(await run(head, verifyRealisationsDefinition, { ids })).toMatchObject({ ok: true, data: { verified: 3 } });
    expect((await entry(foreign))?.status).toBe("DRAFT");
    expect(await run(dinsosHead, verifyRealisationsDefinition, { ids: [foreign] })).toMatchObject({ ok: true, data: { verified: 1 } });
  });

  it("refuses an empty selection", async () => {
    expect(await run(head, verifyRealisationsDefinition, {})).toMatchObject({ ok: false, code: "INVALID" });
    expect(await run(head, verifyRealisationsDefinition, { ids: [] })).toMatchObject({ ok: false, code: "INVALID" });
  });
});

describe("correcting a verified entry", () => {
  let line: string;
  let verifiedId: string;
  beforeEach(async () => {
    line = await newLine(disnaker, "Pelatihan Sablon", 10_000_000n);
    verifiedId = await enter(staff, line, 6, "3.000.000");
    await run(head, verifyRealisationsDefinition, { ids: verifiedId });
  });

  it("a verified entry cannot be edited or deleted", async () => {
    const edit = await run(head, updateRealisationDefinition, { referenceNo: ref(), realisationId: verifiedId, version: 2, month: "6", amount: "1", note: "" });
    expect(edit).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(await run(staff, deleteRealisationDefinition, { realisationId: verifiedId })).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(await entry(verifiedId)).toMatchObject({ amount: 3_000_000n, status: "VERIFIED" });
  });

  it("is reversed by a new negative draft with a reason, once; it stops counting when the reversal is verified", async () => {
    expect(fieldErrors(await run(staff, reverseRealisationDefinition, { realisationId: verifiedId, note: "" })).note?.[0]).toMatch(/alasan/);
    expect(await run(dinsosStaff, reverseRealisationDefinition, { realisationId: verifiedId, note: "Salah pos" })).toMatchObject({
      ok: false,
      code: "NOT_FOUND",
    });

    const result = await run(staff, reverseRealisationDefinition, { realisationId: verifiedId, note: "Salah input, seharusnya Juli" });
    expect(result.ok).toBe(true);
    const reversalId = (result as { data: { realisationId: string } }).data.realisationId;
    expect(await entry(reversalId)).toMatchObject({
      budgetLineId: line,
      month: 6,
      amount: -3_000_000n,
      status: "DRAFT",
      reversesId: verifiedId,
      note: "Salah input, seharusnya Juli",
      createdById: staff.id,
    });
    expect(await run(staff, reverseRealisationDefinition, { realisationId: verifiedId, note: "Sekali lagi" })).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(await run(staff, reverseRealisationDefinition, { realisationId: reversalId, note: "Balik pembalikan" })).toMatchObject({
      ok: false,
      code: "CONFLICT",
    });
    // The reversal cannot be edited, only deleted while it is a draft.
    expect(
      await run(staff, updateRealisationDefinition, { referenceNo: ref(), realisationId: reversalId, version: 1, month: "6", amount: "1", note: "" }),
    ).toMatchObject({
      ok: false,
      code: "CONFLICT",
    });

    const realised = async () => (await read((tx) => lineTotals(tx, { tenantId: city.id, budgetLineId: line })))[0]!.realised;
    expect(await realised()).toBe(3_000_000n);
    await run(head, verifyRealisationsDefinition, { ids: reversalId });
    expect(await realised()).toBe(0n);
    // The corrected amount goes in as a new entry, within the pagu again.
    const corrected = await enter(staff, line, 7, "10.000.000");
    expect((await entry(corrected))?.status).toBe("DRAFT");
  });

  it("a draft is not reversed but edited", async () => {
    const draft = await enter(staff, line, 7, "1.000.000");
    expect(await run(staff, reverseRealisationDefinition, { realisationId: draft, note: "Salah input" })).toMatchObject({ ok: false, code: "CONFLICT" });
  });
});

describe("totals and absorption", () => {
  it("count only verified entries, show drafts as pending, and match hand-computed absorption", async () => {
    // Pagu Rp 12 juta. Verified: Jan 3 juta, Feb 1,5 juta. Pending: Mar 500 ribu.
    const line = await newLine(disnaker, "Fixture Serapan", 12_000_000n, 2024);
    const jan = await enter(staff, line, 1, "3.000.000");
    const feb = await enter(staff, line, 2, "1,5 juta");
    await run(head, verifyRealisationsDefinition, { ids: [jan, feb] });
    await enter(staff, line, 3, "500.000");

    const [row] = await read((tx) => lineTotals(tx, { tenantId: city.id, budgetLineId: line }));
    expect(row).toMatchObject({ pagu: 12_000_000n, realised: 4_500_000n, pendingCount: 1, pendingAmount: 500_000n });

    // A past year: the whole year is over. 4,5 / 12 = 37,5 %; gap 37,5 − 100 = −62,5 points.
    expect(absorptionOf(row!.pagu, row!.realised, 2024, { year: 2026, month: 11 })).toEqual({
      pagu: 12_000_000n,
      realised: 4_500_000n,
      absorption: 37.5,
      monthsElapsed: 12,
      expected: 100,
      gap: -62.5,
    });
    // Seen in May 2024: January–April are over, 4/12 = 33,33 %; gap 37,5 − 33,333… = 4,17 points.
    expect(absorptionOf(row!.pagu, row!.realised, 2024, { year: 2024, month: 5 })).toMatchObject({ monthsElapsed: 4, expected: 33.33, gap: 4.17 });

    const months = await read((tx) => monthlyBreakdown(tx, line));
    expect(months.slice(0, 4)).toEqual([
      { month: 1, realised: 3_000_000n, pendingAmount: 0n, pendingCount: 0 },
      { month: 2, realised: 1_500_000n, pendingAmount: 0n, pendingCount: 0 },
      { month: 3, realised: 0n, pendingAmount: 500_000n, pendingCount: 1 },
      { month: 4, realised: 0n, pendingAmount: 0n, pendingCount: 0 },
    ]);
  });

  it("the overview and pending list keep to the reader's scope", async () => {
    const year = 2023;
    const own = await newLine(disnaker, "Lingkup", 8_000_000n, year);
    const otherOpd = await read(async (tx) => {
      const programme = await tx.programme.create({ data: { tenantId: city.id, opdId: dinsos, fiscalYear: year, name: "Lingkup Dinsos", kind: "FOOD_AID" } });
      return (
        await tx.budgetLine.create({ data: { tenantId: city.id, programmeId: programme.id, fundingSource: "DAK", description: "Beras", pagu: 2_000_000n } })
      ).id;
    });
    const a = await enter(staff, own, 1, "2.000.000");
    await run(head, verifyRealisationsDefinition, { ids: a });
    await enter(staff, own, 2, "1.000.000");
    await enter(dinsosStaff, otherOpd, 1, "500.000");

    const staffView = await read((tx) => budgetOverview(tx, { tenantId: city.id, scope: programmeScope(staff), fiscalYear: year }));
    expect(staffView.map((line) => line.id)).toEqual([own]);
    expect(addTotals(staffView)).toMatchObject({
      pagu: 8_000_000n,
      realised: 2_000_000n,
      pendingCount: 1,
    });
    const bapeda = programmeScope(sessionUser(city, "BAPEDA"));
    const cityView = await read((tx) => budgetOverview(tx, { tenantId: city.id, scope: bapeda, fiscalYear: year }));
    expect(cityView.map((line) => line.id).sort()).toEqual([own, otherOpd].sort());

    const pendingOwn = await read((tx) => pendingEntries(tx, { tenantId: city.id, scope: programmeScope(head), fiscalYear: year }));
    expect(pendingOwn).toHaveLength(1);
    const pendingCity = await read((tx) => pendingEntries(tx, { tenantId: city.id, scope: bapeda, fiscalYear: year }));
    expect(pendingCity).toHaveLength(2);

    const entries = await read((tx) => lineEntries(tx, own));
    expect(entries.map((e) => [e.month, e.status])).toEqual([
      [1, "VERIFIED"],
      [2, "DRAFT"],
    ]);
  });

  it("in the current year, the months still to come are closed", async () => {
    const line = await newLine(disnaker, "Tahun Berjalan", 10_000_000n, 2026);
    const ctx = (tx: Parameters<Parameters<typeof t.withTenant>[1]>[0]) => ({
      tx,
      tenantId: city.id,
      user: { ...staff, tenantId: city.id, tenantSlug: city.slug },
    });
    const now = new Date("2026-04-15T12:00:00Z");
    await expect(
      read((tx) => createRealisation(ctx(tx), { budgetLineId: line, referenceNo: ref(), month: 5, amount: 1000n, note: null }, { now })),
    ).rejects.toMatchObject({
      code: "INVALID",
      userMessage: "Bulan Mei 2026 belum berjalan; pilih bulan sampai April.",
    });
    await expect(
      read((tx) => createRealisation(ctx(tx), { budgetLineId: line, referenceNo: ref(), month: 4, amount: 1000n, note: null }, { now })),
    ).resolves.toMatchObject({
      budgetLineId: line,
    });
  });
});
