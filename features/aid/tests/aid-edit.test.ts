// A clerk fixes an aid draft with the creation form: the same rules as recording it, against
// the version the form showed, by the OPD's own writers only, and never once it is verified.
// Each test builds its own city.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createDistributionDefinition,
  distributionReturnDefinitions,
  updateDistributionDefinition,
  verifyDistributionsDefinition,
} from "@/features/aid/action-definitions";
import type { AnyActionDefinition } from "@/lib/actions/define";
import { runAction } from "@/lib/actions/run";
import type { SessionUser } from "@/lib/auth/session-user";
import { entryHistory } from "@/lib/entries/history";
import { actionDeps, sessionUser, submitted } from "@/tests/helpers/actions";
import { openTestDb, type TestDb } from "@/tests/helpers/db";
import { createTestHousehold, createTestTenant } from "@/tests/helpers/factories";

let t: TestDb;

beforeAll(async () => {
  t = await openTestDb();
});

afterAll(async () => {
  await t?.close();
});

type Input = Record<string, unknown>;

/** A city with two OPDs, a programme of Disnaker with a line of `pagu`, and a household of two. */
async function city(pagu = 10_000_000n) {
  const tenant = await createTestTenant(t.db, t.withTenant);
  const read = <T>(fn: Parameters<typeof t.withTenant<T>>[1]) => t.withTenant(tenant.id, fn);
  const ids = await read(async (tx) => {
    const disnaker = await tx.opd.create({ data: { tenantId: tenant.id, code: "2.07", name: "Dinas Tenaga Kerja", shortName: "Disnaker" } });
    const dinsos = await tx.opd.create({ data: { tenantId: tenant.id, code: "1.06", name: "Dinas Sosial", shortName: "Dinsos" } });
    const programme = await tx.programme.create({
      data: { tenantId: tenant.id, opdId: disnaker.id, fiscalYear: 2024, name: "Bantuan Peralatan Kerja", kind: "EQUIPMENT_AID" },
    });
    const line = await tx.budgetLine.create({
      data: { tenantId: tenant.id, programmeId: programme.id, fundingSource: "APBD", description: "Belanja peralatan", pagu },
    });
    const h = await createTestHousehold(tx, tenant);
    const member = await tx.member.create({
      data: {
        tenantId: tenant.id,
        householdId: h.id,
        nik: `5271${String(Date.now()).slice(-6)}${String(Math.floor(Math.random() * 1e6)).padStart(6, "0")}`,
        name: "Baiq Rina",
        sex: "FEMALE",
        birthDate: new Date("1980-05-01"),
        relation: "HEAD",
      },
    });
    return { disnaker: disnaker.id, dinsos: dinsos.id, programme: programme.id, line: line.id, household: h.id, member: member.id };
  });
  const staff = sessionUser(tenant, "OPD_STAFF", { id: "staf-disnaker", opdId: ids.disnaker });
  const head = sessionUser(tenant, "OPD_HEAD", { id: "kepala-disnaker", opdId: ids.disnaker });
  const dinsosStaff = sessionUser(tenant, "OPD_STAFF", { id: "staf-dinsos", opdId: ids.dinsos });
  const run = (user: SessionUser, definition: AnyActionDefinition, input: Input) => runAction(actionDeps(t, user), definition, tenant.slug, submitted(input));
  const kit = (extra: Input = {}): Input => ({
    programmeId: ids.programme,
    budgetLineId: ids.line,
    householdId: ids.household,
    kind: "EQUIPMENT",
    items: "1 mesin jahit",
    quantity: "1",
    value: "4.500.000",
    distributedAt: "2024-08-12",
    proofRef: "BAST/027/2024",
    ...extra,
  });
  const record = async (input: Input) => {
    const result = await run(staff, createDistributionDefinition, input);
    if (!result.ok) throw new Error(`${result.code}: ${JSON.stringify(result.fieldErrors ?? result.message)}`);
    return (result.data as { distributionId: string }).distributionId;
  };
  const entry = (id: string) => read((tx) => tx.aidDistribution.findFirst({ where: { id } }));
  return { tenant, read, ids, staff, head, dinsosStaff, run, kit, record, entry };
}

describe("editing an aid draft", () => {
  it("the OPD's clerk fixes a draft with the creation fields; the version moves on and the change is audited before and after", async () => {
    const c = await city();
    const id = await c.record(c.kit());
    const edit = c.kit({
      distributionId: id,
      version: 1,
      items: "1 mesin jahit, 1 mesin obras",
      value: "5.250.000",
      memberId: c.ids.member,
      note: "Dikoreksi",
    });
    expect(await c.run(c.head, updateDistributionDefinition, edit)).toMatchObject({ ok: true, data: { distributionId: id } });
    expect(await c.entry(id)).toMatchObject({
      items: "1 mesin jahit, 1 mesin obras",
      value: 5_250_000n,
      memberId: c.ids.member,
      note: "Dikoreksi",
      status: "DRAFT",
      version: 2,
      createdById: c.staff.id,
    });
    const audit = await c.read((tx) => tx.auditLog.findFirst({ where: { entity: "AidDistribution", entityId: id, action: "update" } }));
    expect(audit).toMatchObject({
      userId: c.head.id,
      before: { items: "1 mesin jahit", value: "4500000", version: 1 },
      after: { items: "1 mesin jahit, 1 mesin obras", value: "5250000", version: 2 },
    });
  });

  it("a verified entry is never edited: a reversal corrects it", async () => {
    const c = await city();
    const id = await c.record(c.kit());
    expect(await c.run(c.head, verifyDistributionsDefinition, { ids: id })).toMatchObject({ ok: true });
    const version = (await c.entry(id))!.version;
    const result = await c.run(c.staff, updateDistributionDefinition, c.kit({ distributionId: id, version, value: "1.000.000" }));
    expect(result).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(await c.entry(id)).toMatchObject({ value: 4_500_000n, status: "VERIFIED" });
  });

  it("another OPD's entry is not found, and roles without the permission are refused", async () => {
    const c = await city();
    const id = await c.record(c.kit());
    const edit = c.kit({ distributionId: id, version: 1, value: "1.000.000" });
    expect(await c.run(c.dinsosStaff, updateDistributionDefinition, edit)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await c.run(sessionUser(c.tenant, "BAPEDA"), updateDistributionDefinition, edit)).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await c.entry(id)).toMatchObject({ value: 4_500_000n, version: 1 });
  });

  it("a save from a form that showed an older version is refused and changes nothing", async () => {
    const c = await city();
    const id = await c.record(c.kit());
    expect(await c.run(c.staff, updateDistributionDefinition, c.kit({ distributionId: id, version: 1, value: "2.000.000" }))).toMatchObject({ ok: true });
    expect(await c.run(c.head, updateDistributionDefinition, c.kit({ distributionId: id, version: 1, value: "3.000.000" }))).toMatchObject({
      ok: false,
      code: "STALE",
    });
    expect(await c.entry(id)).toMatchObject({ value: 2_000_000n, version: 2 });
  });

  it("an edit past the line's pagu is refused with what the line has left", async () => {
    const c = await city(10_000_000n);
    await c.record(c.kit({ value: "6.000.000", proofRef: "BAST/001/2024", acknowledgeDuplicate: true }));
    const id = await c.record(c.kit({ value: "1.000.000", proofRef: "BAST/002/2024", acknowledgeDuplicate: true }));
    const result = await c.run(
      c.staff,
      updateDistributionDefinition,
      c.kit({ distributionId: id, version: 1, value: "4.500.000", proofRef: "BAST/002/2024", acknowledgeDuplicate: true }),
    );
    expect(result).toMatchObject({ ok: false, code: "INVALID" });
    expect((result as { fieldErrors?: Record<string, string[]> }).fieldErrors?.value?.[0]).toMatch(/Sisa pagu pos ini Rp\s?4\.000\.000/);
    expect(await c.entry(id)).toMatchObject({ value: 1_000_000n, version: 1 });
    // Up to what is left is fine: the entry's own old value does not count against it.
    expect(
      await c.run(
        c.staff,
        updateDistributionDefinition,
        c.kit({ distributionId: id, version: 1, value: "4.000.000", proofRef: "BAST/002/2024", acknowledgeDuplicate: true }),
      ),
    ).toMatchObject({ ok: true });
  });

  it("keeps the creation rules: another entry's proof number, and the same-kind warning that leaves the draft itself out", async () => {
    const c = await city();
    await c.record(c.kit({ proofRef: "BAST/001/2024" }));
    const id = await c.record(c.kit({ kind: "CAPITAL", items: "Modal usaha", proofRef: "BAST/002/2024" }));
    // Saving the draft unchanged warns of nothing: it does not duplicate itself.
    expect(
      await c.run(
        c.staff,
        updateDistributionDefinition,
        c.kit({ distributionId: id, version: 1, kind: "CAPITAL", items: "Modal usaha", proofRef: "BAST/002/2024" }),
      ),
    ).toMatchObject({ ok: true });
    // Turned into a second tool kit with the first one's proof: the proof is taken.
    const taken = await c.run(c.staff, updateDistributionDefinition, c.kit({ distributionId: id, version: 2, proofRef: "BAST/001/2024" }));
    expect(taken).toMatchObject({ ok: false, code: "NUMBER_TAKEN" });
    // With its own proof, a second tool kit this year is warned of until confirmed.
    const warned = await c.run(c.staff, updateDistributionDefinition, c.kit({ distributionId: id, version: 2, proofRef: "BAST/002/2024" }));
    expect(warned).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(
      await c.run(c.staff, updateDistributionDefinition, c.kit({ distributionId: id, version: 2, proofRef: "BAST/002/2024", acknowledgeDuplicate: "1" })),
    ).toMatchObject({ ok: true });
    expect(await c.entry(id)).toMatchObject({ kind: "EQUIPMENT", duplicateAcknowledged: true, version: 3 });
  });

  it("a premium's KPJ number left blank keeps the number recorded; the cover rules hold as when recording", async () => {
    const c = await city();
    const premium = (extra: Input = {}) =>
      c.kit({
        kind: "INSURANCE_PREMIUM",
        items: "Premi BPJS Ketenagakerjaan",
        memberId: c.ids.member,
        monthsCovered: "3",
        bpjsNumber: "12345678901",
        coverageStart: "2024-08",
        value: "50.400",
        proofRef: "",
        ...extra,
      });
    const id = await c.record(premium());
    expect(
      await c.run(c.staff, updateDistributionDefinition, premium({ distributionId: id, version: 1, bpjsNumber: "", monthsCovered: "6", value: "100.800" })),
    ).toMatchObject({
      ok: true,
    });
    expect(await c.entry(id)).toMatchObject({ bpjsNumber: "12345678901", monthsCovered: 6, value: 100_800n });
    const wrong = await c.run(c.staff, updateDistributionDefinition, premium({ distributionId: id, version: 2, monthsCovered: "6", value: "50.400" }));
    expect(wrong).toMatchObject({ ok: false, code: "INVALID" });
    expect((wrong as { fieldErrors?: Record<string, string[]> }).fieldErrors?.value?.[0]).toMatch(/premi per bulan × jumlah bulan/);
  });

  it("saving a returned draft resubmits it: the note leaves the draft and stays in the history", async () => {
    const c = await city();
    const id = await c.record(c.kit());
    expect(await c.run(c.head, distributionReturnDefinitions.return, { distributionId: id, note: "Nilai tidak sesuai BAST." })).toMatchObject({ ok: true });
    const returned = await c.entry(id);
    expect(returned).toMatchObject({ returnNote: "Nilai tidak sesuai BAST.", version: 2 });
    // The form shown before the return is stale.
    expect(await c.run(c.staff, updateDistributionDefinition, c.kit({ distributionId: id, version: 1, value: "4.000.000" }))).toMatchObject({
      ok: false,
      code: "STALE",
    });
    expect(await c.run(c.staff, updateDistributionDefinition, c.kit({ distributionId: id, version: 2, value: "4.000.000" }))).toMatchObject({ ok: true });
    expect(await c.entry(id)).toMatchObject({ value: 4_000_000n, returnNote: null, returnedAt: null, returnedById: null });
    const history = await c.read((tx) => entryHistory(tx, "AidDistribution", id));
    expect(history.map((event) => event.kind)).toEqual(["created", "returned", "resubmitted"]);
  });
});
