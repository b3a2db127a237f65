import { fieldWordsIn } from "@/lib/actions/error-words";
import { registryReportWordsIn } from "@/features/registry/import/queries";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runAction } from "@/lib/actions/run";
import { decideChangeDefinition, proposeChangeDefinition } from "@/features/registry/action-definitions";
import { proposeChange } from "@/features/registry/change-requests/propose";
import { proposeChangeSchema } from "@/features/registry/change-requests/schemas";
import { listChangeRequests } from "@/features/registry/change-requests/queries";
import { registryScope } from "@/lib/auth/scope";
import type { TenantSessionUser } from "@/lib/auth/session-user";
import { isAppError } from "@/lib/errors";
import { personView } from "@/lib/privacy/person-view";
import { actionDeps, runSubmitted, sessionUser } from "@/tests/helpers/actions";
import { openTestDb, type TestDb } from "@/tests/helpers/db";
import { createTestTenant, type TestTenant } from "@/tests/helpers/factories";
import { makeHousehold, nikFor } from "@/features/registry/tests/registry-fixtures";
import { checkRegistryImport, type RegistryImportReport } from "@/features/registry/import/run-import";
import { chunked, createImportTenant, extractRows, toCsv } from "@/features/registry/tests/fixtures/extract";
import { birthDateProblem } from "@/lib/identity/birth-date";
import { birthFor } from "@/lib/privacy/person-view";

let t: TestDb;
let city: TestTenant;

beforeAll(async () => {
  t = await openTestDb();
  city = await createTestTenant(t.db, t.withTenant);
});

afterAll(async () => {
  await t?.close();
});

const officer = () => sessionUser(city, "KELURAHAN", { kelurahanId: city.kelurahanId });
const bapeda = () => sessionUser(city, "BAPEDA");
const family = () =>
  t.withTenant(city.id, (tx) =>
    makeHousehold(tx, city, {
      desil: 2,
      isExtremePoor: false,
      members: [{ name: "Lalu Kepala" }, { name: "Baiq Istri" }, { name: "Lalu Anak", birthDate: "2010-04-04" }],
    }),
  );
const propose = (input: Record<string, unknown>, user = officer()) => runSubmitted(actionDeps(t, user), proposeChangeDefinition, city.slug, input);
const decide = (input: Record<string, unknown>) => runAction(actionDeps(t, bapeda()), decideChangeDefinition, city.slug, input);
const membersOf = (householdId: string) => t.withTenant(city.id, (tx) => tx.member.findMany({ where: { householdId }, orderBy: { createdAt: "asc" } }));
const currentHeads = async (householdId: string) => (await membersOf(householdId)).filter((m) => m.relation === "HEAD" && !m.departedAt);

async function proposedAndApproved(input: Record<string, unknown>): Promise<string> {
  const result = await propose(input);
  if (!result.ok) throw new Error(`${result.code}: ${result.message} ${JSON.stringify(result.fieldErrors)}`);
  if (!result.data.requestId) throw new Error(`not proposed: ${JSON.stringify(result.data.refused)}`);
  const decision = await decide({ requestId: result.data.requestId, decision: "APPROVE" });
  if (!decision.ok) throw new Error(`${decision.code}: ${decision.message} ${JSON.stringify(decision.fieldErrors)}`);
  return result.data.requestId;
}

describe("birth dates, wherever a change request enters one", () => {
  const newMember = (birthDate: string) => ({
    kind: "NEW_MEMBER",
    nik: nikFor(birthDate, "FEMALE"),
    name: "Baiq Mustahil",
    sex: "FEMALE",
    birthDate,
    relation: "CHILD",
  });

  it("refuses a member born next year or in 1850 when proposed", async () => {
    const { household } = await family();
    const future = await propose({ householdId: household.id, ...newMember("2027-03-01") });
    expect(future).toMatchObject({ ok: false, code: "INVALID", fieldErrors: { birthDate: ["Tanggal lahir tidak boleh setelah hari ini."] } });
    const ancient = await propose({ householdId: household.id, ...newMember("1850-05-05") });
    expect(ancient).toMatchObject({ ok: false, fieldErrors: { birthDate: ["Tanggal lahir tidak boleh lebih dari 120 tahun yang lalu."] } });
  });

  it("refuses a correction to an impossible birth date", async () => {
    const { household, members } = await family();
    const result = await propose({ householdId: household.id, kind: "CORRECTION", memberId: members[2]!.id, birthDate: "2030-04-04" });
    expect(result).toMatchObject({ ok: false, fieldErrors: { birthDate: ["Tanggal lahir tidak boleh setelah hari ini."] } });
  });

  it("checks the birth date against the city's today when the schema alone lets it through", async () => {
    const { household } = await family();
    const parsed = proposeChangeSchema.parse({ householdId: household.id, ...newMember("2026-12-06") });
    // At 23:00 UTC on 5 December it is already 6 December in Jayapura, not yet in a WIB city.
    const now = new Date(Date.UTC(2026, 11, 5, 16, 30));
    const refused = await t
      .withTenant(city.id, (tx) => proposeChange({ tx, tenantId: city.id, user: officer() as TenantSessionUser, now }, parsed))
      .catch((error: unknown) => error);
    expect(isAppError(refused) && fieldWordsIn(refused.fieldErrors ?? {}, "id")).toEqual({ birthDate: ["Tanggal lahir tidak boleh setelah hari ini."] });
  });
});

describe("the one birth-date rule", () => {
  it("refuses a day after the city's today and one more than 120 years before it", () => {
    expect(birthDateProblem("2026-12-07", "2026-12-06")).toBe("future");
    expect(birthDateProblem("2026-12-06", "2026-12-06")).toBeNull();
    expect(birthDateProblem("1906-12-06", "2026-12-06")).toBeNull();
    expect(birthDateProblem("1906-12-05", "2026-12-06")).toBe("tooOld");
    expect(birthDateProblem("1850-05-05", "2026-12-06")).toBe("tooOld");
  });

  it("never shows a negative age", () => {
    expect(birthFor({ birth: "age" } as Parameters<typeof birthFor>[0], new Date("2027-03-01T00:00:00Z"), new Date("2026-12-06T00:00:00Z")).age).toBe(0);
  });

  it("refuses an imported row born more than 120 years ago", async () => {
    const tenant = await createImportTenant(t);
    const rows = extractRows(tenant, 30);
    // A NIK carries two digits of the year: a member born in 200x could be typed as 190x.
    const index = rows.findIndex((row) => /-200[0-5]$/.test(row["TGL LAHIR"]!));
    expect(index).toBeGreaterThanOrEqual(0);
    rows[index]!["TGL LAHIR"] = rows[index]!["TGL LAHIR"]!.replace(/200(\d)$/, "190$1");
    const dry = await checkRegistryImport({
      withTenant: t.withTenant,
      tenantId: tenant.id,
      userId: null,
      body: chunked(new TextEncoder().encode(toCsv(rows))),
      fileName: "dtsen.csv",
      source: "DTSEN",
    });
    const job = await t.withTenant(tenant.id, (tx) => tx.importJob.findUniqueOrThrow({ where: { tenantId_id: { tenantId: tenant.id, id: dry.jobId } } }));
    const refused = registryReportWordsIn(job.report as unknown as RegistryImportReport, "id").rejected.find((row) => row.rowNumber === index + 2);
    expect(refused?.reasons.join("; ")).toMatch(/TANGGAL LAHIR \d\d-\d\d-190\d lebih dari 120 tahun yang lalu/);
  });
});

describe("a proposal's dates are checked when proposed exactly as when decided", () => {
  it("refuses a status change dated in the future when proposed", async () => {
    const { household } = await family();
    const result = await propose({
      householdId: household.id,
      kind: "STATUS",
      transition: "ENTER_EXTREME",
      effectiveDate: "2027-01-15",
      reason: "Usaha tutup",
    });
    expect(result).toMatchObject({ ok: false, code: "INVALID", fieldErrors: { effectiveDate: ["Tanggal berlaku tidak boleh melewati hari ini."] } });
  });

  it("lets the decider correct a pending proposal's date when approving", async () => {
    const { household } = await family();
    // Proposed before dates were checked when proposing: it can only be approved with a corrected date.
    const stored = await t.withTenant(city.id, (tx) =>
      tx.changeRequest.create({
        data: {
          tenantId: city.id,
          householdId: household.id,
          kind: "STATUS",
          payload: { transition: "ENTER_EXTREME", effectiveDate: "2027-01-15", reason: "Usaha tutup" },
          proposedById: officer().id,
        },
      }),
    );
    expect(await decide({ requestId: stored.id, decision: "APPROVE" })).toMatchObject({ ok: false, code: "INVALID" });
    expect(await decide({ requestId: stored.id, decision: "APPROVE", effectiveDate: "2026-11-15", reason: "Tanggal sesuai berita acara" })).toMatchObject({
      ok: true,
    });
    const request = await t.withTenant(city.id, (tx) => tx.changeRequest.findFirstOrThrow({ where: { id: stored.id } }));
    expect(request).toMatchObject({ status: "APPROVED", payload: expect.objectContaining({ effectiveDate: "2026-11-15" }) });
    const event = await t.withTenant(city.id, (tx) => tx.householdStatusEvent.findFirstOrThrow({ where: { householdId: household.id } }));
    expect(event.effectiveDate).toEqual(new Date("2026-11-15T00:00:00Z"));
  });
});

describe("one member's changes", () => {
  it("a member who died is marked so, and the family keeps its head", async () => {
    const { household, members } = await family();
    await proposedAndApproved({ householdId: household.id, kind: "MEMBER_DIED", memberId: members[2]!.id, effectiveDate: "2026-10-01" });
    const after = await membersOf(household.id);
    expect(after.find((m) => m.id === members[2]!.id)).toMatchObject({ departure: "DIED", departedAt: new Date("2026-10-01T00:00:00Z") });
    expect((await currentHeads(household.id)).map((m) => m.id)).toEqual([members[0]!.id]);
    const again = await propose({
      householdId: household.id,
      kind: "MEMBER_MOVED_OUT",
      memberId: members[2]!.id,
      effectiveDate: "2026-10-02",
      destination: "Bima",
    });
    expect(again).toMatchObject({ ok: false, fieldErrors: { memberId: ["Anggota ini sudah tercatat meninggal atau pindah."] } });
    const corrected = await propose({ householdId: household.id, kind: "CORRECTION", memberId: members[2]!.id, occupation: "Pelajar" });
    expect(corrected).toMatchObject({ ok: false, fieldErrors: { memberId: ["Anggota ini sudah tercatat meninggal atau pindah."] } });
  });

  it("the head's death names who becomes head, or is refused", async () => {
    const { household, members } = await family();
    const head = members[0]!;
    const unnamed = await propose({ householdId: household.id, kind: "MEMBER_DIED", memberId: head.id, effectiveDate: "2026-10-01" });
    expect(unnamed).toMatchObject({
      ok: false,
      fieldErrors: { newHeadId: ["Kepala keluarga keluar dari KK: pilih anggota yang menjadi kepala keluarga baru."] },
    });
    await proposedAndApproved({ householdId: household.id, kind: "MEMBER_DIED", memberId: head.id, effectiveDate: "2026-10-01", newHeadId: members[1]!.id });
    const after = await membersOf(household.id);
    expect(after.filter((m) => m.relation === "HEAD").map((m) => m.id)).toEqual([members[1]!.id]);
    expect(after.find((m) => m.id === head.id)).toMatchObject({ departure: "DIED", relation: "OTHER_RELATIVE" });
  });

  it("a member who moved out of the city is marked so, with the destination in the request", async () => {
    const { household, members } = await family();
    const id = await proposedAndApproved({
      householdId: household.id,
      kind: "MEMBER_MOVED_OUT",
      memberId: members[2]!.id,
      effectiveDate: "2026-09-09",
      destination: "Kabupaten Lombok Barat",
    });
    expect((await membersOf(household.id)).find((m) => m.id === members[2]!.id)).toMatchObject({ departure: "MOVED_OUT" });
    const list = await t.withTenant(city.id, (tx) =>
      listChangeRequests(tx, { view: "decided", householdId: household.id }, registryScope(bapeda()), { view: personView(bapeda()), today: new Date() }),
    );
    expect(list.rows.find((r) => r.id === id)?.change).toMatchObject({
      kind: "MEMBER_MOVED_OUT",
      payload: { memberName: "Lalu Anak", destination: "Kabupaten Lombok Barat" },
    });
  });

  it("someone who moved out may join a family of the city again, keeping their record; someone who died may not", async () => {
    const { household, members } = await family();
    const { household: elsewhere } = await family();
    const leaver = members[2]!;
    await proposedAndApproved({
      householdId: household.id,
      kind: "MEMBER_MOVED_OUT",
      memberId: leaver.id,
      effectiveDate: "2025-01-05",
      destination: "Kota Bima",
    });
    const back = {
      kind: "NEW_MEMBER",
      nik: leaver.nik,
      name: leaver.name,
      sex: leaver.sex,
      birthDate: "2010-04-04",
      relation: "GRANDCHILD",
    };
    await proposedAndApproved({ householdId: elsewhere.id, ...back });
    expect((await membersOf(elsewhere.id)).find((m) => m.id === leaver.id)).toMatchObject({ relation: "GRANDCHILD", departure: null, departedAt: null });

    const died = members[1]!;
    await proposedAndApproved({ householdId: household.id, kind: "MEMBER_DIED", memberId: died.id, effectiveDate: "2025-02-01" });
    const ghost = await propose({
      householdId: elsewhere.id,
      kind: "NEW_MEMBER",
      nik: died.nik,
      name: died.name,
      sex: died.sex,
      birthDate: died.birthDate.toISOString().slice(0, 10),
      relation: "OTHER",
    });
    expect(ghost).toMatchObject({ ok: false, code: "CONFLICT", fieldErrors: { nik: ["NIK ini sudah terdaftar di registri kota."] } });
  });

  it("the last member cannot leave: that is the family's own status change", async () => {
    const { household, members } = await t.withTenant(city.id, (tx) => makeHousehold(tx, city, { members: [{ name: "Inaq Sendiri" }] }));
    const result = await propose({ householdId: household.id, kind: "MEMBER_DIED", memberId: members[0]!.id, effectiveDate: "2026-10-01" });
    expect(result).toMatchObject({ ok: false, code: "INVALID", message: expect.stringMatching(/satu-satunya anggota/) });
    const inEnglish = await runSubmitted(
      { ...actionDeps(t, officer()), requestMeta: async () => ({ requestId: "req-en", ip: "127.0.0.1", locale: "en" }) },
      proposeChangeDefinition,
      city.slug,
      { householdId: household.id, kind: "MEMBER_DIED", memberId: members[0]!.id, effectiveDate: "2026-10-01" },
    );
    expect(inEnglish).toMatchObject({ ok: false, message: expect.stringMatching(/^This is the family's only member/) });
  });

  it("a date of death before the birth or after today is refused", async () => {
    const { household, members } = await family();
    const before = await propose({ householdId: household.id, kind: "MEMBER_DIED", memberId: members[2]!.id, effectiveDate: "2009-01-01" });
    expect(before).toMatchObject({ ok: false, fieldErrors: { effectiveDate: ["Tanggal tidak boleh sebelum tanggal lahir anggota."] } });
    const future = await propose({ householdId: household.id, kind: "MEMBER_DIED", memberId: members[2]!.id, effectiveDate: "2027-01-01" });
    expect(future).toMatchObject({ ok: false, fieldErrors: { effectiveDate: ["Tanggal berlaku tidak boleh melewati hari ini."] } });
  });

  it("a member moves to another family of the city named by its No. KK, and each family keeps one head", async () => {
    const from = await family();
    const to = await family();
    const head = from.members[0]!;
    const secondHead = await propose({
      householdId: from.household.id,
      kind: "MEMBER_MOVED_TO_FAMILY",
      memberId: head.id,
      effectiveDate: "2026-11-01",
      targetNoKk: to.household.noKk,
      relation: "HEAD",
      newHeadId: from.members[1]!.id,
    });
    expect(secondHead).toMatchObject({ ok: false, fieldErrors: { relation: ["Keluarga ini sudah memiliki kepala keluarga."] } });
    const unknown = await propose({
      householdId: from.household.id,
      kind: "MEMBER_MOVED_TO_FAMILY",
      memberId: from.members[2]!.id,
      effectiveDate: "2026-11-01",
      targetNoKk: `9${to.household.noKk.slice(1)}`,
      relation: "CHILD",
    });
    // Answered, not thrown: the guess stays counted and audited like any lookup by number.
    expect(unknown).toMatchObject({ ok: true, data: { requestId: null, refused: { reason: "noFamily" } } });
    const lookups = await t.withTenant(city.id, (tx) =>
      tx.auditLog.findMany({ where: { action: "registry.lookup", userId: officer().id }, orderBy: { id: "desc" }, take: 1 }),
    );
    expect(lookups[0]?.after).toMatchObject({ purpose: "registry.changeRequests.propose", outcome: "none" });

    await proposedAndApproved({
      householdId: from.household.id,
      kind: "MEMBER_MOVED_TO_FAMILY",
      memberId: head.id,
      effectiveDate: "2026-11-01",
      targetNoKk: to.household.noKk,
      relation: "PARENT",
      newHeadId: from.members[1]!.id,
    });
    expect((await membersOf(to.household.id)).find((m) => m.id === head.id)).toMatchObject({ relation: "PARENT", departedAt: null });
    expect((await currentHeads(from.household.id)).map((m) => m.id)).toEqual([from.members[1]!.id]);
    expect((await currentHeads(to.household.id)).map((m) => m.id)).toEqual([to.members[0]!.id]);

    const list = await t.withTenant(city.id, (tx) =>
      listChangeRequests(tx, { view: "decided", householdId: from.household.id }, registryScope(bapeda()), { view: personView(bapeda()), today: new Date() }),
    );
    expect(list.rows[0]?.change).toMatchObject({
      kind: "MEMBER_MOVED_TO_FAMILY",
      payload: { memberName: head.name, newHeadName: from.members[1]!.name, targetNoKkMasked: expect.stringMatching(/\d{4}$/) },
    });
    expect(JSON.stringify(list.rows)).not.toMatch(/\d{16}/);
  });

  it("finding the family by No. KK is for readers of personal data only", async () => {
    const from = await family();
    const to = await family();
    const input = proposeChangeSchema.parse({
      householdId: from.household.id,
      kind: "MEMBER_MOVED_TO_FAMILY",
      memberId: from.members[2]!.id,
      effectiveDate: "2026-11-01",
      targetNoKk: to.household.noKk,
      relation: "CHILD",
    });
    const staff = sessionUser(city, "OPD_STAFF") as TenantSessionUser;
    const refused = await t.withTenant(city.id, (tx) => proposeChange({ tx, tenantId: city.id, user: staff }, input)).catch((error: unknown) => error);
    expect(isAppError(refused) && refused.code).toBe("FORBIDDEN");
  });

  it("the audit of a move holds the No. KK masked", async () => {
    const from = await family();
    const to = await family();
    const id = await proposedAndApproved({
      householdId: from.household.id,
      kind: "MEMBER_MOVED_TO_FAMILY",
      memberId: from.members[2]!.id,
      effectiveDate: "2026-11-01",
      targetNoKk: to.household.noKk,
      relation: "GRANDCHILD",
    });
    const audits = await t.withTenant(city.id, (tx) =>
      tx.auditLog.findMany({ where: { OR: [{ entityId: id }, { entityId: from.members[2]!.id }, { entityId: to.household.id }] } }),
    );
    expect(audits.length).toBeGreaterThan(0);
    expect(JSON.stringify(audits, (_, v) => (typeof v === "bigint" ? String(v) : v))).not.toContain(to.household.noKk);
  });
});

describe("desil and extreme-poverty changes with their source", () => {
  it("a desil change from a musyawarah kelurahan", async () => {
    const { household } = await family();
    const same = await propose({ householdId: household.id, kind: "DESIL_CHANGED", desil: "2", basis: "MUSYAWARAH_KELURAHAN", effectiveDate: "2026-11-20" });
    expect(same).toMatchObject({ ok: false, fieldErrors: { desil: ["Desil keluarga ini sudah 2."] } });
    await proposedAndApproved({ householdId: household.id, kind: "DESIL_CHANGED", desil: "1", basis: "MUSYAWARAH_KELURAHAN", effectiveDate: "2026-11-20" });
    const [after, changes] = await t.withTenant(city.id, (tx) =>
      Promise.all([tx.household.findFirstOrThrow({ where: { id: household.id } }), tx.householdDesilChange.findMany({ where: { householdId: household.id } })]),
    );
    expect(after.desil).toBe(1);
    expect(changes).toEqual([expect.objectContaining({ fromDesil: 2, toDesil: 1, source: "CHANGE_REQUEST", basis: "MUSYAWARAH_KELURAHAN" })]);
  });

  it("entering extreme poverty from a DTSEN update", async () => {
    const { household } = await family();
    await proposedAndApproved({
      householdId: household.id,
      kind: "EXTREME_POVERTY_CHANGED",
      isExtremePoor: "true",
      basis: "DTSEN_UPDATE",
      effectiveDate: "2026-11-20",
      reason: "Pemutakhiran DTSEN November",
    });
    const [after, events] = await t.withTenant(city.id, (tx) =>
      Promise.all([tx.household.findFirstOrThrow({ where: { id: household.id } }), tx.householdStatusEvent.findMany({ where: { householdId: household.id } })]),
    );
    expect(after.isExtremePoor).toBe(true);
    expect(events).toEqual([expect.objectContaining({ toExtremePoor: true, source: "CHANGE_REQUEST", basis: "DTSEN_UPDATE" })]);
  });
});
