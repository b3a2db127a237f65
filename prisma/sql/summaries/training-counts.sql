-- DashboardTrainingCount: completed verified participants ("trained") and businesses opened
-- (a follow-up BUSINESS_OPENED), per programme and kecamatan, for the mayor's results dashboard
-- (features/dashboards/results/queries.ts; its households reached and graduates come from
-- ReachResultCount, reach-counts.sql). Counted, like the programme page (features/trainings):
-- verified participants of verified trainings that are not cancelled.
--   keeps     "DashboardTrainingCount"
--   from      "TrainingParticipant" (entas_dash_participant_insert, _update, _delete),
--             "TrainingFollowUp" (entas_dash_follow_up_insert, _update, _delete), "Training"
--             (entas_dash_training: verified, cancelled or moved to another programme),
--             "Household" (entas_dash_household_moved: a move to another kecamatan);
--             statement-level triggers that recount the (programme, kecamatan) rows a statement
--             touched. "Business opened" is per participant, not per follow-up row, so a
--             delta per row is wrong whenever one statement writes several follow-ups of one
--             participant (the 3- and 6-month ones saved together); a recount of the touched
--             rows is exact for any statement, cascades included
--   rebuild   entas_training_counts_rebuild(tenant) (this table);
--             entas_dash_rebuild(tenant) (every dashboard summary kept from the entries:
--             HouseholdReach and its reach counts, then this table)
--   tested    tests/integration/summaries/training-counts.test.ts (equal to a recount after
--             random multi-row statements); features/dashboards/tests/mayor-dashboard.test.ts ("the result summaries follow
--             every write": equal to entas_dash_rebuild after verifying, reversing, a later
--             graduation, a follow-up, a move, a programme changing OPD or year, a cancellation);
--             tests/integration/bench-smoke.test.ts (after a bulk load)
-- Triggers run as the writer (entas_app), inside its tenant: the rows they touch carry the
-- writer's tenant, so row-level security holds.
-- Repeatable (prisma/sql/README.md): run it again and nothing changes.

-- Whether a participant has a follow-up BUSINESS_OPENED.
CREATE OR REPLACE FUNCTION entas_dash_opened(p_tenant text, p_participant text) RETURNS boolean
  LANGUAGE plpgsql STABLE
  AS $$
  BEGIN
    RETURN EXISTS (SELECT 1 FROM "TrainingFollowUp" f
                    WHERE f."tenantId" = p_tenant AND f."participantId" = p_participant AND f."outcome" = 'BUSINESS_OPENED');
  END $$;

-- Recounts the (tenant, programme, kecamatan) rows named from the participants as they are now.
-- Concurrency, as entas_reach_year_sync: the rows are locked first (with p_insert, missing ones
-- are created by the same upsert), then recounted by a later statement whose snapshot (READ
-- COMMITTED) sees every transaction that held the lock before, so two writers of one row
-- serialise and the second counts the first's participants. Deletions never create rows (a
-- tenant being deleted cascades here). Rows left at zero go.
CREATE OR REPLACE FUNCTION entas_training_counts_sync(p_t text[], p_p text[], p_k text[], p_insert boolean) RETURNS void
  LANGUAGE plpgsql AS $$
BEGIN
  IF p_t IS NULL THEN RETURN; END IF;
  IF p_insert THEN
    INSERT INTO "DashboardTrainingCount" AS c ("tenantId", "programmeId", "kecamatanId", "trained", "businesses")
    SELECT DISTINCT t, p, k, 0, 0 FROM unnest(p_t, p_p, p_k) AS x(t, p, k) ORDER BY 1, 2, 3
    ON CONFLICT ("tenantId", "programmeId", "kecamatanId") DO UPDATE SET "trained" = c."trained";
  ELSE
    PERFORM 1 FROM "DashboardTrainingCount" c
      JOIN (SELECT DISTINCT t, p, k FROM unnest(p_t, p_p, p_k) AS x(t, p, k)) k
        ON c."tenantId" = k.t AND c."programmeId" = k.p AND c."kecamatanId" = k.k
     ORDER BY c."tenantId", c."programmeId", c."kecamatanId" FOR UPDATE OF c;
  END IF;
  -- Each programme's participants are read once, for all its kecamatan named.
  UPDATE "DashboardTrainingCount" c SET "trained" = coalesce(a.trained, 0), "businesses" = coalesce(a.businesses, 0)
    FROM (SELECT DISTINCT t, p, k FROM unnest(p_t, p_p, p_k) AS x(t, p, k)) k
    LEFT JOIN (
      SELECT tr."tenantId" t, tr."programmeId" p, h."kecamatanId" k,
             (COUNT(*) FILTER (WHERE tp."completion" = 'COMPLETED'))::int AS trained,
             (COUNT(*) FILTER (WHERE entas_dash_opened(tp."tenantId", tp."id")))::int AS businesses
        FROM (SELECT DISTINCT t, p FROM unnest(p_t, p_p) AS x(t, p)) g
        JOIN "Training" tr ON tr."tenantId" = g.t AND tr."programmeId" = g.p
        JOIN "TrainingParticipant" tp ON tp."tenantId" = tr."tenantId" AND tp."trainingId" = tr."id"
        JOIN "Household" h ON h."tenantId" = tp."tenantId" AND h."id" = tp."householdId"
       WHERE tr."status" = 'VERIFIED' AND tr."cancelledAt" IS NULL AND tp."status" = 'VERIFIED'
       GROUP BY 1, 2, 3
    ) a ON a.t = k.t AND a.p = k.p AND a.k = k.k
   WHERE c."tenantId" = k.t AND c."programmeId" = k.p AND c."kecamatanId" = k.k
     AND (c."trained", c."businesses") IS DISTINCT FROM (coalesce(a.trained, 0), coalesce(a.businesses, 0));
  DELETE FROM "DashboardTrainingCount" c
   USING (SELECT DISTINCT t, p, k FROM unnest(p_t, p_p, p_k) AS x(t, p, k)) k
   WHERE c."tenantId" = k.t AND c."programmeId" = k.p AND c."kecamatanId" = k.k AND c."trained" = 0 AND c."businesses" = 0;
END
$$;

-- Participants written: the rows of the verified ones, before and after, in counted trainings.
-- An update counts only the rows whose status, completion, training or household changed.
CREATE OR REPLACE FUNCTION entas_dash_participant_changed() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM entas_training_counts_sync(array_agg(t."tenantId"), array_agg(t."programmeId"), array_agg(h."kecamatanId"), true)
       FROM new_rows p
       JOIN "Training" t ON t."tenantId" = p."tenantId" AND t."id" = p."trainingId" AND t."status" = 'VERIFIED' AND t."cancelledAt" IS NULL
       JOIN "Household" h ON h."tenantId" = p."tenantId" AND h."id" = p."householdId"
      WHERE p."status" = 'VERIFIED';
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM entas_training_counts_sync(array_agg(t."tenantId"), array_agg(t."programmeId"), array_agg(h."kecamatanId"), true)
       FROM ((SELECT "tenantId", "id", "status", "completion", "trainingId", "householdId" FROM new_rows
              EXCEPT SELECT "tenantId", "id", "status", "completion", "trainingId", "householdId" FROM old_rows)
             UNION
             (SELECT "tenantId", "id", "status", "completion", "trainingId", "householdId" FROM old_rows
              EXCEPT SELECT "tenantId", "id", "status", "completion", "trainingId", "householdId" FROM new_rows)) p
       JOIN "Training" t ON t."tenantId" = p."tenantId" AND t."id" = p."trainingId" AND t."status" = 'VERIFIED' AND t."cancelledAt" IS NULL
       JOIN "Household" h ON h."tenantId" = p."tenantId" AND h."id" = p."householdId"
      WHERE p."status" = 'VERIFIED';
  ELSE
    PERFORM entas_training_counts_sync(array_agg(t."tenantId"), array_agg(t."programmeId"), array_agg(h."kecamatanId"), false)
       FROM old_rows p
       JOIN "Training" t ON t."tenantId" = p."tenantId" AND t."id" = p."trainingId" AND t."status" = 'VERIFIED' AND t."cancelledAt" IS NULL
       JOIN "Household" h ON h."tenantId" = p."tenantId" AND h."id" = p."householdId"
      WHERE p."status" = 'VERIFIED';
  END IF;
  RETURN NULL;
END
$$;

DROP TRIGGER IF EXISTS entas_dash_participant_insert ON "TrainingParticipant";
CREATE TRIGGER entas_dash_participant_insert AFTER INSERT ON "TrainingParticipant"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION entas_dash_participant_changed();
DROP TRIGGER IF EXISTS entas_dash_participant_update ON "TrainingParticipant";
CREATE TRIGGER entas_dash_participant_update AFTER UPDATE ON "TrainingParticipant"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION entas_dash_participant_changed();
DROP TRIGGER IF EXISTS entas_dash_participant_delete ON "TrainingParticipant";
CREATE TRIGGER entas_dash_participant_delete AFTER DELETE ON "TrainingParticipant"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION entas_dash_participant_changed();

-- Follow-ups written: the rows of their participants (verified, in counted trainings) when a
-- BUSINESS_OPENED came, went or moved to another participant. A participant's follow-ups
-- deleted with it (the cascade) find it gone: its own trigger recounts its rows.
CREATE OR REPLACE FUNCTION entas_dash_follow_up_changed() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM entas_training_counts_sync(array_agg(x.t), array_agg(x.p), array_agg(x.k), true)
       FROM (SELECT DISTINCT t."tenantId" t, t."programmeId" p, h."kecamatanId" k
               FROM new_rows f
               JOIN "TrainingParticipant" tp ON tp."tenantId" = f."tenantId" AND tp."id" = f."participantId" AND tp."status" = 'VERIFIED'
               JOIN "Training" t ON t."tenantId" = tp."tenantId" AND t."id" = tp."trainingId" AND t."status" = 'VERIFIED' AND t."cancelledAt" IS NULL
               JOIN "Household" h ON h."tenantId" = tp."tenantId" AND h."id" = tp."householdId"
              WHERE f."outcome" = 'BUSINESS_OPENED') x;
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM entas_training_counts_sync(array_agg(x.t), array_agg(x.p), array_agg(x.k), true)
       FROM (SELECT DISTINCT t."tenantId" t, t."programmeId" p, h."kecamatanId" k
               FROM ((SELECT "tenantId", "id", "participantId", "outcome" = 'BUSINESS_OPENED' AS opened FROM new_rows
                      EXCEPT SELECT "tenantId", "id", "participantId", "outcome" = 'BUSINESS_OPENED' FROM old_rows)
                     UNION
                     (SELECT "tenantId", "id", "participantId", "outcome" = 'BUSINESS_OPENED' FROM old_rows
                      EXCEPT SELECT "tenantId", "id", "participantId", "outcome" = 'BUSINESS_OPENED' FROM new_rows)) f
               JOIN "TrainingParticipant" tp ON tp."tenantId" = f."tenantId" AND tp."id" = f."participantId" AND tp."status" = 'VERIFIED'
               JOIN "Training" t ON t."tenantId" = tp."tenantId" AND t."id" = tp."trainingId" AND t."status" = 'VERIFIED' AND t."cancelledAt" IS NULL
               JOIN "Household" h ON h."tenantId" = tp."tenantId" AND h."id" = tp."householdId"
              WHERE f.opened) x;
  ELSE
    PERFORM entas_training_counts_sync(array_agg(x.t), array_agg(x.p), array_agg(x.k), false)
       FROM (SELECT DISTINCT t."tenantId" t, t."programmeId" p, h."kecamatanId" k
               FROM old_rows f
               JOIN "TrainingParticipant" tp ON tp."tenantId" = f."tenantId" AND tp."id" = f."participantId" AND tp."status" = 'VERIFIED'
               JOIN "Training" t ON t."tenantId" = tp."tenantId" AND t."id" = tp."trainingId" AND t."status" = 'VERIFIED' AND t."cancelledAt" IS NULL
               JOIN "Household" h ON h."tenantId" = tp."tenantId" AND h."id" = tp."householdId"
              WHERE f."outcome" = 'BUSINESS_OPENED') x;
  END IF;
  RETURN NULL;
END
$$;

DROP TRIGGER IF EXISTS entas_dash_follow_up_insert ON "TrainingFollowUp";
CREATE TRIGGER entas_dash_follow_up_insert AFTER INSERT ON "TrainingFollowUp"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION entas_dash_follow_up_changed();
DROP TRIGGER IF EXISTS entas_dash_follow_up_update ON "TrainingFollowUp";
CREATE TRIGGER entas_dash_follow_up_update AFTER UPDATE ON "TrainingFollowUp"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION entas_dash_follow_up_changed();
DROP TRIGGER IF EXISTS entas_dash_follow_up_delete ON "TrainingFollowUp";
CREATE TRIGGER entas_dash_follow_up_delete AFTER DELETE ON "TrainingFollowUp"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION entas_dash_follow_up_changed();

-- Households moved to another kecamatan: the rows of their programmes in the old and the new
-- kecamatan.
CREATE OR REPLACE FUNCTION entas_dash_household_moved() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  PERFORM entas_training_counts_sync(array_agg(x.t), array_agg(x.p), array_agg(x.k), true)
     FROM (SELECT DISTINCT t."tenantId" t, t."programmeId" p, m.k
             FROM (SELECT n."tenantId", n."id", o."kecamatanId" AS old_k, n."kecamatanId" AS new_k
                     FROM new_rows n JOIN old_rows o ON o."tenantId" = n."tenantId" AND o."id" = n."id"
                    WHERE o."kecamatanId" IS DISTINCT FROM n."kecamatanId") hh
             CROSS JOIN LATERAL (VALUES (hh.old_k), (hh.new_k)) AS m(k)
             JOIN "TrainingParticipant" tp ON tp."tenantId" = hh."tenantId" AND tp."householdId" = hh."id" AND tp."status" = 'VERIFIED'
             JOIN "Training" t ON t."tenantId" = tp."tenantId" AND t."id" = tp."trainingId" AND t."status" = 'VERIFIED' AND t."cancelledAt" IS NULL) x;
  RETURN NULL;
END
$$;

DROP TRIGGER IF EXISTS entas_dash_household_moved ON "Household";
CREATE TRIGGER entas_dash_household_moved AFTER UPDATE ON "Household"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION entas_dash_household_moved();

-- Trainings verified, cancelled or moved to another programme: the rows of their verified
-- participants under the programme before (if it counted then) and after (if it counts now).
CREATE OR REPLACE FUNCTION entas_dash_training_changed() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  PERFORM entas_training_counts_sync(array_agg(x.t), array_agg(x.p), array_agg(x.k), true)
     FROM (SELECT DISTINCT tr."tenantId" t, tr."programmeId" p, h."kecamatanId" k
             FROM ((SELECT "tenantId", "id", "programmeId", "status" = 'VERIFIED' AND "cancelledAt" IS NULL AS counted FROM new_rows
                    EXCEPT SELECT "tenantId", "id", "programmeId", "status" = 'VERIFIED' AND "cancelledAt" IS NULL FROM old_rows)
                   UNION
                   (SELECT "tenantId", "id", "programmeId", "status" = 'VERIFIED' AND "cancelledAt" IS NULL FROM old_rows
                    EXCEPT SELECT "tenantId", "id", "programmeId", "status" = 'VERIFIED' AND "cancelledAt" IS NULL FROM new_rows)) tr
             JOIN "TrainingParticipant" tp ON tp."tenantId" = tr."tenantId" AND tp."trainingId" = tr."id" AND tp."status" = 'VERIFIED'
             JOIN "Household" h ON h."tenantId" = tp."tenantId" AND h."id" = tp."householdId"
            WHERE tr.counted) x;
  RETURN NULL;
END
$$;

DROP TRIGGER IF EXISTS entas_dash_training ON "Training";
CREATE TRIGGER entas_dash_training AFTER UPDATE ON "Training"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION entas_dash_training_changed();

-- DashboardTrainingCount of one tenant (NULL: every tenant) from the participants.
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
   GROUP BY tp."tenantId", t."programmeId", h."kecamatanId"
  HAVING COUNT(*) FILTER (WHERE tp."completion" = 'COMPLETED') > 0 OR COUNT(*) FILTER (WHERE entas_dash_opened(tp."tenantId", tp."id")) > 0;
END
$$;

-- Every summary kept from the entries, for one tenant (NULL: every tenant): HouseholdReach and
-- the reach counts derived from it, then the training counts. (HouseholdAreaCount, from the
-- registry, has entas_poverty_rebuild; LoanRound has entas_loan_rounds_rebuild.)
CREATE OR REPLACE FUNCTION entas_dash_rebuild(p_tenant text) RETURNS void
  LANGUAGE plpgsql AS $$
BEGIN
  PERFORM entas_reach_rebuild(p_tenant);
  PERFORM entas_training_counts_rebuild(p_tenant);
END
$$;
