import type { Prisma } from "@/lib/generated/prisma/client";
import type { Sex } from "@/lib/generated/prisma/enums";
import { generateNik, nikRegionCode } from "@/lib/identity/nik";
import type { FundRulesSpec, RevolvingFundSpec } from "../cities/types";
import { nextDueDate } from "@/features/revolving-funds/allocation";
import { serviceFeeOf } from "@/features/revolving-funds/schedule";
import { YOUTH_MAX_AGE, isYouthOn } from "@/features/revolving-funds/youth";
import { addDays, utcDate } from "@/lib/calendar/days";
import { demoAccountsFor } from "../demo-accounts";
import { seedId } from "../ids";
import { createFamilyNaming } from "../names";
import { createRandom, hashSeed, type Random } from "../random";
import { candidatesOn, type Candidate } from "./candidates";
import { closedFundLoan, installments, repaidInstallments, splitPrincipals, type ScheduleLine } from "./loan-schedule";
import type { CitySeed, SeededHousehold } from "./types";

export const BUSINESSES = [
  "Kios sembako",
  "Jualan se'i babi",
  "Bengkel motor",
  "Cuci motor",
  "Jahit pakaian",
  "Warung makan",
  "Kue dan jajanan",
  "Ternak babi",
  "Ternak ayam kampung",
  "Jualan sayur keliling",
  "Sablon kaos",
  "Service AC",
  "Pulsa dan aksesoris HP",
  "Tenun ikat",
  "Pangkas rambut",
  "Jualan ikan",
  "Ojek",
];

/**
 * Dana PEM: a kelurahan fund per year with its capital, loans (mostly to young people),
 * their instalment schedules and the repayments made up to the demo's "today". An earlier
 * year's fund is closed: its loans are paid up or repaid, a few written off. A fund that
 * already has capital or loans keeps them.
 */
export async function seedRevolvingFunds(seed: CitySeed, registry: SeededHousehold[]) {
  const { db, city, tenant } = seed;
  for (const spec of city.revolvingFunds) {
    const kelurahan = await db.area.findFirst({
      where: { tenantId: tenant.id, level: "KELURAHAN", name: spec.kelurahan },
      select: { id: true, code: true },
    });
    if (!kelurahan) throw new Error(`Kelurahan ${spec.kelurahan} not found in ${tenant.name}`);
    const fund = await upsertFund(seed, spec, kelurahan.id);
    const random = createRandom(hashSeed(seed.seed, city.slug, "dana-pem", spec.kelurahan, spec.year));
    const people = await loanPeople(seed, kelurahan.id);
    const loans = fund.loans === 0 ? loanRows(seed, random, spec, fund.id, kelurahan, registry, people) : emptyLoans();
    await db.$transaction([
      db.revolvingFundCapital.createMany({ data: fund.capitals === 0 ? capitalRows(seed, spec, fund.id) : [], skipDuplicates: true }),
      db.loan.createMany({ data: loans.loans, skipDuplicates: true }),
      db.loanInstallment.createMany({ data: loans.installments, skipDuplicates: true }),
      db.repayment.createMany({ data: loans.repayments, skipDuplicates: true }),
    ]);
  }
}

export type LoanPeople = { proposerId: string | null; approverId: string | null };

/**
 * Who proposed and who approved the loans, where the kelurahan has its two demo accounts (the
 * officer and the lurah): a proposal waits for the lurah, whom the officer cannot stand in for.
 */
export async function loanPeople({ db, city, tenant }: CitySeed, kelurahanId: string): Promise<LoanPeople> {
  const accounts = demoAccountsFor(city.slug, city.demoKelurahan).filter((account) => account.role === "KELURAHAN");
  const users = await db.user.findMany({
    where: { tenantId: tenant.id, kelurahanId, email: { in: accounts.map((account) => account.email) } },
    select: { id: true, email: true },
  });
  const idOf = (who: string) => users.find((user) => user.email.startsWith(`${who}.`))?.id ?? null;
  return { proposerId: idOf("kelurahan"), approverId: idOf("lurah") };
}

/** The fund by its natural key (kelurahan, year), with how many capitals and loans it has. */
export async function upsertFund({ db, city, tenant }: CitySeed, spec: FundRulesSpec & { year: number }, kelurahanId: string) {
  const existing = await db.revolvingFund.findUnique({
    where: { tenantId_kelurahanId_year: { tenantId: tenant.id, kelurahanId, year: spec.year } },
    select: { id: true },
  });
  if (existing) {
    const fundId = existing.id;
    return {
      id: fundId,
      capitals: await db.revolvingFundCapital.count({ where: { tenantId: tenant.id, fundId } }),
      loans: await db.loan.count({ where: { tenantId: tenant.id, fundId } }),
    };
  }
  const { id } = await db.revolvingFund.create({
    data: {
      tenantId: tenant.id,
      id: seedId(city.slug, "fund", spec.kelurahan, spec.year),
      kelurahanId,
      year: spec.year,
      lpmName: spec.lpmName,
      maxLoan: spec.maxLoan,
      maxTenorMonths: spec.maxTenorMonths,
      serviceFeeBps: spec.serviceFeeBps,
      graceMonths: spec.graceMonths,
    },
    select: { id: true },
  });
  return { id, capitals: 0, loans: 0 };
}

/** The carried-over balance and this year's top-up, received on `receivedOn` (default: 2 January and 1 March). */
export function capitalRows(
  { tenant }: CitySeed,
  spec: FundRulesSpec & { year: number },
  fundId: string,
  receivedOn: readonly [Date, Date] = [utcDate(spec.year, 1, 2), utcDate(spec.year, 3, 1)],
): Prisma.RevolvingFundCapitalCreateManyInput[] {
  return [
    {
      tenantId: tenant.id,
      id: seedId(fundId, "capital", 0),
      fundId,
      amount: spec.carriedOver,
      source: "OTHER",
      receivedAt: receivedOn[0],
      note: "Saldo dana bergulir dari tahun sebelumnya",
    },
    {
      tenantId: tenant.id,
      id: seedId(fundId, "capital", 1),
      fundId,
      amount: spec.topUp,
      source: "APBD",
      receivedAt: receivedOn[1],
      note: `Tambahan modal Dana PEM dari APBD ${tenant.name} ${spec.year}`,
    },
  ];
}

export type LoanRows = ReturnType<typeof emptyLoans>;

export function emptyLoans() {
  return {
    loans: [] as Prisma.LoanCreateManyInput[],
    installments: [] as Prisma.LoanInstallmentCreateManyInput[],
    repayments: [] as Prisma.RepaymentCreateManyInput[],
  };
}

function loanRows(
  seed: CitySeed,
  random: Random,
  spec: RevolvingFundSpec,
  fundId: string,
  kelurahan: { id: string; code: string },
  registry: SeededHousehold[],
  people: LoanPeople,
) {
  const { today } = seed;
  const rows = emptyLoans();
  const local = registry.filter((h) => h.kelurahanId === kelurahan.id);
  const taken = new Set<string>();
  const outsiders = { serial: 9000 };
  const principals = splitPrincipals(random, spec);

  principals.forEach((principal, i) => {
    const disbursedAt = utcDate(spec.year, random.int(2, 7), random.int(1, 28));
    const youth = random.chance(spec.youthShare);
    const borrower = pickBorrower(random, local, disbursedAt, youth, taken) ?? outsider(random, kelurahan.code, disbursedAt, youth, outsiders);
    const tenorMonths = random.pick([6, 10, 12].filter((tenor) => tenor <= spec.maxTenorMonths));
    const loanId = seedId(fundId, "loan", i);
    const business = random.pick(BUSINESSES);
    const schedule = installments(loanId, disbursedAt, principal, serviceFeeOf(principal, spec.serviceFeeBps), tenorMonths, spec.graceMonths);
    const { paid, writtenOffAt } =
      spec.year < today.getUTCFullYear() ? closedFundLoan(random, schedule, today) : { paid: repaidInstallments(random, schedule, today) };
    const receiptPrefix = `PEM/${kelurahan.code.slice(-4)}/${spec.year}/${String(i + 1).padStart(3, "0")}`;
    appendLoan(
      rows,
      lentLoan({ seed, random, spec, fundId, loanId, borrower, business, people, disbursedAt, schedule, paid, receiptPrefix, asOf: today, writtenOffAt }),
    );
  });

  if (spec.year === today.getUTCFullYear())
    appendLoan(rows, proposals(seed, random, spec, fundId, { local, kelurahanCode: kelurahan.code, taken, outsiders }, people));
  return rows;
}

/** Two proposals waiting for the lurah in the current year's fund. */
export function proposals(
  { tenant, today }: CitySeed,
  random: Random,
  spec: FundRulesSpec,
  fundId: string,
  pool: { local: SeededHousehold[]; kelurahanCode: string; taken: Set<string>; outsiders: { serial: number } },
  people: LoanPeople,
): LoanRows {
  const rows = emptyLoans();
  for (let i = 0; i < 2; i++) {
    const borrower = pickBorrower(random, pool.local, today, true, pool.taken) ?? outsider(random, pool.kelurahanCode, today, true, pool.outsiders);
    const business = random.pick(BUSINESSES);
    rows.loans.push({
      tenantId: tenant.id,
      id: seedId(fundId, "proposal", i),
      fundId,
      round: 2,
      borrowerNik: borrower.nik,
      borrowerName: borrower.name,
      memberId: borrower.memberId,
      householdId: borrower.householdId,
      isYouth: true,
      businessType: business,
      purpose: `Modal awal usaha ${business.toLowerCase()}`,
      principal: 5_000_000n,
      tenorMonths: 10,
      serviceFee: serviceFeeOf(5_000_000n, spec.serviceFeeBps),
      graceMonths: spec.graceMonths,
      status: "PROPOSED",
      createdById: people.proposerId,
    });
  }
  return rows;
}

export function appendLoan(rows: LoanRows, loan: LoanRows) {
  rows.loans.push(...loan.loans);
  rows.installments.push(...loan.installments);
  rows.repayments.push(...loan.repayments);
}

type LentLoan = {
  seed: CitySeed;
  random: Random;
  spec: FundRulesSpec;
  fundId: string;
  loanId: string;
  borrower: Borrower;
  business: string;
  people: LoanPeople;
  disbursedAt: Date;
  schedule: ScheduleLine[];
  /** The instalments paid in full, each by one repayment around its due date, never after `asOf`. */
  paid: ScheduleLine[];
  receiptPrefix: string;
  asOf: Date;
  /** When a loan the borrower stopped paying was written off as bad debt. */
  writtenOffAt?: Date;
};

/** A disbursed loan, its schedule and its repayments, with the loan's totals and next due date matching them. */
export function lentLoan({
  seed,
  random,
  spec,
  fundId,
  loanId,
  borrower,
  business,
  people,
  disbursedAt,
  schedule,
  paid,
  receiptPrefix,
  asOf,
  writtenOffAt,
}: LentLoan): LoanRows {
  const { tenant } = seed;
  const principal = schedule.reduce((sum, line) => sum + line.principalDue, 0n);
  const loan: Prisma.LoanCreateManyInput = {
    tenantId: tenant.id,
    id: loanId,
    fundId,
    round: 1,
    borrowerNik: borrower.nik,
    borrowerName: borrower.name,
    memberId: borrower.memberId,
    householdId: borrower.householdId,
    isYouth: isYouthOn(borrower.birthDate, disbursedAt),
    businessType: business,
    purpose: `Tambahan modal usaha ${business.toLowerCase()}`,
    principal,
    tenorMonths: schedule.length,
    serviceFee: schedule.reduce((sum, line) => sum + line.feeDue, 0n),
    graceMonths: spec.graceMonths,
    status: paid.length === schedule.length ? "REPAID" : writtenOffAt ? "WRITTEN_OFF" : "DISBURSED",
    ...(writtenOffAt && paid.length < schedule.length
      ? {
          writtenOffAt,
          writeOffReason: "Peminjam pindah ke luar daerah dan tidak dapat ditagih lagi",
          writeOffApprover: `Rapat LPM dan ${spec.approvedByName}`,
        }
      : {}),
    principalRepaid: paid.reduce((sum, line) => sum + line.principalDue, 0n),
    feePaid: paid.reduce((sum, line) => sum + line.feeDue, 0n),
    nextDueDate: nextDueDate(
      schedule,
      paid.reduce((sum, line) => sum + line.principalDue + line.feeDue, 0n),
    ),
    // The lurah's account where the kelurahan has one; elsewhere the name, as loans approved before accounts were recorded.
    ...(people.approverId ? { approvedById: people.approverId } : { approvedByName: spec.approvedByName }),
    createdById: people.proposerId,
    approvedAt: addDays(disbursedAt, -random.int(3, 10)),
    disbursedAt,
  };
  const repayments = paid.map((line, n) => {
    const paidAt = addDays(line.dueDate, random.int(-5, 3));
    return {
      tenantId: tenant.id,
      id: seedId(loanId, "repayment", n),
      loanId,
      paidAt: paidAt > asOf ? asOf : paidAt < disbursedAt ? disbursedAt : paidAt,
      amount: line.principalDue + line.feeDue,
      principalPart: line.principalDue,
      feePart: line.feeDue,
      receiptNo: `${receiptPrefix}-${String(n + 1).padStart(2, "0")}`,
    };
  });
  return { loans: [loan], installments: schedule.map((line) => ({ tenantId: tenant.id, ...line })), repayments };
}

export type Borrower = { nik: string; name: string; birthDate: Date; memberId: string | null; householdId: string | null };

export function pickBorrower(random: Random, local: SeededHousehold[], day: Date, youth: boolean, taken: Set<string>): Borrower | null {
  const pool: Candidate[] = candidatesOn(local, day, youth ? [18, YOUTH_MAX_AGE] : [YOUTH_MAX_AGE + 1, 55], 10).filter((c) => !taken.has(c.member.id));
  if (pool.length === 0) return null;
  const { household, member } = random.pick(pool);
  taken.add(member.id);
  return { nik: member.nik, name: member.name, birthDate: member.birthDate, memberId: member.id, householdId: household.id };
}

/** A borrower who is not in the welfare registry: Dana PEM is open to any resident. */
export function outsider(random: Random, kelurahanCode: string, day: Date, youth: boolean, counter: { serial: number }): Borrower {
  const sex: Sex = random.chance(0.55) ? "MALE" : "FEMALE";
  const age = youth ? random.int(19, YOUTH_MAX_AGE) : random.int(YOUTH_MAX_AGE + 1, 55);
  const birthDate = addDays(utcDate(day.getUTCFullYear() - age, day.getUTCMonth() + 1, day.getUTCDate()), -random.int(0, 364));
  const name = createFamilyNaming(random.chance(0.8) ? "timor" : "umum", random).head(sex);
  // Serials from 9000 keep clear of the registry's, which count up from 1.
  const nik = generateNik({ regionCode: nikRegionCode(kelurahanCode), birthDate, sex, serial: counter.serial++ });
  return { nik, name, birthDate, memberId: null, householdId: null };
}
