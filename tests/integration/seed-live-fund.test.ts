// The demo's Dana PEM looks alive on whatever day the demo starts: the demo kelurahan's fund of
// the current year has loans of every arrears age, one due this month and loans paid off, dated
// back from the city's today; a loan's totals match its repayments.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fundLedger, reconciles } from "@/features/revolving-funds/ledger";
import { fundAgeing } from "@/features/revolving-funds/queries";
import { fundPageContext } from "@/features/revolving-funds/page-context";
import { listRegencyAreas } from "@/features/areas";
import { addDays, lastDayOfMonth, utcDate } from "@/lib/calendar/days";
import { mataram, seedDemo, type CitySpec } from "@/prisma/demo";
import { disbursementFor, LIVE_LOANS } from "@/prisma/demo/steps/seed-live-fund";
import { openTestDb, openTestOwnerDb, uniqueSuffix, type TestDb, type TestOwnerDb } from "../helpers/db";

let owner: TestOwnerDb;
let t: TestDb;

beforeAll(async () => {
  owner = await openTestOwnerDb();
  t = await openTestDb();
});

afterAll(async () => {
  await owner?.close();
  await t?.close();
});

// 02:00 UTC on 31 January 2027 is 10:00 in Mataram (WITA): a month's last day, two months after a November
// without a 31st, before the 1 March top-up, with the oldest loans lent last year.
const now = new Date("2027-01-31T02:00:00Z");
const today = utcDate(2027, 1, 31);

describe("the demo kelurahan's Dana PEM of the current year", () => {
  let city: CitySpec;
  let tenantId: string;
  let fundId: string;

  beforeAll(async () => {
    // Mataram's plan in Kota Bima (52.72): a city's Kemendagri code is unique, and other test files seed Mataram and Kupang.
    const kelurahan = (await listRegencyAreas("52.72"))[0]!.kelurahan[0]!.name;
    city = { ...mataram, slug: `bima-${uniqueSuffix()}`, kemendagriCode: "52.72", demoKelurahan: kelurahan, liveFund: { ...mataram.liveFund, kelurahan } };
    await seedDemo(owner.db, { cities: [city], households: 40, now });
    tenantId = (await owner.db.tenant.findUniqueOrThrow({ where: { slug: city.slug } })).id;
    fundId = (await owner.db.revolvingFund.findFirstOrThrow({ where: { tenantId, year: 2027, kelurahan: { name: kelurahan } } })).id;
  }, 120_000);

  it("has a loan in every arrears age", async () => {
    const ageing = await t.withTenant(tenantId, (tx) => fundAgeing(tx, fundId, today));
    for (const row of ageing) expect(row.loans, row.bucket).toBeGreaterThan(0);
  });

  it("has an instalment due later this month, and loans paid off", async () => {
    const loans = await owner.db.loan.findMany({ where: { tenantId, fundId } });
    const monthEnd = lastDayOfMonth(2027, 1);
    expect(loans.filter((loan) => loan.status === "DISBURSED" && loan.nextDueDate! >= today && loan.nextDueDate! <= monthEnd).length).toBeGreaterThan(0);
    expect(loans.filter((loan) => loan.status === "REPAID").length).toBeGreaterThan(0);
    expect(loans.every((loan) => loan.disbursedAt! <= today)).toBe(true);
  });

  it("keeps each loan's totals equal to its repayments, none after today", async () => {
    const loans = await owner.db.loan.findMany({ where: { tenantId, fundId }, include: { repayments: true, installments: true } });
    for (const loan of loans) {
      expect(loan.repayments.reduce((sum, r) => sum + r.principalPart, 0n)).toBe(loan.principalRepaid);
      expect(loan.repayments.reduce((sum, r) => sum + r.feePart, 0n)).toBe(loan.feePaid);
      expect(loan.repayments.every((r) => r.paidAt <= today && r.paidAt >= loan.disbursedAt!)).toBe(true);
      expect(loan.principalRepaid === loan.principal).toBe(loan.status === "REPAID");
    }
  });

  it("balances: capital received by today, less what is lent out, is the cash", async () => {
    const ledger = await t.withTenant(tenantId, (tx) => fundLedger(tx, fundId));
    expect(reconciles(ledger)).toBe(true);
    const capitals = await owner.db.revolvingFundCapital.findMany({ where: { tenantId, fundId } });
    expect(capitals.length).toBeGreaterThan(0);
    expect(capitals.every((capital) => capital.receivedAt <= today)).toBe(true);
  });

  it("is the fund the officer's Dana PEM page opens on", async () => {
    const kelurahanId = (await owner.db.revolvingFund.findUniqueOrThrow({ where: { tenantId_id: { tenantId, id: fundId } } })).kelurahanId;
    const opened = await t.withTenant(tenantId, (tx) => fundPageContext(tx, { id: "officer", role: "KELURAHAN", kelurahanId, tenantId }, {}, now));
    expect(opened).toMatchObject({ year: 2027, fund: { id: fundId } });
  });

  it("adds nothing when seeded again on a later day of the same year", async () => {
    const before = await owner.db.loan.count({ where: { tenantId } });
    await seedDemo(owner.db, { cities: [city], households: 40, now: new Date("2027-06-01T02:00:00Z") });
    expect(await owner.db.loan.count({ where: { tenantId } })).toBe(before);
  }, 120_000);
});

describe("the live fund's loan plan", () => {
  it("places every loan where its plan says on every day of a year, leap day included", () => {
    const monthEnd = (day: Date) => lastDayOfMonth(day.getUTCFullYear(), day.getUTCMonth() + 1);
    for (let day = utcDate(2028, 1, 1); day <= utcDate(2028, 12, 31); day = addDays(day, 1)) {
      for (const plan of LIVE_LOANS) {
        const { disbursedAt } = disbursementFor(plan, 1, day);
        expect(disbursedAt <= day).toBe(true);
        expect(disbursedAt > addDays(monthEnd(day), -420)).toBe(true);
      }
    }
  });
});
