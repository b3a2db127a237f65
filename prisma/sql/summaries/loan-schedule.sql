-- How many of a loan's instalments have fallen due by today, for the Dana PEM roll-up
-- (features/dashboards/revolving-funds/queries.ts), as integer arithmetic: the roll-up counts it
-- on every lent loan of the city per view, and date arithmetic per loan had cost it most of its
-- time. No table of its own: the start of each loan's schedule is stored on the loan itself, in
-- two generated columns PostgreSQL keeps equal to "disbursedAt" and "graceMonths" on every
-- write (COPY included):
--   "Loan"."scheduleMonth" = entas_month_index("disbursedAt") + "graceMonths"
--   "Loan"."scheduleDay"   = the day of the month of "disbursedAt"
-- The schedule rule (features/revolving-funds/schedule.ts): instalment k (1 … tenor) falls due
-- grace + k months after disbursement, on the same day of the month or, past a month's end, on
-- its last day.
--   tested    features/revolving-funds/tests/loan-instalments-due.test.ts (equal to the schedule
--             for every disbursement day of 17 months against month ends, leap days, grace);
--             features/revolving-funds/tests/revolving-funds.test.ts ("counts as fallen due
--             exactly what the schedule says")
-- Repeatable (prisma/sql/README.md): run it again and nothing changes. entas_month_index is
-- part of a generated column's expression: a change to what it returns needs the column
-- recomputed (a migration that drops and adds the column), not only this file.

-- A date's month as one integer: year × 12 + month − 1.
CREATE OR REPLACE FUNCTION entas_month_index(p_day date) RETURNS int
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT date_part('year', p_day)::int * 12 + date_part('month', p_day)::int - 1
$$;

-- The whole months elapsed since the schedule month, less one when the schedule's day of the
-- month is later than today's and today is not the last day of its month, between 0 and the
-- tenor. Today comes in parts (month index, day, month end), computed once per query.
CREATE OR REPLACE FUNCTION entas_instalments_due_from(p_schedule_month int, p_schedule_day int, p_today_month int, p_today_day int,
                                                      p_today_is_month_end boolean, p_tenor int) RETURNS int
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT GREATEST(0, LEAST(p_tenor,
           p_today_month - p_schedule_month
           - CASE WHEN NOT p_today_is_month_end AND p_schedule_day > p_today_day THEN 1 ELSE 0 END))
$$;
