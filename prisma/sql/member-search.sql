-- The registry's "contains" name search at a million households.
--   entas_member_households_named(tenant, pattern, max_rows)  household ids of the tenant with a
--                                                             member whose name matches,
--                                                             case-insensitively
-- Under row-level security PostgreSQL uses an index only through leakproof operators, and ILIKE
-- is not one: as entas_app a "contains" search would read every member of the city. A trigram
-- index ("Member_name_trgm_idx", made by the baseline migration where pg_trgm is available)
-- answers ILIKE '%…%', and this SECURITY DEFINER function (which runs as the owner, so without
-- row-level security) lets the planner use it. The caller names its tenant, and the statement
-- compares "tenantId" with that parameter, which a distributed PostgreSQL routes to one shard (a
-- function call it cannot); a tenant other than the current transaction's gets nothing, so the
-- function can never answer for another city.
-- Rows are member rows, not distinct households: a distinct set cannot stop early, and for a
-- fragment common in names ("wati") the whole set takes seconds. The caller says how many rows
-- it wants: a rare fragment is answered whole from the trigram index, a common one is recognised
-- after a few thousand rows, and the search then walks the households in page order instead
-- (features/registry/search). EXECUTE plans the statement with the actual pattern and limit each
-- time, so the planner picks the index for a rare fragment and a short scan for a common one.
-- Tested by features/registry/tests/registry-search.test.ts, and without pg_trgm by
-- tests/integration/migrate.test.ts.
-- Repeatable (prisma/sql/README.md): run it again and nothing changes.

CREATE OR REPLACE FUNCTION entas_member_households_named(tenant text, pattern text, max_rows integer)
  RETURNS SETOF text
  LANGUAGE plpgsql STABLE SECURITY DEFINER
  SET search_path = public
  ROWS 200
  AS $$
BEGIN
  IF tenant IS NULL OR tenant IS DISTINCT FROM entas_current_tenant() THEN
    RETURN;
  END IF;
  RETURN QUERY EXECUTE
    'SELECT m."householdId" FROM "Member" m WHERE m."tenantId" = $1 AND m."name" ILIKE $2 LIMIT $3'
    USING tenant, pattern, max_rows;
END
$$;

REVOKE ALL ON FUNCTION entas_member_households_named(text, text, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION entas_member_households_named(text, text, integer) TO entas_app;
