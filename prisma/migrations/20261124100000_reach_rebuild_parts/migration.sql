-- The summary rebuilds in parts, so a bulk load (scripts/bench/generate-city.ts) can run
-- independent parts side by side on separate connections. The whole-rebuild functions keep
-- their names and results: entas_dash_rebuild = entas_reach_rebuild + training counts;
-- entas_reach_rebuild = entries + entas_reach_counts_rebuild; the latter = year rows + counts.

-- HouseholdReach from verified entries (body of entas_reach_rebuild, migration reach_counts).
CREATE OR REPLACE FUNCTION entas_reach_entries_rebuild(p_tenant text) RETURNS void
  LANGUAGE plpgsql AS $$
BEGIN
  PERFORM set_config('entas.reach_rebuild', 'on', true);
  DELETE FROM "HouseholdReach" WHERE p_tenant IS NULL OR "tenantId" = p_tenant;
  INSERT INTO "HouseholdReach" ("tenantId", "fiscalYear", "programmeId", "opdId", "householdId",
                                "kecamatanId", "kelurahanId", desil, "isExtremePoor", active, entries)
  SELECT e.t, e.y, e.p, e.o, e.h, h."kecamatanId", h."kelurahanId", h.desil, h."isExtremePoor", h.status = 'ACTIVE', sum(e.n)
  FROM (
    SELECT p."tenantId" t, pr."fiscalYear" y, tr."programmeId" p, tr."opdId" o, p."householdId" h, 1 n
    FROM "TrainingParticipant" p
    JOIN "Training" tr ON tr."tenantId" = p."tenantId" AND tr.id = p."trainingId"
    JOIN "Programme" pr ON pr."tenantId" = tr."tenantId" AND pr.id = tr."programmeId"
    WHERE p.status = 'VERIFIED' AND p.completion <> 'DROPPED' AND tr.status = 'VERIFIED' AND tr."cancelledAt" IS NULL
      AND (p_tenant IS NULL OR p."tenantId" = p_tenant)
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
  PERFORM set_config('entas.reach_rebuild', 'off', true);
END
$$;

-- HouseholdYearReach from HouseholdReach; the count tables derived from it are emptied here
-- and refilled by entas_reach_count_fill.
CREATE OR REPLACE FUNCTION entas_reach_year_rebuild(p_tenant text) RETURNS void
  LANGUAGE plpgsql AS $$
BEGIN
  PERFORM set_config('entas.reach_rebuild', 'on', true);
  DELETE FROM "ReachAreaCount" WHERE p_tenant IS NULL OR "tenantId" = p_tenant;
  DELETE FROM "ReachOpdCount" WHERE p_tenant IS NULL OR "tenantId" = p_tenant;
  DELETE FROM "ReachProgrammeCount" WHERE p_tenant IS NULL OR "tenantId" = p_tenant;
  DELETE FROM "ReachResultCount" WHERE p_tenant IS NULL OR "tenantId" = p_tenant;
  DELETE FROM "HouseholdYearReach" WHERE p_tenant IS NULL OR "tenantId" = p_tenant;
  INSERT INTO "HouseholdYearReach" ("tenantId", "fiscalYear", "householdId", "kecamatanId", "kelurahanId",
                                    desil, "isExtremePoor", active, "opdIds", "programmeIds", "ownerOpdIds", graduated)
  SELECT r."tenantId", r."fiscalYear", r."householdId", min(r."kecamatanId"), min(r."kelurahanId"), min(r.desil),
         bool_or(r."isExtremePoor"), bool_or(r.active),
         array_agg(DISTINCT r."opdId" ORDER BY r."opdId"), array_agg(DISTINCT r."programmeId" ORDER BY r."programmeId"),
         array_agg(DISTINCT p."opdId" ORDER BY p."opdId"),
         EXISTS (SELECT 1 FROM "HouseholdStatusEvent" e WHERE e."tenantId" = r."tenantId" AND e."householdId" = r."householdId"
                          AND e."toStatus" = 'GRADUATED' AND e."effectiveDate" >= make_date(r."fiscalYear", 1, 1))
    FROM "HouseholdReach" r
    JOIN "Programme" p ON p."tenantId" = r."tenantId" AND p.id = r."programmeId"
   WHERE p_tenant IS NULL OR r."tenantId" = p_tenant
   GROUP BY 1, 2, 3;
  PERFORM set_config('entas.reach_rebuild', 'off', true);
END
$$;

-- One count table from HouseholdYearReach: 'area', 'opd', 'programme' or 'result'. The four
-- write different tables and only read HouseholdYearReach, so they may run concurrently.
CREATE OR REPLACE FUNCTION entas_reach_count_fill(p_tenant text, p_table text) RETURNS void
  LANGUAGE plpgsql AS $$
BEGIN
  IF p_table = 'area' THEN
    INSERT INTO "ReachAreaCount" ("tenantId", "fiscalYear", "kecamatanId", "kelurahanId", desil, "isExtremePoor", active, opds, households)
    SELECT "tenantId", "fiscalYear", "kecamatanId", "kelurahanId", coalesce(desil, 0), "isExtremePoor", active, cardinality("opdIds"), count(*)
      FROM "HouseholdYearReach" WHERE p_tenant IS NULL OR "tenantId" = p_tenant
     GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;
  ELSIF p_table = 'opd' THEN
    INSERT INTO "ReachOpdCount" ("tenantId", "fiscalYear", "opdId", "kecamatanId", "kelurahanId", desil, "isExtremePoor", active, shared, households)
    SELECT y."tenantId", y."fiscalYear", u.id, y."kecamatanId", y."kelurahanId", coalesce(y.desil, 0), y."isExtremePoor", y.active,
           cardinality(y."opdIds") > 1, count(*)
      FROM "HouseholdYearReach" y CROSS JOIN LATERAL unnest(y."opdIds") AS u(id)
     WHERE p_tenant IS NULL OR y."tenantId" = p_tenant
     GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9;
  ELSIF p_table = 'programme' THEN
    INSERT INTO "ReachProgrammeCount" ("tenantId", "fiscalYear", "programmeId", "kecamatanId", "kelurahanId", desil, "isExtremePoor", active, households)
    SELECT y."tenantId", y."fiscalYear", u.id, y."kecamatanId", y."kelurahanId", coalesce(y.desil, 0), y."isExtremePoor", y.active, count(*)
      FROM "HouseholdYearReach" y CROSS JOIN LATERAL unnest(y."programmeIds") AS u(id)
     WHERE p_tenant IS NULL OR y."tenantId" = p_tenant
     GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;
  ELSIF p_table = 'result' THEN
    INSERT INTO "ReachResultCount" ("tenantId", "fiscalYear", kind, key, "kecamatanId", reached, graduates)
    SELECT y."tenantId", y."fiscalYear", u.kind, u.id, y."kecamatanId", count(*), count(*) FILTER (WHERE y.graduated)
      FROM "HouseholdYearReach" y
      CROSS JOIN LATERAL (SELECT 'city'::text, ''::text UNION ALL SELECT 'owner', o FROM unnest(y."ownerOpdIds") o
                          UNION ALL SELECT 'programme', p FROM unnest(y."programmeIds") p) AS u(kind, id)
     WHERE p_tenant IS NULL OR y."tenantId" = p_tenant
     GROUP BY 1, 2, 3, 4, 5;
  ELSE
    RAISE EXCEPTION 'entas_reach_count_fill: unknown table %', p_table;
  END IF;
END
$$;

CREATE OR REPLACE FUNCTION entas_reach_counts_rebuild(p_tenant text) RETURNS void
  LANGUAGE plpgsql AS $$
BEGIN
  PERFORM entas_reach_year_rebuild(p_tenant);
  PERFORM entas_reach_count_fill(p_tenant, 'area');
  PERFORM entas_reach_count_fill(p_tenant, 'opd');
  PERFORM entas_reach_count_fill(p_tenant, 'programme');
  PERFORM entas_reach_count_fill(p_tenant, 'result');
END
$$;

CREATE OR REPLACE FUNCTION entas_reach_rebuild(p_tenant text) RETURNS void
  LANGUAGE plpgsql AS $$
BEGIN
  PERFORM entas_reach_entries_rebuild(p_tenant);
  PERFORM entas_reach_counts_rebuild(p_tenant);
END
$$;

-- DashboardTrainingCount (body of entas_dash_rebuild, migration unify_household_reach).
CREATE OR REPLACE FUNCTION entas_training_counts_rebuild(p_tenant text) RETURNS void
  LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "DashboardTrainingCount" WHERE p_tenant IS NULL OR "tenantId" = p_tenant;
  INSERT INTO "DashboardTrainingCount" ("tenantId", "programmeId", "kecamatanId", "trained", "businesses")
  SELECT tp."tenantId", t."programmeId", h."kecamatanId",
         (COUNT(*) FILTER (WHERE tp."completion" = 'COMPLETED'))::int,
         (COUNT(*) FILTER (WHERE entas_dash_opened(tp."tenantId", tp."id")))::int
    FROM "TrainingParticipant" tp
    JOIN "Training" t ON t."tenantId" = tp."tenantId" AND t."id" = tp."trainingId"
    JOIN "Household" h ON h."tenantId" = tp."tenantId" AND h."id" = tp."householdId"
   WHERE tp."status" = 'VERIFIED' AND t."status" = 'VERIFIED' AND t."cancelledAt" IS NULL
     AND (p_tenant IS NULL OR tp."tenantId" = p_tenant)
   GROUP BY tp."tenantId", t."programmeId", h."kecamatanId";
END
$$;

CREATE OR REPLACE FUNCTION entas_dash_rebuild(p_tenant text) RETURNS void
  LANGUAGE plpgsql AS $$
BEGIN
  PERFORM entas_reach_rebuild(p_tenant);
  PERFORM entas_training_counts_rebuild(p_tenant);
END
$$;
