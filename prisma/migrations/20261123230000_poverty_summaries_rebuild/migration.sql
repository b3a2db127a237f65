-- Recomputes the Bapeda dashboard's household counts (HouseholdAreaCount, migration
-- poverty_dashboard_summaries) for one tenant (NULL: every tenant) from the registry. The
-- reach summary has its own, entas_reach_rebuild (migration unify_household_reach), which
-- entas_dash_rebuild calls. For bulk loads made with the triggers off (scripts/bench/generate-city.ts
-- loads a city of a million households by COPY under session_replication_role = replica),
-- and to check the triggers.
CREATE OR REPLACE FUNCTION entas_poverty_rebuild(p_tenant text) RETURNS void
  LANGUAGE plpgsql
  AS $$
BEGIN
  DELETE FROM "HouseholdAreaCount" WHERE p_tenant IS NULL OR "tenantId" = p_tenant;

  INSERT INTO "HouseholdAreaCount" ("tenantId", "kecamatanId", "kelurahanId", desil, "isExtremePoor", status, households)
  SELECT "tenantId", "kecamatanId", "kelurahanId", coalesce(desil, 0), "isExtremePoor", status, count(*)
    FROM "Household" WHERE p_tenant IS NULL OR "tenantId" = p_tenant
   GROUP BY 1, 2, 3, 4, 5, 6;

END
$$;
