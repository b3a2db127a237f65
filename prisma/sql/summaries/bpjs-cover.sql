-- BPJS Ketenagakerjaan cover (features/aid/bpjs-cover.ts), kept per member so that the cover
-- page reads a page of names by key instead of comparing every standing premium of the city
-- with every other on each request (12–17 s at a million households).
--   keeps     "BpjsDoubleCover": one row per member covered twice (two standing covers that
--             share a month), with the member's household and name now and the sorted OPDs of
--             the periods that overlap another;
--             "BpjsCoverEnd": one row per standing cover that no standing cover of the same
--             member carries on (one ending later and starting by the month after its last),
--             with the member's name, its OPD and its last month.
--             Standing is standing() of bpjs-cover.ts: a VERIFIED INSURANCE_PREMIUM entry with a
--             member and a period, not a reversal, not cancelled by a VERIFIED reversal.
--   from      "AidDistribution" (entas_bpjs_cover_aid_insert, _update, _delete): every member
--             of a verified premium a statement wrote or removed, and of an entry a verified
--             reversal among them cancels (or no longer cancels), is worked out again from its
--             entries; "Member" (entas_bpjs_cover_member_update): a new name or household is
--             copied to its rows
--   read by   features/aid/bpjs-cover.ts (coverEndingThisMonth, coveredTwice)
--   rebuild   entas_bpjs_cover_rebuild(tenant)  (NULL: every tenant)
--   tested    tests/integration/summaries/bpjs-cover.test.ts (equal to the lists' own
--             self-join after random multi-row statements, two writers at once, rebuilt equal)
-- Triggers run as the writer (entas_app), inside its tenant: the rows they touch carry the
-- writer's tenant, so row-level security holds.
-- Repeatable (prisma/sql/README.md): run it again and nothing changes.

-- Works out both tables again for the members (tenant, member) named by the arrays, from their
-- entries: their rows go, then the rows they have now come back. The other covers a cover is
-- compared with are looked up by member in AidDistribution's index, not in the set of the
-- members' covers: the planner cannot tell that set's size, and a rebuild holds every member.
CREATE OR REPLACE FUNCTION entas_bpjs_cover_apply(p_t text[], p_m text[])
  RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF p_t IS NULL THEN RETURN; END IF;
  DELETE FROM "BpjsDoubleCover" c USING (SELECT DISTINCT t, m FROM unnest(p_t, p_m) AS x(t, m)) k
   WHERE c."tenantId" = k.t AND c."memberId" = k.m;
  DELETE FROM "BpjsCoverEnd" c USING (SELECT DISTINCT t, m FROM unnest(p_t, p_m) AS x(t, m)) k
   WHERE c."tenantId" = k.t AND c."memberId" = k.m;
  WITH k AS (
    SELECT DISTINCT t, m FROM unnest(p_t, p_m) AS x(t, m) WHERE m IS NOT NULL
  ), s AS MATERIALIZED (
    SELECT a."tenantId" t, a."memberId" m, a.id, a."opdId" o, a."coverageStart" cs, a."coverageEnd" ce
      FROM k JOIN "AidDistribution" a ON a."tenantId" = k.t AND a."memberId" = k.m
     WHERE a.kind = 'INSURANCE_PREMIUM' AND a.status = 'VERIFIED' AND a."reversesId" IS NULL
       AND a."coverageStart" IS NOT NULL AND a."coverageEnd" IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM "AidDistribution" r
                        WHERE r."tenantId" = a."tenantId" AND r."reversesId" = a.id AND r.status = 'VERIFIED')
  ), other AS (
    -- Per cover: another standing cover of the member sharing a month, one carrying it on.
    SELECT a.*,
           EXISTS (SELECT 1 FROM "AidDistribution" b
                    WHERE b."tenantId" = a.t AND b."memberId" = a.m AND b.id <> a.id
                      AND b."coverageStart" <= a.ce AND a.cs <= b."coverageEnd"
                      AND b.kind = 'INSURANCE_PREMIUM' AND b.status = 'VERIFIED' AND b."reversesId" IS NULL
                      AND NOT EXISTS (SELECT 1 FROM "AidDistribution" r
                                       WHERE r."tenantId" = b."tenantId" AND r."reversesId" = b.id AND r.status = 'VERIFIED')) AS overlapped,
           EXISTS (SELECT 1 FROM "AidDistribution" n
                    WHERE n."tenantId" = a.t AND n."memberId" = a.m
                      AND n."coverageEnd" > a.ce AND n."coverageStart" <= (a.ce + INTERVAL '1 month')::date
                      AND n.kind = 'INSURANCE_PREMIUM' AND n.status = 'VERIFIED' AND n."reversesId" IS NULL
                      AND NOT EXISTS (SELECT 1 FROM "AidDistribution" r
                                       WHERE r."tenantId" = n."tenantId" AND r."reversesId" = n.id AND r.status = 'VERIFIED')) AS carried_on
      FROM s a
  ), twice AS (
    INSERT INTO "BpjsDoubleCover" AS c ("tenantId", "memberId", "householdId", "memberName", "opdIds")
    SELECT w.t, w.m, mb."householdId", mb.name, w.opds
      FROM (SELECT t, m, array_agg(DISTINCT o ORDER BY o) opds FROM other WHERE overlapped GROUP BY t, m) w
      JOIN "Member" mb ON mb."tenantId" = w.t AND mb.id = w.m
     ORDER BY 1, 2
    ON CONFLICT ("tenantId", "memberId") DO UPDATE
      SET "householdId" = EXCLUDED."householdId", "memberName" = EXCLUDED."memberName", "opdIds" = EXCLUDED."opdIds"
  )
  INSERT INTO "BpjsCoverEnd" AS c ("tenantId", "distributionId", "memberId", "memberName", "opdId", "coverageEnd")
  SELECT e.t, e.id, e.m, mb.name, e.o, e.ce
    FROM other e JOIN "Member" mb ON mb."tenantId" = e.t AND mb.id = e.m
   WHERE NOT e.carried_on
   ORDER BY 1, 2
  ON CONFLICT ("tenantId", "distributionId") DO UPDATE
    SET "memberId" = EXCLUDED."memberId", "memberName" = EXCLUDED."memberName", "opdId" = EXCLUDED."opdId", "coverageEnd" = EXCLUDED."coverageEnd";
END
$$;

-- The members' rows, worked out again by one writer at a time: each member's row is locked
-- first, in key order (FOR NO KEY UPDATE: a foreign-key check's share lock still passes), and
-- the work is a later statement, whose snapshot (READ COMMITTED) sees every transaction that
-- held the lock before. Two transactions adding one member's two overlapping covers at once
-- would otherwise each see only its own, and neither would count the member twice.
CREATE OR REPLACE FUNCTION entas_bpjs_cover_sync(p_t text[], p_m text[])
  RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF p_t IS NULL THEN RETURN; END IF;
  PERFORM 1 FROM "Member" mb
    JOIN (SELECT DISTINCT t, m FROM unnest(p_t, p_m) AS x(t, m)) k ON mb."tenantId" = k.t AND mb.id = k.m
   ORDER BY mb."tenantId", mb.id FOR NO KEY UPDATE OF mb;
  PERFORM entas_bpjs_cover_apply(p_t, p_m);
END
$$;

-- The members a statement's rows may change: those of verified premiums, and of the entries
-- that verified reversals point at. A draft neither covers nor cancels, so a clerk's drafts
-- cost nothing here; an update counts its rows before and after.
CREATE OR REPLACE FUNCTION entas_bpjs_cover_from_aid() RETURNS trigger
  LANGUAGE plpgsql AS $$
DECLARE
  t_new text[];
  m_new text[];
  t_old text[];
  m_old text[];
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    SELECT array_agg(a."tenantId"), array_agg(coalesce(c."memberId", a."memberId")) INTO t_new, m_new
      FROM new_rows a
      LEFT JOIN "AidDistribution" c ON c."tenantId" = a."tenantId" AND c.id = a."reversesId"
     WHERE a.status = 'VERIFIED'
       AND CASE WHEN a."reversesId" IS NULL THEN a.kind = 'INSURANCE_PREMIUM' AND a."memberId" IS NOT NULL
                ELSE c.kind = 'INSURANCE_PREMIUM' AND c."memberId" IS NOT NULL END;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    SELECT array_agg(a."tenantId"), array_agg(coalesce(c."memberId", a."memberId")) INTO t_old, m_old
      FROM old_rows a
      LEFT JOIN "AidDistribution" c ON c."tenantId" = a."tenantId" AND c.id = a."reversesId"
     WHERE a.status = 'VERIFIED'
       AND CASE WHEN a."reversesId" IS NULL THEN a.kind = 'INSURANCE_PREMIUM' AND a."memberId" IS NOT NULL
                ELSE c.kind = 'INSURANCE_PREMIUM' AND c."memberId" IS NOT NULL END;
  END IF;
  PERFORM entas_bpjs_cover_sync(t_new || t_old, m_new || m_old);
  RETURN NULL;
END
$$;

DROP TRIGGER IF EXISTS entas_bpjs_cover_aid_insert ON "AidDistribution";
CREATE TRIGGER entas_bpjs_cover_aid_insert AFTER INSERT ON "AidDistribution"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION entas_bpjs_cover_from_aid();
DROP TRIGGER IF EXISTS entas_bpjs_cover_aid_update ON "AidDistribution";
CREATE TRIGGER entas_bpjs_cover_aid_update AFTER UPDATE ON "AidDistribution"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION entas_bpjs_cover_from_aid();
DROP TRIGGER IF EXISTS entas_bpjs_cover_aid_delete ON "AidDistribution";
CREATE TRIGGER entas_bpjs_cover_aid_delete AFTER DELETE ON "AidDistribution"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION entas_bpjs_cover_from_aid();

-- A member renamed (the lists' order) or moved to another household (the link of the list of
-- people covered twice). The statement updating the members holds their rows, so no writer of
-- their cover is at work on them meanwhile.
CREATE OR REPLACE FUNCTION entas_bpjs_cover_from_members() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "BpjsDoubleCover" c SET "memberName" = n.name, "householdId" = n."householdId"
    FROM new_rows n JOIN old_rows o ON o."tenantId" = n."tenantId" AND o.id = n.id
   WHERE c."tenantId" = n."tenantId" AND c."memberId" = n.id
     AND (n.name, n."householdId") IS DISTINCT FROM (o.name, o."householdId");
  UPDATE "BpjsCoverEnd" c SET "memberName" = n.name
    FROM new_rows n JOIN old_rows o ON o."tenantId" = n."tenantId" AND o.id = n.id
   WHERE c."tenantId" = n."tenantId" AND c."memberId" = n.id AND n.name IS DISTINCT FROM o.name;
  RETURN NULL;
END
$$;

DROP TRIGGER IF EXISTS entas_bpjs_cover_member_update ON "Member";
CREATE TRIGGER entas_bpjs_cover_member_update AFTER UPDATE ON "Member"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION entas_bpjs_cover_from_members();

-- Both tables of one tenant (NULL: every tenant) from the entries: after bulk loads made with
-- the triggers off (scripts/bench/generate-city.ts), after this summary's migration, and to
-- check the triggers.
CREATE OR REPLACE FUNCTION entas_bpjs_cover_rebuild(p_tenant text) RETURNS void
  LANGUAGE plpgsql AS $$
DECLARE
  t text[];
  m text[];
BEGIN
  DELETE FROM "BpjsDoubleCover" WHERE p_tenant IS NULL OR "tenantId" = p_tenant;
  DELETE FROM "BpjsCoverEnd" WHERE p_tenant IS NULL OR "tenantId" = p_tenant;
  SELECT array_agg(x."tenantId"), array_agg(x."memberId") INTO t, m
    FROM (SELECT DISTINCT "tenantId", "memberId" FROM "AidDistribution"
           WHERE kind = 'INSURANCE_PREMIUM' AND status = 'VERIFIED' AND "memberId" IS NOT NULL
             AND (p_tenant IS NULL OR "tenantId" = p_tenant)) x;
  PERFORM entas_bpjs_cover_apply(t, m);
END
$$;
