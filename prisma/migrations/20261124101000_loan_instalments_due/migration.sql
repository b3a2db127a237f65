-- How many of a loan's instalments have fallen due by today, for the Dana PEM roll-up
-- (lib/dashboards/fund-rollup/queries.ts). The schedule rule of lib/revolving-funds/schedule.ts:
-- instalment k (1 … tenor) falls due grace + k months after disbursement, on the same day of
-- the month or, past a month's end, on its last day. So the count is the whole months elapsed
-- minus the grace, between 0 and the tenor. The months are counted on integers: d + n months
-- lies after today exactly when d's day of the month is later than today's and today is not
-- the last day of its month. Today comes in parts (month index, day, month end) computed once
-- per query: the roll-up evaluates this on every loan of the city, and interval arithmetic per
-- loan had cost it most of its time. tests/integration/loan-instalments-due.test.ts holds it
-- equal to the schedule.
CREATE OR REPLACE FUNCTION entas_month_index(p_day date) RETURNS int
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT date_part('year', p_day)::int * 12 + date_part('month', p_day)::int - 1
$$;

CREATE OR REPLACE FUNCTION entas_instalments_due(p_disbursed date, p_today_month int, p_today_day int, p_today_is_month_end boolean,
                                                 p_grace int, p_tenor int) RETURNS int
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT GREATEST(0, LEAST(p_tenor,
           p_today_month - entas_month_index(p_disbursed)
           - CASE WHEN NOT p_today_is_month_end AND date_part('day', p_disbursed) > p_today_day THEN 1 ELSE 0 END
           - p_grace))
$$;
