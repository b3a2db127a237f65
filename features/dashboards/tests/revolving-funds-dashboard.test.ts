// The Dana PEM roll-up of the mayor's dashboard, against loans made through the actions.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { revolvingFundsDashboardQueries } from "@/features/dashboards/revolving-funds/queries";
import { revolvingFundsDashboardTable } from "@/features/dashboards/revolving-funds/tables";
import { suppressTable } from "@/lib/spreadsheet/suppression";
import {
  addCapitalDefinition,
  approveLoanDefinition,
  createFundDefinition,
  createLoanDefinition,
  disburseLoanDefinition,
  recordRepaymentDefinition,
  rejectLoanDefinition,
  writeOffLoanDefinition,
} from "@/features/revolving-funds/action-definitions";
import { loanSchedule } from "@/features/revolving-funds/schedule";
import {
  actor,
  cityNik,
  fundCity,
  fundWithCapital,
  lendFrom,
  must,
  type FundCity,
  type LendOptions,
} from "@/features/revolving-funds/tests/revolving-funds-helpers";
import { dayToDate, todayIn } from "@/lib/calendar/days";
import { openTestDb, type TestDb } from "@/tests/helpers/db";

let t: TestDb;
let city: FundCity;
let otherCity: FundCity;
let act: ReturnType<typeof actor>;
let fundId: string;
const olderBirth = new Date(Date.UTC(1980, 1, 3));

beforeAll(async () => {
  t = await openTestDb();
  act = actor(t);
  city = await fundCity(t);
  otherCity = await fundCity(t);
  fundId = await fundWithCapital(act, city);
});
afterAll(async () => {
  await t?.close();
});

const read = <T>(fn: Parameters<typeof t.withTenant<T>>[1]) => t.withTenant(city.id, fn);
const lend = (principal: string, options: LendOptions = {}) => lendFrom(act, city, fundId, principal, options);

describe("the city roll-up", () => {
  const filters = { year: 2026, kecamatanId: null, opdId: null, programmeId: null };

  it("sums the kelurahan's lending in the database, and grows as loans are made", async () => {
    const before = await read((tx) => revolvingFundsDashboardQueries.totals(tx, filters));
    await lend("4.000.000", { nik: cityNik(city, olderBirth) });
    const after = await read((tx) => revolvingFundsDashboardQueries.totals(tx, filters));
    expect(after.disbursed - before.disbursed).toBe(4_000_000n);
    expect(after.loans - before.loans).toBe(1);
    expect(after.youthLoans - before.youthLoans).toBe(0);
    expect(after.par30).toBeGreaterThan(before.par30);
    const rows = await read((tx) => revolvingFundsDashboardQueries.byKelurahan(tx, filters));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kelurahanId: city.kelurahanId, disbursed: after.disbursed });
    expect(Object.keys(rows[0]!)).not.toContain("borrowerName");
    // Another city sees none of it.
    expect(await t.withTenant(otherCity.id, (tx) => revolvingFundsDashboardQueries.byKelurahan(tx, filters))).toEqual([]);
    const ageing = await read((tx) => revolvingFundsDashboardQueries.ageing(tx, filters));
    expect(ageing.reduce((sum, row) => sum + row.outstanding, 0n)).toBe(after.outstanding);
  });

  it("shows a kelurahan's few loans neither as a count nor as their amounts or arrears, on screen and in files", async () => {
    const table = await read((tx) => revolvingFundsDashboardTable(tx, filters, (key) => key, "kelurahan"));
    const [row] = suppressTable(table!).rows;
    expect(row).toMatchObject({ loans: "<5", businesses: "<5" });
    for (const key of ["disbursed", "outstanding", "repaymentRate", "par30", "youthShare"]) expect(row![key], key).toBe("*");
  });

  it("narrows to a kecamatan: the fund's own kecamatan keeps its figures, another has none", async () => {
    const all = await read((tx) => revolvingFundsDashboardQueries.totals(tx, filters));
    const own = await read((tx) => revolvingFundsDashboardQueries.totals(tx, { ...filters, kecamatanId: city.kecamatanId }));
    expect(own).toEqual(all);
    const elsewhere = await read((tx) =>
      tx.area.create({ data: { tenantId: city.id, code: `${city.kecamatanId}.kec`, name: "Kecamatan Lain", level: "KECAMATAN" } }),
    );
    const none = { ...filters, kecamatanId: elsewhere.id };
    expect(await read((tx) => revolvingFundsDashboardQueries.totals(tx, none))).toMatchObject({ funds: 0, loans: 0, disbursed: 0n, capital: 0n });
    expect(await read((tx) => revolvingFundsDashboardQueries.byKelurahan(tx, none))).toEqual([]);
    expect(await read((tx) => revolvingFundsDashboardQueries.byKelurahan(tx, { ...filters, kecamatanId: city.kecamatanId }))).toHaveLength(1);
  });

  it("counts a round completed once it has lent and every loan in it is repaid or written off, kept as loans change", async () => {
    const city2 = await fundCity(t);
    const officer = city2.officer;
    const at = <T>(fn: Parameters<typeof t.withTenant<T>>[1]) => t.withTenant(city2.id, fn);
    const year2024 = { ...filters, year: 2024 };
    const rounds = async () => (await at((tx) => revolvingFundsDashboardQueries.totals(tx, year2024))).roundsCompleted;
    const fund = must(
      await act<{ fundId: string }>(officer, createFundDefinition, {
        year: "2024",
        lpmName: "LPM",
        maxLoan: "10 juta",
        maxTenorMonths: "12",
        serviceFeeBps: "0",
        graceMonths: "0",
      }),
    ).fundId;
    must(await act(officer, addCapitalDefinition, { fundId: fund, amount: "4 juta", source: "APBD", receivedAt: "2024-01-05" }));
    const propose = async (newRound: boolean) =>
      must(
        await act<{ loanId: string }>(officer, createLoanDefinition, {
          fundId: fund,
          borrowerNik: cityNik(city2, olderBirth),
          borrowerName: "Uji Tahap",
          businessType: "Warung",
          purpose: "Modal warung",
          principal: "2 juta",
          tenorMonths: "1",
          ...(newRound ? { newRound: "on" } : {}),
        }),
      ).loanId;
    const lendNow = async (loanId: string) => {
      must(await act(city2.approver, approveLoanDefinition, { loanId }));
      must(await act(officer, disburseLoanDefinition, { loanId, disbursedAt: "2024-02-01" }));
    };
    const [repaid, writtenOff] = [await propose(false), await propose(false)];
    await lendNow(repaid);
    await lendNow(writtenOff);
    expect(await rounds()).toBe(0);
    must(await act(officer, recordRepaymentDefinition, { loanId: repaid, paidAt: "2024-03-01", amount: "2 juta" }));
    expect(await rounds()).toBe(0); // one loan of round 1 still running
    must(await act(officer, writeOffLoanDefinition, { loanId: writtenOff, reason: "Usaha tutup, peminjam pindah", approver: "Lurah Uji" }));
    expect(await rounds()).toBe(1);
    // Round 2: a proposal keeps it open; rejected, the round has lent nothing and is not counted.
    const second = await propose(true);
    expect(await rounds()).toBe(1);
    must(await act(officer, rejectLoanDefinition, { loanId: second }));
    expect(await rounds()).toBe(1);
    // The counts the trigger kept equal a recount from the loans (a round left with no loans
    // keeps a row of zeros; the recount has none).
    const counts = () =>
      at((tx) =>
        tx.loanRound.findMany({
          where: { OR: [{ open: { gt: 0 } }, { closed: { gt: 0 } }] },
          orderBy: { round: "asc" },
          select: { round: true, open: true, closed: true },
        }),
      );
    const kept = await counts();
    expect(kept).toEqual([{ round: 1, open: 0, closed: 2 }]);
    await at((tx) => tx.$executeRaw`SELECT entas_loan_rounds_rebuild(${city2.id})`);
    expect(await counts()).toEqual(kept);
  });

  it("counts as fallen due exactly what the schedule says, month ends and grace included", async () => {
    const city2 = await fundCity(t);
    const officer = city2.officer;
    const fund = must(
      await act<{ fundId: string }>(officer, createFundDefinition, {
        year: "2026",
        lpmName: "LPM",
        maxLoan: "25 juta",
        maxTenorMonths: "24",
        serviceFeeBps: "2,5",
        graceMonths: "0",
      }),
    ).fundId;
    must(await act(officer, addCapitalDefinition, { fundId: fund, amount: "500 juta", source: "APBD", receivedAt: "2025-01-02" }));
    const cases = [
      ["1.234.567", "7", "2025-01-31", 0],
      ["10.000.000", "3", "2026-08-31", 1],
      ["2.500.000", "12", "2025-11-23", 2],
      ["999.999", "5", "2026-06-30", 0],
      ["5.000.000", "24", "2025-02-28", 3],
      ["3.333.333", "9", "2026-10-23", 0],
    ] as const;
    const today = dayToDate(todayIn("Asia/Jakarta"));
    let expected = 0n;
    for (const [principal, tenor, disbursedAt, grace] of cases) {
      await t.withTenant(city2.id, (tx) => tx.revolvingFund.update({ where: { tenantId_id: { tenantId: city2.id, id: fund } }, data: { graceMonths: grace } }));
      const { loanId } = must(
        await act<{ loanId: string }>(officer, createLoanDefinition, {
          fundId: fund,
          borrowerNik: cityNik(city2, olderBirth),
          borrowerName: "Uji Jadwal",
          businessType: "Uji",
          purpose: "Uji jadwal",
          principal,
          tenorMonths: tenor,
        }),
      );
      must(await act(city2.approver, approveLoanDefinition, { loanId }));
      must(await act(officer, disburseLoanDefinition, { loanId, disbursedAt }));
      const loan = await t.withTenant(city2.id, (tx) => tx.loan.findFirstOrThrow({ where: { id: loanId } }));
      const schedule = loanSchedule({
        disbursedAt: loan.disbursedAt!,
        principal: loan.principal,
        serviceFee: loan.serviceFee,
        tenorMonths: loan.tenorMonths,
        graceMonths: loan.graceMonths,
      });
      expected += schedule.filter((line) => line.dueDate <= today).reduce((sum, line) => sum + line.principalDue + line.feeDue, 0n);
    }
    const totals = await t.withTenant(city2.id, (tx) => revolvingFundsDashboardQueries.totals(tx, filters));
    expect(totals.dueToDate).toBe(expected);
    expect(totals.paidOnTime).toBe(0n);
  });
});
