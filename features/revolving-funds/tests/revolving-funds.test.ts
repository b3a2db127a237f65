import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  addCapitalDefinition,
  approveLoanDefinition,
  createFundDefinition,
  createLoanDefinition,
  importRepaymentsDefinition,
  recordRepaymentDefinition,
  rejectLoanDefinition,
  writeOffLoanDefinition,
} from "@/features/revolving-funds/action-definitions";
import { fundLedger, reconciles } from "@/features/revolving-funds/ledger";
import { fundAgeing, fundRounds } from "@/features/revolving-funds/queries";
import { dayToDate, todayIn } from "@/lib/calendar/days";
import { sessionUser } from "@/tests/helpers/actions";
import { openTestDb, type TestDb } from "@/tests/helpers/db";
import { createTestHousehold } from "@/tests/helpers/factories";
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

let t: TestDb;
let city: FundCity;
let otherCity: FundCity;
let act: ReturnType<typeof actor>;
let fundId: string;
const youngBirth = new Date(Date.UTC(2000, 4, 17));
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

/** Proposes, approves and disburses a loan of the city's fund; returns its id. */
const lend = (principal: string, options: LendOptions = {}) => lendFrom(act, city, fundId, principal, options);

describe("lending and repaying", () => {
  it("disburses with a monthly schedule, allocates fee first and oldest instalment first, and reconciles", async () => {
    const loanId = await lend("5.000.000");
    const loan = await read((tx) => tx.loan.findFirstOrThrow({ where: { id: loanId }, include: { installments: { orderBy: { seq: "asc" } } } }));
    expect(loan.isYouth).toBe(true);
    expect(loan.serviceFee).toBe(150_000n);
    expect(loan.installments).toHaveLength(10);
    expect(loan.installments[0]).toMatchObject({ principalDue: 500_000n, feeDue: 15_000n, dueDate: dayToDate("2026-02-10") });
    expect(loan.nextDueDate).toEqual(dayToDate("2026-02-10"));

    const paid = must(await act<{ repaymentId: string }>(city.officer, recordRepaymentDefinition, { loanId, paidAt: "2026-02-09", amount: "600.000" }));
    const repayment = await read((tx) => tx.repayment.findFirstOrThrow({ where: { id: paid.repaymentId } }));
    // Instalment 1 (fee 15.000 + principal 500.000) in full, then instalment 2's fee, then 70.000 of its principal.
    expect(repayment).toMatchObject({ principalPart: 570_000n, feePart: 30_000n });
    const after = await read((tx) => tx.loan.findFirstOrThrow({ where: { id: loanId } }));
    expect(after).toMatchObject({ principalRepaid: 570_000n, feePaid: 30_000n, nextDueDate: dayToDate("2026-03-10") });

    const ledger = await read((tx) => fundLedger(tx, fundId));
    expect(reconciles(ledger)).toBe(true);
    expect(ledger.feesCollected).toBeGreaterThanOrEqual(30_000n);
  });

  it("refuses paying more than is left, and marks a loan paid in full REPAID, its principal lendable again", async () => {
    const loanId = await lend("1.000.000", { tenor: "2" });
    const before = await read((tx) => fundLedger(tx, fundId));
    const over = await act(city.officer, recordRepaymentDefinition, { loanId, paidAt: "2026-03-01", amount: "1.030.001" });
    expect(over).toMatchObject({ ok: false, code: "INVALID" });
    must(await act(city.officer, recordRepaymentDefinition, { loanId, paidAt: "2026-03-01", amount: "1.030.000" }));
    const loan = await read((tx) => tx.loan.findFirstOrThrow({ where: { id: loanId } }));
    expect(loan).toMatchObject({ status: "REPAID", nextDueDate: null, principalRepaid: 1_000_000n });
    const after = await read((tx) => fundLedger(tx, fundId));
    expect(after.cash - before.cash).toBe(1_000_000n);
    expect(after.feesCollected - before.feesCollected).toBe(30_000n);
  });

  it("refuses a loan above the fund's ceiling, or more than its cash, and a NIK of another city", async () => {
    const base = { fundId, borrowerName: "Maria Bria", businessType: "Jahit", purpose: "Beli mesin jahit", tenorMonths: "6" };
    const ceiling = await act(city.officer, createLoanDefinition, { ...base, borrowerNik: cityNik(city, olderBirth), principal: "26 juta" });
    expect(ceiling).toMatchObject({ ok: false, fieldErrors: { principal: [expect.stringContaining("plafon")] } });
    const foreign = await act(city.officer, createLoanDefinition, { ...base, borrowerNik: cityNik(otherCity, olderBirth), principal: "1 juta" });
    expect(foreign).toMatchObject({ ok: false, fieldErrors: { borrowerNik: [expect.stringContaining(city.prefix)] } });
    const malformed = await act(city.officer, createLoanDefinition, { ...base, borrowerNik: "12345", principal: "1 juta" });
    expect(malformed).toMatchObject({ ok: false, fieldErrors: { borrowerNik: [expect.any(String)] } });

    // A second fund with Rp 3 juta of capital cannot lend Rp 4 juta.
    const small = must(
      await act<{ fundId: string }>(city.officer, createFundDefinition, {
        year: "2025",
        lpmName: "LPM Uji",
        maxLoan: "10 juta",
        maxTenorMonths: "12",
        serviceFeeBps: "",
        graceMonths: "1",
      }),
    ).fundId;
    must(await act(city.officer, addCapitalDefinition, { fundId: small, amount: "3 juta", source: "CSR", receivedAt: "2025-01-05" }));
    const tooMuch = await act(city.officer, createLoanDefinition, { ...base, fundId: small, borrowerNik: cityNik(city, olderBirth), principal: "4 juta" });
    expect(tooMuch).toMatchObject({ ok: false, fieldErrors: { principal: [expect.stringContaining("kas")] } });
    // Two approvals that together exceed the cash: the second is refused.
    const a = must(
      await act<{ loanId: string }>(city.officer, createLoanDefinition, {
        ...base,
        fundId: small,
        borrowerNik: cityNik(city, olderBirth),
        principal: "2 juta",
      }),
    ).loanId;
    const b = must(
      await act<{ loanId: string }>(city.officer, createLoanDefinition, {
        ...base,
        fundId: small,
        borrowerNik: cityNik(city, olderBirth),
        principal: "2 juta",
      }),
    ).loanId;
    must(await act(city.approver, approveLoanDefinition, { loanId: a }));
    expect(await act(city.approver, approveLoanDefinition, { loanId: b })).toMatchObject({ ok: false, code: "INVALID" });
    must(await act(city.officer, rejectLoanDefinition, { loanId: b }));
    expect(await read((tx) => tx.loan.count({ where: { fundId: small, status: "DISBURSED" } }))).toBe(0);
  });

  it("lends to a registry member picked within the kelurahan, linking the household", async () => {
    const member = await read(async (tx) => {
      const household = await createTestHousehold(tx, city);
      return tx.member.create({
        data: {
          tenantId: city.id,
          householdId: household.id,
          nik: cityNik(city, olderBirth),
          name: "Agustina Nenobais",
          sex: "FEMALE",
          birthDate: olderBirth,
          relation: "HEAD",
        },
      });
    });
    const { loanId } = must(
      await act<{ loanId: string }>(city.officer, createLoanDefinition, {
        fundId,
        memberId: member.id,
        businessType: "Tenun ikat",
        purpose: "Beli benang tenun",
        principal: "2 juta",
        tenorMonths: "6",
      }),
    );
    const loan = await read((tx) => tx.loan.findFirstOrThrow({ where: { id: loanId } }));
    expect(loan).toMatchObject({ memberId: member.id, householdId: member.householdId, borrowerName: "Agustina Nenobais", isYouth: false, status: "PROPOSED" });
  });

  it("refuses a new loan to a borrower in arrears unless overridden, and records who and why", async () => {
    const nik = cityNik(city, youngBirth);
    await lend("2.000.000", { nik, disbursedAt: "2026-01-15" });
    const base = {
      fundId,
      borrowerNik: nik,
      borrowerName: "Yohanes Lake",
      businessType: "Cuci motor",
      purpose: "Beli mesin cuci",
      principal: "1 juta",
      tenorMonths: "6",
    };
    const refused = await act(city.officer, createLoanDefinition, base);
    expect(refused).toMatchObject({ ok: false, fieldErrors: { override: [expect.stringContaining("menunggak")] } });
    const noReason = await act(city.officer, createLoanDefinition, { ...base, override: "on" });
    expect(noReason).toMatchObject({ ok: false, fieldErrors: { overrideReason: [expect.any(String)] } });
    const { loanId } = must(
      await act<{ loanId: string }>(city.officer, createLoanDefinition, { ...base, override: "on", overrideReason: "Usaha baru bangkit setelah banjir" }),
    );
    const loan = await read((tx) => tx.loan.findFirstOrThrow({ where: { id: loanId } }));
    expect(loan).toMatchObject({ overdueOverride: true, overrideReason: "Usaha baru bangkit setelah banjir", overrideById: city.officer.id });
  });

  it("ages arrears and writes a loan off with a reason and an approver; the fund still reconciles", async () => {
    const loanId = await lend("3.000.000", { disbursedAt: "2026-01-20" });
    const today = dayToDate(todayIn("Asia/Jakarta"));
    const ageing = await read((tx) => fundAgeing(tx, fundId, today));
    expect(ageing.find((row) => row.bucket === "d90_plus")!.outstanding).toBeGreaterThanOrEqual(3_000_000n);
    const noReason = await act(city.officer, writeOffLoanDefinition, { loanId, reason: "", approver: "Lurah Uji" });
    expect(noReason).toMatchObject({ ok: false, code: "INVALID" });
    must(await act(city.officer, writeOffLoanDefinition, { loanId, reason: "Peminjam pindah ke luar daerah", approver: "Lurah Uji" }));
    const loan = await read((tx) => tx.loan.findFirstOrThrow({ where: { id: loanId } }));
    expect(loan).toMatchObject({ status: "WRITTEN_OFF", writeOffReason: "Peminjam pindah ke luar daerah", writeOffApprover: "Lurah Uji" });
    expect(await act(city.officer, recordRepaymentDefinition, { loanId, paidAt: "2026-03-01", amount: "100.000" })).toMatchObject({
      ok: false,
      code: "CONFLICT",
    });
    const ledger = await read((tx) => fundLedger(tx, fundId));
    expect(ledger.writtenOff).toBeGreaterThanOrEqual(3_000_000n);
    expect(reconciles(ledger)).toBe(true);
  });

  it("tracks lending rounds: a new round (tahap) is complete once all its loans are repaid", async () => {
    const fund = must(
      await act<{ fundId: string }>(city.officer, createFundDefinition, {
        year: "2024",
        lpmName: "LPM Uji",
        maxLoan: "10 juta",
        maxTenorMonths: "12",
        serviceFeeBps: "0",
        graceMonths: "0",
      }),
    ).fundId;
    must(await act(city.officer, addCapitalDefinition, { fundId: fund, amount: "2 juta", source: "APBD", receivedAt: "2024-01-05" }));
    const first = await lend("2.000.000", { fund, tenor: "1", disbursedAt: "2024-02-01" });
    must(await act(city.officer, recordRepaymentDefinition, { loanId: first, paidAt: "2024-03-01", amount: "2 juta" }));
    // Round 2 is lent from the repaid principal.
    const second = must(
      await act<{ loanId: string }>(city.officer, createLoanDefinition, {
        fundId: fund,
        borrowerNik: cityNik(city, youngBirth),
        borrowerName: "Fransiska Lado",
        businessType: "Warung",
        purpose: "Modal warung makan",
        principal: "2 juta",
        tenorMonths: "4",
        newRound: "on",
      }),
    ).loanId;
    const rounds = await read((tx) => fundRounds(tx, fund));
    expect(rounds.map((r) => [r.round, r.complete])).toEqual([
      [1, true],
      [2, false],
    ]);
    expect(await read((tx) => tx.loan.findFirstOrThrow({ where: { id: second } }))).toMatchObject({ round: 2 });
  });
});

describe("importing repayments", () => {
  const upload = (loanId: string, nik: string, mode: "dry-run" | "commit") => {
    const form = new FormData();
    const lines = [
      "ID PINJAMAN,NIK,TANGGAL BAYAR,JUMLAH,NO KUITANSI",
      `${loanId},,10-02-2026,515.000,IMP-1`,
      `,${nik},10-03-2026,515.000,IMP-2`,
      `${loanId},,11-03-2026,99.000.000,IMP-3`,
      `,5371000000000000,11-03-2026,1.000,IMP-4`,
      `${loanId},,bukan tanggal,1.000,IMP-5`,
    ];
    form.set("file", new File([lines.join("\r\n")], "pembayaran.csv", { type: "text/csv" }));
    form.set("mode", mode);
    return act<{ accepted: number; rejected: { rowNumber: number; reasons: string[] }[] }>(city.officer, importRepaymentsDefinition, form);
  };

  it("checks first without writing, then commits the good rows through the same rules and reports the rest", async () => {
    const nik = cityNik(city, youngBirth);
    const loanId = await lend("5.000.000", { nik, disbursedAt: "2026-01-10" });
    const dry = must(await upload(loanId, nik, "dry-run"));
    expect(dry.accepted).toBe(2);
    expect(dry.rejected.map((row) => row.rowNumber)).toEqual([4, 5, 6]);
    expect(dry.rejected[0]!.reasons.join(" ")).toMatch(/sisa kewajiban/);
    expect(await read((tx) => tx.repayment.count({ where: { loanId } }))).toBe(0);

    const done = must(await upload(loanId, nik, "commit"));
    expect(done.accepted).toBe(2);
    const loan = await read((tx) => tx.loan.findFirstOrThrow({ where: { id: loanId } }));
    expect(loan).toMatchObject({ principalRepaid: 1_000_000n, feePaid: 30_000n, nextDueDate: dayToDate("2026-04-10") });
    // Another kelurahan's officer cannot import against this loan.
    const neighbour = sessionUser(city, "KELURAHAN", { id: "lurah-lain", kelurahanId: "kelurahan-lain" });
    const form = new FormData();
    form.set("file", new File([`ID PINJAMAN,TANGGAL BAYAR,JUMLAH\r\n${loanId},10-04-2026,515.000`], "x.csv", { type: "text/csv" }));
    form.set("mode", "commit");
    const foreign = await act(neighbour, importRepaymentsDefinition, form);
    expect(foreign.ok ? (foreign.data as { accepted: number }).accepted : 0).toBe(0);
    expect(await read((tx) => tx.repayment.count({ where: { loanId } }))).toBe(2);
  });
});

describe("who may", () => {
  it("another kelurahan's officer, OPD staff and another city's users cannot reach the fund", async () => {
    const neighbour = await read((tx) =>
      tx.area.create({
        data: { tenantId: city.id, code: `${city.kecamatanId}.2`, name: "Kelurahan Tetangga", level: "KELURAHAN", parentId: city.kecamatanId },
      }),
    );
    const otherOfficer = sessionUser(city, "KELURAHAN", { id: "lurah-tetangga", kelurahanId: neighbour.id });
    const loanId = await lend("1.000.000");
    const capital = { fundId, amount: "1 juta", source: "APBD", receivedAt: "2026-02-01" };
    expect(await act(otherOfficer, addCapitalDefinition, capital)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await act(otherOfficer, recordRepaymentDefinition, { loanId, paidAt: "2026-03-01", amount: "100.000" })).toMatchObject({
      ok: false,
      code: "NOT_FOUND",
    });
    const noKelurahan = sessionUser(city, "KELURAHAN", { id: "lurah-tanpa-kelurahan" });
    expect(await act(noKelurahan, addCapitalDefinition, capital)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    const staff = sessionUser(city, "OPD_STAFF", { id: "staf" });
    expect(await act(staff, addCapitalDefinition, capital)).toMatchObject({ ok: false, code: "FORBIDDEN" });
    const bapeda = sessionUser(city, "BAPEDA", { id: "bapeda" });
    expect(await act(bapeda, recordRepaymentDefinition, { loanId, paidAt: "2026-03-01", amount: "100.000" })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    // Another city's officer, in their own city, finds no such fund or loan.
    expect(await act(otherCity.officer, addCapitalDefinition, capital)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await act(otherCity.officer, recordRepaymentDefinition, { loanId, paidAt: "2026-03-01", amount: "100.000" })).toMatchObject({
      ok: false,
      code: "NOT_FOUND",
    });
    // ...and is "not found" when aiming at this city's URL.
    expect(await act(otherCity.officer, addCapitalDefinition, capital, city.slug)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    const loan = await read((tx) => tx.loan.findFirstOrThrow({ where: { id: loanId } }));
    expect(loan.principalRepaid).toBe(0n);
  });
});
