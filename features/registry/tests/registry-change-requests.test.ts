import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runAction } from "@/lib/actions/run";
import type { Role } from "@/lib/generated/prisma/enums";
import { decideChangeDefinition, proposeChangeDefinition } from "@/features/registry/action-definitions";
import { listChangeRequests } from "@/features/registry/change-requests/queries";
import { registryScope } from "@/lib/auth/scope";
import { personView } from "@/lib/privacy/person-view";
import { actionDeps, runSubmitted, sessionUser } from "@/tests/helpers/actions";
import { openTestDb, type TestDb } from "@/tests/helpers/db";
import { createTestTenant, type TestTenant } from "@/tests/helpers/factories";
import { addKelurahan, makeHousehold, nikFor } from "@/features/registry/tests/registry-fixtures";

let t: TestDb;
let city: TestTenant;
let other: TestTenant;
let second: { kecamatanId: string; kelurahanId: string };

beforeAll(async () => {
  t = await openTestDb();
  city = await createTestTenant(t.db, t.withTenant);
  other = await createTestTenant(t.db, t.withTenant);
  second = await t.withTenant(city.id, (tx) => addKelurahan(tx, city));
});

afterAll(async () => {
  await t?.close();
});

const officer = () => sessionUser(city, "KELURAHAN", { kelurahanId: city.kelurahanId });
const bapeda = () => sessionUser(city, "BAPEDA");
const seenBy = (user: Parameters<typeof personView>[0]) => ({ view: personView(user), today: new Date(Date.UTC(2026, 11, 6)) });
const newHousehold = (spec: Parameters<typeof makeHousehold>[2] = {}) => t.withTenant(city.id, (tx) => makeHousehold(tx, city, spec));
const propose = (input: Record<string, unknown>, user = officer(), slug = city.slug) => runSubmitted(actionDeps(t, user), proposeChangeDefinition, slug, input);
const decide = (input: Record<string, unknown>, user = bapeda(), slug = city.slug) => runAction(actionDeps(t, user), decideChangeDefinition, slug, input);
const snapshot = (householdId: string) =>
  t.withTenant(city.id, async (tx) => ({
    household: await tx.household.findFirstOrThrow({ where: { id: householdId } }),
    members: await tx.member.findMany({ where: { householdId }, orderBy: { nik: "asc" } }),
    events: await tx.householdStatusEvent.findMany({ where: { householdId } }),
  }));
const request = (id: string) => t.withTenant(city.id, (tx) => tx.changeRequest.findFirstOrThrow({ where: { id } }));

function newMember(overrides: Record<string, unknown> = {}) {
  return {
    kind: "NEW_MEMBER",
    nik: nikFor("2024-02-14", "FEMALE"),
    name: "Baiq Aulia",
    sex: "FEMALE",
    birthDate: "2024-02-14",
    birthPlace: "Mataram",
    relation: "CHILD",
    note: "Kelahiran, akta 5271-LT-2024",
    ...overrides,
  };
}

async function proposed(input: Record<string, unknown>): Promise<string> {
  const result = await propose(input);
  if (!result.ok) throw new Error(`${result.code}: ${result.message} ${JSON.stringify(result.fieldErrors)}`);
  if (!result.data.requestId) throw new Error(`not proposed: ${JSON.stringify(result.data.refused)}`);
  return result.data.requestId;
}

describe("proposing", () => {
  it("stores a kelurahan's proposal as pending and changes nothing", async () => {
    const { household } = await newHousehold();
    const before = await snapshot(household.id);
    const id = await proposed({ householdId: household.id, ...newMember() });
    expect(await request(id)).toMatchObject({ status: "PENDING", kind: "NEW_MEMBER", proposedById: officer().id, note: "Kelahiran, akta 5271-LT-2024" });
    expect(await snapshot(household.id)).toEqual(before);
  });

  it("validates the payload with the NIK rules, in Indonesian", async () => {
    const { household, members } = await newHousehold();
    const mismatch = await propose({ householdId: household.id, ...newMember({ birthDate: "2024-02-15" }) });
    expect(mismatch).toMatchObject({ ok: false, code: "INVALID" });
    if (!mismatch.ok) expect(mismatch.fieldErrors?.birthDate?.[0]).toMatch(/tidak cocok dengan NIK/);
    const short = await propose({ householdId: household.id, ...newMember({ nik: "5271" }) });
    if (!short.ok) expect(short.fieldErrors?.nik?.[0]).toBe("NIK harus terdiri dari 16 digit angka");
    const taken = await propose({ householdId: household.id, ...newMember({ nik: members[0]!.nik, birthDate: "1970-01-10", sex: "MALE" }) });
    expect(taken).toMatchObject({ ok: false, code: "CONFLICT", fieldErrors: { nik: ["NIK ini sudah terdaftar di registri kota."] } });
    const nothing = await propose({ householdId: household.id, kind: "CORRECTION", memberId: members[0]!.id });
    expect(nothing).toMatchObject({ ok: false, code: "INVALID", fieldErrors: { _form: ["Isi paling sedikit satu data yang dikoreksi."] } });
    const impossible = await propose({ householdId: household.id, kind: "STATUS", transition: "GRADUATE", effectiveDate: "2024-08-01", reason: "Sudah mampu" });
    expect(impossible).toMatchObject({ ok: false, code: "INVALID" });
    expect(await propose({ householdId: household.id, kind: "PINDAH_AGAMA" })).toMatchObject({ ok: false, code: "INVALID" });
  });

  it("is limited to the officer's own kelurahan", async () => {
    const { household } = await newHousehold(second);
    const result = await propose({ householdId: household.id, kind: "ADDRESS", address: "Jl. Pejanggik No. 10" });
    expect(result).toMatchObject({ ok: false, code: "NOT_FOUND" });
  });

  it.each<Role>(["BAPEDA", "OPD_STAFF", "OPD_HEAD", "AUDITOR", "CITY_ADMIN"])("is refused to %s", async (role) => {
    const { household } = await newHousehold();
    const result = await propose({ householdId: household.id, kind: "ADDRESS", address: "Jl. Pejanggik No. 10" }, sessionUser(city, role));
    expect(result).toMatchObject({ ok: false, code: "FORBIDDEN" });
  });

  it("is not found for another city's kelurahan officer", async () => {
    const { household } = await newHousehold();
    const stranger = sessionUser(other, "KELURAHAN", { kelurahanId: other.kelurahanId });
    for (const slug of [city.slug, other.slug]) {
      const result = await propose({ householdId: household.id, kind: "ADDRESS", address: "Jl. Pejanggik No. 10" }, stranger, slug);
      expect(result).toMatchObject({ ok: false, code: "NOT_FOUND" });
    }
  });
});

describe("deciding", () => {
  it("rejecting needs a reason and keeps the household as it was", async () => {
    const { household } = await newHousehold();
    const before = await snapshot(household.id);
    const id = await proposed({ householdId: household.id, kind: "ADDRESS", address: "Jl. Pejanggik No. 10", rt: "2", rw: "1" });
    expect(await decide({ requestId: id, decision: "REJECT" })).toMatchObject({ ok: false, fieldErrors: { reason: ["Tuliskan alasan penolakan."] } });
    expect(await decide({ requestId: id, decision: "REJECT", reason: "Alamat belum diverifikasi" })).toMatchObject({ ok: true });
    expect(await request(id)).toMatchObject({ status: "REJECTED", decidedById: bapeda().id, decisionReason: "Alamat belum diverifikasi" });
    expect(await snapshot(household.id)).toEqual(before);
    expect(await decide({ requestId: id, decision: "APPROVE" })).toMatchObject({ ok: false, code: "CONFLICT", message: "Usulan ini sudah diputuskan." });
  });

  it("approving a new member adds it", async () => {
    const { household } = await newHousehold();
    const member = newMember();
    const id = await proposed({ householdId: household.id, ...member });
    expect(await decide({ requestId: id, decision: "APPROVE" })).toMatchObject({ ok: true });
    const { members } = await snapshot(household.id);
    expect(members.find((m) => m.nik === member.nik)).toMatchObject({ name: "Baiq Aulia", relation: "CHILD", sex: "FEMALE", birthPlace: "Mataram" });
    expect(await request(id)).toMatchObject({ status: "APPROVED", decidedById: bapeda().id });
  });

  it("approving an address moves the household, kecamatan following kelurahan", async () => {
    const { household } = await newHousehold();
    const id = await proposed({
      householdId: household.id,
      kind: "ADDRESS",
      address: "Jl. Bung Karno No. 3",
      rt: "4",
      rw: "",
      kelurahanId: second.kelurahanId,
    });
    await decide({ requestId: id, decision: "APPROVE", reason: "Sesuai surat pindah" });
    expect((await snapshot(household.id)).household).toMatchObject({
      address: "Jl. Bung Karno No. 3",
      rt: "004",
      rw: null,
      kelurahanId: second.kelurahanId,
      kecamatanId: second.kecamatanId,
    });
  });

  it("approving a status change writes history as a change request decided by the approver", async () => {
    const { household } = await newHousehold({ desil: 1, isExtremePoor: true });
    const id = await proposed({
      householdId: household.id,
      kind: "STATUS",
      transition: "EXIT_EXTREME",
      effectiveDate: "2024-09-01",
      reason: "Usaha warung berjalan",
      desil: "2",
    });
    expect((await snapshot(household.id)).household.isExtremePoor).toBe(true);
    await decide({ requestId: id, decision: "APPROVE" });
    const { household: after, events } = await snapshot(household.id);
    expect(after).toMatchObject({ isExtremePoor: false, desil: 2 });
    expect(events).toEqual([expect.objectContaining({ source: "CHANGE_REQUEST", decidedById: bapeda().id, reason: "Usaha warung berjalan" })]);
  });

  it("approving a correction changes only the fields named", async () => {
    const { household, members } = await newHousehold();
    const target = members[0]!;
    const id = await proposed({ householdId: household.id, kind: "CORRECTION", memberId: target.id, name: "Lalu Muhammad Ahmad", occupation: "Pedagang" });
    await decide({ requestId: id, decision: "APPROVE" });
    const after = (await snapshot(household.id)).members.find((m) => m.id === target.id)!;
    expect(after).toMatchObject({ name: "Lalu Muhammad Ahmad", occupation: "Pedagang", nik: target.nik, sex: target.sex });
    expect(after.birthDate).toEqual(target.birthDate);
  });

  it("an approval that is no longer possible fails whole and leaves the request pending", async () => {
    const { household } = await newHousehold();
    const member = newMember({ nik: nikFor("2023-07-07", "MALE"), sex: "MALE", birthDate: "2023-07-07", name: "Lalu Fikri" });
    const first = await proposed({ householdId: household.id, ...member });
    const { household: elsewhere } = await newHousehold();
    const second = await proposed({ householdId: elsewhere.id, ...member });
    expect(await decide({ requestId: first, decision: "APPROVE" })).toMatchObject({ ok: true });
    const before = await snapshot(elsewhere.id);
    expect(await decide({ requestId: second, decision: "APPROVE" })).toMatchObject({
      ok: false,
      code: "CONFLICT",
      message: "NIK ini sudah terdaftar di registri kota.",
    });
    expect(await request(second)).toMatchObject({ status: "PENDING", decidedById: null });
    expect(await snapshot(elsewhere.id)).toEqual(before);
  });

  it.each<Role>(["KELURAHAN", "OPD_STAFF", "OPD_HEAD", "AUDITOR", "CITY_ADMIN"])("is refused to %s", async (role) => {
    const { household } = await newHousehold();
    const id = await proposed({ householdId: household.id, kind: "ADDRESS", address: "Jl. Majapahit No. 1" });
    const result = await decide({ requestId: id, decision: "APPROVE" }, sessionUser(city, role, { kelurahanId: city.kelurahanId }));
    expect(result).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect((await request(id)).status).toBe("PENDING");
  });

  it("is not found for another city's Bapeda", async () => {
    const { household } = await newHousehold();
    const id = await proposed({ householdId: household.id, kind: "ADDRESS", address: "Jl. Majapahit No. 1" });
    const stranger = sessionUser(other, "BAPEDA");
    for (const slug of [city.slug, other.slug]) {
      expect(await decide({ requestId: id, decision: "APPROVE" }, stranger, slug)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    }
    expect((await request(id)).status).toBe("PENDING");
  });

  it("lets the head of the OPD marked Dinas Sosial decide, and no other OPD head or Dinsos staff", async () => {
    const [dinsos, disnaker] = await t.withTenant(city.id, (tx) =>
      Promise.all([
        tx.opd.create({ data: { tenantId: city.id, code: "1.06", name: "Dinas Sosial", shortName: "Dinsos", decidesRegistryChanges: true } }),
        tx.opd.create({ data: { tenantId: city.id, code: "2.07", name: "Dinas Tenaga Kerja", shortName: "Disnaker" } }),
      ]),
    );
    const member = (role: Role, opd: { id: string; decidesRegistryChanges: boolean }) =>
      sessionUser(city, role, { id: `${role}-${opd.id}`, opdId: opd.id, opd: { decidesRegistryChanges: opd.decidesRegistryChanges } });
    const { household } = await newHousehold();
    const pending = () => proposed({ householdId: household.id, kind: "ADDRESS", address: "Jl. Pejanggik No. 9" });

    for (const stranger of [member("OPD_HEAD", disnaker), member("OPD_STAFF", dinsos)]) {
      const id = await pending();
      expect(await decide({ requestId: id, decision: "APPROVE" }, stranger)).toMatchObject({ ok: false, code: "FORBIDDEN" });
      expect((await request(id)).status).toBe("PENDING");
    }
    // Naming an OPD "Dinas Sosial" grants nothing; the city admin's mark does.
    const unmarked = sessionUser(city, "OPD_HEAD", { opdId: dinsos.id, opd: { decidesRegistryChanges: false } });
    expect(await decide({ requestId: await pending(), decision: "REJECT", reason: "Bukan wewenang" }, unmarked)).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });

    const head = member("OPD_HEAD", dinsos);
    const id = await pending();
    expect(await decide({ requestId: id, decision: "APPROVE" }, head)).toMatchObject({ ok: true });
    expect(await request(id)).toMatchObject({ status: "APPROVED", decidedById: head.id });
    expect((await snapshot(household.id)).household.address).toBe("Jl. Pejanggik No. 9");
  });
});

describe("the list", () => {
  it("shows a kelurahan its own kelurahan's requests, with NIKs masked", async () => {
    const { household } = await newHousehold();
    const id = await proposed({ householdId: household.id, ...newMember({ nik: nikFor("2022-03-03", "MALE"), sex: "MALE", birthDate: "2022-03-03" }) });
    const { household: far } = await newHousehold(second);
    const farOfficer = sessionUser(city, "KELURAHAN", { kelurahanId: second.kelurahanId });
    const farId = await (async () => {
      const result = await propose({ householdId: far.id, kind: "ADDRESS", address: "Jl. Sriwijaya No. 2" }, farOfficer);
      return result.ok ? result.data.requestId : "";
    })();

    const own = await t.withTenant(city.id, (tx) => listChangeRequests(tx, { view: "pending" }, registryScope(officer()), seenBy(officer()), 500));
    expect(own.rows.map((r) => r.id)).toContain(id);
    expect(own.rows.map((r) => r.id)).not.toContain(farId);
    expect(JSON.stringify(own.rows)).not.toMatch(/\d{16}/);
    const all = await t.withTenant(city.id, (tx) => listChangeRequests(tx, { view: "pending" }, registryScope(bapeda()), seenBy(bapeda()), 500));
    expect(all.rows.map((r) => r.id)).toEqual(expect.arrayContaining([id, farId]));
  });

  it("shows Dinas Sosial's head, who decides without reading personal data, an age instead of the birth date", async () => {
    const { household } = await newHousehold();
    const id = await proposed({ householdId: household.id, ...newMember({ nik: nikFor("2021-06-09", "FEMALE"), birthDate: "2021-06-09" }) });
    const dinsos = sessionUser(city, "OPD_HEAD", { opd: { decidesRegistryChanges: true } });
    const list = await t.withTenant(city.id, (tx) =>
      listChangeRequests(tx, { view: "pending", householdId: household.id }, registryScope(dinsos), seenBy(dinsos), 500),
    );
    const row = list.rows.find((r) => r.id === id);
    expect(row?.change.payload).toMatchObject({ nikMasked: expect.stringMatching(/^•{12}\d{4}$/), birth: { date: null, age: 5 } });
    expect(JSON.stringify(row)).not.toMatch(/2021-06-09|Mataram/);
    const forOfficer = await t.withTenant(city.id, (tx) =>
      listChangeRequests(tx, { view: "pending", householdId: household.id }, registryScope(officer()), seenBy(officer()), 500),
    );
    expect(forOfficer.rows.find((r) => r.id === id)?.change.payload).toMatchObject({
      birth: { date: new Date("2021-06-09T00:00:00Z"), age: 5 },
      birthPlace: "Mataram",
    });
  });

  it("pages by creation time without OFFSET", async () => {
    const all = await t.withTenant(city.id, (tx) => listChangeRequests(tx, { view: "pending" }, registryScope(bapeda()), seenBy(bapeda()), 500));
    const walked: string[] = [];
    let after: string | undefined;
    do {
      const page = await t.withTenant(city.id, (tx) => listChangeRequests(tx, { view: "pending", after }, registryScope(bapeda()), seenBy(bapeda()), 3));
      walked.push(...page.rows.map((r) => r.id));
      after = page.nextAfter ?? undefined;
    } while (after);
    expect(walked).toEqual(all.rows.map((r) => r.id));
  });
});
