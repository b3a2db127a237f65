-- DashboardTrainingCount: completed verified participants ("trained") and businesses opened
-- (a follow-up BUSINESS_OPENED), per programme and kecamatan, for the mayor's results dashboard
-- (features/dashboards/results/queries.ts; its households reached and graduates come from
-- ReachResultCount, reach-counts.sql). Counted, like the programme page (features/trainings):
-- verified participants of verified trainings that are not cancelled.
--   keeps     "DashboardTrainingCount"
--   from      "TrainingParticipant" (entas_dash_participant), "TrainingFollowUp"
--             (entas_dash_follow_up), "Training" (entas_dash_training: verified, cancelled or
--             moved to another programme), "Household" (entas_dash_household_moved: a move to
--             another kecamatan); row-level triggers
--   rebuild   entas_training_counts_rebuild(tenant) (this table);
--             entas_dash_rebuild(tenant) (every dashboard summary kept from the entries:
--             HouseholdReach and its reach counts, then this table)
--   tested    features/dashboards/tests/mayor-dashboard.test.ts ("the result summaries follow
--             every write": equal to entas_dash_rebuild after verifying, reversing, a later
--             graduation, a follow-up, a move, a programme changing OPD or year, a cancellation);
--             tests/integration/bench-smoke.test.ts (after a bulk load)
-- Triggers run as the writer (entas_app), inside its tenant: the rows they touch carry the
-- writer's tenant, so row-level security holds.
-- Repeatable (prisma/sql/README.md): run it again and nothing changes.

-- Adds to one programme's counts in the household's kecamatan.
CREATE OR REPLACE FUNCTION entas_dash_training(p_tenant text, p_programme text, p_household text, p_trained int, p_businesses int) RETURNS void
  LANGUAGE plpgsql
  AS $$
DECLARE
  v_kecamatan text;
BEGIN
  IF (p_trained = 0 AND p_businesses = 0) OR p_programme IS NULL THEN RETURN; END IF;
  SELECT h."kecamatanId" INTO v_kecamatan FROM "Household" h WHERE h."tenantId" = p_tenant AND h."id" = p_household;
  IF v_kecamatan IS NULL THEN RETURN; END IF;
  INSERT INTO "DashboardTrainingCount" ("tenantId", "programmeId", "kecamatanId", "trained", "businesses")
  VALUES (p_tenant, p_programme, v_kecamatan, p_trained, p_businesses)
  ON CONFLICT ("tenantId", "programmeId", "kecamatanId") DO UPDATE
    SET "trained" = "DashboardTrainingCount"."trained" + EXCLUDED."trained",
        "businesses" = "DashboardTrainingCount"."businesses" + EXCLUDED."businesses";
END
$$;

-- Whether a participant has a follow-up BUSINESS_OPENED.
CREATE OR REPLACE FUNCTION entas_dash_opened(p_tenant text, p_participant text) RETURNS boolean
  LANGUAGE sql STABLE
  AS $$
    SELECT EXISTS (SELECT 1 FROM "TrainingFollowUp" f
                    WHERE f."tenantId" = p_tenant AND f."participantId" = p_participant AND f."outcome" = 'BUSINESS_OPENED')
  $$;

-- A verified participant of a counted training: completed counts as trained; with a
-- follow-up BUSINESS_OPENED, as a business opened.
CREATE OR REPLACE FUNCTION entas_dash_participant_changed() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
DECLARE
  v_programme text;
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD."status" = 'VERIFIED' THEN
    SELECT t."programmeId" INTO v_programme FROM "Training" t
     WHERE t."tenantId" = OLD."tenantId" AND t."id" = OLD."trainingId" AND t."status" = 'VERIFIED' AND t."cancelledAt" IS NULL;
    PERFORM entas_dash_training(OLD."tenantId", v_programme, OLD."householdId",
      CASE WHEN OLD."completion" = 'COMPLETED' THEN -1 ELSE 0 END,
      CASE WHEN entas_dash_opened(OLD."tenantId", OLD."id") THEN -1 ELSE 0 END);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW."status" = 'VERIFIED' THEN
    SELECT t."programmeId" INTO v_programme FROM "Training" t
     WHERE t."tenantId" = NEW."tenantId" AND t."id" = NEW."trainingId" AND t."status" = 'VERIFIED' AND t."cancelledAt" IS NULL;
    PERFORM entas_dash_training(NEW."tenantId", v_programme, NEW."householdId",
      CASE WHEN NEW."completion" = 'COMPLETED' THEN 1 ELSE 0 END,
      CASE WHEN entas_dash_opened(NEW."tenantId", NEW."id") THEN 1 ELSE 0 END);
  END IF;
  RETURN NULL;
END
$$;

DROP TRIGGER IF EXISTS entas_dash_participant ON "TrainingParticipant";
CREATE TRIGGER entas_dash_participant AFTER INSERT OR DELETE OR UPDATE OF "status", "completion", "trainingId", "householdId"
  ON "TrainingParticipant" FOR EACH ROW EXECUTE FUNCTION entas_dash_participant_changed();

-- A follow-up changes "business opened" of a verified participant of a counted training when
-- it is the first BUSINESS_OPENED (or the last one goes).
CREATE OR REPLACE FUNCTION entas_dash_follow_up_changed() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
DECLARE
  v_row "TrainingFollowUp";
  v_after boolean;
  v_before boolean;
  v_programme text;
  v_household text;
BEGIN
  IF TG_OP = 'DELETE' THEN v_row := OLD; ELSE v_row := NEW; END IF;
  SELECT t."programmeId", tp."householdId" INTO v_programme, v_household
    FROM "TrainingParticipant" tp JOIN "Training" t ON t."tenantId" = tp."tenantId" AND t."id" = tp."trainingId"
   WHERE tp."tenantId" = v_row."tenantId" AND tp."id" = v_row."participantId" AND tp."status" = 'VERIFIED'
     AND t."status" = 'VERIFIED' AND t."cancelledAt" IS NULL;
  IF v_programme IS NULL THEN RETURN NULL; END IF;
  v_after := entas_dash_opened(v_row."tenantId", v_row."participantId");
  -- The state before this row changed: the participant's other follow-ups, plus this row as it was.
  v_before := EXISTS (SELECT 1 FROM "TrainingFollowUp" f
                       WHERE f."tenantId" = v_row."tenantId" AND f."participantId" = v_row."participantId"
                         AND f."outcome" = 'BUSINESS_OPENED' AND f."id" <> v_row."id");
  IF TG_OP <> 'INSERT' THEN
    v_before := v_before OR OLD."outcome" IS NOT DISTINCT FROM 'BUSINESS_OPENED';
  END IF;
  IF v_after <> v_before THEN
    PERFORM entas_dash_training(v_row."tenantId", v_programme, v_household, 0, CASE WHEN v_after THEN 1 ELSE -1 END);
  END IF;
  RETURN NULL;
END
$$;

DROP TRIGGER IF EXISTS entas_dash_follow_up ON "TrainingFollowUp";
CREATE TRIGGER entas_dash_follow_up AFTER INSERT OR DELETE OR UPDATE OF "outcome"
  ON "TrainingFollowUp" FOR EACH ROW EXECUTE FUNCTION entas_dash_follow_up_changed();

-- A household that moves takes its training counts to its new kecamatan (HouseholdReach
-- follows it through entas_household_counts).
CREATE OR REPLACE FUNCTION entas_dash_household_moved() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
DECLARE
  r record;
BEGIN
  FOR r IN
    SELECT t."programmeId",
           COUNT(*) FILTER (WHERE tp."completion" = 'COMPLETED')::int AS trained,
           COUNT(*) FILTER (WHERE entas_dash_opened(tp."tenantId", tp."id"))::int AS businesses
      FROM "TrainingParticipant" tp JOIN "Training" t ON t."tenantId" = tp."tenantId" AND t."id" = tp."trainingId"
     WHERE tp."tenantId" = NEW."tenantId" AND tp."householdId" = NEW."id" AND tp."status" = 'VERIFIED'
       AND t."status" = 'VERIFIED' AND t."cancelledAt" IS NULL
     GROUP BY t."programmeId"
  LOOP
    -- entas_dash_training looks the kecamatan up: subtract first, while it is still the old one.
    UPDATE "DashboardTrainingCount" SET "trained" = "trained" - r.trained, "businesses" = "businesses" - r.businesses
     WHERE "tenantId" = NEW."tenantId" AND "programmeId" = r."programmeId" AND "kecamatanId" = OLD."kecamatanId";
    PERFORM entas_dash_training(NEW."tenantId", r."programmeId", NEW."id", r.trained, r.businesses);
  END LOOP;
  RETURN NULL;
END
$$;

DROP TRIGGER IF EXISTS entas_dash_household_moved ON "Household";
CREATE TRIGGER entas_dash_household_moved AFTER UPDATE OF "kecamatanId" ON "Household"
  FOR EACH ROW WHEN (OLD."kecamatanId" IS DISTINCT FROM NEW."kecamatanId") EXECUTE FUNCTION entas_dash_household_moved();

-- A training verified, cancelled or moved to another programme: its verified participants'
-- counts leave what the old row counted for and join what the new one counts for.
CREATE OR REPLACE FUNCTION entas_dash_training_changed() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
DECLARE
  r record;
  v_old boolean := OLD."status" = 'VERIFIED' AND OLD."cancelledAt" IS NULL;
  v_new boolean := NEW."status" = 'VERIFIED' AND NEW."cancelledAt" IS NULL;
BEGIN
  IF v_old = v_new AND (NOT v_new OR OLD."programmeId" = NEW."programmeId") THEN RETURN NULL; END IF;
  FOR r IN
    SELECT tp."householdId", (tp."completion" = 'COMPLETED') AS completed, entas_dash_opened(tp."tenantId", tp."id") AS opened
      FROM "TrainingParticipant" tp
     WHERE tp."tenantId" = NEW."tenantId" AND tp."trainingId" = NEW."id" AND tp."status" = 'VERIFIED'
  LOOP
    IF v_old THEN
      PERFORM entas_dash_training(OLD."tenantId", OLD."programmeId", r."householdId",
        CASE WHEN r.completed THEN -1 ELSE 0 END, CASE WHEN r.opened THEN -1 ELSE 0 END);
    END IF;
    IF v_new THEN
      PERFORM entas_dash_training(NEW."tenantId", NEW."programmeId", r."householdId",
        CASE WHEN r.completed THEN 1 ELSE 0 END, CASE WHEN r.opened THEN 1 ELSE 0 END);
    END IF;
  END LOOP;
  RETURN NULL;
END
$$;

DROP TRIGGER IF EXISTS entas_dash_training ON "Training";
CREATE TRIGGER entas_dash_training AFTER UPDATE OF "status", "cancelledAt", "programmeId" ON "Training"
  FOR EACH ROW EXECUTE FUNCTION entas_dash_training_changed();

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
   GROUP BY tp."tenantId", t."programmeId", h."kecamatanId";
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
