-- Recomputes the Bapeda dashboard's summaries (migration poverty_dashboard_summaries) for one
-- tenant (NULL: every tenant) from the registry and the verified entries, as that migration
-- first filled them. For bulk loads made with the triggers off (scripts/bench/generate-city.ts
-- loads a city of a million households by COPY under session_replication_role = replica),
-- and to check the triggers. entas_dash_rebuild does the same for the results summaries.
CREATE OR REPLACE FUNCTION entas_poverty_rebuild(p_tenant text) RETURNS void
  LANGUAGE plpgsql
  AS $$
BEGIN
  DELETE FROM "HouseholdAreaCount" WHERE p_tenant IS NULL OR "tenantId" = p_tenant;
  DELETE FROM "HouseholdReach" WHERE p_tenant IS NULL OR "tenantId" = p_tenant;

  INSERT INTO "HouseholdAreaCount" ("tenantId", "kecamatanId", "kelurahanId", desil, "isExtremePoor", status, households)
  SELECT "tenantId", "kecamatanId", "kelurahanId", coalesce(desil, 0), "isExtremePoor", status, count(*)
    FROM "Household" WHERE p_tenant IS NULL OR "tenantId" = p_tenant
   GROUP BY 1, 2, 3, 4, 5, 6;

  INSERT INTO "HouseholdReach" ("tenantId", "fiscalYear", "programmeId", "opdId", "householdId",
                                "kecamatanId", "kelurahanId", desil, "isExtremePoor", active, entries)
  SELECT e.t, e.y, e.p, e.o, e.h, h."kecamatanId", h."kelurahanId", h.desil, h."isExtremePoor", h.status = 'ACTIVE', sum(e.n)
  FROM (
    SELECT p."tenantId" t, pr."fiscalYear" y, tr."programmeId" p, tr."opdId" o, p."householdId" h, 1 n
      FROM "TrainingParticipant" p
      JOIN "Training" tr ON tr."tenantId" = p."tenantId" AND tr.id = p."trainingId"
      JOIN "Programme" pr ON pr."tenantId" = tr."tenantId" AND pr.id = tr."programmeId"
     WHERE p.status = 'VERIFIED' AND p.completion <> 'DROPPED' AND (p_tenant IS NULL OR p."tenantId" = p_tenant)
    UNION ALL
    SELECT a."tenantId", pr."fiscalYear", coalesce(orig."programmeId", a."programmeId"), coalesce(orig."opdId", a."opdId"),
           coalesce(orig."householdId", a."householdId"), CASE WHEN a."reversesId" IS NULL THEN 1 ELSE -1 END
      FROM "AidDistribution" a
      LEFT JOIN "AidDistribution" orig ON orig."tenantId" = a."tenantId" AND orig.id = a."reversesId"
      JOIN "Programme" pr ON pr."tenantId" = a."tenantId" AND pr.id = coalesce(orig."programmeId", a."programmeId")
     WHERE a.status = 'VERIFIED' AND (p_tenant IS NULL OR a."tenantId" = p_tenant)
  ) e
  JOIN "Household" h ON h."tenantId" = e.t AND h.id = e.h
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10
  HAVING sum(e.n) > 0;
END
$$;
