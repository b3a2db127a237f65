-- ─── Reach counts (issue #8): HouseholdReach at the grains the dashboards count ──────────
-- HouseholdReach (one row per fiscal year × programme × OPD × household) stays the one
-- definition of "reached". Counting distinct households over it reads 2.6M rows at 1M
-- households (3–15 s). Triggers ON HouseholdReach derive, so every path that changes reach
-- (entries, reversals, a household moving or changing desil/flags, a programme changing
-- year) propagates:
--   HouseholdYearReach  one row per (tenant, year, household): its area, desil, flags and the
--                       sorted OPDs and programmes that reached it;
--   and from it, by triggers ON HouseholdYearReach, three count tables (rows ≥ 0, zero rows go):
--   ReachAreaCount      households per (year, kecamatan, kelurahan, desil, extreme, active, number of OPDs);
--   ReachOpdCount       households per (year, OPD, kecamatan, kelurahan, desil, extreme, active,
--                       shared = another OPD reached it too);
--   ReachProgrammeCount households per (year, programme, kecamatan, kelurahan, desil, extreme, active).
-- desil 0 in the count tables: no desil recorded.

CREATE TABLE "HouseholdYearReach" (
    "tenantId" TEXT NOT NULL,
    "fiscalYear" INTEGER NOT NULL,
    "householdId" TEXT NOT NULL,
    "kecamatanId" TEXT NOT NULL,
    "kelurahanId" TEXT NOT NULL,
    "desil" INTEGER,
    "isExtremePoor" BOOLEAN NOT NULL,
    "active" BOOLEAN NOT NULL,
    "opdIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "programmeIds" TEXT[] DEFAULT ARRAY[]::TEXT[],

    CONSTRAINT "HouseholdYearReach_pkey" PRIMARY KEY ("tenantId","fiscalYear","householdId")
);

CREATE TABLE "ReachAreaCount" (
    "tenantId" TEXT NOT NULL,
    "fiscalYear" INTEGER NOT NULL,
    "kecamatanId" TEXT NOT NULL,
    "kelurahanId" TEXT NOT NULL,
    "desil" INTEGER NOT NULL,
    "isExtremePoor" BOOLEAN NOT NULL,
    "active" BOOLEAN NOT NULL,
    "opds" INTEGER NOT NULL,
    "households" INTEGER NOT NULL,

    CONSTRAINT "ReachAreaCount_pkey" PRIMARY KEY ("tenantId","fiscalYear","kecamatanId","kelurahanId","desil","isExtremePoor","active","opds")
);

CREATE TABLE "ReachOpdCount" (
    "tenantId" TEXT NOT NULL,
    "fiscalYear" INTEGER NOT NULL,
    "opdId" TEXT NOT NULL,
    "kecamatanId" TEXT NOT NULL,
    "kelurahanId" TEXT NOT NULL,
    "desil" INTEGER NOT NULL,
    "isExtremePoor" BOOLEAN NOT NULL,
    "active" BOOLEAN NOT NULL,
    "shared" BOOLEAN NOT NULL,
    "households" INTEGER NOT NULL,

    CONSTRAINT "ReachOpdCount_pkey" PRIMARY KEY ("tenantId","fiscalYear","opdId","kecamatanId","kelurahanId","desil","isExtremePoor","active","shared")
);

CREATE TABLE "ReachProgrammeCount" (
    "tenantId" TEXT NOT NULL,
    "fiscalYear" INTEGER NOT NULL,
    "programmeId" TEXT NOT NULL,
    "kecamatanId" TEXT NOT NULL,
    "kelurahanId" TEXT NOT NULL,
    "desil" INTEGER NOT NULL,
    "isExtremePoor" BOOLEAN NOT NULL,
    "active" BOOLEAN NOT NULL,
    "households" INTEGER NOT NULL,

    CONSTRAINT "ReachProgrammeCount_pkey" PRIMARY KEY ("tenantId","fiscalYear","programmeId","kecamatanId","kelurahanId","desil","isExtremePoor","active")
);

ALTER TABLE "HouseholdYearReach" ADD CONSTRAINT "HouseholdYearReach_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ReachAreaCount" ADD CONSTRAINT "ReachAreaCount_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ReachOpdCount" ADD CONSTRAINT "ReachOpdCount_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ReachProgrammeCount" ADD CONSTRAINT "ReachProgrammeCount_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "ReachAreaCount" ADD CONSTRAINT "ReachAreaCount_households_check" CHECK ("households" >= 0);
ALTER TABLE "ReachOpdCount" ADD CONSTRAINT "ReachOpdCount_households_check" CHECK ("households" >= 0);
ALTER TABLE "ReachProgrammeCount" ADD CONSTRAINT "ReachProgrammeCount_households_check" CHECK ("households" >= 0);

SELECT entas_enable_tenant_rls('HouseholdYearReach');
SELECT entas_enable_tenant_rls('ReachAreaCount');
SELECT entas_enable_tenant_rls('ReachOpdCount');
SELECT entas_enable_tenant_rls('ReachProgrammeCount');

-- ── HouseholdReach → HouseholdYearReach ──
-- Recomputes the (tenant, year, household) rows of the keys from HouseholdReach. Concurrency:
-- the rows are locked first (existing ones FOR UPDATE; new ones by a no-op upsert), then
-- recomputed by a later statement, whose snapshot (READ COMMITTED) sees every transaction
-- that held the lock before: two transactions reaching one household serialise here and the
-- second counts the first's rows. `p_insert`: the key has live reach rows (from new_rows),
-- so its row may be created (never for deletions: a tenant being deleted cascades here).
CREATE OR REPLACE FUNCTION entas_reach_year_sync(p_t text[], p_y int[], p_h text[], p_insert boolean[])
  RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF p_t IS NULL THEN RETURN; END IF;
  PERFORM 1 FROM "HouseholdYearReach" y
    JOIN (SELECT DISTINCT t, yr, h FROM unnest(p_t, p_y, p_h) AS x(t, yr, h)) k
      ON y."tenantId" = k.t AND y."fiscalYear" = k.yr AND y."householdId" = k.h
   ORDER BY 1 FOR UPDATE OF y;
  INSERT INTO "HouseholdYearReach" AS y ("tenantId", "fiscalYear", "householdId", "kecamatanId", "kelurahanId",
                                         desil, "isExtremePoor", active, "opdIds", "programmeIds")
  SELECT k.t, k.yr, k.h, hh."kecamatanId", hh."kelurahanId", hh.desil, hh."isExtremePoor", hh.status = 'ACTIVE', '{}', '{}'
    FROM (SELECT t, yr, h FROM unnest(p_t, p_y, p_h, p_insert) AS x(t, yr, h, ins) GROUP BY 1, 2, 3 HAVING bool_or(ins)) k
    JOIN "Household" hh ON hh."tenantId" = k.t AND hh.id = k.h
   ORDER BY k.t, k.yr, k.h
  ON CONFLICT ("tenantId", "fiscalYear", "householdId") DO UPDATE SET "opdIds" = y."opdIds";
  UPDATE "HouseholdYearReach" y
     SET "kecamatanId" = coalesce(a.kec, y."kecamatanId"), "kelurahanId" = coalesce(a.kel, y."kelurahanId"),
         desil = CASE WHEN a.opds IS NULL THEN y.desil ELSE a.desil END,
         "isExtremePoor" = coalesce(a.ext, y."isExtremePoor"), active = coalesce(a.act, y.active),
         "opdIds" = coalesce(a.opds, '{}'), "programmeIds" = coalesce(a.progs, '{}')
    FROM (SELECT DISTINCT t, yr, h FROM unnest(p_t, p_y, p_h) AS x(t, yr, h)) k
    CROSS JOIN LATERAL (
      SELECT min(r."kecamatanId") kec, min(r."kelurahanId") kel, min(r.desil) desil,
             bool_or(r."isExtremePoor") ext, bool_or(r.active) act,
             array_agg(DISTINCT r."opdId" ORDER BY r."opdId") opds,
             array_agg(DISTINCT r."programmeId" ORDER BY r."programmeId") progs
        FROM "HouseholdReach" r
       WHERE r."tenantId" = k.t AND r."fiscalYear" = k.yr AND r."householdId" = k.h
    ) a
   WHERE y."tenantId" = k.t AND y."fiscalYear" = k.yr AND y."householdId" = k.h
     AND (y."kecamatanId", y."kelurahanId", y.desil, y."isExtremePoor", y.active, y."opdIds", y."programmeIds")
         IS DISTINCT FROM (coalesce(a.kec, y."kecamatanId"), coalesce(a.kel, y."kelurahanId"),
                           CASE WHEN a.opds IS NULL THEN y.desil ELSE a.desil END,
                           coalesce(a.ext, y."isExtremePoor"), coalesce(a.act, y.active),
                           coalesce(a.opds, '{}'), coalesce(a.progs, '{}'));
  DELETE FROM "HouseholdYearReach" y
   USING (SELECT DISTINCT t, yr, h FROM unnest(p_t, p_y, p_h) AS x(t, yr, h)) k
   WHERE y."tenantId" = k.t AND y."fiscalYear" = k.yr AND y."householdId" = k.h AND cardinality(y."opdIds") = 0;
END
$$;

-- While entas_reach_rebuild runs (setting entas.reach_rebuild), the triggers stand aside:
-- it recomputes the derived tables in bulk at its end.
CREATE OR REPLACE FUNCTION entas_reach_year_changed() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('entas.reach_rebuild', true) = 'on' THEN RETURN NULL; END IF;
  IF TG_OP = 'INSERT' THEN
    PERFORM entas_reach_year_sync(array_agg(n."tenantId"), array_agg(n."fiscalYear"), array_agg(n."householdId"), array_agg(true))
       FROM new_rows n;
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM entas_reach_year_sync(array_agg(x.t), array_agg(x.y), array_agg(x.h), array_agg(x.ins))
       FROM (SELECT n."tenantId" t, n."fiscalYear" y, n."householdId" h, true ins FROM new_rows n
             UNION ALL SELECT o."tenantId", o."fiscalYear", o."householdId", false FROM old_rows o) x;
  ELSE
    PERFORM entas_reach_year_sync(array_agg(o."tenantId"), array_agg(o."fiscalYear"), array_agg(o."householdId"), array_agg(false))
       FROM old_rows o;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER household_reach_year_insert AFTER INSERT ON "HouseholdReach"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION entas_reach_year_changed();
CREATE TRIGGER household_reach_year_update AFTER UPDATE ON "HouseholdReach"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION entas_reach_year_changed();
CREATE TRIGGER household_reach_year_delete AFTER DELETE ON "HouseholdReach"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION entas_reach_year_changed();

-- ── HouseholdYearReach → the count tables ──
-- Each row with at least one OPD counts once in ReachAreaCount, once per OPD in ReachOpdCount
-- and once per programme in ReachProgrammeCount: new rows add, old rows subtract. A net
-- increase is an upsert (INSERT … ON CONFLICT DO UPDATE, so two transactions adding to one
-- count row both land); a net decrease only updates an existing row (when a tenant is
-- deleted its count rows may be gone first); rows at 0 are deleted.
CREATE OR REPLACE FUNCTION entas_reach_counts_apply(p_new "HouseholdYearReach"[], p_old "HouseholdYearReach"[])
  RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "ReachAreaCount" AS c ("tenantId", "fiscalYear", "kecamatanId", "kelurahanId", desil, "isExtremePoor", active, opds, households)
  SELECT * FROM (SELECT r."tenantId", r."fiscalYear", r."kecamatanId", r."kelurahanId", coalesce(r.desil, 0) AS desil, r."isExtremePoor", r.active, cardinality(r."opdIds") AS opds, sum(r.s)::int AS households
      FROM (SELECT x.*, 1 s FROM unnest(p_new) x UNION ALL SELECT x.*, -1 FROM unnest(p_old) x) r
       WHERE cardinality(r."opdIds") > 0
      GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 HAVING sum(r.s) <> 0) d WHERE d.households > 0 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
  ON CONFLICT ("tenantId", "fiscalYear", "kecamatanId", "kelurahanId", desil, "isExtremePoor", active, opds) DO UPDATE SET households = c.households + EXCLUDED.households;
  UPDATE "ReachAreaCount" c SET households = c.households + d.households
    FROM (SELECT r."tenantId", r."fiscalYear", r."kecamatanId", r."kelurahanId", coalesce(r.desil, 0) AS desil, r."isExtremePoor", r.active, cardinality(r."opdIds") AS opds, sum(r.s)::int AS households
      FROM (SELECT x.*, 1 s FROM unnest(p_new) x UNION ALL SELECT x.*, -1 FROM unnest(p_old) x) r
       WHERE cardinality(r."opdIds") > 0
      GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 HAVING sum(r.s) <> 0) d
   WHERE d.households < 0 AND c."tenantId" = d."tenantId" AND c."fiscalYear" = d."fiscalYear" AND c."kecamatanId" = d."kecamatanId" AND c."kelurahanId" = d."kelurahanId" AND c.desil = d.desil AND c."isExtremePoor" = d."isExtremePoor" AND c.active = d.active AND c.opds = d.opds;
  DELETE FROM "ReachAreaCount" c
   USING (SELECT r."tenantId", r."fiscalYear", r."kecamatanId", r."kelurahanId", coalesce(r.desil, 0) AS desil, r."isExtremePoor", r.active, cardinality(r."opdIds") AS opds, sum(r.s)::int AS households
      FROM (SELECT x.*, 1 s FROM unnest(p_new) x UNION ALL SELECT x.*, -1 FROM unnest(p_old) x) r
       WHERE cardinality(r."opdIds") > 0
      GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 HAVING sum(r.s) <> 0) d
   WHERE d.households < 0 AND c."tenantId" = d."tenantId" AND c."fiscalYear" = d."fiscalYear" AND c."kecamatanId" = d."kecamatanId" AND c."kelurahanId" = d."kelurahanId" AND c.desil = d.desil AND c."isExtremePoor" = d."isExtremePoor" AND c.active = d.active AND c.opds = d.opds AND c.households = 0;
  INSERT INTO "ReachOpdCount" AS c ("tenantId", "fiscalYear", "opdId", "kecamatanId", "kelurahanId", desil, "isExtremePoor", active, "shared", households)
  SELECT * FROM (SELECT r."tenantId", r."fiscalYear", u.id AS "opdId", r."kecamatanId", r."kelurahanId", coalesce(r.desil, 0) AS desil, r."isExtremePoor", r.active, cardinality(r."opdIds") > 1 AS "shared", sum(r.s)::int AS households
      FROM (SELECT x.*, 1 s FROM unnest(p_new) x UNION ALL SELECT x.*, -1 FROM unnest(p_old) x) r
       CROSS JOIN LATERAL unnest(r."opdIds") AS u(id)
       WHERE cardinality(r."opdIds") > 0
      GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9 HAVING sum(r.s) <> 0) d WHERE d.households > 0 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9
  ON CONFLICT ("tenantId", "fiscalYear", "opdId", "kecamatanId", "kelurahanId", desil, "isExtremePoor", active, "shared") DO UPDATE SET households = c.households + EXCLUDED.households;
  UPDATE "ReachOpdCount" c SET households = c.households + d.households
    FROM (SELECT r."tenantId", r."fiscalYear", u.id AS "opdId", r."kecamatanId", r."kelurahanId", coalesce(r.desil, 0) AS desil, r."isExtremePoor", r.active, cardinality(r."opdIds") > 1 AS "shared", sum(r.s)::int AS households
      FROM (SELECT x.*, 1 s FROM unnest(p_new) x UNION ALL SELECT x.*, -1 FROM unnest(p_old) x) r
       CROSS JOIN LATERAL unnest(r."opdIds") AS u(id)
       WHERE cardinality(r."opdIds") > 0
      GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9 HAVING sum(r.s) <> 0) d
   WHERE d.households < 0 AND c."tenantId" = d."tenantId" AND c."fiscalYear" = d."fiscalYear" AND c."opdId" = d."opdId" AND c."kecamatanId" = d."kecamatanId" AND c."kelurahanId" = d."kelurahanId" AND c.desil = d.desil AND c."isExtremePoor" = d."isExtremePoor" AND c.active = d.active AND c."shared" = d."shared";
  DELETE FROM "ReachOpdCount" c
   USING (SELECT r."tenantId", r."fiscalYear", u.id AS "opdId", r."kecamatanId", r."kelurahanId", coalesce(r.desil, 0) AS desil, r."isExtremePoor", r.active, cardinality(r."opdIds") > 1 AS "shared", sum(r.s)::int AS households
      FROM (SELECT x.*, 1 s FROM unnest(p_new) x UNION ALL SELECT x.*, -1 FROM unnest(p_old) x) r
       CROSS JOIN LATERAL unnest(r."opdIds") AS u(id)
       WHERE cardinality(r."opdIds") > 0
      GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9 HAVING sum(r.s) <> 0) d
   WHERE d.households < 0 AND c."tenantId" = d."tenantId" AND c."fiscalYear" = d."fiscalYear" AND c."opdId" = d."opdId" AND c."kecamatanId" = d."kecamatanId" AND c."kelurahanId" = d."kelurahanId" AND c.desil = d.desil AND c."isExtremePoor" = d."isExtremePoor" AND c.active = d.active AND c."shared" = d."shared" AND c.households = 0;
  INSERT INTO "ReachProgrammeCount" AS c ("tenantId", "fiscalYear", "programmeId", "kecamatanId", "kelurahanId", desil, "isExtremePoor", active, households)
  SELECT * FROM (SELECT r."tenantId", r."fiscalYear", u.id AS "programmeId", r."kecamatanId", r."kelurahanId", coalesce(r.desil, 0) AS desil, r."isExtremePoor", r.active, sum(r.s)::int AS households
      FROM (SELECT x.*, 1 s FROM unnest(p_new) x UNION ALL SELECT x.*, -1 FROM unnest(p_old) x) r
       CROSS JOIN LATERAL unnest(r."programmeIds") AS u(id)
       WHERE cardinality(r."opdIds") > 0
      GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 HAVING sum(r.s) <> 0) d WHERE d.households > 0 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
  ON CONFLICT ("tenantId", "fiscalYear", "programmeId", "kecamatanId", "kelurahanId", desil, "isExtremePoor", active) DO UPDATE SET households = c.households + EXCLUDED.households;
  UPDATE "ReachProgrammeCount" c SET households = c.households + d.households
    FROM (SELECT r."tenantId", r."fiscalYear", u.id AS "programmeId", r."kecamatanId", r."kelurahanId", coalesce(r.desil, 0) AS desil, r."isExtremePoor", r.active, sum(r.s)::int AS households
      FROM (SELECT x.*, 1 s FROM unnest(p_new) x UNION ALL SELECT x.*, -1 FROM unnest(p_old) x) r
       CROSS JOIN LATERAL unnest(r."programmeIds") AS u(id)
       WHERE cardinality(r."opdIds") > 0
      GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 HAVING sum(r.s) <> 0) d
   WHERE d.households < 0 AND c."tenantId" = d."tenantId" AND c."fiscalYear" = d."fiscalYear" AND c."programmeId" = d."programmeId" AND c."kecamatanId" = d."kecamatanId" AND c."kelurahanId" = d."kelurahanId" AND c.desil = d.desil AND c."isExtremePoor" = d."isExtremePoor" AND c.active = d.active;
  DELETE FROM "ReachProgrammeCount" c
   USING (SELECT r."tenantId", r."fiscalYear", u.id AS "programmeId", r."kecamatanId", r."kelurahanId", coalesce(r.desil, 0) AS desil, r."isExtremePoor", r.active, sum(r.s)::int AS households
      FROM (SELECT x.*, 1 s FROM unnest(p_new) x UNION ALL SELECT x.*, -1 FROM unnest(p_old) x) r
       CROSS JOIN LATERAL unnest(r."programmeIds") AS u(id)
       WHERE cardinality(r."opdIds") > 0
      GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 HAVING sum(r.s) <> 0) d
   WHERE d.households < 0 AND c."tenantId" = d."tenantId" AND c."fiscalYear" = d."fiscalYear" AND c."programmeId" = d."programmeId" AND c."kecamatanId" = d."kecamatanId" AND c."kelurahanId" = d."kelurahanId" AND c.desil = d.desil AND c."isExtremePoor" = d."isExtremePoor" AND c.active = d.active AND c.households = 0;
END
$$;

CREATE OR REPLACE FUNCTION entas_reach_counts_changed() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('entas.reach_rebuild', true) = 'on' THEN RETURN NULL; END IF;
  IF TG_OP = 'INSERT' THEN
    PERFORM entas_reach_counts_apply((SELECT array_agg(ROW(n."tenantId", n."fiscalYear", n."householdId", n."kecamatanId", n."kelurahanId", n.desil, n."isExtremePoor", n.active, n."opdIds", n."programmeIds")::"HouseholdYearReach") FROM new_rows n), NULL);
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM entas_reach_counts_apply((SELECT array_agg(ROW(n."tenantId", n."fiscalYear", n."householdId", n."kecamatanId", n."kelurahanId", n.desil, n."isExtremePoor", n.active, n."opdIds", n."programmeIds")::"HouseholdYearReach") FROM new_rows n), (SELECT array_agg(ROW(o."tenantId", o."fiscalYear", o."householdId", o."kecamatanId", o."kelurahanId", o.desil, o."isExtremePoor", o.active, o."opdIds", o."programmeIds")::"HouseholdYearReach") FROM old_rows o));
  ELSE
    PERFORM entas_reach_counts_apply(NULL, (SELECT array_agg(ROW(o."tenantId", o."fiscalYear", o."householdId", o."kecamatanId", o."kelurahanId", o.desil, o."isExtremePoor", o.active, o."opdIds", o."programmeIds")::"HouseholdYearReach") FROM old_rows o));
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER household_year_reach_insert AFTER INSERT ON "HouseholdYearReach"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION entas_reach_counts_changed();
CREATE TRIGGER household_year_reach_update AFTER UPDATE ON "HouseholdYearReach"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION entas_reach_counts_changed();
CREATE TRIGGER household_year_reach_delete AFTER DELETE ON "HouseholdYearReach"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION entas_reach_counts_changed();

-- ── Bulk recompute ──
-- The derived tables of one tenant (NULL: every tenant) from HouseholdReach, triggers aside.
CREATE OR REPLACE FUNCTION entas_reach_counts_rebuild(p_tenant text) RETURNS void
  LANGUAGE plpgsql AS $$
BEGIN
  PERFORM set_config('entas.reach_rebuild', 'on', true);
  DELETE FROM "ReachAreaCount" WHERE p_tenant IS NULL OR "tenantId" = p_tenant;
  DELETE FROM "ReachOpdCount" WHERE p_tenant IS NULL OR "tenantId" = p_tenant;
  DELETE FROM "ReachProgrammeCount" WHERE p_tenant IS NULL OR "tenantId" = p_tenant;
  DELETE FROM "HouseholdYearReach" WHERE p_tenant IS NULL OR "tenantId" = p_tenant;
  INSERT INTO "HouseholdYearReach" ("tenantId", "fiscalYear", "householdId", "kecamatanId", "kelurahanId",
                                    desil, "isExtremePoor", active, "opdIds", "programmeIds")
  SELECT r."tenantId", r."fiscalYear", r."householdId", min(r."kecamatanId"), min(r."kelurahanId"), min(r.desil),
         bool_or(r."isExtremePoor"), bool_or(r.active),
         array_agg(DISTINCT r."opdId" ORDER BY r."opdId"), array_agg(DISTINCT r."programmeId" ORDER BY r."programmeId")
    FROM "HouseholdReach" r
   WHERE p_tenant IS NULL OR r."tenantId" = p_tenant
   GROUP BY 1, 2, 3;
  INSERT INTO "ReachAreaCount" ("tenantId", "fiscalYear", "kecamatanId", "kelurahanId", desil, "isExtremePoor", active, opds, households)
  SELECT "tenantId", "fiscalYear", "kecamatanId", "kelurahanId", coalesce(desil, 0), "isExtremePoor", active, cardinality("opdIds"), count(*)
    FROM "HouseholdYearReach" WHERE p_tenant IS NULL OR "tenantId" = p_tenant
   GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;
  INSERT INTO "ReachOpdCount" ("tenantId", "fiscalYear", "opdId", "kecamatanId", "kelurahanId", desil, "isExtremePoor", active, shared, households)
  SELECT y."tenantId", y."fiscalYear", u.id, y."kecamatanId", y."kelurahanId", coalesce(y.desil, 0), y."isExtremePoor", y.active,
         cardinality(y."opdIds") > 1, count(*)
    FROM "HouseholdYearReach" y CROSS JOIN LATERAL unnest(y."opdIds") AS u(id)
   WHERE p_tenant IS NULL OR y."tenantId" = p_tenant
   GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9;
  INSERT INTO "ReachProgrammeCount" ("tenantId", "fiscalYear", "programmeId", "kecamatanId", "kelurahanId", desil, "isExtremePoor", active, households)
  SELECT y."tenantId", y."fiscalYear", u.id, y."kecamatanId", y."kelurahanId", coalesce(y.desil, 0), y."isExtremePoor", y.active, count(*)
    FROM "HouseholdYearReach" y CROSS JOIN LATERAL unnest(y."programmeIds") AS u(id)
   WHERE p_tenant IS NULL OR y."tenantId" = p_tenant
   GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;
  PERFORM set_config('entas.reach_rebuild', 'off', true);
END
$$;

-- entas_reach_rebuild: as before (migration unify_household_reach), then the derived tables.
CREATE OR REPLACE FUNCTION entas_reach_rebuild(p_tenant text) RETURNS void
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
  PERFORM entas_reach_counts_rebuild(p_tenant);
END
$$;

SELECT entas_reach_counts_rebuild(NULL);
