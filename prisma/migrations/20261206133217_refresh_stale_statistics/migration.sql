-- ─── begin repeatable statistics.sql ───
-- Planner statistics after bulk writes.
--   entas_refresh_statistics(table_names)  ANALYZE of the named tables, as their owner
--   entas_refresh_stale_statistics()       ANALYZE of the tables much changed since their last one (the scheduled job)
-- The planner chooses its plans from the statistics ANALYZE leaves. Autovacuum refreshes them
-- late on a busy server, or never where it is off: after a 100,000-household import the poverty
-- dashboard's plans were made for an almost empty registry and ran for a minute. Every import or
-- job that writes many rows asks for its tables here (lib/db/refresh-statistics.ts). Only a
-- table's owner may ANALYZE it, and the app's role entas_app owns none: this function runs as the
-- owner, and only for the tables below, those bulk writers fill (directly or through the
-- summary triggers; lib/db/refresh-statistics.ts lists the same). A name outside the list is refused; the tables are analysed in name order,
-- so two imports at once take their locks in the same order.
-- Tested by tests/integration/refresh-statistics.test.ts.
-- Repeatable (prisma/sql/README.md): run it again and nothing changes.

CREATE OR REPLACE FUNCTION entas_refresh_statistics(table_names text[]) RETURNS void
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER
  SET search_path = public
  AS $$
DECLARE
  allowed constant text[] := ARRAY[
    'AidDistribution', 'AuditLog', 'BudgetRealisation', 'DashboardTrainingCount', 'DuplicateCandidate',
    'Household', 'HouseholdAreaCount', 'HouseholdDesilChange', 'HouseholdReach', 'HouseholdStatusEvent',
    'HouseholdYearReach', 'Loan', 'LoanRound', 'Member', 'PovertyStatistic', 'ReachAreaCount',
    'ReachOpdCount', 'ReachProgrammeCount', 'ReachResultCount', 'Repayment', 'TrainingParticipant'
  ];
  name text;
BEGIN
  FOREACH name IN ARRAY coalesce(table_names, ARRAY[]::text[]) LOOP
    IF name IS NULL OR NOT name = ANY (allowed) THEN
      RAISE EXCEPTION 'entas_refresh_statistics: % is not a table bulk writers fill', coalesce(quote_ident(name), 'NULL')
        USING ERRCODE = 'insufficient_privilege';
    END IF;
  END LOOP;
  FOR name IN SELECT DISTINCT n FROM unnest(table_names) AS n ORDER BY n LOOP
    EXECUTE format('ANALYZE %I', name);
  END LOOP;
END
$$;

REVOKE ALL ON FUNCTION entas_refresh_statistics(text[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION entas_refresh_statistics(text[]) TO entas_app;

-- Planner statistics for the tables that changed much since they were last analysed, as
-- autovacuum would (which is off, or late, on many servers). Only the owner may ANALYZE;
-- the scheduled job calls this as the app.
CREATE OR REPLACE FUNCTION entas_refresh_stale_statistics() RETURNS integer
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  t record;
  n integer := 0;
BEGIN
  FOR t IN
    SELECT relname FROM pg_stat_user_tables
     WHERE schemaname = 'public' AND n_mod_since_analyze > 50 + 0.1 * GREATEST(n_live_tup, 0)
  LOOP
    EXECUTE format('ANALYZE public.%I', t.relname);
    n := n + 1;
  END LOOP;
  RETURN n;
END $$;
REVOKE ALL ON FUNCTION entas_refresh_stale_statistics() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION entas_refresh_stale_statistics() TO entas_app;
-- ─── end repeatable statistics.sql ───
