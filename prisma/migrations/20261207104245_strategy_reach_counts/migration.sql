-- CreateTable
CREATE TABLE "StrategyReachCount" (
    "tenantId" TEXT NOT NULL,
    "fiscalYear" INTEGER NOT NULL,
    "strategy" TEXT NOT NULL,
    "isExtremePoor" BOOLEAN NOT NULL,
    "active" BOOLEAN NOT NULL,
    "households" INTEGER NOT NULL,

    CONSTRAINT "StrategyReachCount_pkey" PRIMARY KEY ("tenantId","fiscalYear","strategy","isExtremePoor","active")
);

-- AddForeignKey
ALTER TABLE "StrategyReachCount" ADD CONSTRAINT "StrategyReachCount_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

-- ─── begin repeatable summaries/reach-counts.sql ───
-- Reach counts: "HouseholdReach" at the grains the dashboards count. Counting distinct
-- households over HouseholdReach reads 2.6M rows at 1M households (3–15 s a view); these tables
-- answer the same figures from a few thousand rows. Triggers ON HouseholdReach derive them, so
-- every path that changes reach (entries, reversals, a household moving or changing desil or
-- flags, a programme changing year, OPD or kind, a status event) follows:
--   HouseholdYearReach   one row per (tenant, year, household): when it became reached
--                        ("firstReachedAt": the statement that created the row, the column's
--                        default; later changes keep it; a household no longer reached loses
--                        its row, and is reached anew if reached again), its area, desil, flags, the
--                        sorted OPDs and programmes that reached it, the OPDs owning those
--                        programmes (Programme.opdId), the programmes among them that equip (a
--                        kind entas_programme_equips says so: capital or tool aid) and their owning
--                        OPDs, and whether it graduated that year (a status event to GRADUATED
--                        dated within that year: the event's date is the city's own calendar
--                        date, so 1 January to 31 December in the city's time zone);
--   and from it, by triggers ON HouseholdYearReach, four count tables (rows > 0, zero rows go;
--   desil 0: none recorded):
--   ReachAreaCount       households per (year, kecamatan, kelurahan, desil, extreme, active,
--                        number of OPDs);
--   ReachOpdCount        households per (year, OPD of the entry, kecamatan, kelurahan, desil,
--                        extreme, active, shared = another OPD reached it too);
--   ReachProgrammeCount  households per (year, programme, kecamatan, kelurahan, desil, extreme,
--                        active);
--   ReachResultCount     the mayor's results: households reached and, of them, graduated, per
--                        kecamatan, for the city ('city', key ''), per programme-owning OPD
--                        ('owner') and per programme ('programme'). The results dashboard
--                        counts a household for the OPD that owns the programme, not the OPD of
--                        the entry (HouseholdReach.opdId, what the Bapeda overlap counts).
--                        "equipped": of them, those reached by an equipping programme (the city:
--                        by any; an owner: by one it owns; a programme: all its households when
--                        it equips, else 0).
--   StrategyReachCount   households per (year, strategy of Inpres 4/2022, extreme, active): a
--                        household counts once under each strategy of the programmes that
--                        reached it (entas_programme_strategy of their kinds, read from
--                        "Programme" when the counts change; a programme changing strategy or
--                        deleted has its years recounted: entas_strategy_reach_programmes)
--   keeps     the six tables above
--   from      "HouseholdReach" (household_reach_year_insert, _update, _delete), "Programme"
--             (programme_reach_owner: handed to another OPD, or its kind starting or ceasing
--             to equip), "HouseholdStatusEvent" (status_event_reach_insert, _update, _delete);
--             HouseholdYearReach feeds the four counts (household_year_reach_insert, _update,
--             _delete)
--   read by   features/dashboards/poverty/queries.ts, features/dashboards/results/queries.ts
--   rebuild   entas_reach_counts_rebuild(tenant) = entas_reach_year_rebuild, then
--             entas_reach_count_fill for each count table (the parts may run side by side);
--             entas_reach_rebuild(tenant) (household-reach.sql) recomputes HouseholdReach first;
--             entas_reach_first_reached_fill(tenant) dates "firstReachedAt" from the entries
--             (data written in bulk after the fact: the demo seed)
--   tested    features/dashboards/tests/reach-counts.test.ts (every figure equal to the
--             distinct-household count over HouseholdReach under every filter, the tables equal
--             to entas_reach_rebuild after writes, two concurrent writers both counted);
--             features/dashboards/tests/mayor-dashboard.test.ts (equal to entas_dash_rebuild);
--             tests/integration/summaries/reach.test.ts (equal to a recount from the entries
--             after random multi-row statements, programmes changing kind among them)
-- Repeatable (prisma/sql/README.md): run it again and nothing changes.

-- The strategy of Inpres 4/2022 a programme of this kind serves, as the quarterly report names
-- them (features/reports/quarterly/strategy.ts; a test holds the two equal for every kind).
-- Plain SQL like entas_programme_equips, for the same reason.
CREATE OR REPLACE FUNCTION entas_programme_strategy(p_kind "ProgrammeKind") RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE
    WHEN p_kind IN ('FOOD_AID', 'INSURANCE_PREMIUM', 'SOCIAL_ASSISTANCE') THEN 'LOWER_SPENDING'
    WHEN p_kind IN ('TRAINING', 'EQUIPMENT_AID', 'CAPITAL_AID', 'SEEDLINGS', 'REVOLVING_FUND') THEN 'RAISE_INCOME'
    WHEN p_kind = 'HOUSING' THEN 'REDUCE_POCKETS'
    ELSE 'OTHER'
  END
$$;

-- The programme kinds whose households count as equipped: capital and tool aid (the results
-- dashboard's "equipped", whose spending it divides: features/dashboards/results/queries.ts).
-- Plain SQL on purpose, unlike the other functions triggers call (README.md): one expression
-- the planner inlines into each query that names it, so no call of it is left to plan.
CREATE OR REPLACE FUNCTION entas_programme_equips(p_kind "ProgrammeKind") RETURNS boolean
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT p_kind IN ('CAPITAL_AID', 'EQUIPMENT_AID')
$$;

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
                                         desil, "isExtremePoor", active, "opdIds", "programmeIds", "ownerOpdIds", graduated,
                                         "equippingProgrammeIds", "equippingOwnerOpdIds")
  SELECT k.t, k.yr, k.h, hh."kecamatanId", hh."kelurahanId", hh.desil, hh."isExtremePoor", hh.status = 'ACTIVE', '{}', '{}', '{}', false, '{}', '{}'
    FROM (SELECT t, yr, h FROM unnest(p_t, p_y, p_h, p_insert) AS x(t, yr, h, ins) GROUP BY 1, 2, 3 HAVING bool_or(ins)) k
    JOIN "Household" hh ON hh."tenantId" = k.t AND hh.id = k.h
   ORDER BY k.t, k.yr, k.h
  ON CONFLICT ("tenantId", "fiscalYear", "householdId") DO UPDATE SET "opdIds" = y."opdIds";
  UPDATE "HouseholdYearReach" y
     SET "kecamatanId" = coalesce(a.kec, y."kecamatanId"), "kelurahanId" = coalesce(a.kel, y."kelurahanId"),
         desil = CASE WHEN a.opds IS NULL THEN y.desil ELSE a.desil END,
         "isExtremePoor" = coalesce(a.ext, y."isExtremePoor"), active = coalesce(a.act, y.active),
         "opdIds" = coalesce(a.opds, '{}'), "programmeIds" = coalesce(a.progs, '{}'), "ownerOpdIds" = coalesce(a.owners, '{}'), graduated = a.graduated,
         "equippingProgrammeIds" = coalesce(a.eprogs, '{}'), "equippingOwnerOpdIds" = coalesce(a.eowners, '{}')
    FROM (SELECT DISTINCT t, yr, h FROM unnest(p_t, p_y, p_h) AS x(t, yr, h)) k
    CROSS JOIN LATERAL (
      SELECT min(r."kecamatanId") kec, min(r."kelurahanId") kel, min(r.desil) desil,
             bool_or(r."isExtremePoor") ext, bool_or(r.active) act,
             array_agg(DISTINCT r."opdId" ORDER BY r."opdId") opds,
             array_agg(DISTINCT r."programmeId" ORDER BY r."programmeId") progs,
             array_agg(DISTINCT p."opdId" ORDER BY p."opdId") owners,
             array_agg(DISTINCT r."programmeId" ORDER BY r."programmeId") FILTER (WHERE entas_programme_equips(p.kind)) eprogs,
             array_agg(DISTINCT p."opdId" ORDER BY p."opdId") FILTER (WHERE entas_programme_equips(p.kind)) eowners,
             EXISTS (SELECT 1 FROM "HouseholdStatusEvent" e WHERE e."tenantId" = k.t AND e."householdId" = k.h
                          AND e."toStatus" = 'GRADUATED' AND e."effectiveDate" >= make_date(k.yr, 1, 1)
                          AND e."effectiveDate" < make_date(k.yr + 1, 1, 1)) AS graduated
        FROM "HouseholdReach" r
        JOIN "Programme" p ON p."tenantId" = r."tenantId" AND p.id = r."programmeId"
       WHERE r."tenantId" = k.t AND r."fiscalYear" = k.yr AND r."householdId" = k.h
    ) a
   WHERE y."tenantId" = k.t AND y."fiscalYear" = k.yr AND y."householdId" = k.h
     AND (y."kecamatanId", y."kelurahanId", y.desil, y."isExtremePoor", y.active, y."opdIds", y."programmeIds", y."ownerOpdIds", y.graduated,
          y."equippingProgrammeIds", y."equippingOwnerOpdIds")
         IS DISTINCT FROM (coalesce(a.kec, y."kecamatanId"), coalesce(a.kel, y."kelurahanId"),
                           CASE WHEN a.opds IS NULL THEN y.desil ELSE a.desil END,
                           coalesce(a.ext, y."isExtremePoor"), coalesce(a.act, y.active),
                           coalesce(a.opds, '{}'), coalesce(a.progs, '{}'), coalesce(a.owners, '{}'), a.graduated,
                           coalesce(a.eprogs, '{}'), coalesce(a.eowners, '{}'));
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

DROP TRIGGER IF EXISTS household_reach_year_insert ON "HouseholdReach";
CREATE TRIGGER household_reach_year_insert AFTER INSERT ON "HouseholdReach"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION entas_reach_year_changed();
DROP TRIGGER IF EXISTS household_reach_year_update ON "HouseholdReach";
CREATE TRIGGER household_reach_year_update AFTER UPDATE ON "HouseholdReach"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION entas_reach_year_changed();
DROP TRIGGER IF EXISTS household_reach_year_delete ON "HouseholdReach";
CREATE TRIGGER household_reach_year_delete AFTER DELETE ON "HouseholdReach"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION entas_reach_year_changed();

-- ── HouseholdYearReach → the count tables ──
-- Each row with at least one OPD counts once in ReachAreaCount, once per OPD in ReachOpdCount,
-- once per programme in ReachProgrammeCount, and in ReachResultCount once for the city, once
-- per owning OPD and once per programme (as equipped too where its equipping arrays say so):
-- new rows add, old rows subtract. A net increase is an upsert (INSERT … ON CONFLICT DO UPDATE,
-- so two transactions adding to one count row both land); a net decrease only updates an
-- existing row (when a tenant is deleted its count rows may be gone first); rows at 0 are deleted.
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
  INSERT INTO "ReachResultCount" AS c ("tenantId", "fiscalYear", kind, key, "kecamatanId", reached, graduates, equipped)
  SELECT d."tenantId", d."fiscalYear", d.kind, d.key, d."kecamatanId", d.reached, coalesce(d.graduates, 0), coalesce(d.equipped, 0)
    FROM (SELECT r."tenantId", r."fiscalYear", u.kind, u.id AS key, r."kecamatanId",
             sum(r.s)::int AS reached, sum(r.s) FILTER (WHERE r.graduated)::int AS graduates,
             sum(r.s) FILTER (WHERE u.equips)::int AS equipped
      FROM (SELECT x.*, 1 s FROM unnest(p_new) x UNION ALL SELECT x.*, -1 FROM unnest(p_old) x) r
       CROSS JOIN LATERAL (SELECT 'city'::text, ''::text, cardinality(r."equippingProgrammeIds") > 0
                           UNION ALL SELECT 'owner', o, o = ANY(r."equippingOwnerOpdIds") FROM unnest(r."ownerOpdIds") o
                           UNION ALL SELECT 'programme', p, p = ANY(r."equippingProgrammeIds") FROM unnest(r."programmeIds") p) AS u(kind, id, equips)
       WHERE cardinality(r."opdIds") > 0
      GROUP BY 1, 2, 3, 4, 5) d
   WHERE d.reached >= 0 AND coalesce(d.graduates, 0) >= 0 AND coalesce(d.equipped, 0) >= 0 AND (d.reached > 0 OR d.graduates > 0 OR d.equipped > 0)
   ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT ("tenantId", "fiscalYear", kind, key, "kecamatanId")
    DO UPDATE SET reached = c.reached + EXCLUDED.reached, graduates = c.graduates + EXCLUDED.graduates, equipped = c.equipped + EXCLUDED.equipped;
  UPDATE "ReachResultCount" c
     SET reached = c.reached + d.reached, graduates = c.graduates + coalesce(d.graduates, 0), equipped = c.equipped + coalesce(d.equipped, 0)
    FROM (SELECT r."tenantId", r."fiscalYear", u.kind, u.id AS key, r."kecamatanId",
             sum(r.s)::int AS reached, sum(r.s) FILTER (WHERE r.graduated)::int AS graduates,
             sum(r.s) FILTER (WHERE u.equips)::int AS equipped
      FROM (SELECT x.*, 1 s FROM unnest(p_new) x UNION ALL SELECT x.*, -1 FROM unnest(p_old) x) r
       CROSS JOIN LATERAL (SELECT 'city'::text, ''::text, cardinality(r."equippingProgrammeIds") > 0
                           UNION ALL SELECT 'owner', o, o = ANY(r."equippingOwnerOpdIds") FROM unnest(r."ownerOpdIds") o
                           UNION ALL SELECT 'programme', p, p = ANY(r."equippingProgrammeIds") FROM unnest(r."programmeIds") p) AS u(kind, id, equips)
       WHERE cardinality(r."opdIds") > 0
      GROUP BY 1, 2, 3, 4, 5) d
   WHERE (d.reached < 0 OR d.graduates < 0 OR d.equipped < 0) AND c."tenantId" = d."tenantId" AND c."fiscalYear" = d."fiscalYear" AND c.kind = d.kind AND c.key = d.key AND c."kecamatanId" = d."kecamatanId";
  DELETE FROM "ReachResultCount" c
   USING (SELECT r."tenantId", r."fiscalYear", u.kind, u.id AS key, r."kecamatanId",
             sum(r.s)::int AS reached, sum(r.s) FILTER (WHERE r.graduated)::int AS graduates,
             sum(r.s) FILTER (WHERE u.equips)::int AS equipped
      FROM (SELECT x.*, 1 s FROM unnest(p_new) x UNION ALL SELECT x.*, -1 FROM unnest(p_old) x) r
       CROSS JOIN LATERAL (SELECT 'city'::text, ''::text, cardinality(r."equippingProgrammeIds") > 0
                           UNION ALL SELECT 'owner', o, o = ANY(r."equippingOwnerOpdIds") FROM unnest(r."ownerOpdIds") o
                           UNION ALL SELECT 'programme', p, p = ANY(r."equippingProgrammeIds") FROM unnest(r."programmeIds") p) AS u(kind, id, equips)
       WHERE cardinality(r."opdIds") > 0
      GROUP BY 1, 2, 3, 4, 5) d
   WHERE d.reached < 0 AND c."tenantId" = d."tenantId" AND c."fiscalYear" = d."fiscalYear" AND c.kind = d.kind AND c.key = d.key AND c."kecamatanId" = d."kecamatanId" AND c.reached = 0;
  INSERT INTO "StrategyReachCount" AS c ("tenantId", "fiscalYear", strategy, "isExtremePoor", active, households)
  SELECT * FROM (SELECT r."tenantId", r."fiscalYear", u.strategy, r."isExtremePoor", r.active, sum(r.s)::int AS households
      FROM (SELECT x.*, 1 s FROM unnest(p_new) x UNION ALL SELECT x.*, -1 FROM unnest(p_old) x) r
       CROSS JOIN LATERAL (SELECT DISTINCT entas_programme_strategy(p.kind) FROM "Programme" p
                            WHERE p."tenantId" = r."tenantId" AND p.id = ANY(r."programmeIds")) AS u(strategy)
       WHERE cardinality(r."opdIds") > 0
      GROUP BY 1, 2, 3, 4, 5 HAVING sum(r.s) <> 0) d WHERE d.households > 0 ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT ("tenantId", "fiscalYear", strategy, "isExtremePoor", active) DO UPDATE SET households = c.households + EXCLUDED.households;
  UPDATE "StrategyReachCount" c SET households = c.households + d.households
    FROM (SELECT r."tenantId", r."fiscalYear", u.strategy, r."isExtremePoor", r.active, sum(r.s)::int AS households
      FROM (SELECT x.*, 1 s FROM unnest(p_new) x UNION ALL SELECT x.*, -1 FROM unnest(p_old) x) r
       CROSS JOIN LATERAL (SELECT DISTINCT entas_programme_strategy(p.kind) FROM "Programme" p
                            WHERE p."tenantId" = r."tenantId" AND p.id = ANY(r."programmeIds")) AS u(strategy)
       WHERE cardinality(r."opdIds") > 0
      GROUP BY 1, 2, 3, 4, 5 HAVING sum(r.s) <> 0) d
   WHERE d.households < 0 AND c."tenantId" = d."tenantId" AND c."fiscalYear" = d."fiscalYear" AND c.strategy = d.strategy AND c."isExtremePoor" = d."isExtremePoor" AND c.active = d.active;
  DELETE FROM "StrategyReachCount" c
   USING (SELECT r."tenantId", r."fiscalYear", u.strategy, r."isExtremePoor", r.active, sum(r.s)::int AS households
      FROM (SELECT x.*, 1 s FROM unnest(p_new) x UNION ALL SELECT x.*, -1 FROM unnest(p_old) x) r
       CROSS JOIN LATERAL (SELECT DISTINCT entas_programme_strategy(p.kind) FROM "Programme" p
                            WHERE p."tenantId" = r."tenantId" AND p.id = ANY(r."programmeIds")) AS u(strategy)
       WHERE cardinality(r."opdIds") > 0
      GROUP BY 1, 2, 3, 4, 5 HAVING sum(r.s) <> 0) d
   WHERE d.households < 0 AND c."tenantId" = d."tenantId" AND c."fiscalYear" = d."fiscalYear" AND c.strategy = d.strategy AND c."isExtremePoor" = d."isExtremePoor" AND c.active = d.active AND c.households = 0;
END
$$;

-- Statements that changed nothing are skipped: entas_reach_year_sync's four statements each
-- fire this trigger, and usually two of them change nothing (the DELETE finds no row, the
-- INSERT … ON CONFLICT DO UPDATE that locks existing rows rewrites them as they were). Such a
-- call would add and remove the same rows; skipped, a verification costs a third less. The rows
-- are rebuilt as "HouseholdYearReach" values, column by column in the table's order.
CREATE OR REPLACE FUNCTION entas_reach_counts_changed() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('entas.reach_rebuild', true) = 'on' THEN RETURN NULL; END IF;
  IF TG_OP = 'INSERT' THEN
    IF NOT EXISTS (SELECT 1 FROM new_rows) THEN RETURN NULL; END IF;
    PERFORM entas_reach_counts_apply((SELECT array_agg(ROW(n."tenantId", n."fiscalYear", n."householdId", n."kecamatanId", n."kelurahanId", n.desil, n."isExtremePoor", n.active, n."opdIds", n."programmeIds", n."ownerOpdIds", n.graduated, n."firstReachedAt", n."equippingProgrammeIds", n."equippingOwnerOpdIds")::"HouseholdYearReach") FROM new_rows n), NULL);
  ELSIF TG_OP = 'UPDATE' THEN
    IF NOT EXISTS (SELECT * FROM new_rows EXCEPT ALL SELECT * FROM old_rows) THEN RETURN NULL; END IF;
    PERFORM entas_reach_counts_apply((SELECT array_agg(ROW(n."tenantId", n."fiscalYear", n."householdId", n."kecamatanId", n."kelurahanId", n.desil, n."isExtremePoor", n.active, n."opdIds", n."programmeIds", n."ownerOpdIds", n.graduated, n."firstReachedAt", n."equippingProgrammeIds", n."equippingOwnerOpdIds")::"HouseholdYearReach") FROM new_rows n), (SELECT array_agg(ROW(o."tenantId", o."fiscalYear", o."householdId", o."kecamatanId", o."kelurahanId", o.desil, o."isExtremePoor", o.active, o."opdIds", o."programmeIds", o."ownerOpdIds", o.graduated, o."firstReachedAt", o."equippingProgrammeIds", o."equippingOwnerOpdIds")::"HouseholdYearReach") FROM old_rows o));
  ELSE
    IF NOT EXISTS (SELECT 1 FROM old_rows) THEN RETURN NULL; END IF;
    PERFORM entas_reach_counts_apply(NULL, (SELECT array_agg(ROW(o."tenantId", o."fiscalYear", o."householdId", o."kecamatanId", o."kelurahanId", o.desil, o."isExtremePoor", o.active, o."opdIds", o."programmeIds", o."ownerOpdIds", o.graduated, o."firstReachedAt", o."equippingProgrammeIds", o."equippingOwnerOpdIds")::"HouseholdYearReach") FROM old_rows o));
  END IF;
  RETURN NULL;
END
$$;

DROP TRIGGER IF EXISTS household_year_reach_insert ON "HouseholdYearReach";
CREATE TRIGGER household_year_reach_insert AFTER INSERT ON "HouseholdYearReach"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION entas_reach_counts_changed();
DROP TRIGGER IF EXISTS household_year_reach_update ON "HouseholdYearReach";
CREATE TRIGGER household_year_reach_update AFTER UPDATE ON "HouseholdYearReach"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION entas_reach_counts_changed();
DROP TRIGGER IF EXISTS household_year_reach_delete ON "HouseholdYearReach";
CREATE TRIGGER household_year_reach_delete AFTER DELETE ON "HouseholdYearReach"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION entas_reach_counts_changed();

-- A programme handed to another OPD, or its kind starting or ceasing to equip: its households'
-- rows are recomputed (their owners or equipping arrays change). Its reach rows are of its year
-- (before or after a change of year in the same statement).
CREATE OR REPLACE FUNCTION entas_reach_programme_owner() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  PERFORM entas_reach_year_sync(array_agg(r."tenantId"), array_agg(r."fiscalYear"), array_agg(r."householdId"), array_agg(false))
     FROM "HouseholdReach" r
    WHERE r."tenantId" = NEW."tenantId" AND r."fiscalYear" IN (OLD."fiscalYear", NEW."fiscalYear") AND r."programmeId" = NEW.id;
  RETURN NULL;
END
$$;

DROP TRIGGER IF EXISTS programme_reach_owner ON "Programme";
CREATE TRIGGER programme_reach_owner AFTER UPDATE OF "opdId", kind ON "Programme"
  FOR EACH ROW WHEN (OLD."opdId" IS DISTINCT FROM NEW."opdId" OR entas_programme_equips(OLD.kind) <> entas_programme_equips(NEW.kind))
  EXECUTE FUNCTION entas_reach_programme_owner();

-- StrategyReachCount of a tenant's years (NULL: every tenant, every year) counted afresh from
-- HouseholdYearReach and the programmes' kinds as they are now.
CREATE OR REPLACE FUNCTION entas_strategy_reach_fill(p_tenant text, p_years int[]) RETURNS void
  LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "StrategyReachCount"
   WHERE (p_tenant IS NULL OR "tenantId" = p_tenant) AND (p_years IS NULL OR "fiscalYear" = ANY(p_years));
  INSERT INTO "StrategyReachCount" ("tenantId", "fiscalYear", strategy, "isExtremePoor", active, households)
  SELECT h."tenantId", h."fiscalYear", h.strategy, h."isExtremePoor", h.active, count(*)
    FROM (SELECT DISTINCT y."tenantId", y."fiscalYear", y."householdId", entas_programme_strategy(p.kind) AS strategy, y."isExtremePoor", y.active
            FROM "HouseholdYearReach" y
            CROSS JOIN LATERAL unnest(y."programmeIds") AS r(id)
            JOIN "Programme" p ON p."tenantId" = y."tenantId" AND p.id = r.id
           WHERE (p_tenant IS NULL OR y."tenantId" = p_tenant) AND (p_years IS NULL OR y."fiscalYear" = ANY(p_years))
             AND cardinality(y."opdIds") > 0) h
   GROUP BY 1, 2, 3, 4, 5;
END
$$;

-- A programme whose kind moved it to another strategy, or deleted: the counts of its years are
-- recounted (the changed counts, read through "Programme", cannot tell what its kind was).
-- Kinds change rarely; a recount of a year reads its reach rows once.
CREATE OR REPLACE FUNCTION entas_strategy_reach_programmes() RETURNS trigger
  LANGUAGE plpgsql AS $$
DECLARE
  v record;
BEGIN
  IF TG_OP = 'UPDATE' THEN
    FOR v IN SELECT o."tenantId", array_agg(DISTINCT y) AS years
               FROM old_rows o JOIN new_rows n ON n."tenantId" = o."tenantId" AND n.id = o.id
               CROSS JOIN LATERAL unnest(ARRAY[o."fiscalYear", n."fiscalYear"]) AS y
              WHERE entas_programme_strategy(o.kind) <> entas_programme_strategy(n.kind)
              GROUP BY o."tenantId" LOOP
      PERFORM entas_strategy_reach_fill(v."tenantId", v.years);
    END LOOP;
  ELSE
    FOR v IN SELECT o."tenantId", array_agg(DISTINCT o."fiscalYear") AS years FROM old_rows o GROUP BY o."tenantId" LOOP
      PERFORM entas_strategy_reach_fill(v."tenantId", v.years);
    END LOOP;
  END IF;
  RETURN NULL;
END
$$;

DROP TRIGGER IF EXISTS programme_strategy_reach_update ON "Programme";
CREATE TRIGGER programme_strategy_reach_update AFTER UPDATE ON "Programme"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION entas_strategy_reach_programmes();
DROP TRIGGER IF EXISTS programme_strategy_reach_delete ON "Programme";
CREATE TRIGGER programme_strategy_reach_delete AFTER DELETE ON "Programme"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION entas_strategy_reach_programmes();

-- A status event written, changed or deleted: the household's rows of every year re-sync.
CREATE OR REPLACE FUNCTION entas_reach_status_event() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM entas_reach_year_sync(array_agg(y."tenantId"), array_agg(y."fiscalYear"), array_agg(y."householdId"), array_agg(false))
       FROM "HouseholdYearReach" y JOIN (SELECT DISTINCT "tenantId", "householdId" FROM new_rows) e
         ON y."tenantId" = e."tenantId" AND y."householdId" = e."householdId";
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM entas_reach_year_sync(array_agg(y."tenantId"), array_agg(y."fiscalYear"), array_agg(y."householdId"), array_agg(false))
       FROM "HouseholdYearReach" y JOIN (SELECT DISTINCT "tenantId", "householdId" FROM old_rows) e
         ON y."tenantId" = e."tenantId" AND y."householdId" = e."householdId";
  END IF;
  RETURN NULL;
END
$$;

DROP TRIGGER IF EXISTS status_event_reach_insert ON "HouseholdStatusEvent";
CREATE TRIGGER status_event_reach_insert AFTER INSERT ON "HouseholdStatusEvent"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION entas_reach_status_event();
DROP TRIGGER IF EXISTS status_event_reach_update ON "HouseholdStatusEvent";
CREATE TRIGGER status_event_reach_update AFTER UPDATE ON "HouseholdStatusEvent"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION entas_reach_status_event();
DROP TRIGGER IF EXISTS status_event_reach_delete ON "HouseholdStatusEvent";
CREATE TRIGGER status_event_reach_delete AFTER DELETE ON "HouseholdStatusEvent"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION entas_reach_status_event();

-- ── Bulk recompute ──
-- The tables of one tenant (NULL: every tenant) recomputed, triggers aside, in parts, so a bulk
-- load (scripts/bench/generate-city.ts) can run independent parts side by side on separate
-- connections.

-- HouseholdYearReach from HouseholdReach; the count tables derived from it are emptied here
-- and refilled by entas_reach_count_fill.
CREATE OR REPLACE FUNCTION entas_reach_year_rebuild(p_tenant text) RETURNS void
  LANGUAGE plpgsql AS $$
BEGIN
  PERFORM set_config('entas.reach_rebuild', 'on', true);
  DELETE FROM "ReachAreaCount" WHERE p_tenant IS NULL OR "tenantId" = p_tenant;
  DELETE FROM "ReachOpdCount" WHERE p_tenant IS NULL OR "tenantId" = p_tenant;
  DELETE FROM "ReachProgrammeCount" WHERE p_tenant IS NULL OR "tenantId" = p_tenant;
  DELETE FROM "ReachResultCount" WHERE p_tenant IS NULL OR "tenantId" = p_tenant;
  DELETE FROM "StrategyReachCount" WHERE p_tenant IS NULL OR "tenantId" = p_tenant;
  -- Rows of households still reached are updated in place, so each keeps its "firstReachedAt"
  -- (the moment it became reached, which no recount can tell); the others go.
  DELETE FROM "HouseholdYearReach" y
   WHERE (p_tenant IS NULL OR y."tenantId" = p_tenant)
     AND NOT EXISTS (SELECT 1 FROM "HouseholdReach" r
                      WHERE r."tenantId" = y."tenantId" AND r."fiscalYear" = y."fiscalYear" AND r."householdId" = y."householdId");
  INSERT INTO "HouseholdYearReach" AS y ("tenantId", "fiscalYear", "householdId", "kecamatanId", "kelurahanId",
                                         desil, "isExtremePoor", active, "opdIds", "programmeIds", "ownerOpdIds", graduated,
                                         "equippingProgrammeIds", "equippingOwnerOpdIds")
  SELECT r."tenantId", r."fiscalYear", r."householdId", min(r."kecamatanId"), min(r."kelurahanId"), min(r.desil),
         bool_or(r."isExtremePoor"), bool_or(r.active),
         array_agg(DISTINCT r."opdId" ORDER BY r."opdId"), array_agg(DISTINCT r."programmeId" ORDER BY r."programmeId"),
         array_agg(DISTINCT p."opdId" ORDER BY p."opdId"),
         EXISTS (SELECT 1 FROM "HouseholdStatusEvent" e WHERE e."tenantId" = r."tenantId" AND e."householdId" = r."householdId"
                          AND e."toStatus" = 'GRADUATED' AND e."effectiveDate" >= make_date(r."fiscalYear", 1, 1)
                          AND e."effectiveDate" < make_date(r."fiscalYear" + 1, 1, 1)),
         coalesce(array_agg(DISTINCT r."programmeId" ORDER BY r."programmeId") FILTER (WHERE entas_programme_equips(p.kind)), '{}'),
         coalesce(array_agg(DISTINCT p."opdId" ORDER BY p."opdId") FILTER (WHERE entas_programme_equips(p.kind)), '{}')
    FROM "HouseholdReach" r
    JOIN "Programme" p ON p."tenantId" = r."tenantId" AND p.id = r."programmeId"
   WHERE p_tenant IS NULL OR r."tenantId" = p_tenant
   GROUP BY 1, 2, 3
  ON CONFLICT ("tenantId", "fiscalYear", "householdId") DO UPDATE SET
    "kecamatanId" = EXCLUDED."kecamatanId", "kelurahanId" = EXCLUDED."kelurahanId", desil = EXCLUDED.desil,
    "isExtremePoor" = EXCLUDED."isExtremePoor", active = EXCLUDED.active, "opdIds" = EXCLUDED."opdIds",
    "programmeIds" = EXCLUDED."programmeIds", "ownerOpdIds" = EXCLUDED."ownerOpdIds", graduated = EXCLUDED.graduated,
    "equippingProgrammeIds" = EXCLUDED."equippingProgrammeIds", "equippingOwnerOpdIds" = EXCLUDED."equippingOwnerOpdIds";
  PERFORM set_config('entas.reach_rebuild', 'off', true);
END
$$;

-- One count table from HouseholdYearReach: 'area', 'opd', 'programme', 'result' or 'strategy'. They
-- write different tables and only read HouseholdYearReach, so they may run concurrently.
CREATE OR REPLACE FUNCTION entas_reach_count_fill(p_tenant text, p_table text) RETURNS void
  LANGUAGE plpgsql AS $$
BEGIN
  IF p_table = 'area' THEN
    INSERT INTO "ReachAreaCount" ("tenantId", "fiscalYear", "kecamatanId", "kelurahanId", desil, "isExtremePoor", active, opds, households)
    SELECT "tenantId", "fiscalYear", "kecamatanId", "kelurahanId", coalesce(desil, 0), "isExtremePoor", active, cardinality("opdIds"), count(*)
      FROM "HouseholdYearReach" WHERE p_tenant IS NULL OR "tenantId" = p_tenant
     GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;
  ELSIF p_table = 'opd' THEN
    INSERT INTO "ReachOpdCount" ("tenantId", "fiscalYear", "opdId", "kecamatanId", "kelurahanId", desil, "isExtremePoor", active, shared, households)
    SELECT y."tenantId", y."fiscalYear", u.id, y."kecamatanId", y."kelurahanId", coalesce(y.desil, 0), y."isExtremePoor", y.active,
           cardinality(y."opdIds") > 1, count(*)
      FROM "HouseholdYearReach" y CROSS JOIN LATERAL unnest(y."opdIds") AS u(id)
     WHERE p_tenant IS NULL OR y."tenantId" = p_tenant
     GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9;
  ELSIF p_table = 'programme' THEN
    INSERT INTO "ReachProgrammeCount" ("tenantId", "fiscalYear", "programmeId", "kecamatanId", "kelurahanId", desil, "isExtremePoor", active, households)
    SELECT y."tenantId", y."fiscalYear", u.id, y."kecamatanId", y."kelurahanId", coalesce(y.desil, 0), y."isExtremePoor", y.active, count(*)
      FROM "HouseholdYearReach" y CROSS JOIN LATERAL unnest(y."programmeIds") AS u(id)
     WHERE p_tenant IS NULL OR y."tenantId" = p_tenant
     GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;
  ELSIF p_table = 'result' THEN
    INSERT INTO "ReachResultCount" ("tenantId", "fiscalYear", kind, key, "kecamatanId", reached, graduates, equipped)
    SELECT y."tenantId", y."fiscalYear", u.kind, u.id, y."kecamatanId", count(*), count(*) FILTER (WHERE y.graduated),
           count(*) FILTER (WHERE u.equips)
      FROM "HouseholdYearReach" y
      CROSS JOIN LATERAL (SELECT 'city'::text, ''::text, cardinality(y."equippingProgrammeIds") > 0
                          UNION ALL SELECT 'owner', o, o = ANY(y."equippingOwnerOpdIds") FROM unnest(y."ownerOpdIds") o
                          UNION ALL SELECT 'programme', p, p = ANY(y."equippingProgrammeIds") FROM unnest(y."programmeIds") p) AS u(kind, id, equips)
     WHERE p_tenant IS NULL OR y."tenantId" = p_tenant
     GROUP BY 1, 2, 3, 4, 5;
  ELSIF p_table = 'strategy' THEN
    PERFORM entas_strategy_reach_fill(p_tenant, NULL);
  ELSE
    RAISE EXCEPTION 'entas_reach_count_fill: unknown table %', p_table;
  END IF;
END
$$;

CREATE OR REPLACE FUNCTION entas_reach_counts_rebuild(p_tenant text) RETURNS void
  LANGUAGE plpgsql AS $$
BEGIN
  PERFORM entas_reach_year_rebuild(p_tenant);
  PERFORM entas_reach_count_fill(p_tenant, 'area');
  PERFORM entas_reach_count_fill(p_tenant, 'opd');
  PERFORM entas_reach_count_fill(p_tenant, 'programme');
  PERFORM entas_reach_count_fill(p_tenant, 'result');
  PERFORM entas_reach_count_fill(p_tenant, 'strategy');
END
$$;

-- "firstReachedAt" of a tenant's rows (NULL: every tenant) from the entries instead of the
-- statement that created them, for data written after the fact (the demo seed): the earliest
-- verified entry that reaches the household in the year, when it was verified (an entry without
-- verifiedAt: its hand-over date; a participant counts once both they and their training are
-- verified). Rows no verified entry explains keep theirs. The count triggers stand aside: no
-- count changes.
CREATE OR REPLACE FUNCTION entas_reach_first_reached_fill(p_tenant text) RETURNS void
  LANGUAGE plpgsql AS $$
BEGIN
  PERFORM set_config('entas.reach_rebuild', 'on', true);
  UPDATE "HouseholdYearReach" y SET "firstReachedAt" = f.at
    FROM (
      SELECT e."tenantId", e.yr, e.h, min(e.at) AS at FROM (
        SELECT a."tenantId", p."fiscalYear" AS yr, a."householdId" AS h, coalesce(a."verifiedAt", a."distributedAt") AS at
          FROM "AidDistribution" a
          JOIN "Programme" p ON p."tenantId" = a."tenantId" AND p.id = a."programmeId"
         WHERE a.status = 'VERIFIED' AND a."reversesId" IS NULL AND (p_tenant IS NULL OR a."tenantId" = p_tenant)
        UNION ALL
        SELECT tp."tenantId", p."fiscalYear", tp."householdId",
               greatest(coalesce(tp."verifiedAt", tr."startDate"), coalesce(tr."verifiedAt", tr."startDate"))
          FROM "TrainingParticipant" tp
          JOIN "Training" tr ON tr."tenantId" = tp."tenantId" AND tr.id = tp."trainingId"
          JOIN "Programme" p ON p."tenantId" = tr."tenantId" AND p.id = tr."programmeId"
         WHERE tp.status = 'VERIFIED' AND tr.status = 'VERIFIED' AND (p_tenant IS NULL OR tp."tenantId" = p_tenant)
      ) e
      GROUP BY 1, 2, 3
    ) f
   WHERE y."tenantId" = f."tenantId" AND y."fiscalYear" = f.yr AND y."householdId" = f.h
     AND y."firstReachedAt" IS DISTINCT FROM f.at;
  PERFORM set_config('entas.reach_rebuild', 'off', true);
END
$$;
-- ─── end repeatable summaries/reach-counts.sql ───

-- Row-level isolation, and the counts of the data already written.
SELECT entas_enable_tenant_rls('StrategyReachCount');
SELECT entas_strategy_reach_fill(NULL, NULL);
ANALYZE "StrategyReachCount";
