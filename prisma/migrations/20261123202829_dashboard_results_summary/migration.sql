-- CreateTable
CREATE TABLE "DashboardReach" (
    "tenantId" TEXT NOT NULL,
    "fiscalYear" INTEGER NOT NULL,
    "scope" TEXT NOT NULL,
    "scopeId" TEXT NOT NULL,
    "householdId" TEXT NOT NULL,
    "kecamatanId" TEXT NOT NULL,
    "interventions" INTEGER NOT NULL,
    "graduated" BOOLEAN NOT NULL,

    CONSTRAINT "DashboardReach_pkey" PRIMARY KEY ("tenantId","fiscalYear","scope","scopeId","householdId")
);

-- CreateTable
CREATE TABLE "DashboardReachCount" (
    "tenantId" TEXT NOT NULL,
    "fiscalYear" INTEGER NOT NULL,
    "scope" TEXT NOT NULL,
    "scopeId" TEXT NOT NULL,
    "kecamatanId" TEXT NOT NULL,
    "households" INTEGER NOT NULL DEFAULT 0,
    "graduates" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "DashboardReachCount_pkey" PRIMARY KEY ("tenantId","fiscalYear","scope","scopeId","kecamatanId")
);

-- CreateTable
CREATE TABLE "DashboardTrainingCount" (
    "tenantId" TEXT NOT NULL,
    "programmeId" TEXT NOT NULL,
    "kecamatanId" TEXT NOT NULL,
    "trained" INTEGER NOT NULL DEFAULT 0,
    "businesses" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "DashboardTrainingCount_pkey" PRIMARY KEY ("tenantId","programmeId","kecamatanId")
);

-- CreateIndex
CREATE INDEX "DashboardReach_tenantId_householdId_idx" ON "DashboardReach"("tenantId", "householdId");

-- AddForeignKey
ALTER TABLE "DashboardReach" ADD CONSTRAINT "DashboardReach_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DashboardReachCount" ADD CONSTRAINT "DashboardReachCount_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DashboardTrainingCount" ADD CONSTRAINT "DashboardTrainingCount_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ───────── Summaries of the mayor's results dashboard, kept current on every write ─────────
-- (issue #6). Counting distinct households over millions of interventions on every page view
-- is too slow, so every write to the entries adjusts these tables in the same transaction:
--   DashboardReach          which households each programme / OPD / year has reached, with a
--                           reference count of live verified interventions;
--   DashboardReachCount     how many households (and graduates) that is, per kecamatan;
--   DashboardTrainingCount  completed verified participants and businesses opened, per
--                           programme and kecamatan.
-- Triggers run as the writer (entas_app), inside its tenant: the rows they touch carry the
-- writer's tenant, so row-level security holds. entas_dash_rebuild(tenant) recomputes all.

SELECT entas_enable_tenant_rls('DashboardReach');
SELECT entas_enable_tenant_rls('DashboardReachCount');
SELECT entas_enable_tenant_rls('DashboardTrainingCount');

-- Whether a household graduated (status event to GRADUATED) on or after a fiscal year began.
CREATE OR REPLACE FUNCTION entas_dash_graduated(p_tenant text, p_household text, p_year int) RETURNS boolean
  LANGUAGE sql STABLE
  AS $$
    SELECT EXISTS (
      SELECT 1 FROM "HouseholdStatusEvent" e
       WHERE e."tenantId" = p_tenant AND e."householdId" = p_household
         AND e."toStatus" = 'GRADUATED' AND e."effectiveDate" >= make_date(p_year, 1, 1))
  $$;

CREATE OR REPLACE FUNCTION entas_dash_count(p_tenant text, p_year int, p_scope text, p_scope_id text, p_kecamatan text,
                                            p_households int, p_graduates int) RETURNS void
  LANGUAGE plpgsql
  AS $$
BEGIN
  IF p_households = 0 AND p_graduates = 0 THEN RETURN; END IF;
  INSERT INTO "DashboardReachCount" ("tenantId", "fiscalYear", "scope", "scopeId", "kecamatanId", "households", "graduates")
  VALUES (p_tenant, p_year, p_scope, p_scope_id, p_kecamatan, p_households, p_graduates)
  ON CONFLICT ("tenantId", "fiscalYear", "scope", "scopeId", "kecamatanId") DO UPDATE
    SET "households" = "DashboardReachCount"."households" + EXCLUDED."households",
        "graduates" = "DashboardReachCount"."graduates" + EXCLUDED."graduates";
END
$$;

-- Adds `p_delta` live interventions of one household to one scope; the household counts as
-- reached while its interventions are above zero.
CREATE OR REPLACE FUNCTION entas_dash_reach_one(p_tenant text, p_year int, p_scope text, p_scope_id text,
                                                p_household text, p_delta int) RETURNS void
  LANGUAGE plpgsql
  AS $$
DECLARE
  v_kecamatan text;
  v_graduated boolean;
  v_new int;
BEGIN
  IF p_delta = 0 THEN RETURN; END IF;
  SELECT h."kecamatanId" INTO v_kecamatan FROM "Household" h WHERE h."tenantId" = p_tenant AND h."id" = p_household;
  IF v_kecamatan IS NULL THEN RETURN; END IF;
  INSERT INTO "DashboardReach" ("tenantId", "fiscalYear", "scope", "scopeId", "householdId", "kecamatanId", "interventions", "graduated")
  VALUES (p_tenant, p_year, p_scope, p_scope_id, p_household, v_kecamatan, p_delta, entas_dash_graduated(p_tenant, p_household, p_year))
  ON CONFLICT ("tenantId", "fiscalYear", "scope", "scopeId", "householdId") DO UPDATE
    SET "interventions" = "DashboardReach"."interventions" + EXCLUDED."interventions"
  RETURNING "interventions", "kecamatanId", "graduated" INTO v_new, v_kecamatan, v_graduated;
  IF v_new - p_delta <= 0 AND v_new > 0 THEN
    PERFORM entas_dash_count(p_tenant, p_year, p_scope, p_scope_id, v_kecamatan, 1, CASE WHEN v_graduated THEN 1 ELSE 0 END);
  ELSIF v_new - p_delta > 0 AND v_new <= 0 THEN
    PERFORM entas_dash_count(p_tenant, p_year, p_scope, p_scope_id, v_kecamatan, -1, CASE WHEN v_graduated THEN -1 ELSE 0 END);
  END IF;
  IF v_new = 0 THEN
    DELETE FROM "DashboardReach"
     WHERE "tenantId" = p_tenant AND "fiscalYear" = p_year AND "scope" = p_scope AND "scopeId" = p_scope_id AND "householdId" = p_household;
  END IF;
END
$$;

-- The same for a programme: its own scope, its OPD's and its year's.
CREATE OR REPLACE FUNCTION entas_dash_reach(p_tenant text, p_programme text, p_household text, p_delta int) RETURNS void
  LANGUAGE plpgsql
  AS $$
DECLARE
  v_year int;
  v_opd text;
BEGIN
  IF p_delta = 0 OR p_programme IS NULL THEN RETURN; END IF;
  SELECT p."fiscalYear", p."opdId" INTO v_year, v_opd FROM "Programme" p WHERE p."tenantId" = p_tenant AND p."id" = p_programme;
  IF v_year IS NULL THEN RETURN; END IF;
  PERFORM entas_dash_reach_one(p_tenant, v_year, 'P', p_programme, p_household, p_delta);
  PERFORM entas_dash_reach_one(p_tenant, v_year, 'O', v_opd, p_household, p_delta);
  PERFORM entas_dash_reach_one(p_tenant, v_year, 'Y', '', p_household, p_delta);
END
$$;

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

-- Aid: a verified distribution reaches its household; a verified reversal takes it back.
CREATE OR REPLACE FUNCTION entas_dash_aid_changed() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD."status" = 'VERIFIED' THEN
    PERFORM entas_dash_reach(OLD."tenantId", OLD."programmeId", OLD."householdId", CASE WHEN OLD."reversesId" IS NULL THEN -1 ELSE 1 END);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW."status" = 'VERIFIED' THEN
    PERFORM entas_dash_reach(NEW."tenantId", NEW."programmeId", NEW."householdId", CASE WHEN NEW."reversesId" IS NULL THEN 1 ELSE -1 END);
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER entas_dash_aid AFTER INSERT OR DELETE OR UPDATE OF "status", "reversesId", "programmeId", "householdId"
  ON "AidDistribution" FOR EACH ROW EXECUTE FUNCTION entas_dash_aid_changed();

-- Trainings: a verified participant reaches the household; completed counts as trained;
-- with a follow-up BUSINESS_OPENED, as a business opened.
CREATE OR REPLACE FUNCTION entas_dash_opened(p_tenant text, p_participant text) RETURNS boolean
  LANGUAGE sql STABLE
  AS $$
    SELECT EXISTS (SELECT 1 FROM "TrainingFollowUp" f
                    WHERE f."tenantId" = p_tenant AND f."participantId" = p_participant AND f."outcome" = 'BUSINESS_OPENED')
  $$;

CREATE OR REPLACE FUNCTION entas_dash_participant_changed() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
DECLARE
  v_programme text;
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD."status" = 'VERIFIED' THEN
    SELECT t."programmeId" INTO v_programme FROM "Training" t WHERE t."tenantId" = OLD."tenantId" AND t."id" = OLD."trainingId";
    PERFORM entas_dash_reach(OLD."tenantId", v_programme, OLD."householdId", -1);
    PERFORM entas_dash_training(OLD."tenantId", v_programme, OLD."householdId",
      CASE WHEN OLD."completion" = 'COMPLETED' THEN -1 ELSE 0 END,
      CASE WHEN entas_dash_opened(OLD."tenantId", OLD."id") THEN -1 ELSE 0 END);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW."status" = 'VERIFIED' THEN
    SELECT t."programmeId" INTO v_programme FROM "Training" t WHERE t."tenantId" = NEW."tenantId" AND t."id" = NEW."trainingId";
    PERFORM entas_dash_reach(NEW."tenantId", v_programme, NEW."householdId", 1);
    PERFORM entas_dash_training(NEW."tenantId", v_programme, NEW."householdId",
      CASE WHEN NEW."completion" = 'COMPLETED' THEN 1 ELSE 0 END,
      CASE WHEN entas_dash_opened(NEW."tenantId", NEW."id") THEN 1 ELSE 0 END);
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER entas_dash_participant AFTER INSERT OR DELETE OR UPDATE OF "status", "completion", "trainingId", "householdId"
  ON "TrainingParticipant" FOR EACH ROW EXECUTE FUNCTION entas_dash_participant_changed();

-- A follow-up changes "business opened" of a verified participant when it is the first
-- BUSINESS_OPENED (or the last one goes).
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
   WHERE tp."tenantId" = v_row."tenantId" AND tp."id" = v_row."participantId" AND tp."status" = 'VERIFIED';
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

CREATE TRIGGER entas_dash_follow_up AFTER INSERT OR DELETE OR UPDATE OF "outcome"
  ON "TrainingFollowUp" FOR EACH ROW EXECUTE FUNCTION entas_dash_follow_up_changed();

-- A graduation recorded (or withdrawn) later than the interventions.
CREATE OR REPLACE FUNCTION entas_dash_refresh_graduation(p_tenant text, p_household text) RETURNS void
  LANGUAGE plpgsql
  AS $$
DECLARE
  r record;
  v_now boolean;
BEGIN
  FOR r IN SELECT * FROM "DashboardReach" d WHERE d."tenantId" = p_tenant AND d."householdId" = p_household FOR UPDATE LOOP
    v_now := entas_dash_graduated(p_tenant, p_household, r."fiscalYear");
    IF v_now <> r."graduated" THEN
      UPDATE "DashboardReach" SET "graduated" = v_now
       WHERE "tenantId" = p_tenant AND "fiscalYear" = r."fiscalYear" AND "scope" = r."scope" AND "scopeId" = r."scopeId" AND "householdId" = p_household;
      IF r."interventions" > 0 THEN
        PERFORM entas_dash_count(p_tenant, r."fiscalYear", r."scope", r."scopeId", r."kecamatanId", 0, CASE WHEN v_now THEN 1 ELSE -1 END);
      END IF;
    END IF;
  END LOOP;
END
$$;

CREATE OR REPLACE FUNCTION entas_dash_status_event_changed() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM entas_dash_refresh_graduation(OLD."tenantId", OLD."householdId"); END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN PERFORM entas_dash_refresh_graduation(NEW."tenantId", NEW."householdId"); END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER entas_dash_status_event AFTER INSERT OR DELETE OR UPDATE OF "toStatus", "effectiveDate", "householdId"
  ON "HouseholdStatusEvent" FOR EACH ROW EXECUTE FUNCTION entas_dash_status_event_changed();

-- A household that moves takes its counts to its new kecamatan.
CREATE OR REPLACE FUNCTION entas_dash_household_moved() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
DECLARE
  r record;
BEGIN
  FOR r IN SELECT * FROM "DashboardReach" d WHERE d."tenantId" = NEW."tenantId" AND d."householdId" = NEW."id" FOR UPDATE LOOP
    IF r."interventions" > 0 THEN
      PERFORM entas_dash_count(NEW."tenantId", r."fiscalYear", r."scope", r."scopeId", r."kecamatanId", -1, CASE WHEN r."graduated" THEN -1 ELSE 0 END);
      PERFORM entas_dash_count(NEW."tenantId", r."fiscalYear", r."scope", r."scopeId", NEW."kecamatanId", 1, CASE WHEN r."graduated" THEN 1 ELSE 0 END);
    END IF;
  END LOOP;
  UPDATE "DashboardReach" SET "kecamatanId" = NEW."kecamatanId" WHERE "tenantId" = NEW."tenantId" AND "householdId" = NEW."id";
  FOR r IN
    SELECT t."programmeId",
           COUNT(*) FILTER (WHERE tp."completion" = 'COMPLETED')::int AS trained,
           COUNT(*) FILTER (WHERE entas_dash_opened(tp."tenantId", tp."id"))::int AS businesses
      FROM "TrainingParticipant" tp JOIN "Training" t ON t."tenantId" = tp."tenantId" AND t."id" = tp."trainingId"
     WHERE tp."tenantId" = NEW."tenantId" AND tp."householdId" = NEW."id" AND tp."status" = 'VERIFIED'
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

CREATE TRIGGER entas_dash_household_moved AFTER UPDATE OF "kecamatanId" ON "Household"
  FOR EACH ROW WHEN (OLD."kecamatanId" IS DISTINCT FROM NEW."kecamatanId") EXECUTE FUNCTION entas_dash_household_moved();

-- A programme moved to another OPD or year takes its households along.
CREATE OR REPLACE FUNCTION entas_dash_programme_moved() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
DECLARE
  r record;
BEGIN
  FOR r IN SELECT d."householdId", d."interventions" FROM "DashboardReach" d
            WHERE d."tenantId" = OLD."tenantId" AND d."fiscalYear" = OLD."fiscalYear" AND d."scope" = 'P' AND d."scopeId" = OLD."id"
  LOOP
    PERFORM entas_dash_reach_one(OLD."tenantId", OLD."fiscalYear", 'P', OLD."id", r."householdId", -r."interventions");
    PERFORM entas_dash_reach_one(OLD."tenantId", OLD."fiscalYear", 'O', OLD."opdId", r."householdId", -r."interventions");
    PERFORM entas_dash_reach_one(OLD."tenantId", OLD."fiscalYear", 'Y', '', r."householdId", -r."interventions");
    PERFORM entas_dash_reach(NEW."tenantId", NEW."id", r."householdId", r."interventions");
  END LOOP;
  RETURN NULL;
END
$$;

CREATE TRIGGER entas_dash_programme_moved AFTER UPDATE OF "opdId", "fiscalYear" ON "Programme"
  FOR EACH ROW WHEN (OLD."opdId" IS DISTINCT FROM NEW."opdId" OR OLD."fiscalYear" IS DISTINCT FROM NEW."fiscalYear")
  EXECUTE FUNCTION entas_dash_programme_moved();

-- Recomputes the summaries of one tenant (NULL: every tenant) from the entries: for data
-- written before this migration, and to check the triggers (tests compare the two).
CREATE OR REPLACE FUNCTION entas_dash_rebuild(p_tenant text) RETURNS void
  LANGUAGE plpgsql
  AS $$
BEGIN
  DELETE FROM "DashboardReach" WHERE p_tenant IS NULL OR "tenantId" = p_tenant;
  DELETE FROM "DashboardReachCount" WHERE p_tenant IS NULL OR "tenantId" = p_tenant;
  DELETE FROM "DashboardTrainingCount" WHERE p_tenant IS NULL OR "tenantId" = p_tenant;

  WITH iv AS (
    SELECT a."tenantId", a."programmeId", a."householdId", CASE WHEN a."reversesId" IS NULL THEN 1 ELSE -1 END AS n
      FROM "AidDistribution" a
     WHERE a."status" = 'VERIFIED' AND (p_tenant IS NULL OR a."tenantId" = p_tenant)
    UNION ALL
    SELECT tp."tenantId", t."programmeId", tp."householdId", 1
      FROM "TrainingParticipant" tp JOIN "Training" t ON t."tenantId" = tp."tenantId" AND t."id" = tp."trainingId"
     WHERE tp."status" = 'VERIFIED' AND (p_tenant IS NULL OR tp."tenantId" = p_tenant)
  ),
  scoped AS (
    SELECT iv."tenantId", p."fiscalYear", s.scope, s.scope_id, iv."householdId", iv.n
      FROM iv
      JOIN "Programme" p ON p."tenantId" = iv."tenantId" AND p."id" = iv."programmeId"
      CROSS JOIN LATERAL (VALUES ('P', p."id"), ('O', p."opdId"), ('Y', '')) AS s(scope, scope_id)
  ),
  -- The latest graduation of each household: graduated in a fiscal year when on or after its start.
  graduation AS (
    SELECT e."tenantId", e."householdId", MAX(e."effectiveDate") AS "lastGraduated"
      FROM "HouseholdStatusEvent" e
     WHERE e."toStatus" = 'GRADUATED' AND (p_tenant IS NULL OR e."tenantId" = p_tenant)
     GROUP BY e."tenantId", e."householdId"
  )
  INSERT INTO "DashboardReach" ("tenantId", "fiscalYear", "scope", "scopeId", "householdId", "kecamatanId", "interventions", "graduated")
  SELECT sc."tenantId", sc."fiscalYear", sc.scope, sc.scope_id, sc."householdId", h."kecamatanId", SUM(sc.n)::int,
         COALESCE(g."lastGraduated" >= make_date(sc."fiscalYear", 1, 1), false)
    FROM scoped sc
    JOIN "Household" h ON h."tenantId" = sc."tenantId" AND h."id" = sc."householdId"
    LEFT JOIN graduation g ON g."tenantId" = sc."tenantId" AND g."householdId" = sc."householdId"
   GROUP BY sc."tenantId", sc."fiscalYear", sc.scope, sc.scope_id, sc."householdId", h."kecamatanId", g."lastGraduated"
  HAVING SUM(sc.n) <> 0;

  INSERT INTO "DashboardReachCount" ("tenantId", "fiscalYear", "scope", "scopeId", "kecamatanId", "households", "graduates")
  SELECT "tenantId", "fiscalYear", "scope", "scopeId", "kecamatanId", COUNT(*)::int, (COUNT(*) FILTER (WHERE "graduated"))::int
    FROM "DashboardReach"
   WHERE "interventions" > 0 AND (p_tenant IS NULL OR "tenantId" = p_tenant)
   GROUP BY "tenantId", "fiscalYear", "scope", "scopeId", "kecamatanId";

  INSERT INTO "DashboardTrainingCount" ("tenantId", "programmeId", "kecamatanId", "trained", "businesses")
  SELECT tp."tenantId", t."programmeId", h."kecamatanId",
         (COUNT(*) FILTER (WHERE tp."completion" = 'COMPLETED'))::int,
         (COUNT(*) FILTER (WHERE entas_dash_opened(tp."tenantId", tp."id")))::int
    FROM "TrainingParticipant" tp
    JOIN "Training" t ON t."tenantId" = tp."tenantId" AND t."id" = tp."trainingId"
    JOIN "Household" h ON h."tenantId" = tp."tenantId" AND h."id" = tp."householdId"
   WHERE tp."status" = 'VERIFIED' AND (p_tenant IS NULL OR tp."tenantId" = p_tenant)
   GROUP BY tp."tenantId", t."programmeId", h."kecamatanId";
END
$$;

SELECT entas_dash_rebuild(NULL);
