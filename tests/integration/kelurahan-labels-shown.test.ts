// Where a list, a page or an export names a household's, a loan's or a fund's kelurahan, a
// city with two kelurahan of one name gets them told apart: "Tanjung Karang (Sekarbela)".
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { distributionExport } from "@/features/aid/export";
import { listDistributions } from "@/features/aid/queries";
import { recipientChoices } from "@/features/aid/recipient";
import { listDuplicates } from "@/features/registry/duplicates/queries";
import { listChangeRequests } from "@/features/registry/change-requests/queries";
import { getHouseholdTimeline } from "@/features/registry/household/timeline";
import { subjectAccessReport } from "@/features/registry/subject-access/report";
import { fundWithCapital, loanDetail } from "@/features/revolving-funds/queries";
import type { TenantSessionUser } from "@/lib/auth/session-user";
import type { Tx } from "@/lib/db";
import { sessionUser } from "@/tests/helpers/actions";
import { openTestDb, type TestDb } from "@/tests/helpers/db";
import { createTestHousehold, createTestTenant, type TestTenant } from "@/tests/helpers/factories";

let t: TestDb;
let city: TestTenant;
let twinId: string;
let householdId: string;
let fundId: string;
let loanId: string;

// The test tenant's own kelurahan (Kecamatan Uji) and its namesake in Sekarbela.
const OWN = "Tanjung Karang (Kecamatan Uji)";
const TWIN = "Tanjung Karang (Sekarbela)";
const YEAR = 2025;

beforeAll(async () => {
  t = await openTestDb();
  city = await createTestTenant(t.db, t.withTenant);
  await t.withTenant(city.id, async (tx) => {
    const tenantId = city.id;
    const sekarbela = await tx.area.create({ data: { tenantId, code: `${city.slug}.02`, name: "Sekarbela", level: "KECAMATAN" } });
    await tx.area.update({ where: { tenantId_id: { tenantId, id: city.kelurahanId } }, data: { name: "Tanjung Karang" } });
    const twin = await tx.area.create({ data: { tenantId, code: `${city.slug}.02.1002`, name: "Tanjung Karang", level: "KELURAHAN", parentId: sekarbela.id } });
    twinId = twin.id;

    const household = await createTestHousehold(tx, city);
    householdId = household.id;
    const head = await tx.member.create({
      data: {
        tenantId,
        householdId,
        nik: `${household.noKk.slice(0, 6)}4105800001`,
        name: "Baiq Namesake",
        sex: "FEMALE",
        birthDate: new Date("1980-05-01"),
        relation: "HEAD",
      },
    });
    const inTwin = await tx.household.create({
      data: { tenantId, noKk: `${household.noKk.slice(0, -1)}9`, address: household.address, kecamatanId: sekarbela.id, kelurahanId: twinId },
    });
    const twinHead = await tx.member.create({
      data: {
        tenantId,
        householdId: inTwin.id,
        nik: `${household.noKk.slice(0, 6)}4105800002`,
        name: "Baiq Namesake",
        sex: "FEMALE",
        birthDate: new Date("1980-05-01"),
        relation: "HEAD",
      },
    });
    await tx.duplicateCandidate.create({ data: { tenantId, kind: "SAME_ADDRESS_AND_HEAD", firstId: householdId, secondId: inTwin.id } });
    await tx.duplicateCandidate.create({ data: { tenantId, kind: "SIMILAR_PERSON", firstId: head.id, secondId: twinHead.id } });
    await tx.changeRequest.create({
      data: { tenantId, householdId, kind: "ADDRESS", payload: { address: "Jl. Pindahan No. 2", kelurahanId: twinId }, proposedById: "user-kelurahan" },
    });

    const opd = await tx.opd.create({ data: { tenantId, code: "9.LBL", name: "Dinas Label", shortName: "Label" } });
    const programme = await tx.programme.create({ data: { tenantId, opdId: opd.id, fiscalYear: YEAR, name: "Program Label", kind: "EQUIPMENT_AID" } });
    const budgetLine = await tx.budgetLine.create({
      data: { tenantId, programmeId: programme.id, fundingSource: "APBD", description: "Pos Label", pagu: 10_000_000n },
    });
    await tx.aidDistribution.create({
      data: {
        tenantId,
        programmeId: programme.id,
        opdId: opd.id,
        budgetLineId: budgetLine.id,
        householdId,
        memberId: head.id,
        kind: "EQUIPMENT",
        items: "Gerobak",
        value: 1_500_000n,
        distributedAt: new Date(`${YEAR}-03-10`),
      },
    });

    const fund = await tx.revolvingFund.create({ data: { tenantId, kelurahanId: city.kelurahanId, year: YEAR, maxLoan: 5_000_000n, maxTenorMonths: 12 } });
    fundId = fund.id;
    const loan = await tx.loan.create({
      data: {
        tenantId,
        fundId,
        householdId,
        memberId: head.id,
        borrowerNik: head.nik,
        borrowerName: head.name,
        businessType: "Warung",
        purpose: "Modal",
        principal: 1_000_000n,
        tenorMonths: 10,
      },
    });
    loanId = loan.id;
  });
});

afterAll(async () => {
  await t?.close();
});

const bapeda = () => sessionUser(city, "BAPEDA") as TenantSessionUser;
const officer = () => sessionUser(city, "KELURAHAN", { kelurahanId: city.kelurahanId }) as TenantSessionUser;
const inCity = <T>(fn: (tx: Tx) => Promise<T>) => t.withTenant(city.id, fn);

describe("a kelurahan whose name another of the city shares", () => {
  it("is labelled in the change-request list: the household's and the one it moves to", async () => {
    const list = await inCity((tx) =>
      listChangeRequests(tx, { view: "pending" }, { kelurahanId: null, nothing: false }, { view: { birth: "age", numberLookup: false }, today: new Date() }),
    );
    expect(list.rows).toHaveLength(1);
    expect(list.rows[0]!.household.kelurahan).toBe(OWN);
    expect(list.rows[0]!.change).toMatchObject({ kind: "ADDRESS", payload: { kelurahanName: TWIN } });
  });

  it("is labelled in the aid list, on a distribution's page, in the recipient picker and in the aid export", async () => {
    const scope = { kind: "city" as const };
    const [list, recipient, exported] = await inCity(
      async (tx) =>
        [
          await listDistributions(tx, {}, { scope, fiscalYear: YEAR }),
          await recipientChoices(tx, householdId, { kelurahanId: null, nothing: false }),
          await distributionExport.batch(tx, {
            user: bapeda(),
            params: { tenant: city.slug },
            search: new URLSearchParams({ tahun: String(YEAR) }),
            after: null,
            take: 10,
          }),
        ] as const,
    );
    expect(list.rows.map((row) => row.household.kelurahan)).toEqual([OWN]);
    expect(recipient?.kelurahan).toBe(OWN);
    const column = distributionExport.columns.find((c) => c.header === "KELURAHAN")!;
    expect(exported.map((row) => column.value(row))).toEqual([OWN]);
  });

  it("is labelled on the Dana PEM pages, the loan agreement and the receipt (the fund and the loan)", async () => {
    const [fund, detail] = await inCity(async (tx) => [await fundWithCapital(tx, fundId), await loanDetail(tx, officer(), loanId)] as const);
    expect(fund.kelurahanLabel).toBe(OWN);
    expect(detail.kelurahanLabel).toBe(OWN);
  });

  it("is labelled on both sides of a possible duplicate, household or person", async () => {
    const { rows } = await inCity((tx) => listDuplicates(tx, { view: "open" }, { view: { birth: "age", numberLookup: false }, today: new Date() }));
    expect(rows.map((row) => row.pair.kind).sort()).toEqual(["household", "person"]);
    for (const { pair } of rows) {
      const sides =
        pair.kind === "household" ? [pair.first?.kelurahan, pair.second?.kelurahan] : [pair.first?.household.kelurahan, pair.second?.household.kelurahan];
      expect(sides).toEqual([OWN, TWIN]);
    }
  });

  it("is labelled on the household's timeline and in its subject-access report", async () => {
    const [timeline, report] = await inCity(
      async (tx) => [await getHouseholdTimeline(tx, householdId), await subjectAccessReport(tx, householdId, { kelurahanId: null, nothing: false })] as const,
    );
    expect(timeline.entries.find((entry) => entry.kind === "loan")).toMatchObject({ kelurahan: OWN });
    expect(report?.household.kelurahan).toBe(OWN);
    expect(report?.loans.map((loan) => loan.kelurahan)).toEqual([OWN]);
  });
});
