-- HouseholdReach: the one record of "reached" (lib/reach/reached.ts), one row per fiscal year ×
-- programme × OPD × household, with the household's current area, desil and flags and the
-- number of live verified entries. A household is reached by a programme of fiscal year Y (the
-- programme's year) while it has at least one live verified intervention under it:
--   - a VERIFIED training participation, not DROPPED, in a VERIFIED training not cancelled;
--   - a VERIFIED aid distribution, less one for each VERIFIED reversal of it.
-- Every reader of "reached" (the dashboards, the participant picker, "who to reach next") reads
-- this table or the counts derived from it (reach-counts.sql), and none counts the entries again.
--   keeps     "HouseholdReach"
--   from      "TrainingParticipant" (participant_reach_insert, _update, _delete),
--             "Training" (training_reach_update: verified, cancelled, or moved to another
--             programme or OPD), "AidDistribution" (aid_reach_insert, _update, _delete),
--             "Programme" (programme_reach_year: a change of fiscal year), and "Household"
--             (its area, desil and flags, through entas_household_counts in
--             household-area-counts.sql)
--   feeds     "HouseholdYearReach" and the Reach*Count tables, by triggers on this table
--             (reach-counts.sql)
--   rebuild   entas_reach_rebuild(tenant) (this table, then the reach counts);
--             entas_reach_entries_rebuild(tenant) (this table alone, triggers aside);
--             entas_dash_rebuild(tenant) (this table, the reach counts and the training counts:
--             training-counts.sql)
--   tested    features/dashboards/tests/mayor-dashboard.test.ts ("the result summaries follow
--             every write": equal to entas_dash_rebuild after each write);
--             features/dashboards/tests/reach-counts.test.ts
-- Repeatable (prisma/sql/README.md): run it again and nothing changes.

-- Adds signed entry counts per (tenant, fiscal year, programme, OPD, household); a row whose
-- count falls to 0 goes. Parallel arrays, so every trigger hands over one set at once.
CREATE OR REPLACE FUNCTION entas_reach_apply(tenants text[], years int[], programmes text[], opds text[], households text[], counts int[])
  RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF tenants IS NULL THEN RETURN; END IF;
  INSERT INTO "HouseholdReach" AS r ("tenantId", "fiscalYear", "programmeId", "opdId", "householdId",
                                     "kecamatanId", "kelurahanId", desil, "isExtremePoor", active, entries)
  SELECT d.t, d.y, d.p, d.o, d.h, h."kecamatanId", h."kelurahanId", h.desil, h."isExtremePoor", h.status = 'ACTIVE', d.n
  FROM (
    SELECT t, y, p, o, h, sum(n)::int n
    FROM unnest(tenants, years, programmes, opds, households, counts) AS x(t, y, p, o, h, n)
    GROUP BY 1, 2, 3, 4, 5 HAVING sum(n) <> 0
  ) d
  JOIN "Household" h ON h."tenantId" = d.t AND h.id = d.h
  ON CONFLICT ("tenantId", "fiscalYear", "programmeId", "opdId", "householdId")
    DO UPDATE SET entries = r.entries + EXCLUDED.entries;
  DELETE FROM "HouseholdReach" r
  USING unnest(tenants, years, programmes, opds, households) AS d(t, y, p, o, h)
  WHERE r."tenantId" = d.t AND r."fiscalYear" = d.y AND r."programmeId" = d.p AND r."opdId" = d.o
    AND r."householdId" = d.h AND r.entries <= 0;
END
$$;

-- A training participant counts once verified, unless dropped, in a verified training not
-- cancelled; the fiscal year is its programme's.
CREATE OR REPLACE FUNCTION entas_reach_from_participants() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM entas_reach_apply(array_agg(p."tenantId"), array_agg(pr."fiscalYear"), array_agg(t."programmeId"),
                              array_agg(t."opdId"), array_agg(p."householdId"), array_agg(1))
    FROM new_rows p
    JOIN "Training" t ON t."tenantId" = p."tenantId" AND t.id = p."trainingId"
    JOIN "Programme" pr ON pr."tenantId" = t."tenantId" AND pr.id = t."programmeId"
    WHERE p.status = 'VERIFIED' AND p.completion <> 'DROPPED' AND t.status = 'VERIFIED' AND t."cancelledAt" IS NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM entas_reach_apply(array_agg(p."tenantId"), array_agg(pr."fiscalYear"), array_agg(t."programmeId"),
                              array_agg(t."opdId"), array_agg(p."householdId"), array_agg(-1))
    FROM old_rows p
    JOIN "Training" t ON t."tenantId" = p."tenantId" AND t.id = p."trainingId"
    JOIN "Programme" pr ON pr."tenantId" = t."tenantId" AND pr.id = t."programmeId"
    WHERE p.status = 'VERIFIED' AND p.completion <> 'DROPPED' AND t.status = 'VERIFIED' AND t."cancelledAt" IS NULL;
  END IF;
  RETURN NULL;
END
$$;

DROP TRIGGER IF EXISTS participant_reach_insert ON "TrainingParticipant";
CREATE TRIGGER participant_reach_insert AFTER INSERT ON "TrainingParticipant"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION entas_reach_from_participants();
DROP TRIGGER IF EXISTS participant_reach_update ON "TrainingParticipant";
CREATE TRIGGER participant_reach_update AFTER UPDATE ON "TrainingParticipant"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION entas_reach_from_participants();
DROP TRIGGER IF EXISTS participant_reach_delete ON "TrainingParticipant";
CREATE TRIGGER participant_reach_delete AFTER DELETE ON "TrainingParticipant"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION entas_reach_from_participants();

-- A training verified, cancelled, or moved to another programme or OPD: its verified
-- participants leave what the old row counted for and join what the new one counts for.
CREATE OR REPLACE FUNCTION entas_reach_from_trainings() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  PERFORM entas_reach_apply(array_agg(x.t), array_agg(x.y), array_agg(x.pr), array_agg(x.o), array_agg(x.h), array_agg(x.n))
  FROM (
    SELECT p."tenantId" t, np."fiscalYear" y, n."programmeId" pr, n."opdId" o, p."householdId" h, 1 n
    FROM new_rows n JOIN old_rows o ON o."tenantId" = n."tenantId" AND o.id = n.id
    JOIN "Programme" np ON np."tenantId" = n."tenantId" AND np.id = n."programmeId"
    JOIN "TrainingParticipant" p ON p."tenantId" = n."tenantId" AND p."trainingId" = n.id
    WHERE n.status = 'VERIFIED' AND n."cancelledAt" IS NULL AND p.status = 'VERIFIED' AND p.completion <> 'DROPPED'
    UNION ALL
    SELECT p."tenantId", op."fiscalYear", o."programmeId", o."opdId", p."householdId", -1
    FROM new_rows n JOIN old_rows o ON o."tenantId" = n."tenantId" AND o.id = n.id
    JOIN "Programme" op ON op."tenantId" = o."tenantId" AND op.id = o."programmeId"
    JOIN "TrainingParticipant" p ON p."tenantId" = n."tenantId" AND p."trainingId" = n.id
    WHERE o.status = 'VERIFIED' AND o."cancelledAt" IS NULL AND p.status = 'VERIFIED' AND p.completion <> 'DROPPED'
  ) x;
  RETURN NULL;
END
$$;

DROP TRIGGER IF EXISTS training_reach_update ON "Training";
CREATE TRIGGER training_reach_update AFTER UPDATE ON "Training"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION entas_reach_from_trainings();

-- A verified distribution counts +1 for its programme and household; a verified reversal
-- (reversesId set) counts -1 against the distribution it reverses.
CREATE OR REPLACE FUNCTION entas_reach_from_aid() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM entas_reach_apply(array_agg(a."tenantId"), array_agg(pr."fiscalYear"), array_agg(coalesce(orig."programmeId", a."programmeId")),
                              array_agg(coalesce(orig."opdId", a."opdId")), array_agg(coalesce(orig."householdId", a."householdId")),
                              array_agg(CASE WHEN a."reversesId" IS NULL THEN 1 ELSE -1 END))
    FROM new_rows a
    LEFT JOIN "AidDistribution" orig ON orig."tenantId" = a."tenantId" AND orig.id = a."reversesId"
    JOIN "Programme" pr ON pr."tenantId" = a."tenantId" AND pr.id = coalesce(orig."programmeId", a."programmeId")
    WHERE a.status = 'VERIFIED';
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM entas_reach_apply(array_agg(a."tenantId"), array_agg(pr."fiscalYear"), array_agg(coalesce(orig."programmeId", a."programmeId")),
                              array_agg(coalesce(orig."opdId", a."opdId")), array_agg(coalesce(orig."householdId", a."householdId")),
                              array_agg(CASE WHEN a."reversesId" IS NULL THEN -1 ELSE 1 END))
    FROM old_rows a
    LEFT JOIN "AidDistribution" orig ON orig."tenantId" = a."tenantId" AND orig.id = a."reversesId"
    JOIN "Programme" pr ON pr."tenantId" = a."tenantId" AND pr.id = coalesce(orig."programmeId", a."programmeId")
    WHERE a.status = 'VERIFIED';
  END IF;
  RETURN NULL;
END
$$;

DROP TRIGGER IF EXISTS aid_reach_insert ON "AidDistribution";
CREATE TRIGGER aid_reach_insert AFTER INSERT ON "AidDistribution"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION entas_reach_from_aid();
DROP TRIGGER IF EXISTS aid_reach_update ON "AidDistribution";
CREATE TRIGGER aid_reach_update AFTER UPDATE ON "AidDistribution"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION entas_reach_from_aid();
DROP TRIGGER IF EXISTS aid_reach_delete ON "AidDistribution";
CREATE TRIGGER aid_reach_delete AFTER DELETE ON "AidDistribution"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION entas_reach_from_aid();

-- A programme moved to another fiscal year takes its reached households along (its id is in
-- the key, so no row of the new year can collide).
CREATE OR REPLACE FUNCTION entas_reach_programme_year() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "HouseholdReach" SET "fiscalYear" = NEW."fiscalYear"
   WHERE "tenantId" = NEW."tenantId" AND "programmeId" = NEW.id AND "fiscalYear" = OLD."fiscalYear";
  RETURN NULL;
END
$$;

DROP TRIGGER IF EXISTS programme_reach_year ON "Programme";
CREATE TRIGGER programme_reach_year AFTER UPDATE OF "fiscalYear" ON "Programme"
  FOR EACH ROW WHEN (OLD."fiscalYear" IS DISTINCT FROM NEW."fiscalYear") EXECUTE FUNCTION entas_reach_programme_year();

-- HouseholdReach of one tenant (NULL: every tenant) from the verified entries, with the
-- triggers on it standing aside (entas.reach_rebuild); the derived tables are left to
-- entas_reach_counts_rebuild. scripts/bench/generate-city.ts runs the parts side by side.
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

-- HouseholdReach and everything derived from it, for one tenant (NULL: every tenant).
CREATE OR REPLACE FUNCTION entas_reach_rebuild(p_tenant text) RETURNS void
  LANGUAGE plpgsql AS $$
BEGIN
  PERFORM entas_reach_entries_rebuild(p_tenant);
  PERFORM entas_reach_counts_rebuild(p_tenant);
END
$$;
