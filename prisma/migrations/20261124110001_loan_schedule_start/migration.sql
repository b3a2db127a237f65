-- Where each loan's schedule starts, as integers, for the Dana PEM roll-up: the month index of
-- disbursement plus the grace months, and the day of the month. The roll-up counts every
-- lent loan's instalments due on each view (entas_instalments_due), and taking the dates
-- apart per loan cost it about a third of its time; stored, the count is integer arithmetic.
-- Generated columns: PostgreSQL keeps them equal to disbursedAt and graceMonths on every
-- write, COPY included, so no writer can forget them.
ALTER TABLE "Loan"
  ADD COLUMN "scheduleMonth" INTEGER GENERATED ALWAYS AS (entas_month_index("disbursedAt") + "graceMonths") STORED,
  ADD COLUMN "scheduleDay" INTEGER GENERATED ALWAYS AS (date_part('day', "disbursedAt")::int) STORED;

-- How many of a loan's instalments have fallen due by today, from the stored start (this
-- replaces entas_instalments_due of migration loan_instalments_due, which took the dates apart
-- per loan): the whole months elapsed since the schedule month, less one when the schedule's
-- day of the month is later than today's and today is not the last day of its month, between
-- 0 and the tenor. tests/integration/loan-instalments-due.test.ts holds it equal to
-- lib/revolving-funds/schedule.ts.
DROP FUNCTION entas_instalments_due(date, int, int, boolean, int, int);

CREATE OR REPLACE FUNCTION entas_instalments_due_from(p_schedule_month int, p_schedule_day int, p_today_month int, p_today_day int,
                                                      p_today_is_month_end boolean, p_tenor int) RETURNS int
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT GREATEST(0, LEAST(p_tenor,
           p_today_month - p_schedule_month
           - CASE WHEN NOT p_today_is_month_end AND p_schedule_day > p_today_day THEN 1 ELSE 0 END))
$$;
