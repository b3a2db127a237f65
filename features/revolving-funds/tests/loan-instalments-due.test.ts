import { afterAll, beforeAll, expect, it } from "vitest";
import { loanSchedule } from "@/features/revolving-funds/schedule";
import { addDays, utcDate } from "@/lib/calendar/days";
import { openTestOwnerDb, type TestOwnerDb } from "@/tests/helpers/db";

// The Dana PEM roll-up counts a loan's instalments fallen due with entas_instalments_due_from
// (prisma/sql/summaries/loan-schedule.sql) on the loan's stored schedule start, computed here by the
// same expressions as the generated columns Loan.scheduleMonth and Loan.scheduleDay; the
// schedule is lib/revolving-funds/schedule.ts.
// Every disbursement day from November 2023 to March 2025 against month ends, leap days and
// ordinary days.

let t: TestOwnerDb;

beforeAll(async () => {
  t = await openTestOwnerDb();
});

afterAll(async () => {
  await t?.close();
});

const day = (date: Date) => date.toISOString().slice(0, 10);

it("counts as fallen due exactly the instalments the schedule dates on or before today", async () => {
  const todays = ["2024-02-28", "2024-02-29", "2024-03-30", "2024-03-31", "2024-04-30", "2024-06-15", "2024-12-31", "2025-01-30", "2025-02-28", "2025-03-01"];
  const cases: { disbursed: string; today: string; grace: number; tenor: number; expected: number }[] = [];
  for (let d = utcDate(2023, 11, 1); d <= utcDate(2025, 3, 31); d = addDays(d, 1)) {
    for (const [i, today] of todays.entries()) {
      const grace = i % 3;
      const tenor = [1, 3, 12][(i + d.getUTCDate()) % 3]!;
      const schedule = loanSchedule({ disbursedAt: d, principal: 1_000_000n, serviceFee: 0n, tenorMonths: tenor, graceMonths: grace });
      const expected = schedule.filter((line) => day(line.dueDate) <= today).length;
      cases.push({ disbursed: day(d), today, grace, tenor, expected });
    }
  }
  const rows = await t.db.$queryRawUnsafe<{ n: number }[]>(
    `SELECT entas_instalments_due_from(entas_month_index(d) + g, date_part('day', d)::int,
                                      entas_month_index(t), date_part('day', t)::int, date_part('day', t + 1) = 1, n) AS n
       FROM unnest($1::date[], $2::date[], $3::int[], $4::int[]) WITH ORDINALITY AS c(d, t, g, n, i) ORDER BY i`,
    cases.map((c) => c.disbursed),
    cases.map((c) => c.today),
    cases.map((c) => c.grace),
    cases.map((c) => c.tenor),
  );
  const wrong = cases.filter((c, i) => rows[i]!.n !== c.expected);
  expect(wrong).toEqual([]);
  expect(cases.some((c) => c.expected > 0 && c.expected < c.tenor)).toBe(true);
});
