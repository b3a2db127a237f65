-- The training list and the follow-up page count from summaries kept by triggers
-- (prisma/sql/summaries/training-tallies.sql) instead of every participant or follow-up of the
-- city, and each follow-up carries its programme's OPD. The summaries and the OPD
-- of the follow-ups already written are filled at the end.

-- AlterTable
ALTER TABLE "TrainingFollowUp" ADD COLUMN     "opdId" TEXT;

-- CreateTable
CREATE TABLE "TrainingTally" (
    "tenantId" TEXT NOT NULL,
    "trainingId" TEXT NOT NULL,
    "enrolled" INTEGER NOT NULL DEFAULT 0,
    "verified" INTEGER NOT NULL DEFAULT 0,
    "pending" INTEGER NOT NULL DEFAULT 0,
    "completed" INTEGER NOT NULL DEFAULT 0,
    "certificates" INTEGER NOT NULL DEFAULT 0,
    "attended" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "TrainingTally_pkey" PRIMARY KEY ("tenantId","trainingId")
);

-- CreateTable
CREATE TABLE "TrainingFollowUpTally" (
    "tenantId" TEXT NOT NULL,
    "opdId" TEXT NOT NULL,
    "month" DATE NOT NULL,
    "open" INTEGER NOT NULL DEFAULT 0,
    "businessOpened" INTEGER NOT NULL DEFAULT 0,
    "employed" INTEGER NOT NULL DEFAULT 0,
    "neither" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "TrainingFollowUpTally_pkey" PRIMARY KEY ("tenantId","opdId","month")
);

-- CreateIndex
CREATE INDEX "TrainingFollowUp_tenantId_opdId_dueDate_id_idx" ON "TrainingFollowUp"("tenantId", "opdId", "dueDate", "id");

-- AddForeignKey
ALTER TABLE "TrainingTally" ADD CONSTRAINT "TrainingTally_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingTally" ADD CONSTRAINT "TrainingTally_tenantId_trainingId_fkey" FOREIGN KEY ("tenantId", "trainingId") REFERENCES "Training"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingFollowUpTally" ADD CONSTRAINT "TrainingFollowUpTally_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

SELECT entas_enable_tenant_rls('TrainingTally');
SELECT entas_enable_tenant_rls('TrainingFollowUpTally');

-- ─── begin repeatable summaries/training-tallies.sql ───
-- TrainingTally and TrainingFollowUpTally: what the training list and the follow-up page count,
-- kept so that they count from one row per training, or per OPD and month due, instead of
-- every participant or follow-up of the city.
--   keeps     "TrainingTally": per training, participants enrolled (not withdrawn), verified,
--             pending (drafts), completed and with certificates (verified), attended (with any
--             attendance) — the list's "verified/capacity", the year's figures and the
--             "no attendance" filter (features/trainings/queries.ts);
--             "TrainingFollowUpTally": per OPD of the training's programme and month due, the
--             unanswered follow-ups of graduates of trainings not cancelled ("due", the page's
--             list) and the answered ones per outcome (features/trainings/follow-up-list.ts);
--             "TrainingFollowUp"."opdId": that OPD carried on each follow-up, so the page starts
--             from the OPD's own follow-ups instead of joining through trainings.
--   from      "TrainingParticipant" (entas_tally_participant_insert, _update, _delete),
--             "TrainingAttendance" (entas_tally_attendance_insert, _update, _delete),
--             "TrainingFollowUp" (entas_follow_up_opd: the OPD, before a row is written;
--             entas_tally_follow_up_insert, _update, _delete), "Training" (entas_tally_training:
--             cancelled or moved to another programme), "Programme" (entas_tally_programme:
--             moved to another OPD); statement-level triggers that recount the rows a statement
--             touched, exact for any statement, cascades included
--   rebuild   entas_training_tallies_rebuild(tenant) (both tables and the follow-ups' OPD)
--   tested    tests/integration/summaries/training-tallies.test.ts (equal to a recount after
--             random multi-row statements)
-- Concurrency, as entas_training_counts_sync: the rows are locked first (missing ones created
-- by the same upsert), then recounted by a later statement whose snapshot sees every
-- transaction that held the lock before. Triggers run as the writer (entas_app) inside its
-- tenant, so row-level security holds. Repeatable (prisma/sql/README.md).

-- Recounts the (tenant, training) rows named from the participants as they are now; a
-- training without participants keeps no row.
CREATE OR REPLACE FUNCTION entas_training_tally_sync(p_t text[], p_tr text[]) RETURNS void
  LANGUAGE plpgsql AS $$
BEGIN
  IF p_t IS NULL THEN RETURN; END IF;
  INSERT INTO "TrainingTally" AS c ("tenantId", "trainingId")
  SELECT DISTINCT k.t, k.tr FROM unnest(p_t, p_tr) AS k(t, tr)
    JOIN "Training" x ON x."tenantId" = k.t AND x."id" = k.tr
   ORDER BY 1, 2
  ON CONFLICT ("tenantId", "trainingId") DO UPDATE SET "enrolled" = c."enrolled";
  UPDATE "TrainingTally" c
     SET "enrolled" = a.enrolled, "verified" = a.verified, "pending" = a.pending,
         "completed" = a.completed, "certificates" = a.certificates, "attended" = a.attended
    FROM (SELECT DISTINCT t, tr FROM unnest(p_t, p_tr) AS x(t, tr)) k
    CROSS JOIN LATERAL (
      SELECT (count(*) FILTER (WHERE p."completion" <> 'DROPPED'))::int AS enrolled,
             (count(*) FILTER (WHERE p."status" = 'VERIFIED' AND p."completion" <> 'DROPPED'))::int AS verified,
             (count(*) FILTER (WHERE p."status" = 'DRAFT' AND p."completion" <> 'DROPPED'))::int AS pending,
             (count(*) FILTER (WHERE p."status" = 'VERIFIED' AND p."completion" = 'COMPLETED'))::int AS completed,
             (count(*) FILTER (WHERE p."status" = 'VERIFIED' AND p."completion" = 'COMPLETED' AND p."certificateNo" IS NOT NULL))::int AS certificates,
             (count(*) FILTER (WHERE EXISTS (SELECT 1 FROM "TrainingAttendance" d
                                              WHERE d."tenantId" = p."tenantId" AND d."participantId" = p."id")))::int AS attended
        FROM "TrainingParticipant" p
       WHERE p."tenantId" = k.t AND p."trainingId" = k.tr
    ) a
   WHERE c."tenantId" = k.t AND c."trainingId" = k.tr
     AND (c."enrolled", c."verified", c."pending", c."completed", c."certificates", c."attended")
         IS DISTINCT FROM (a.enrolled, a.verified, a.pending, a.completed, a.certificates, a.attended);
  DELETE FROM "TrainingTally" c
   USING (SELECT DISTINCT t, tr FROM unnest(p_t, p_tr) AS x(t, tr)) k
   WHERE c."tenantId" = k.t AND c."trainingId" = k.tr
     AND NOT EXISTS (SELECT 1 FROM "TrainingParticipant" p WHERE p."tenantId" = k.t AND p."trainingId" = k.tr);
END
$$;

-- Participants written: the trainings of the rows before and after whose status, completion,
-- certificate or training changed.
CREATE OR REPLACE FUNCTION entas_tally_participant_changed() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM entas_training_tally_sync(array_agg(p."tenantId"), array_agg(p."trainingId")) FROM new_rows p;
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM entas_training_tally_sync(array_agg(p."tenantId"), array_agg(p."trainingId"))
       FROM ((SELECT "tenantId", "id", "status", "completion", "certificateNo", "trainingId" FROM new_rows
              EXCEPT SELECT "tenantId", "id", "status", "completion", "certificateNo", "trainingId" FROM old_rows)
             UNION
             (SELECT "tenantId", "id", "status", "completion", "certificateNo", "trainingId" FROM old_rows
              EXCEPT SELECT "tenantId", "id", "status", "completion", "certificateNo", "trainingId" FROM new_rows)) p;
    -- A graduate's follow-ups fall due (or stop) with their completion; a move may change their OPD.
    PERFORM entas_follow_up_opd_refresh(array_agg(p."tenantId"), array_agg(p."id"))
       FROM (SELECT n."tenantId", n."id" FROM new_rows n JOIN old_rows o ON o."tenantId" = n."tenantId" AND o."id" = n."id"
              WHERE (n."completion", n."trainingId") IS DISTINCT FROM (o."completion", o."trainingId")) p;
  ELSE
    PERFORM entas_training_tally_sync(array_agg(p."tenantId"), array_agg(p."trainingId")) FROM old_rows p;
  END IF;
  RETURN NULL;
END
$$;

DROP TRIGGER IF EXISTS entas_tally_participant_insert ON "TrainingParticipant";
CREATE TRIGGER entas_tally_participant_insert AFTER INSERT ON "TrainingParticipant"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION entas_tally_participant_changed();
DROP TRIGGER IF EXISTS entas_tally_participant_update ON "TrainingParticipant";
CREATE TRIGGER entas_tally_participant_update AFTER UPDATE ON "TrainingParticipant"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION entas_tally_participant_changed();
DROP TRIGGER IF EXISTS entas_tally_participant_delete ON "TrainingParticipant";
CREATE TRIGGER entas_tally_participant_delete AFTER DELETE ON "TrainingParticipant"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION entas_tally_participant_changed();

-- Attendance written: the trainings of its participants. Attendance deleted with its
-- participant finds it gone: the participant's own trigger recounts the training.
CREATE OR REPLACE FUNCTION entas_tally_attendance_changed() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM entas_training_tally_sync(array_agg(p."tenantId"), array_agg(p."trainingId"))
       FROM (SELECT DISTINCT "tenantId", "participantId" FROM new_rows) d
       JOIN "TrainingParticipant" p ON p."tenantId" = d."tenantId" AND p."id" = d."participantId";
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM entas_training_tally_sync(array_agg(p."tenantId"), array_agg(p."trainingId"))
       FROM (SELECT "tenantId", "participantId" FROM new_rows UNION SELECT "tenantId", "participantId" FROM old_rows) d
       JOIN "TrainingParticipant" p ON p."tenantId" = d."tenantId" AND p."id" = d."participantId";
  ELSE
    PERFORM entas_training_tally_sync(array_agg(p."tenantId"), array_agg(p."trainingId"))
       FROM (SELECT DISTINCT "tenantId", "participantId" FROM old_rows) d
       JOIN "TrainingParticipant" p ON p."tenantId" = d."tenantId" AND p."id" = d."participantId";
  END IF;
  RETURN NULL;
END
$$;

DROP TRIGGER IF EXISTS entas_tally_attendance_insert ON "TrainingAttendance";
CREATE TRIGGER entas_tally_attendance_insert AFTER INSERT ON "TrainingAttendance"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION entas_tally_attendance_changed();
DROP TRIGGER IF EXISTS entas_tally_attendance_update ON "TrainingAttendance";
CREATE TRIGGER entas_tally_attendance_update AFTER UPDATE ON "TrainingAttendance"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION entas_tally_attendance_changed();
DROP TRIGGER IF EXISTS entas_tally_attendance_delete ON "TrainingAttendance";
CREATE TRIGGER entas_tally_attendance_delete AFTER DELETE ON "TrainingAttendance"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION entas_tally_attendance_changed();

-- Recounts the (tenant, OPD, month) rows named from the follow-ups as they are now.
CREATE OR REPLACE FUNCTION entas_follow_up_tally_sync(p_t text[], p_o text[], p_m date[]) RETURNS void
  LANGUAGE plpgsql AS $$
BEGIN
  IF p_t IS NULL THEN RETURN; END IF;
  INSERT INTO "TrainingFollowUpTally" AS c ("tenantId", "opdId", "month")
  SELECT DISTINCT t, o, m FROM unnest(p_t, p_o, p_m) AS x(t, o, m) WHERE o IS NOT NULL ORDER BY 1, 2, 3
  ON CONFLICT ("tenantId", "opdId", "month") DO UPDATE SET "open" = c."open";
  UPDATE "TrainingFollowUpTally" c
     SET "open" = a.open, "businessOpened" = a.business, "employed" = a.employed, "neither" = a.neither
    FROM (SELECT DISTINCT t, o, m FROM unnest(p_t, p_o, p_m) AS x(t, o, m) WHERE o IS NOT NULL) k
    CROSS JOIN LATERAL (
      SELECT (count(*) FILTER (WHERE f."outcome" IS NULL AND p."completion" = 'COMPLETED' AND tr."cancelledAt" IS NULL))::int AS open,
             (count(*) FILTER (WHERE f."outcome" = 'BUSINESS_OPENED'))::int AS business,
             (count(*) FILTER (WHERE f."outcome" = 'EMPLOYED'))::int AS employed,
             (count(*) FILTER (WHERE f."outcome" = 'NEITHER'))::int AS neither
        FROM "TrainingFollowUp" f
        JOIN "TrainingParticipant" p ON p."tenantId" = f."tenantId" AND p."id" = f."participantId"
        JOIN "Training" tr ON tr."tenantId" = p."tenantId" AND tr."id" = p."trainingId"
       WHERE f."tenantId" = k.t AND f."opdId" = k.o AND f."dueDate" >= k.m AND f."dueDate" < (k.m + interval '1 month')
    ) a
   WHERE c."tenantId" = k.t AND c."opdId" = k.o AND c."month" = k.m
     AND (c."open", c."businessOpened", c."employed", c."neither") IS DISTINCT FROM (a.open, a.business, a.employed, a.neither);
  DELETE FROM "TrainingFollowUpTally" c
   USING (SELECT DISTINCT t, o, m FROM unnest(p_t, p_o, p_m) AS x(t, o, m) WHERE o IS NOT NULL) k
   WHERE c."tenantId" = k.t AND c."opdId" = k.o AND c."month" = k.m
     AND c."open" = 0 AND c."businessOpened" = 0 AND c."employed" = 0 AND c."neither" = 0;
END
$$;

-- The follow-ups of the participants named take their programme's OPD (a follow-up update,
-- which recounts the months left and joined), then their months are recounted (a completion or
-- a cancellation changes what is due without changing the follow-up).
CREATE OR REPLACE FUNCTION entas_follow_up_opd_refresh(p_t text[], p_p text[]) RETURNS void
  LANGUAGE plpgsql AS $$
BEGIN
  IF p_t IS NULL THEN RETURN; END IF;
  UPDATE "TrainingFollowUp" f SET "opdId" = pr."opdId"
    FROM (SELECT DISTINCT t, p FROM unnest(p_t, p_p) AS x(t, p)) k
    JOIN "TrainingParticipant" p ON p."tenantId" = k.t AND p."id" = k.p
    JOIN "Training" tr ON tr."tenantId" = p."tenantId" AND tr."id" = p."trainingId"
    JOIN "Programme" pr ON pr."tenantId" = tr."tenantId" AND pr."id" = tr."programmeId"
   WHERE f."tenantId" = k.t AND f."participantId" = k.p AND f."opdId" IS DISTINCT FROM pr."opdId";
  PERFORM entas_follow_up_tally_sync(array_agg(x."tenantId"), array_agg(x."opdId"), array_agg(x.m))
     FROM (SELECT DISTINCT f."tenantId", f."opdId", date_trunc('month', f."dueDate")::date AS m
             FROM (SELECT DISTINCT t, p FROM unnest(p_t, p_p) AS x(t, p)) k
             JOIN "TrainingFollowUp" f ON f."tenantId" = k.t AND f."participantId" = k.p) x;
END
$$;

-- A follow-up written carries its programme's OPD (whatever the writer sent).
CREATE OR REPLACE FUNCTION entas_follow_up_opd() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  SELECT pr."opdId" INTO NEW."opdId"
    FROM "TrainingParticipant" p
    JOIN "Training" tr ON tr."tenantId" = p."tenantId" AND tr."id" = p."trainingId"
    JOIN "Programme" pr ON pr."tenantId" = tr."tenantId" AND pr."id" = tr."programmeId"
   WHERE p."tenantId" = NEW."tenantId" AND p."id" = NEW."participantId";
  RETURN NEW;
END
$$;

DROP TRIGGER IF EXISTS entas_follow_up_opd ON "TrainingFollowUp";
CREATE TRIGGER entas_follow_up_opd BEFORE INSERT OR UPDATE OF "participantId", "opdId" ON "TrainingFollowUp"
  FOR EACH ROW EXECUTE FUNCTION entas_follow_up_opd();

-- Follow-ups written: the months (of their OPD) they left and joined, when the OPD, the month,
-- the outcome or the participant changed.
CREATE OR REPLACE FUNCTION entas_tally_follow_up_changed() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM entas_follow_up_tally_sync(array_agg(f."tenantId"), array_agg(f."opdId"), array_agg(date_trunc('month', f."dueDate")::date)) FROM new_rows f;
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM entas_follow_up_tally_sync(array_agg(f."tenantId"), array_agg(f."opdId"), array_agg(date_trunc('month', f."dueDate")::date))
       FROM ((SELECT "tenantId", "id", "opdId", "dueDate", "outcome", "participantId" FROM new_rows
              EXCEPT SELECT "tenantId", "id", "opdId", "dueDate", "outcome", "participantId" FROM old_rows)
             UNION
             (SELECT "tenantId", "id", "opdId", "dueDate", "outcome", "participantId" FROM old_rows
              EXCEPT SELECT "tenantId", "id", "opdId", "dueDate", "outcome", "participantId" FROM new_rows)) f;
  ELSE
    PERFORM entas_follow_up_tally_sync(array_agg(f."tenantId"), array_agg(f."opdId"), array_agg(date_trunc('month', f."dueDate")::date)) FROM old_rows f;
  END IF;
  RETURN NULL;
END
$$;

DROP TRIGGER IF EXISTS entas_tally_follow_up_insert ON "TrainingFollowUp";
CREATE TRIGGER entas_tally_follow_up_insert AFTER INSERT ON "TrainingFollowUp"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION entas_tally_follow_up_changed();
DROP TRIGGER IF EXISTS entas_tally_follow_up_update ON "TrainingFollowUp";
CREATE TRIGGER entas_tally_follow_up_update AFTER UPDATE ON "TrainingFollowUp"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION entas_tally_follow_up_changed();
DROP TRIGGER IF EXISTS entas_tally_follow_up_delete ON "TrainingFollowUp";
CREATE TRIGGER entas_tally_follow_up_delete AFTER DELETE ON "TrainingFollowUp"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION entas_tally_follow_up_changed();

-- Trainings cancelled, restored or moved to another programme: their participants' follow-ups.
CREATE OR REPLACE FUNCTION entas_tally_training_changed() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  PERFORM entas_follow_up_opd_refresh(array_agg(p."tenantId"), array_agg(p."id"))
     FROM new_rows n
     JOIN old_rows o ON o."tenantId" = n."tenantId" AND o."id" = n."id"
     JOIN "TrainingParticipant" p ON p."tenantId" = n."tenantId" AND p."trainingId" = n."id"
    WHERE (n."cancelledAt" IS NULL, n."programmeId") IS DISTINCT FROM (o."cancelledAt" IS NULL, o."programmeId");
  RETURN NULL;
END
$$;

DROP TRIGGER IF EXISTS entas_tally_training ON "Training";
CREATE TRIGGER entas_tally_training AFTER UPDATE ON "Training"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION entas_tally_training_changed();

-- Programmes moved to another OPD: the follow-ups of their trainings' participants.
CREATE OR REPLACE FUNCTION entas_tally_programme_changed() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  PERFORM entas_follow_up_opd_refresh(array_agg(p."tenantId"), array_agg(p."id"))
     FROM new_rows n
     JOIN old_rows o ON o."tenantId" = n."tenantId" AND o."id" = n."id"
     JOIN "Training" tr ON tr."tenantId" = n."tenantId" AND tr."programmeId" = n."id"
     JOIN "TrainingParticipant" p ON p."tenantId" = tr."tenantId" AND p."trainingId" = tr."id"
    WHERE n."opdId" IS DISTINCT FROM o."opdId";
  RETURN NULL;
END
$$;

DROP TRIGGER IF EXISTS entas_tally_programme ON "Programme";
CREATE TRIGGER entas_tally_programme AFTER UPDATE ON "Programme"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION entas_tally_programme_changed();

-- Both tables and the follow-ups' OPD of one tenant (NULL: every tenant), recounted whole.
CREATE OR REPLACE FUNCTION entas_training_tallies_rebuild(p_tenant text) RETURNS void
  LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "TrainingFollowUp" f SET "opdId" = pr."opdId"
    FROM "TrainingParticipant" p
    JOIN "Training" tr ON tr."tenantId" = p."tenantId" AND tr."id" = p."trainingId"
    JOIN "Programme" pr ON pr."tenantId" = tr."tenantId" AND pr."id" = tr."programmeId"
   WHERE p."tenantId" = f."tenantId" AND p."id" = f."participantId" AND f."opdId" IS DISTINCT FROM pr."opdId"
     AND (p_tenant IS NULL OR f."tenantId" = p_tenant);
  DELETE FROM "TrainingTally" WHERE p_tenant IS NULL OR "tenantId" = p_tenant;
  INSERT INTO "TrainingTally" ("tenantId", "trainingId", "enrolled", "verified", "pending", "completed", "certificates", "attended")
  SELECT p."tenantId", p."trainingId",
         (count(*) FILTER (WHERE p."completion" <> 'DROPPED'))::int,
         (count(*) FILTER (WHERE p."status" = 'VERIFIED' AND p."completion" <> 'DROPPED'))::int,
         (count(*) FILTER (WHERE p."status" = 'DRAFT' AND p."completion" <> 'DROPPED'))::int,
         (count(*) FILTER (WHERE p."status" = 'VERIFIED' AND p."completion" = 'COMPLETED'))::int,
         (count(*) FILTER (WHERE p."status" = 'VERIFIED' AND p."completion" = 'COMPLETED' AND p."certificateNo" IS NOT NULL))::int,
         (count(*) FILTER (WHERE EXISTS (SELECT 1 FROM "TrainingAttendance" d
                                          WHERE d."tenantId" = p."tenantId" AND d."participantId" = p."id")))::int
    FROM "TrainingParticipant" p
   WHERE p_tenant IS NULL OR p."tenantId" = p_tenant
   GROUP BY 1, 2;
  DELETE FROM "TrainingFollowUpTally" WHERE p_tenant IS NULL OR "tenantId" = p_tenant;
  INSERT INTO "TrainingFollowUpTally" ("tenantId", "opdId", "month", "open", "businessOpened", "employed", "neither")
  SELECT f."tenantId", f."opdId", date_trunc('month', f."dueDate")::date,
         (count(*) FILTER (WHERE f."outcome" IS NULL AND p."completion" = 'COMPLETED' AND tr."cancelledAt" IS NULL))::int,
         (count(*) FILTER (WHERE f."outcome" = 'BUSINESS_OPENED'))::int,
         (count(*) FILTER (WHERE f."outcome" = 'EMPLOYED'))::int,
         (count(*) FILTER (WHERE f."outcome" = 'NEITHER'))::int
    FROM "TrainingFollowUp" f
    JOIN "TrainingParticipant" p ON p."tenantId" = f."tenantId" AND p."id" = f."participantId"
    JOIN "Training" tr ON tr."tenantId" = p."tenantId" AND tr."id" = p."trainingId"
   WHERE f."opdId" IS NOT NULL AND (p_tenant IS NULL OR f."tenantId" = p_tenant)
   GROUP BY 1, 2, 3
  HAVING count(*) FILTER (WHERE f."outcome" IS NOT NULL OR (p."completion" = 'COMPLETED' AND tr."cancelledAt" IS NULL)) > 0;
END
$$;
-- ─── end repeatable summaries/training-tallies.sql ───

-- What was written before: the follow-ups' OPD, then both summaries, recounted whole.
SELECT entas_training_tallies_rebuild(NULL);
ANALYZE "TrainingTally";
ANALYZE "TrainingFollowUpTally";
ANALYZE "TrainingFollowUp";
