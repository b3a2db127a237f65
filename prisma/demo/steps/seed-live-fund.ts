import { ageingBucket, daysPastDue, type AgeingBucket } from "@/features/revolving-funds/arrears";
import { serviceFeeOf } from "@/features/revolving-funds/schedule";
import { addDays, addMonths, lastDayOfMonth, utcDate } from "@/lib/calendar/days";
import { seedId } from "../ids";
import { createRandom, hashSeed } from "../random";
import { installments } from "./loan-schedule";
import {
  appendLoan,
  BUSINESSES,
  type LoanRows,
  capitalRows,
  emptyLoans,
  lentLoan,
  loanPeople,
  outsider,
  pickBorrower,
  proposals,
  upsertFund,
} from "./seed-revolving-funds";
import type { CitySeed, SeededHousehold } from "./types";

/** Where a loan stands on the demo's today: the fund page's arrears ages, due this month, or paid off. */
export type LiveStanding = AgeingBucket | "dueThisMonth" | "repaid";

/**
 * The loans of the live fund: for each, where it stands today, how many instalments it paid
 * before the one it stands on, and how many days that one falls due before today (negative:
 * after). Each arrears age gets a loan, most two, so the fund page shows every column filled.
 */
export const LIVE_LOANS: ReadonlyArray<{ standing: LiveStanding; paid: number; daysLate: number; tenor: number }> = [
  { standing: "current", paid: 3, daysLate: -25, tenor: 10 },
  { standing: "current", paid: 1, daysLate: -35, tenor: 6 },
  { standing: "dueThisMonth", paid: 4, daysLate: -7, tenor: 10 },
  { standing: "dueThisMonth", paid: 0, daysLate: -3, tenor: 6 },
  { standing: "d1_30", paid: 3, daysLate: 12, tenor: 10 },
  { standing: "d1_30", paid: 1, daysLate: 24, tenor: 6 },
  { standing: "d31_60", paid: 2, daysLate: 45, tenor: 10 },
  { standing: "d61_90", paid: 2, daysLate: 75, tenor: 10 },
  { standing: "d90_plus", paid: 1, daysLate: 120, tenor: 10 },
  { standing: "d90_plus", paid: 0, daysLate: 200, tenor: 12 },
  { standing: "repaid", paid: 6, daysLate: 0, tenor: 6 },
  { standing: "repaid", paid: 10, daysLate: 0, tenor: 10 },
];

/**
 * Dana PEM of the demo kelurahan in the real current year (the city's today, `seed.today`):
 * loans dated back from today so that every arrears age, an instalment due this month and
 * loans paid off are there whatever the day the demo starts, and two proposals wait for the lurah.
 * A fund that already has loans keeps them.
 */
export async function seedLiveFund(seed: CitySeed, registry: SeededHousehold[]) {
  const { db, city, tenant, today } = seed;
  const spec = { ...city.liveFund, year: today.getUTCFullYear() };
  const kelurahan = await db.area.findFirst({
    where: { tenantId: tenant.id, level: "KELURAHAN", name: spec.kelurahan },
    select: { id: true, code: true },
  });
  if (!kelurahan) throw new Error(`Kelurahan ${spec.kelurahan} not found in ${tenant.name}`);
  const fund = await upsertFund(seed, spec, kelurahan.id);
  const people = await loanPeople(seed, kelurahan.id);
  const random = createRandom(hashSeed(seed.seed, city.slug, "dana-pem-live", spec.kelurahan, spec.year));
  const local = registry.filter((h) => h.kelurahanId === kelurahan.id);
  const taken = new Set<string>();
  const outsiders = { serial: 9500 };
  const rows = emptyLoans();
  if (fund.loans === 0) {
    LIVE_LOANS.forEach((plan, i) => {
      const principal = BigInt(random.int(6, Number(spec.maxLoan / 500_000n))) * 500_000n;
      const loanId = seedId(fund.id, "live-loan", i);
      const { disbursedAt, paid: paidCount } = disbursementFor(plan, spec.graceMonths, today);
      const schedule = installments(loanId, disbursedAt, principal, serviceFeeOf(principal, spec.serviceFeeBps), plan.tenor, spec.graceMonths);
      const youth = random.chance(0.7);
      const borrower = pickBorrower(random, local, disbursedAt, youth, taken) ?? outsider(random, kelurahan.code, disbursedAt, youth, outsiders);
      const receiptPrefix = `PEM/${kelurahan.code.slice(-4)}/${spec.year}/L${String(i + 1).padStart(2, "0")}`;
      const business = random.pick(BUSINESSES);
      const paid = schedule.slice(0, paidCount);
      appendLoan(
        rows,
        lentLoan({ seed, random, spec, fundId: fund.id, loanId, borrower, business, people, disbursedAt, schedule, paid, receiptPrefix, asOf: today }),
      );
    });
    appendLoan(rows, proposals(seed, random, spec, fund.id, { local, kelurahanCode: kelurahan.code, taken, outsiders }, people));
  }
  await db.$transaction([
    db.revolvingFundCapital.createMany({
      data: fund.capitals === 0 ? capitalRows(seed, spec, fund.id, capitalDays(rows, spec.year, today)) : [],
      skipDuplicates: true,
    }),
    db.loan.createMany({ data: rows.loans, skipDuplicates: true }),
    db.loanInstallment.createMany({ data: rows.installments, skipDuplicates: true }),
    db.repayment.createMany({ data: rows.repayments, skipDuplicates: true }),
  ]);
}

/**
 * When the capital came: the balance carried over two weeks before the first loan (which may
 * be last year's), the top-up on 1 March or today when that is still ahead.
 */
function capitalDays(rows: LoanRows, year: number, today: Date): [Date, Date] {
  const firstLoan = rows.loans.reduce((first, loan) => (loan.disbursedAt ? min(first, loan.disbursedAt as Date) : first), utcDate(year, 1, 16));
  return [addDays(firstLoan, -14), min(utcDate(year, 3, 1), today)];
}

type LivePlan = (typeof LIVE_LOANS)[number];

/**
 * The disbursement day and the instalments paid that put the loan where its plan says: the
 * instalment after the paid ones falls due about `daysLate` before today (a repaid loan's last
 * one some weeks ago). Months of 28 to 31 days move due dates, so the day nearest the aim that
 * lands in the plan's standing is taken, with fewer (or more) instalments paid where no day does
 * (today the 31st, and two months back has no 31st).
 */
export function disbursementFor(plan: LivePlan, graceMonths: number, today: Date): { disbursedAt: Date; paid: number } {
  const repaid = plan.standing === "repaid";
  const monthEnd = lastDayOfMonth(today.getUTCFullYear(), today.getUTCMonth() + 1);
  const aim = addDays(today, repaid ? -20 : -plan.daysLate);
  const target = plan.standing === "dueThisMonth" ? min(aim, monthEnd) : plan.standing === "current" ? max(aim, addDays(monthEnd, 5)) : aim;
  for (const paid of repaid ? [plan.tenor] : paidChoices(plan)) {
    const seq = repaid ? plan.tenor : paid + 1;
    const estimate = addMonths(target, -(graceMonths + seq));
    for (let shift = 0; shift <= 40; shift++) {
      for (const disbursedAt of [addDays(estimate, shift), addDays(estimate, -shift)]) {
        if (disbursedAt > today) continue;
        if (standingOf(addMonths(disbursedAt, graceMonths + seq), repaid, today) === plan.standing) return { disbursedAt, paid };
      }
    }
  }
  throw new Error(`No disbursement day puts a loan in ${plan.standing} on ${today.toISOString()}`);
}

/** The plan's instalments paid, then fewer, then more (one short of the tenor at most). */
function paidChoices(plan: LivePlan): number[] {
  const fewer = Array.from({ length: plan.paid + 1 }, (_, i) => plan.paid - i);
  const more = Array.from({ length: Math.max(0, plan.tenor - 1 - plan.paid) }, (_, i) => plan.paid + 1 + i);
  return [...fewer, ...more];
}

const min = (a: Date, b: Date) => (a < b ? a : b);
const max = (a: Date, b: Date) => (a > b ? a : b);

/** Where a loan stands whose first unpaid instalment (or, repaid, whose last one) falls due on `due`. */
function standingOf(due: Date, repaid: boolean, today: Date): LiveStanding | null {
  if (repaid) return due < today ? "repaid" : null;
  if (due >= today) {
    const monthEnd = lastDayOfMonth(today.getUTCFullYear(), today.getUTCMonth() + 1);
    return due <= monthEnd ? "dueThisMonth" : "current";
  }
  return ageingBucket(daysPastDue(due, today));
}
