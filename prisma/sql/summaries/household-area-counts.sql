-- HouseholdAreaCount: households per kecamatan × kelurahan × desil (0 = none) × extreme-poor
-- flag × status, for the Bapeda poverty dashboard's registry figures
-- (features/dashboards/poverty/queries.ts), which cannot count a million households per view.
--   keeps     "HouseholdAreaCount"
--   from      "Household": statement-level triggers household_counts_insert, _update, _delete
--             (one set-based step per statement, so a 100,000-row import costs one aggregate)
--   also      on UPDATE, carries a household's new area, desil, flag and status into its
--             "HouseholdReach" rows (household-reach.sql), whose own triggers take it further
--   rebuild   entas_poverty_rebuild(tenant)  (NULL: every tenant)
--   tested    features/dashboards/tests/poverty-dashboard.test.ts ("summaries follow every
--             write": the counts after writes equal entas_poverty_rebuild);
--             tests/integration/bench-smoke.test.ts (after a bulk load)
-- Repeatable (prisma/sql/README.md): run it again and nothing changes.

CREATE OR REPLACE FUNCTION entas_household_counts() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "HouseholdAreaCount" AS c ("tenantId", "kecamatanId", "kelurahanId", desil, "isExtremePoor", status, households)
    SELECT "tenantId", "kecamatanId", "kelurahanId", coalesce(desil, 0), "isExtremePoor", status, count(*)
    FROM new_rows GROUP BY 1, 2, 3, 4, 5, 6
    ON CONFLICT ("tenantId", "kecamatanId", "kelurahanId", desil, "isExtremePoor", status)
      DO UPDATE SET households = c.households + EXCLUDED.households;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO "HouseholdAreaCount" AS c ("tenantId", "kecamatanId", "kelurahanId", desil, "isExtremePoor", status, households)
    SELECT t, k, l, d, e, s, sum(n) FROM (
      SELECT "tenantId" t, "kecamatanId" k, "kelurahanId" l, coalesce(desil, 0) d, "isExtremePoor" e, status s, 1 n FROM new_rows
      UNION ALL
      SELECT "tenantId", "kecamatanId", "kelurahanId", coalesce(desil, 0), "isExtremePoor", status, -1 FROM old_rows
    ) delta GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(n) <> 0
    ON CONFLICT ("tenantId", "kecamatanId", "kelurahanId", desil, "isExtremePoor", status)
      DO UPDATE SET households = c.households + EXCLUDED.households;
    -- The reach summary carries the household's area, desil and flags: follow changes.
    UPDATE "HouseholdReach" r
    SET "kecamatanId" = n."kecamatanId", "kelurahanId" = n."kelurahanId", desil = n.desil,
        "isExtremePoor" = n."isExtremePoor", active = (n.status = 'ACTIVE')
    FROM new_rows n JOIN old_rows o ON o."tenantId" = n."tenantId" AND o.id = n.id
    WHERE r."tenantId" = n."tenantId" AND r."householdId" = n.id
      AND (o."kecamatanId" <> n."kecamatanId" OR o."kelurahanId" <> n."kelurahanId" OR o.desil IS DISTINCT FROM n.desil
           OR o."isExtremePoor" <> n."isExtremePoor" OR o.status <> n.status);
  ELSE
    -- Only ever subtract here: when a whole tenant is deleted its summary rows go first.
    UPDATE "HouseholdAreaCount" c SET households = c.households - delta.n
    FROM (
      SELECT "tenantId" t, "kecamatanId" k, "kelurahanId" l, coalesce(desil, 0) d, "isExtremePoor" e, status s, count(*) n
      FROM old_rows GROUP BY 1, 2, 3, 4, 5, 6
    ) delta
    WHERE c."tenantId" = delta.t AND c."kecamatanId" = delta.k AND c."kelurahanId" = delta.l
      AND c.desil = delta.d AND c."isExtremePoor" = delta.e AND c.status = delta.s;
  END IF;
  RETURN NULL;
END
$$;

DROP TRIGGER IF EXISTS household_counts_insert ON "Household";
CREATE TRIGGER household_counts_insert AFTER INSERT ON "Household"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION entas_household_counts();
DROP TRIGGER IF EXISTS household_counts_update ON "Household";
CREATE TRIGGER household_counts_update AFTER UPDATE ON "Household"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION entas_household_counts();
DROP TRIGGER IF EXISTS household_counts_delete ON "Household";
CREATE TRIGGER household_counts_delete AFTER DELETE ON "Household"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION entas_household_counts();

-- Recomputes the counts of one tenant (NULL: every tenant) from the registry: for bulk loads
-- made with the triggers off (scripts/bench/generate-city.ts loads a city by COPY under
-- session_replication_role = replica), and to check the triggers.
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
