// The fund reconciles after any sequence of loans, repayments and write-offs:
// capital = cash + outstanding principal + written off, the cash is never negative, and
// the totals kept on each loan agree with its repayments.
import fc from "fast-check";
import { afterAll, beforeAll, expect, it } from "vitest";
import {
  addCapitalDefinition,
  approveLoanDefinition,
  createFundDefinition,
  createLoanDefinition,
  disburseLoanDefinition,
  recordRepaymentDefinition,
  writeOffLoanDefinition,
} from "@/features/revolving-funds/action-definitions";
import { fundLedger, reconciles } from "@/features/revolving-funds/ledger";
import { sessionUser } from "@/tests/helpers/actions";
import { openTestDb, uniqueSuffix, type TestDb } from "@/tests/helpers/db";
import { actor, cityNik, fundCity, must, type FundCity } from "@/features/revolving-funds/tests/revolving-funds-helpers";

let t: TestDb;
let city: FundCity;
let act: ReturnType<typeof actor>;

beforeAll(async () => {
  t = await openTestDb();
  act = actor(t);
  city = await fundCity(t);
});
afterAll(async () => {
  await t?.close();
});

type Op =
  | { kind: "lend"; millions: number; tenor: number; disburse: boolean }
  | { kind: "repay"; loan: number; amount: number }
  | { kind: "payOff"; loan: number }
  | { kind: "writeOff"; loan: number }
  | { kind: "capital"; millions: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant("lend" as const), millions: fc.integer({ min: 1, max: 12 }), tenor: fc.integer({ min: 1, max: 12 }), disburse: fc.boolean() }),
  fc.record({ kind: fc.constant("repay" as const), loan: fc.nat(20), amount: fc.integer({ min: 1, max: 3_000_000 }) }),
  fc.record({ kind: fc.constant("payOff" as const), loan: fc.nat(20) }),
  fc.record({ kind: fc.constant("writeOff" as const), loan: fc.nat(20) }),
  fc.record({ kind: fc.constant("capital" as const), millions: fc.integer({ min: 1, max: 10 }) }),
);

it("reconciles after every step of random lending, repaying and writing off", async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(op, { minLength: 4, maxLength: 14 }), async (ops) => {
      // A kelurahan and officer of its own per run, so runs never share a fund.
      const kelurahan = await t.withTenant(city.id, (tx) =>
        tx.area.create({ data: { tenantId: city.id, code: `97.${uniqueSuffix()}`, name: "Kelurahan Acak", level: "KELURAHAN", parentId: city.kecamatanId } }),
      );
      const officer = sessionUser(city, "KELURAHAN", { id: `lurah-${kelurahan.id}`, kelurahanId: kelurahan.id });
      const approver = sessionUser(city, "KELURAHAN", { id: `lpm-${kelurahan.id}`, kelurahanId: kelurahan.id });
      const { fundId } = must(
        await act<{ fundId: string }>(officer, createFundDefinition, {
          year: "2026",
          lpmName: "LPM Acak",
          maxLoan: "12 juta",
          maxTenorMonths: "12",
          serviceFeeBps: "2,5",
          graceMonths: "0",
        }),
      );
      must(await act(officer, addCapitalDefinition, { fundId, amount: "20 juta", source: "APBD", receivedAt: "2026-01-02" }));
      const loans: string[] = [];

      for (const step of ops) {
        const pick = (index: number) => (loans.length ? loans[index % loans.length]! : null);
        if (step.kind === "capital") {
          must(await act(officer, addCapitalDefinition, { fundId, amount: `${step.millions} juta`, source: "CSR", receivedAt: "2026-02-01" }));
        } else if (step.kind === "lend") {
          const proposed = await act<{ loanId: string }>(officer, createLoanDefinition, {
            fundId,
            borrowerNik: cityNik(city, new Date(Date.UTC(1990, 0, 1))),
            borrowerName: "Peminjam Acak",
            businessType: "Usaha acak",
            purpose: "Modal usaha acak",
            principal: `${step.millions} juta`,
            tenorMonths: String(step.tenor),
          });
          if (!proposed.ok) {
            expect(proposed.fieldErrors?.principal?.[0]).toMatch(/kas/);
            continue;
          }
          const approved = await act(approver, approveLoanDefinition, { loanId: proposed.data.loanId });
          if (!approved.ok) continue;
          if (step.disburse) {
            must(await act(officer, disburseLoanDefinition, { loanId: proposed.data.loanId, disbursedAt: "2026-03-15" }));
            loans.push(proposed.data.loanId);
          }
        } else {
          const loanId = pick(step.loan);
          if (!loanId) continue;
          if (step.kind === "writeOff") {
            await act(officer, writeOffLoanDefinition, { loanId, reason: "Usaha tutup, peminjam pindah", approver: "Lurah Acak" });
          } else {
            const loan = await t.withTenant(city.id, (tx) => tx.loan.findFirstOrThrow({ where: { id: loanId } }));
            const left = loan.principal + loan.serviceFee - loan.principalRepaid - loan.feePaid;
            const amount = step.kind === "payOff" ? left : BigInt(step.amount);
            const paid = await act(officer, recordRepaymentDefinition, { loanId, paidAt: "2026-06-01", amount: String(amount) });
            if (loan.status === "DISBURSED" && amount > 0n && amount <= left) expect(paid.ok).toBe(true);
            else expect(paid.ok).toBe(false);
          }
        }

        const ledger = await t.withTenant(city.id, (tx) => fundLedger(tx, fundId));
        expect(reconciles(ledger)).toBe(true);
        expect(ledger.cash).toBeGreaterThanOrEqual(0n);
        expect(ledger.lendable).toBeGreaterThanOrEqual(0n);
        // Each loan's kept totals are the sums of its repayments.
        const mismatched = await t.withTenant(
          city.id,
          (tx) => tx.$queryRaw<{ n: number }[]>`
          SELECT COUNT(*)::int AS n FROM "Loan" l
           WHERE l."fundId" = ${fundId} AND (
             l."principalRepaid" <> COALESCE((SELECT SUM(r."principalPart") FROM "Repayment" r WHERE r."loanId" = l."id"), 0)
          OR l."feePaid" <> COALESCE((SELECT SUM(r."feePart") FROM "Repayment" r WHERE r."loanId" = l."id"), 0)
          OR (l."status" = 'REPAID' AND l."principalRepaid" <> l."principal")
          OR l."principalRepaid" > l."principal")`,
        );
        expect(mismatched[0]!.n).toBe(0);
      }
    }),
    { numRuns: 15 },
  );
}, 240_000);
