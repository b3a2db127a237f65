-- CreateTable
CREATE TABLE "HouseholdAreaCount" (
    "tenantId" TEXT NOT NULL,
    "kecamatanId" TEXT NOT NULL,
    "kelurahanId" TEXT NOT NULL,
    "desil" INTEGER NOT NULL,
    "isExtremePoor" BOOLEAN NOT NULL,
    "status" "HouseholdStatus" NOT NULL,
    "households" INTEGER NOT NULL,

    CONSTRAINT "HouseholdAreaCount_pkey" PRIMARY KEY ("tenantId","kecamatanId","kelurahanId","desil","isExtremePoor","status")
);

-- CreateTable
CREATE TABLE "HouseholdReach" (
    "tenantId" TEXT NOT NULL,
    "fiscalYear" INTEGER NOT NULL,
    "programmeId" TEXT NOT NULL,
    "opdId" TEXT NOT NULL,
    "householdId" TEXT NOT NULL,
    "kecamatanId" TEXT NOT NULL,
    "kelurahanId" TEXT NOT NULL,
    "desil" INTEGER,
    "isExtremePoor" BOOLEAN NOT NULL,
    "active" BOOLEAN NOT NULL,
    "entries" INTEGER NOT NULL,

    CONSTRAINT "HouseholdReach_pkey" PRIMARY KEY ("tenantId","fiscalYear","programmeId","opdId","householdId")
);

-- CreateIndex
CREATE INDEX "HouseholdReach_tenantId_fiscalYear_householdId_idx" ON "HouseholdReach"("tenantId", "fiscalYear", "householdId");

-- CreateIndex
CREATE INDEX "HouseholdReach_tenantId_householdId_idx" ON "HouseholdReach"("tenantId", "householdId");

-- AddForeignKey
ALTER TABLE "HouseholdAreaCount" ADD CONSTRAINT "HouseholdAreaCount_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HouseholdReach" ADD CONSTRAINT "HouseholdReach_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ─── Dashboard summaries (issue #6) ───────────────────────────────────────────
-- The Bapeda dashboard must answer within 150 ms at 1,000,000 households, which counting
-- the registry and its programme entries on every view cannot. Statement-level triggers
-- (one set-based step per statement, so a 100,000-row import costs one aggregate, not
-- 100,000 calls) keep two summaries current on every write, whoever writes.

SELECT entas_enable_tenant_rls('HouseholdAreaCount');
SELECT entas_enable_tenant_rls('HouseholdReach');

-- ── HouseholdAreaCount: households per kelurahan × desil × extreme flag × status ──

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

CREATE TRIGGER household_counts_insert AFTER INSERT ON "Household"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION entas_household_counts();
CREATE TRIGGER household_counts_update AFTER UPDATE ON "Household"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION entas_household_counts();
CREATE TRIGGER household_counts_delete AFTER DELETE ON "Household"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION entas_household_counts();

INSERT INTO "HouseholdAreaCount" ("tenantId", "kecamatanId", "kelurahanId", desil, "isExtremePoor", status, households)
SELECT "tenantId", "kecamatanId", "kelurahanId", coalesce(desil, 0), "isExtremePoor", status, count(*)
FROM "Household" GROUP BY 1, 2, 3, 4, 5, 6;

-- ── HouseholdReach: who each programme of a fiscal year reached, through verified entries ──

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

-- A training participant counts once verified and unless dropped; the fiscal year is its programme's.
CREATE OR REPLACE FUNCTION entas_reach_from_participants() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM entas_reach_apply(array_agg(p."tenantId"), array_agg(pr."fiscalYear"), array_agg(t."programmeId"),
                              array_agg(t."opdId"), array_agg(p."householdId"), array_agg(1))
    FROM new_rows p
    JOIN "Training" t ON t."tenantId" = p."tenantId" AND t.id = p."trainingId"
    JOIN "Programme" pr ON pr."tenantId" = t."tenantId" AND pr.id = t."programmeId"
    WHERE p.status = 'VERIFIED' AND p.completion <> 'DROPPED';
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM entas_reach_apply(array_agg(p."tenantId"), array_agg(pr."fiscalYear"), array_agg(t."programmeId"),
                              array_agg(t."opdId"), array_agg(p."householdId"), array_agg(-1))
    FROM old_rows p
    JOIN "Training" t ON t."tenantId" = p."tenantId" AND t.id = p."trainingId"
    JOIN "Programme" pr ON pr."tenantId" = t."tenantId" AND pr.id = t."programmeId"
    WHERE p.status = 'VERIFIED' AND p.completion <> 'DROPPED';
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER participant_reach_insert AFTER INSERT ON "TrainingParticipant"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION entas_reach_from_participants();
CREATE TRIGGER participant_reach_update AFTER UPDATE ON "TrainingParticipant"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION entas_reach_from_participants();
CREATE TRIGGER participant_reach_delete AFTER DELETE ON "TrainingParticipant"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION entas_reach_from_participants();

-- A training moved to another programme or OPD takes its verified participants along.
CREATE OR REPLACE FUNCTION entas_reach_from_trainings() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  PERFORM entas_reach_apply(array_agg(x.t), array_agg(x.y), array_agg(x.pr), array_agg(x.o), array_agg(x.h), array_agg(x.n))
  FROM (
    SELECT p."tenantId" t, np."fiscalYear" y, n."programmeId" pr, n."opdId" o, p."householdId" h, 1 n
    FROM new_rows n JOIN old_rows o ON o."tenantId" = n."tenantId" AND o.id = n.id
    JOIN "Programme" np ON np."tenantId" = n."tenantId" AND np.id = n."programmeId"
    JOIN "TrainingParticipant" p ON p."tenantId" = n."tenantId" AND p."trainingId" = n.id
    WHERE (o."programmeId" <> n."programmeId" OR o."opdId" <> n."opdId") AND p.status = 'VERIFIED' AND p.completion <> 'DROPPED'
    UNION ALL
    SELECT p."tenantId", op."fiscalYear", o."programmeId", o."opdId", p."householdId", -1
    FROM new_rows n JOIN old_rows o ON o."tenantId" = n."tenantId" AND o.id = n.id
    JOIN "Programme" op ON op."tenantId" = o."tenantId" AND op.id = o."programmeId"
    JOIN "TrainingParticipant" p ON p."tenantId" = n."tenantId" AND p."trainingId" = n.id
    WHERE (o."programmeId" <> n."programmeId" OR o."opdId" <> n."opdId") AND p.status = 'VERIFIED' AND p.completion <> 'DROPPED'
  ) x;
  RETURN NULL;
END
$$;

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

CREATE TRIGGER aid_reach_insert AFTER INSERT ON "AidDistribution"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION entas_reach_from_aid();
CREATE TRIGGER aid_reach_update AFTER UPDATE ON "AidDistribution"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION entas_reach_from_aid();
CREATE TRIGGER aid_reach_delete AFTER DELETE ON "AidDistribution"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION entas_reach_from_aid();

INSERT INTO "HouseholdReach" ("tenantId", "fiscalYear", "programmeId", "opdId", "householdId",
                              "kecamatanId", "kelurahanId", desil, "isExtremePoor", active, entries)
SELECT e.t, e.y, e.p, e.o, e.h, h."kecamatanId", h."kelurahanId", h.desil, h."isExtremePoor", h.status = 'ACTIVE', sum(e.n)
FROM (
  SELECT p."tenantId" t, pr."fiscalYear" y, tr."programmeId" p, tr."opdId" o, p."householdId" h, 1 n
  FROM "TrainingParticipant" p
  JOIN "Training" tr ON tr."tenantId" = p."tenantId" AND tr.id = p."trainingId"
  JOIN "Programme" pr ON pr."tenantId" = tr."tenantId" AND pr.id = tr."programmeId"
  WHERE p.status = 'VERIFIED' AND p.completion <> 'DROPPED'
  UNION ALL
  SELECT a."tenantId", pr."fiscalYear", coalesce(orig."programmeId", a."programmeId"), coalesce(orig."opdId", a."opdId"),
         coalesce(orig."householdId", a."householdId"), CASE WHEN a."reversesId" IS NULL THEN 1 ELSE -1 END
  FROM "AidDistribution" a
  LEFT JOIN "AidDistribution" orig ON orig."tenantId" = a."tenantId" AND orig.id = a."reversesId"
  JOIN "Programme" pr ON pr."tenantId" = a."tenantId" AND pr.id = coalesce(orig."programmeId", a."programmeId")
  WHERE a.status = 'VERIFIED'
) e
JOIN "Household" h ON h."tenantId" = e.t AND h.id = e.h
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10
HAVING sum(e.n) > 0;

-- ── One city-level row per year (and per indicator and year) ──
-- A NULL area (the city as a whole) is one area: a plain unique index lets NULLs repeat.
DROP INDEX "PovertyStatistic_tenantId_year_areaId_key";
CREATE UNIQUE INDEX "PovertyStatistic_tenantId_year_areaId_key" ON "PovertyStatistic"("tenantId", "year", "areaId") NULLS NOT DISTINCT;
DROP INDEX "Target_tenantId_indicator_year_areaId_key";
CREATE UNIQUE INDEX "Target_tenantId_indicator_year_areaId_key" ON "Target"("tenantId", "indicator", "year", "areaId") NULLS NOT DISTINCT;

