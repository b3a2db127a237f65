-- DropForeignKey
ALTER TABLE "DashboardReach" DROP CONSTRAINT "DashboardReach_tenantId_fkey";

-- DropForeignKey
ALTER TABLE "DashboardReachCount" DROP CONSTRAINT "DashboardReachCount_tenantId_fkey";

-- DropTable
DROP TABLE "DashboardReach";

-- DropTable
DROP TABLE "DashboardReachCount";

-- ─── One definition of "reached" (issue #6) ───────────────────────────────────
-- Two summaries answered "which households did a verified intervention reach this year":
-- HouseholdReach (migration poverty_dashboard_summaries, for Bapeda) and DashboardReach with
-- DashboardReachCount (migration dashboard_results_summary, for the mayor), with slightly
-- different rules, and two more in application code. HouseholdReach is now the one record
-- (lib/reach reads it for every consumer); the other pair is gone with its triggers.
--
-- A household is reached by a programme of fiscal year Y (the programme's year) while it has
-- at least one live verified intervention under that programme:
--   - a VERIFIED training participation, not DROPPED, in a VERIFIED training not cancelled;
--   - a VERIFIED aid distribution, less one for each VERIFIED reversal of it.

-- ── What stays of the results summary: DashboardTrainingCount (trained, businesses opened) ──
-- It now counts, like the programme page (lib/trainings), only participants of verified
-- trainings that are not cancelled, and follows a training cancelled or moved to another
-- programme.

DROP TRIGGER entas_dash_aid ON "AidDistribution";
DROP TRIGGER entas_dash_status_event ON "HouseholdStatusEvent";
DROP TRIGGER entas_dash_programme_moved ON "Programme";
DROP FUNCTION entas_dash_aid_changed();
DROP FUNCTION entas_dash_status_event_changed();
DROP FUNCTION entas_dash_refresh_graduation(text, text);
DROP FUNCTION entas_dash_programme_moved();

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

-- A follow-up counts for a verified participant of a counted training.
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

CREATE TRIGGER entas_dash_training AFTER UPDATE OF "status", "cancelledAt", "programmeId" ON "Training"
  FOR EACH ROW EXECUTE FUNCTION entas_dash_training_changed();

DROP FUNCTION entas_dash_reach(text, text, text, int);
DROP FUNCTION entas_dash_reach_one(text, int, text, text, text, int);
DROP FUNCTION entas_dash_count(text, int, text, text, text, int, int);
DROP FUNCTION entas_dash_graduated(text, text, int);

-- ── HouseholdReach: the rule above, in every trigger ──

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

CREATE TRIGGER programme_reach_year AFTER UPDATE OF "fiscalYear" ON "Programme"
  FOR EACH ROW WHEN (OLD."fiscalYear" IS DISTINCT FROM NEW."fiscalYear") EXECUTE FUNCTION entas_reach_programme_year();

-- Recomputes HouseholdReach of one tenant (NULL: every tenant) from the entries: for data
-- written before this migration, and to check the triggers (tests compare the two).
CREATE OR REPLACE FUNCTION entas_reach_rebuild(p_tenant text) RETURNS void
  LANGUAGE plpgsql AS $$
BEGIN
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
END
$$;

-- Recomputes every incremental dashboard summary of one tenant (NULL: every tenant).
CREATE OR REPLACE FUNCTION entas_dash_rebuild(p_tenant text) RETURNS void
  LANGUAGE plpgsql
  AS $$
BEGIN
  PERFORM entas_reach_rebuild(p_tenant);
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

-- Existing rows under the rules above (participants of draft or cancelled trainings leave).
SELECT entas_dash_rebuild(NULL);
