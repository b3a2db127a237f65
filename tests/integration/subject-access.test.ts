// A data subject's access report (UU PDP Pasal 32) across the features that hold their data:
// what the city holds about a household and every processing of it, including the full-number
// views and the exports that listed it; only Bapeda and the head of Dinas Sosial get it, only
// in their own city; and serving it is audited.
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { distributionExport } from "@/features/aid/export";
import { revealPersonalDefinition } from "@/features/registry/action-definitions";
import { subjectAccessDocument } from "@/features/registry/subject-access/document";
import { subjectAccessExportRoute } from "@/features/registry/subject-access/export-route";
import { SUBJECT_ACCESS_ACTION } from "@/features/registry/subject-access/open-report";
import { subjectAccessReport } from "@/features/registry/subject-access/report";
import { mergeHouseholds } from "@/features/registry/duplicates/merge";
import { recordAudit } from "@/lib/db/audit";
import { recordLoanPrint } from "@/features/revolving-funds/print-disclosure";
import { addKelurahan, makeHousehold } from "@/features/registry/tests/registry-fixtures";
import { runAction } from "@/lib/actions/run";
import { pageAccess } from "@/lib/auth/gate";
import { refusedByGate } from "@/lib/auth/route";
import type { SessionUser, TenantSessionUser } from "@/lib/auth/session-user";
import type { Tx } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { exportRoute } from "@/lib/spreadsheet/routes";
import { actionDeps, sessionUser } from "../helpers/actions";
import { openTestDb, type TestDb } from "../helpers/db";
import { createTestTenant, type TestTenant } from "../helpers/factories";
import { callRoute, routeDeps } from "../helpers/routes";

let t: TestDb;
let city: TestTenant;
let otherCity: TestTenant;
let household: { id: string; noKk: string };
let niks: string[];
let neighbour: { id: string };
let dinsosId: string;
let disnakerId: string;
let otherProgrammeId: string;
let otherCityHousehold: { id: string };

const read = <T>(fn: (tx: Tx) => Promise<T>) => t.withTenant(city.id, fn);

beforeAll(async () => {
  t = await openTestDb();
  city = await createTestTenant(t.db, t.withTenant);
  otherCity = await createTestTenant(t.db, t.withTenant);
  otherCityHousehold = (await t.withTenant(otherCity.id, (tx) => makeHousehold(tx, otherCity))).household;
  await read(async (tx) => {
    const made = await makeHousehold(tx, city, { members: [{ name: "Lalu Ahmad" }, { name: "Baiq Rohani", sex: "FEMALE" }] });
    household = made.household;
    niks = made.members.map((member) => member.nik);
    const second = await addKelurahan(tx, city);
    neighbour = (await makeHousehold(tx, city, { ...second, members: [{ name: "Made Tetangga" }] })).household;

    const dinsos = await tx.opd.create({
      data: { tenantId: city.id, code: "1.06", name: "Dinas Sosial", shortName: "Dinsos", decidesRegistryChanges: true },
    });
    const disnaker = await tx.opd.create({ data: { tenantId: city.id, code: "2.07", name: "Dinas Tenaga Kerja", shortName: "Disnaker" } });
    dinsosId = dinsos.id;
    disnakerId = disnaker.id;
    const sewing = await tx.programme.create({
      data: { tenantId: city.id, opdId: disnaker.id, fiscalYear: 2024, name: "Pelatihan menjahit", kind: "TRAINING" },
    });
    const seedlings = await tx.programme.create({
      data: { tenantId: city.id, opdId: disnaker.id, fiscalYear: 2024, name: "Bibit pekarangan", kind: "SEEDLINGS" },
    });
    otherProgrammeId = seedlings.id;
    const training = await tx.training.create({
      data: {
        tenantId: city.id,
        programmeId: sewing.id,
        opdId: disnaker.id,
        skill: "Menjahit busana",
        startDate: new Date("2024-03-04"),
        endDate: new Date("2024-03-15"),
        place: "BLK Mataram",
        capacity: 20,
      },
    });
    const participant = await tx.trainingParticipant.create({
      data: {
        tenantId: city.id,
        trainingId: training.id,
        householdId: household.id,
        memberId: made.members[1]!.id,
        completion: "COMPLETED",
        certificateNo: "SERT-0042",
      },
    });
    await tx.trainingAttendance.createMany({
      data: [
        { tenantId: city.id, participantId: participant.id, date: new Date("2024-03-04"), present: true },
        { tenantId: city.id, participantId: participant.id, date: new Date("2024-03-05"), present: false },
      ],
    });
    await tx.trainingFollowUp.create({
      data: {
        tenantId: city.id,
        participantId: participant.id,
        monthsAfter: 3,
        dueDate: new Date("2024-06-15"),
        outcome: "BUSINESS_OPENED",
        note: "Jahit di rumah",
      },
    });
    await tx.aidDistribution.create({
      data: {
        tenantId: city.id,
        programmeId: sewing.id,
        opdId: disnaker.id,
        householdId: household.id,
        memberId: made.members[1]!.id,
        kind: "EQUIPMENT",
        items: "1 mesin jahit portabel",
        value: 2_500_000n,
        distributedAt: new Date("2024-04-01"),
      },
    });
    await tx.aidDistribution.create({
      data: {
        tenantId: city.id,
        programmeId: seedlings.id,
        opdId: disnaker.id,
        householdId: neighbour.id,
        kind: "SEEDLINGS",
        items: "20 bibit cabai",
        value: 100_000n,
        distributedAt: new Date("2024-05-01"),
      },
    });
    const fund = await tx.revolvingFund.create({
      data: { tenantId: city.id, kelurahanId: city.kelurahanId, year: 2024, maxLoan: 5_000_000n, maxTenorMonths: 12 },
    });
    // Known to the registry only by the borrower's NIK.
    const loan = await tx.loan.create({
      data: {
        tenantId: city.id,
        fundId: fund.id,
        borrowerNik: niks[0]!,
        borrowerName: "Lalu Ahmad",
        businessType: "Warung kopi tepi pantai",
        purpose: "Modal warung",
        principal: 3_000_000n,
        tenorMonths: 10,
        status: "DISBURSED",
        disbursedAt: new Date("2024-06-20"),
      },
    });
    await tx.repayment.create({
      data: { tenantId: city.id, loanId: loan.id, paidAt: new Date("2024-07-20"), amount: 300_000n, principalPart: 300_000n, receiptNo: "KW-2024-0007" },
    });
    await tx.changeRequest.create({
      data: {
        tenantId: city.id,
        householdId: household.id,
        kind: "ADDRESS",
        payload: { address: "Jl. Baru 1" },
        proposedById: "someone",
        note: "Pindah rumah",
      },
    });
  });
});

afterAll(async () => {
  await t?.close();
});

const bapeda = () => sessionUser(city, "BAPEDA");
const dinsosHead = () => sessionUser(city, "OPD_HEAD", { opdId: dinsosId, opd: { decidesRegistryChanges: true } }) as TenantSessionUser;
const xlsxUrl = (slug: string, householdId: string) => `http://x/${slug}/registri/akses-data/${householdId}/unduh`;
const download = (user: SessionUser, slug: string, householdId: string) =>
  callRoute(subjectAccessExportRoute, routeDeps(t, user), xlsxUrl(slug, householdId), { tenant: slug, householdId });

async function sheets(response: Response): Promise<Map<string, string[][]>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as unknown as ExcelJS.Buffer);
  const out = new Map<string, string[][]>();
  workbook.eachSheet((sheet) => {
    const rows: string[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((value) => String(value ?? ""))));
    out.set(sheet.name, rows);
  });
  return out;
}

describe("the access report", () => {
  it("holds the household's members in full, its training, aid, loan and repayment, a full-number view and an export that listed it", async () => {
    const reveal = await runAction(actionDeps(t, bapeda()), revealPersonalDefinition, city.slug, { householdId: household.id });
    expect(reveal.ok).toBe(true);
    const clerk = sessionUser(city, "OPD_STAFF", { opdId: disnakerId });
    const listing = await callRoute(exportRoute(distributionExport), routeDeps(t, clerk), `http://x/${city.slug}/bantuan/ekspor?format=csv`, {
      tenant: city.slug,
    });
    expect(listing.status).toBe(200);
    expect(await listing.text()).toContain("1 mesin jahit portabel");
    // An export of another programme did not list this household.
    const other = await callRoute(
      exportRoute(distributionExport),
      routeDeps(t, clerk),
      `http://x/${city.slug}/bantuan/ekspor?format=csv&program=${otherProgrammeId}`,
      {
        tenant: city.slug,
      },
    );
    expect(await other.text()).not.toContain("1 mesin jahit portabel");

    const report = await read((tx) => subjectAccessReport(tx, household.id, { kelurahanId: null, nothing: false }));
    expect(report?.household.noKk).toBe(household.noKk);
    expect(report?.members.map((member) => member.nik).sort()).toEqual([...niks].sort());
    expect(report?.trainings.map((row) => [row.skill, row.memberName, row.certificateNo, row.daysPresent, row.daysRecorded])).toEqual([
      ["Menjahit busana", "Baiq Rohani", "SERT-0042", 1, 2],
    ]);
    expect(report?.trainings[0]?.followUps).toEqual([{ monthsAfter: 3, outcome: "BUSINESS_OPENED", note: "Jahit di rumah" }]);
    expect(report?.aid.map((row) => row.items)).toEqual(["1 mesin jahit portabel"]);
    expect(report?.loans.map((row) => row.businessType)).toEqual(["Warung kopi tepi pantai"]);
    expect(report?.repayments.map((row) => row.receiptNo)).toEqual(["KW-2024-0007"]);
    expect(report?.changeRequests.map((row) => row.kind)).toEqual(["ADDRESS"]);
    expect(report?.reveals).toHaveLength(1);
    expect(report?.exports.map((row) => [row.entity, row.file])).toEqual([["AidDistribution", "penyaluran-bantuan"]]);

    const neighbourReport = await read((tx) => subjectAccessReport(tx, neighbour.id, { kelurahanId: null, nothing: false }));
    expect(neighbourReport?.exports).toHaveLength(2);
    expect(neighbourReport?.aid.map((row) => row.items)).toEqual(["20 bibit cabai"]);
    expect(neighbourReport?.loans).toEqual([]);
  });

  it("downloads as .xlsx for the head of Dinas Sosial, with the same rows as the printable page", async () => {
    const response = await download(dinsosHead(), city.slug, household.id);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("spreadsheetml");
    const workbook = await sheets(response);
    const cells = [...workbook.values()].flat(2);
    for (const value of [
      household.noKk,
      ...niks,
      "Menjahit busana",
      "1 dari 2 hari",
      "3 bulan: Membuka usaha (Jahit di rumah)",
      "1 mesin jahit portabel",
      "Warung kopi tepi pantai",
      "KW-2024-0007",
      "penyaluran-bantuan",
    ]) {
      expect(cells).toContain(value);
    }
    const page = await read((tx) => subjectAccessDocument(tx, dinsosHead(), household.id, { form: "page", requestId: null, ip: null, locale: "id" }));
    // Serving the download is a processing the page, served after it, lists as well.
    for (const table of page!.tables.tables.filter((one) => one.key !== "processing")) {
      const sheet = [...workbook.entries()].find(([name]) => table.title.startsWith(name))?.[1];
      expect(sheet, table.title).toEqual([table.headers, ...table.rows]);
    }
  });

  it("is not found for every role without the permission, as a page and as a download", async () => {
    const refused: [Role, Partial<SessionUser>][] = [
      ["OPD_HEAD", { opdId: disnakerId, opd: { decidesRegistryChanges: false } }],
      ["OPD_STAFF", { opdId: dinsosId, opd: { decidesRegistryChanges: true } }],
      ["KELURAHAN", { kelurahanId: city.kelurahanId }],
      ["MAYOR_OFFICE", {}],
      ["AUDITOR", {}],
      ["CITY_ADMIN", {}],
    ];
    for (const [role, overrides] of refused) {
      const user = sessionUser(city, role, overrides);
      expect(pageAccess(user, city.slug, "subjectAccess"), role).toBe("not-found");
      const response = await download(user, city.slug, household.id);
      expect(response.status, role).toBe(404);
      expect(refusedByGate(response), role).toBe(true);
    }
    expect(pageAccess(bapeda(), city.slug, "subjectAccess")).toBe("allow");
    expect(pageAccess(dinsosHead(), city.slug, "subjectAccess")).toBe("allow");
  });

  it("is not found for another city's household, nor in another city's URL", async () => {
    const response = await download(bapeda(), city.slug, otherCityHousehold.id);
    expect(response.status).toBe(404);
    expect(refusedByGate(response)).toBe(false);
    expect(await read((tx) => subjectAccessReport(tx, otherCityHousehold.id, { kelurahanId: null, nothing: false }))).toBeNull();
    const stranger = sessionUser(otherCity, "BAPEDA");
    expect((await download(stranger, city.slug, household.id)).status).toBe(404);
    expect(pageAccess(stranger, city.slug, "subjectAccess")).toBe("not-found");
  });

  it("is audited each time it is served, without any number in the audit row", async () => {
    const served = () => read((tx) => tx.auditLog.findMany({ where: { action: SUBJECT_ACCESS_ACTION, entityId: household.id }, orderBy: { id: "asc" } }));
    const before = (await served()).length;
    expect((await download(bapeda(), city.slug, household.id)).status).toBe(200);
    await read((tx) => subjectAccessDocument(tx, dinsosHead(), household.id, { form: "page", requestId: "req-1", ip: "10.0.0.1", locale: "en" }));
    const rows = (await served()).slice(before);
    expect(rows.map((row) => [row.userId, row.entity, row.after])).toEqual([
      [bapeda().id, "Household", { form: "xlsx", members: 2 }],
      [dinsosHead().id, "Household", { form: "page", members: 2 }],
    ]);
    expect(JSON.stringify(rows.map((row) => [row.before, row.after]))).not.toMatch(/\d{16}/);
    // A report served is itself a processing the next report shows.
    const report = await read((tx) => subjectAccessReport(tx, household.id, { kelurahanId: null, nothing: false }));
    expect(report?.processing.filter((row) => row.action === SUBJECT_ACCESS_ACTION).length).toBeGreaterThanOrEqual(2);
  });

  it("keeps naming the exports that listed a card merged into the household", async () => {
    const everyone = { kelurahanId: null, nothing: false };
    const duplicate = (await read((tx) => makeHousehold(tx, city, { members: [{ name: "Lalu Ahmad Kedua" }] }))).household;
    const exportsOf = (id: string) => read((tx) => tx.personalDataDisclosure.findMany({ where: { householdId: id }, orderBy: { auditLogId: "asc" } }));
    // The card was in both exports: the one that listed the household as well, and one that did not.
    const both = (await exportsOf(neighbour.id)).map((one) => one.auditLogId);
    await read((tx) =>
      tx.personalDataDisclosure.createMany({ data: both.map((auditLogId) => ({ tenantId: city.id, householdId: duplicate.id, auditLogId })) }),
    );
    expect((await read((tx) => subjectAccessReport(tx, household.id, everyone)))?.exports).toHaveLength(1);

    await read((tx) => mergeHouseholds(tx, city.id, household.id, duplicate.id));
    expect((await exportsOf(household.id)).map((one) => one.auditLogId)).toEqual(both);
    expect(await exportsOf(duplicate.id)).toEqual([]);
    expect((await read((tx) => subjectAccessReport(tx, household.id, everyone)))?.exports).toHaveLength(2);
  });

  it("names what was done to a card and its people before they were merged into the household", async () => {
    const everyone = { kelurahanId: null, nothing: false };
    // A second card of the same family: one member is the household's own head again, one is new.
    const head = await read((tx) => tx.member.findFirstOrThrow({ where: { householdId: household.id, relation: "HEAD" } }));
    const { household: card, members } = await read((tx) =>
      makeHousehold(tx, city, { members: [{ name: head.name, birthDate: head.birthDate.toISOString().slice(0, 10) }, { name: "Baiq Kartika Kedua" }] }),
    );
    const viewed = async (entity: string, entityId: string) =>
      String(await read((tx) => recordAudit(tx, { tenantId: city.id, userId: "kepala-dinsos", action: "registry.view_personal", entity, entityId })));
    const cardRow = await viewed("Household", card.id);
    const sameHeadRow = await viewed("Member", members[0]!.id);
    const newMemberRow = await viewed("Member", members[1]!.id);

    await read((tx) => mergeHouseholds(tx, city.id, household.id, card.id));
    const processed = (await read((tx) => subjectAccessReport(tx, household.id, everyone)))?.processing.map((row) => row.id) ?? [];
    expect(processed).toEqual(expect.arrayContaining([cardRow, sameHeadRow, newMemberRow]));
  });

  it("names each print of the borrower's loan agreement and receipts, as it names exports", async () => {
    const everyone = { kelurahanId: null, nothing: false };
    const loan = await read((tx) => tx.loan.findFirstOrThrow({ where: { borrowerNik: niks[0]! } }));
    const before = (await read((tx) => subjectAccessReport(tx, household.id, everyone)))?.exports.length ?? 0;
    const officer = sessionUser(city, "KELURAHAN") as TenantSessionUser;
    await read((tx) => recordLoanPrint(tx, officer, loan, "perjanjian-pinjaman", new Headers()));
    await read((tx) => recordLoanPrint(tx, officer, loan, "kuitansi-angsuran", new Headers()));
    const report = await read((tx) => subjectAccessReport(tx, household.id, everyone));
    expect(report?.exports.slice(before)).toEqual([
      expect.objectContaining({ entity: "Loan", file: "perjanjian-pinjaman" }),
      expect.objectContaining({ entity: "Loan", file: "kuitansi-angsuran" }),
    ]);
  });
});
