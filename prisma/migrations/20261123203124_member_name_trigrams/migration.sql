-- The registry's "contains" name search at a million households (issue 4, item 3).
--
-- Under row-level security PostgreSQL uses an index only through leakproof operators, and
-- ILIKE is not one: as `entas_app` a "contains" search reads every member of the city.
-- A trigram index answers ILIKE '%…%', and a SECURITY DEFINER function (which runs as the
-- owner, so without RLS) lets the planner use it. The function filters by the tenant of
-- the current transaction itself, so it can never answer for another city.
--
-- pg_trgm is part of PostgreSQL's contrib (and of PGlite, when lib/db/pglite.ts loads it).
-- Where it is missing the index is skipped and the function scans: slower, still correct.
DO $$
BEGIN
  CREATE EXTENSION IF NOT EXISTS pg_trgm;
  -- CreateIndex
  CREATE INDEX IF NOT EXISTS "Member_name_trgm_idx" ON "Member" USING GIN ("name" gin_trgm_ops);
EXCEPTION
  WHEN undefined_file OR undefined_object OR insufficient_privilege OR feature_not_supported THEN
    RAISE NOTICE 'pg_trgm is not available (%): the registry name search will scan', SQLERRM;
END
$$;

-- Household ids of the current tenant with a member whose name matches a LIKE pattern,
-- case-insensitively. Called only from lib/registry/search inside a tenant scope.
CREATE OR REPLACE FUNCTION entas_member_households_named(pattern text)
  RETURNS SETOF text
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = public
  ROWS 200
  AS $$
    SELECT DISTINCT m."householdId" FROM "Member" m
    WHERE m."tenantId" = entas_current_tenant() AND m."name" ILIKE pattern
  $$;

REVOKE ALL ON FUNCTION entas_member_households_named(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION entas_member_households_named(text) TO entas_app;
