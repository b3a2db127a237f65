-- ─── Reach by the programme's OPD (issue #8, the mayor's results) ──────────────────────
-- The results dashboard counts a household for the OPD that owns the programme (Programme.opdId),
-- not the OPD of the entry (HouseholdReach.opdId, what the Bapeda overlap counts). So
-- HouseholdYearReach also keeps the owners of the programmes that reached the household, and
-- ReachOwnerCount counts distinct households per (year, owning OPD, kecamatan). A programme
-- handed to another OPD re-syncs its households (trigger below).

ALTER TABLE "HouseholdYearReach" ADD COLUMN "ownerOpdIds" TEXT[] DEFAULT ARRAY[]::TEXT[];

CREATE TABLE "ReachOwnerCount" (
    "tenantId" TEXT NOT NULL,
    "fiscalYear" INTEGER NOT NULL,
    "opdId" TEXT NOT NULL,
    "kecamatanId" TEXT NOT NULL,
    "households" INTEGER NOT NULL,

    CONSTRAINT "ReachOwnerCount_pkey" PRIMARY KEY ("tenantId","fiscalYear","opdId","kecamatanId")
);

ALTER TABLE "ReachOwnerCount" ADD CONSTRAINT "ReachOwnerCount_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ReachOwnerCount" ADD CONSTRAINT "ReachOwnerCount_households_check" CHECK ("households" >= 0);
SELECT entas_enable_tenant_rls('ReachOwnerCount');

CREATE OR REPLACE FUNCTION entas_reach_year_sync(p_t text[], p_y int[], p_h text[], p_insert boolean[])
  RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF p_t IS NULL THEN RETURN; END IF;
  PERFORM 1 FROM "HouseholdYearReach" y
    JOIN (SELECT DISTINCT t, yr, h FROM unnest(p_t, p_y, p_h) AS x(t, yr, h)) k
      ON y."tenantId" = k.t AND y."fiscalYear" = k.yr AND y."householdId" = k.h
   ORDER BY 1 FOR UPDATE OF y;
  INSERT INTO "HouseholdYearReach" AS y ("tenantId", "fiscalYear", "householdId", "kecamatanId", "kelurahanId",
                                         desil, "isExtremePoor", active, "opdIds", "programmeIds", "ownerOpdIds")
  SELECT k.t, k.yr, k.h, hh."kecamatanId", hh."kelurahanId", hh.desil, hh."isExtremePoor", hh.status = 'ACTIVE', '{}', '{}', '{}'
    FROM (SELECT t, yr, h FROM unnest(p_t, p_y, p_h, p_insert) AS x(t, yr, h, ins) GROUP BY 1, 2, 3 HAVING bool_or(ins)) k
    JOIN "Household" hh ON hh."tenantId" = k.t AND hh.id = k.h
   ORDER BY k.t, k.yr, k.h
  ON CONFLICT ("tenantId", "fiscalYear", "householdId") DO UPDATE SET "opdIds" = y."opdIds";
  UPDATE "HouseholdYearReach" y
     SET "kecamatanId" = coalesce(a.kec, y."kecamatanId"), "kelurahanId" = coalesce(a.kel, y."kelurahanId"),
         desil = CASE WHEN a.opds IS NULL THEN y.desil ELSE a.desil END,
         "isExtremePoor" = coalesce(a.ext, y."isExtremePoor"), active = coalesce(a.act, y.active),
         "opdIds" = coalesce(a.opds, '{}'), "programmeIds" = coalesce(a.progs, '{}'), "ownerOpdIds" = coalesce(a.owners, '{}')
    FROM (SELECT DISTINCT t, yr, h FROM unnest(p_t, p_y, p_h) AS x(t, yr, h)) k
    CROSS JOIN LATERAL (
      SELECT min(r."kecamatanId") kec, min(r."kelurahanId") kel, min(r.desil) desil,
             bool_or(r."isExtremePoor") ext, bool_or(r.active) act,
             array_agg(DISTINCT r."opdId" ORDER BY r."opdId") opds,
             array_agg(DISTINCT r."programmeId" ORDER BY r."programmeId") progs,
             array_agg(DISTINCT p."opdId" ORDER BY p."opdId") owners
        FROM "HouseholdReach" r
        JOIN "Programme" p ON p."tenantId" = r."tenantId" AND p.id = r."programmeId"
       WHERE r."tenantId" = k.t AND r."fiscalYear" = k.yr AND r."householdId" = k.h
    ) a
   WHERE y."tenantId" = k.t AND y."fiscalYear" = k.yr AND y."householdId" = k.h
     AND (y."kecamatanId", y."kelurahanId", y.desil, y."isExtremePoor", y.active, y."opdIds", y."programmeIds", y."ownerOpdIds")
         IS DISTINCT FROM (coalesce(a.kec, y."kecamatanId"), coalesce(a.kel, y."kelurahanId"),
                           CASE WHEN a.opds IS NULL THEN y.desil ELSE a.desil END,
                           coalesce(a.ext, y."isExtremePoor"), coalesce(a.act, y.active),
                           coalesce(a.opds, '{}'), coalesce(a.progs, '{}'), coalesce(a.owners, '{}'));
  DELETE FROM "HouseholdYearReach" y
   USING (SELECT DISTINCT t, yr, h FROM unnest(p_t, p_y, p_h) AS x(t, yr, h)) k
   WHERE y."tenantId" = k.t AND y."fiscalYear" = k.yr AND y."householdId" = k.h AND cardinality(y."opdIds") = 0;
END
$$;

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
  INSERT INTO "ReachOwnerCount" AS c ("tenantId", "fiscalYear", "opdId", "kecamatanId", households)
  SELECT * FROM (SELECT r."tenantId", r."fiscalYear", u.id AS "opdId", r."kecamatanId", sum(r.s)::int AS households
      FROM (SELECT x.*, 1 s FROM unnest(p_new) x UNION ALL SELECT x.*, -1 FROM unnest(p_old) x) r
       CROSS JOIN LATERAL unnest(r."ownerOpdIds") AS u(id)
       WHERE cardinality(r."opdIds") > 0
      GROUP BY 1, 2, 3, 4 HAVING sum(r.s) <> 0) d WHERE d.households > 0 ORDER BY 1, 2, 3, 4
  ON CONFLICT ("tenantId", "fiscalYear", "opdId", "kecamatanId") DO UPDATE SET households = c.households + EXCLUDED.households;
  UPDATE "ReachOwnerCount" c SET households = c.households + d.households
    FROM (SELECT r."tenantId", r."fiscalYear", u.id AS "opdId", r."kecamatanId", sum(r.s)::int AS households
      FROM (SELECT x.*, 1 s FROM unnest(p_new) x UNION ALL SELECT x.*, -1 FROM unnest(p_old) x) r
       CROSS JOIN LATERAL unnest(r."ownerOpdIds") AS u(id)
       WHERE cardinality(r."opdIds") > 0
      GROUP BY 1, 2, 3, 4 HAVING sum(r.s) <> 0) d
   WHERE d.households < 0 AND c."tenantId" = d."tenantId" AND c."fiscalYear" = d."fiscalYear" AND c."opdId" = d."opdId" AND c."kecamatanId" = d."kecamatanId";
  DELETE FROM "ReachOwnerCount" c
   USING (SELECT r."tenantId", r."fiscalYear", u.id AS "opdId", r."kecamatanId", sum(r.s)::int AS households
      FROM (SELECT x.*, 1 s FROM unnest(p_new) x UNION ALL SELECT x.*, -1 FROM unnest(p_old) x) r
       CROSS JOIN LATERAL unnest(r."ownerOpdIds") AS u(id)
       WHERE cardinality(r."opdIds") > 0
      GROUP BY 1, 2, 3, 4 HAVING sum(r.s) <> 0) d
   WHERE d.households < 0 AND c."tenantId" = d."tenantId" AND c."fiscalYear" = d."fiscalYear" AND c."opdId" = d."opdId" AND c."kecamatanId" = d."kecamatanId" AND c.households = 0;
END
$$;

CREATE OR REPLACE FUNCTION entas_reach_counts_changed() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('entas.reach_rebuild', true) = 'on' THEN RETURN NULL; END IF;
  IF TG_OP = 'INSERT' THEN
    PERFORM entas_reach_counts_apply((SELECT array_agg(ROW(n."tenantId", n."fiscalYear", n."householdId", n."kecamatanId", n."kelurahanId", n.desil, n."isExtremePoor", n.active, n."opdIds", n."programmeIds", n."ownerOpdIds")::"HouseholdYearReach") FROM new_rows n), NULL);
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM entas_reach_counts_apply((SELECT array_agg(ROW(n."tenantId", n."fiscalYear", n."householdId", n."kecamatanId", n."kelurahanId", n.desil, n."isExtremePoor", n.active, n."opdIds", n."programmeIds", n."ownerOpdIds")::"HouseholdYearReach") FROM new_rows n), (SELECT array_agg(ROW(o."tenantId", o."fiscalYear", o."householdId", o."kecamatanId", o."kelurahanId", o.desil, o."isExtremePoor", o.active, o."opdIds", o."programmeIds", o."ownerOpdIds")::"HouseholdYearReach") FROM old_rows o));
  ELSE
    PERFORM entas_reach_counts_apply(NULL, (SELECT array_agg(ROW(o."tenantId", o."fiscalYear", o."householdId", o."kecamatanId", o."kelurahanId", o.desil, o."isExtremePoor", o.active, o."opdIds", o."programmeIds", o."ownerOpdIds")::"HouseholdYearReach") FROM old_rows o));
  END IF;
  RETURN NULL;
END
$$;

-- A programme handed to another OPD: its households' rows are recomputed (their owners change).
-- Its reach rows are of its year (before or after a change of year in the same statement).
CREATE OR REPLACE FUNCTION entas_reach_programme_owner() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  PERFORM entas_reach_year_sync(array_agg(r."tenantId"), array_agg(r."fiscalYear"), array_agg(r."householdId"), array_agg(false))
     FROM "HouseholdReach" r
    WHERE r."tenantId" = NEW."tenantId" AND r."fiscalYear" IN (OLD."fiscalYear", NEW."fiscalYear") AND r."programmeId" = NEW.id;
  RETURN NULL;
END
$$;

CREATE TRIGGER programme_reach_owner AFTER UPDATE OF "opdId" ON "Programme"
  FOR EACH ROW WHEN (OLD."opdId" IS DISTINCT FROM NEW."opdId") EXECUTE FUNCTION entas_reach_programme_owner();

CREATE OR REPLACE FUNCTION entas_reach_counts_rebuild(p_tenant text) RETURNS void
  LANGUAGE plpgsql AS $$
BEGIN
  PERFORM set_config('entas.reach_rebuild', 'on', true);
  DELETE FROM "ReachAreaCount" WHERE p_tenant IS NULL OR "tenantId" = p_tenant;
  DELETE FROM "ReachOpdCount" WHERE p_tenant IS NULL OR "tenantId" = p_tenant;
  DELETE FROM "ReachProgrammeCount" WHERE p_tenant IS NULL OR "tenantId" = p_tenant;
  DELETE FROM "ReachOwnerCount" WHERE p_tenant IS NULL OR "tenantId" = p_tenant;
  DELETE FROM "HouseholdYearReach" WHERE p_tenant IS NULL OR "tenantId" = p_tenant;
  INSERT INTO "HouseholdYearReach" ("tenantId", "fiscalYear", "householdId", "kecamatanId", "kelurahanId",
                                    desil, "isExtremePoor", active, "opdIds", "programmeIds", "ownerOpdIds")
  SELECT r."tenantId", r."fiscalYear", r."householdId", min(r."kecamatanId"), min(r."kelurahanId"), min(r.desil),
         bool_or(r."isExtremePoor"), bool_or(r.active),
         array_agg(DISTINCT r."opdId" ORDER BY r."opdId"), array_agg(DISTINCT r."programmeId" ORDER BY r."programmeId"),
         array_agg(DISTINCT p."opdId" ORDER BY p."opdId")
    FROM "HouseholdReach" r
    JOIN "Programme" p ON p."tenantId" = r."tenantId" AND p.id = r."programmeId"
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
  INSERT INTO "ReachOwnerCount" ("tenantId", "fiscalYear", "opdId", "kecamatanId", households)
  SELECT y."tenantId", y."fiscalYear", u.id, y."kecamatanId", count(*)
    FROM "HouseholdYearReach" y CROSS JOIN LATERAL unnest(y."ownerOpdIds") AS u(id)
   WHERE p_tenant IS NULL OR y."tenantId" = p_tenant
   GROUP BY 1, 2, 3, 4;
  PERFORM set_config('entas.reach_rebuild', 'off', true);
END
$$;

SELECT entas_reach_counts_rebuild(NULL);
