-- BudgetLineTotal: every budget line's entries (features/budget/line-entries.ts, LINE_ENTRIES),
-- counted and summed per source (REALISATION or AID), status, month and sign, so the budget
-- overview, the mayor's absorption and the results dashboard's Rupiah add up a few rows per line
-- instead of every realisation and aid row of the city.
--   keeps     "BudgetLineTotal": per (line, source, status, month, adds) the entries and the sum
--             of their amount; "adds" is amount > 0 (what a draft holds against the pagu: see
--             COMMITTED). The pool is not kept: readers take it from the line's aidMode when
--             they read (LINE_TOTALS), so a line changing mode needs no trigger here
--   from      "BudgetRealisation" (entas_line_totals_realisation_insert, _update, _delete),
--             "AidDistribution" with a budget line (entas_line_totals_aid_insert, _update,
--             _delete; the month is that of "distributedAt"): statement-level triggers adding
--             signed deltas of the transition tables; rows left with no entry go
--   and       "BudgetLineSum": the same per (line, source, status), months and signs added up,
--             for sums over many lines; kept by triggers on "BudgetLineTotal" itself
--             (entas_line_sums_insert, _update, _delete), rows left with no entry go
--   rebuild   entas_line_totals_rebuild(tenant)  (NULL: every tenant), both tables
--   tested    tests/integration/summaries/budget-line-totals.test.ts (both equal to a recount
--             from LINE_ENTRIES after random multi-row statements, aidMode changes included)
-- Triggers run as the writer (entas_app), inside its tenant: the rows they touch carry the
-- writer's tenant, so row-level security holds.
-- Repeatable (prisma/sql/README.md): run it again and nothing changes.

-- Deltas are applied in key order, so two statements touching the same rows lock them in the
-- same order. A deletion only subtracts: when a whole tenant is deleted its rows may go first.
CREATE OR REPLACE FUNCTION entas_line_totals_realisation() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    UPDATE "BudgetLineTotal" c SET "entries" = c."entries" - d.n, "amount" = c."amount" - d.v
      FROM (SELECT "tenantId" t, "budgetLineId" l, "status" s, "month" m, "amount" > 0 a, count(*)::int n, sum("amount")::bigint v
              FROM old_rows GROUP BY 1, 2, 3, 4, 5) d
     WHERE c."tenantId" = d.t AND c."budgetLineId" = d.l AND c."source" = 'REALISATION' AND c."status" = d.s AND c."month" = d.m AND c."adds" = d.a;
  ELSIF TG_OP = 'INSERT' THEN
    INSERT INTO "BudgetLineTotal" AS c ("tenantId", "budgetLineId", "source", "status", "month", "adds", "entries", "amount")
    SELECT "tenantId", "budgetLineId", 'REALISATION', "status", "month", "amount" > 0, count(*)::int, sum("amount")::bigint
      FROM new_rows GROUP BY 1, 2, 4, 5, 6
     ORDER BY 1, 2, 4, 5, 6
    ON CONFLICT ("tenantId", "budgetLineId", "source", "status", "month", "adds")
      DO UPDATE SET "entries" = c."entries" + EXCLUDED."entries", "amount" = c."amount" + EXCLUDED."amount";
  ELSE
    INSERT INTO "BudgetLineTotal" AS c ("tenantId", "budgetLineId", "source", "status", "month", "adds", "entries", "amount")
    SELECT t, l, 'REALISATION', s, m, a, sum(n)::int, sum(v)::bigint FROM (
      SELECT "tenantId" t, "budgetLineId" l, "status" s, "month" m, "amount" > 0 a, 1 n, "amount" v FROM new_rows
      UNION ALL
      SELECT "tenantId", "budgetLineId", "status", "month", "amount" > 0, -1, -"amount" FROM old_rows
    ) d GROUP BY 1, 2, 4, 5, 6 HAVING sum(n) <> 0 OR sum(v) <> 0
    ORDER BY 1, 2, 4, 5, 6
    ON CONFLICT ("tenantId", "budgetLineId", "source", "status", "month", "adds")
      DO UPDATE SET "entries" = c."entries" + EXCLUDED."entries", "amount" = c."amount" + EXCLUDED."amount";
  END IF;
  IF TG_OP <> 'INSERT' THEN
    DELETE FROM "BudgetLineTotal" c
     WHERE c."entries" = 0 AND c."source" = 'REALISATION'
       AND (c."tenantId", c."budgetLineId") IN (SELECT "tenantId", "budgetLineId" FROM old_rows);
  END IF;
  RETURN NULL;
END
$$;

DROP TRIGGER IF EXISTS entas_line_totals_realisation_insert ON "BudgetRealisation";
CREATE TRIGGER entas_line_totals_realisation_insert AFTER INSERT ON "BudgetRealisation"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION entas_line_totals_realisation();
DROP TRIGGER IF EXISTS entas_line_totals_realisation_update ON "BudgetRealisation";
CREATE TRIGGER entas_line_totals_realisation_update AFTER UPDATE ON "BudgetRealisation"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION entas_line_totals_realisation();
DROP TRIGGER IF EXISTS entas_line_totals_realisation_delete ON "BudgetRealisation";
CREATE TRIGGER entas_line_totals_realisation_delete AFTER DELETE ON "BudgetRealisation"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION entas_line_totals_realisation();

-- Aid as the line's entries: only aid recorded against a line, in the month it was handed over.
CREATE OR REPLACE FUNCTION entas_line_totals_aid() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    UPDATE "BudgetLineTotal" c SET "entries" = c."entries" - d.n, "amount" = c."amount" - d.v
      FROM (SELECT "tenantId" t, "budgetLineId" l, "status" s, EXTRACT(MONTH FROM "distributedAt")::int m, "value" > 0 a,
                   count(*)::int n, sum("value")::bigint v
              FROM old_rows WHERE "budgetLineId" IS NOT NULL GROUP BY 1, 2, 3, 4, 5) d
     WHERE c."tenantId" = d.t AND c."budgetLineId" = d.l AND c."source" = 'AID' AND c."status" = d.s AND c."month" = d.m AND c."adds" = d.a;
  ELSIF TG_OP = 'INSERT' THEN
    INSERT INTO "BudgetLineTotal" AS c ("tenantId", "budgetLineId", "source", "status", "month", "adds", "entries", "amount")
    SELECT "tenantId", "budgetLineId", 'AID', "status", EXTRACT(MONTH FROM "distributedAt")::int, "value" > 0, count(*)::int, sum("value")::bigint
      FROM new_rows WHERE "budgetLineId" IS NOT NULL GROUP BY 1, 2, 4, 5, 6
     ORDER BY 1, 2, 4, 5, 6
    ON CONFLICT ("tenantId", "budgetLineId", "source", "status", "month", "adds")
      DO UPDATE SET "entries" = c."entries" + EXCLUDED."entries", "amount" = c."amount" + EXCLUDED."amount";
  ELSE
    INSERT INTO "BudgetLineTotal" AS c ("tenantId", "budgetLineId", "source", "status", "month", "adds", "entries", "amount")
    SELECT t, l, 'AID', s, m, a, sum(n)::int, sum(v)::bigint FROM (
      SELECT "tenantId" t, "budgetLineId" l, "status" s, EXTRACT(MONTH FROM "distributedAt")::int m, "value" > 0 a, 1 n, "value" v
        FROM new_rows WHERE "budgetLineId" IS NOT NULL
      UNION ALL
      SELECT "tenantId", "budgetLineId", "status", EXTRACT(MONTH FROM "distributedAt")::int, "value" > 0, -1, -"value"
        FROM old_rows WHERE "budgetLineId" IS NOT NULL
    ) d GROUP BY 1, 2, 4, 5, 6 HAVING sum(n) <> 0 OR sum(v) <> 0
    ORDER BY 1, 2, 4, 5, 6
    ON CONFLICT ("tenantId", "budgetLineId", "source", "status", "month", "adds")
      DO UPDATE SET "entries" = c."entries" + EXCLUDED."entries", "amount" = c."amount" + EXCLUDED."amount";
  END IF;
  IF TG_OP <> 'INSERT' THEN
    DELETE FROM "BudgetLineTotal" c
     WHERE c."entries" = 0 AND c."source" = 'AID'
       AND (c."tenantId", c."budgetLineId") IN (SELECT "tenantId", "budgetLineId" FROM old_rows WHERE "budgetLineId" IS NOT NULL);
  END IF;
  RETURN NULL;
END
$$;

DROP TRIGGER IF EXISTS entas_line_totals_aid_insert ON "AidDistribution";
CREATE TRIGGER entas_line_totals_aid_insert AFTER INSERT ON "AidDistribution"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION entas_line_totals_aid();
DROP TRIGGER IF EXISTS entas_line_totals_aid_update ON "AidDistribution";
CREATE TRIGGER entas_line_totals_aid_update AFTER UPDATE ON "AidDistribution"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION entas_line_totals_aid();
DROP TRIGGER IF EXISTS entas_line_totals_aid_delete ON "AidDistribution";
CREATE TRIGGER entas_line_totals_aid_delete AFTER DELETE ON "AidDistribution"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION entas_line_totals_aid();

-- BudgetLineSum from the changes to BudgetLineTotal: the signed deltas of its transition tables
-- per line, source and status, in key order like the rows above.
CREATE OR REPLACE FUNCTION entas_line_sums() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    UPDATE "BudgetLineSum" c SET "entries" = c."entries" - d.n, "amount" = c."amount" - d.v
      FROM (SELECT "tenantId" t, "budgetLineId" l, "source" o, "status" s, sum("entries")::int n, sum("amount")::bigint v
              FROM old_rows GROUP BY 1, 2, 3, 4) d
     WHERE c."tenantId" = d.t AND c."budgetLineId" = d.l AND c."source" = d.o AND c."status" = d.s;
  ELSIF TG_OP = 'INSERT' THEN
    INSERT INTO "BudgetLineSum" AS c ("tenantId", "budgetLineId", "source", "status", "entries", "amount")
    SELECT "tenantId", "budgetLineId", "source", "status", sum("entries")::int, sum("amount")::bigint
      FROM new_rows GROUP BY 1, 2, 3, 4
     ORDER BY 1, 2, 3, 4
    ON CONFLICT ("tenantId", "budgetLineId", "source", "status")
      DO UPDATE SET "entries" = c."entries" + EXCLUDED."entries", "amount" = c."amount" + EXCLUDED."amount";
  ELSE
    INSERT INTO "BudgetLineSum" AS c ("tenantId", "budgetLineId", "source", "status", "entries", "amount")
    SELECT t, l, o, s, sum(n)::int, sum(v)::bigint FROM (
      SELECT "tenantId" t, "budgetLineId" l, "source" o, "status" s, "entries" n, "amount" v FROM new_rows
      UNION ALL
      SELECT "tenantId", "budgetLineId", "source", "status", -"entries", -"amount" FROM old_rows
    ) d GROUP BY 1, 2, 3, 4 HAVING sum(n) <> 0 OR sum(v) <> 0
    ORDER BY 1, 2, 3, 4
    ON CONFLICT ("tenantId", "budgetLineId", "source", "status")
      DO UPDATE SET "entries" = c."entries" + EXCLUDED."entries", "amount" = c."amount" + EXCLUDED."amount";
  END IF;
  IF TG_OP <> 'INSERT' THEN
    DELETE FROM "BudgetLineSum" c
     WHERE c."entries" = 0
       AND (c."tenantId", c."budgetLineId") IN (SELECT "tenantId", "budgetLineId" FROM old_rows);
  END IF;
  RETURN NULL;
END
$$;

DROP TRIGGER IF EXISTS entas_line_sums_insert ON "BudgetLineTotal";
CREATE TRIGGER entas_line_sums_insert AFTER INSERT ON "BudgetLineTotal"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION entas_line_sums();
DROP TRIGGER IF EXISTS entas_line_sums_update ON "BudgetLineTotal";
CREATE TRIGGER entas_line_sums_update AFTER UPDATE ON "BudgetLineTotal"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION entas_line_sums();
DROP TRIGGER IF EXISTS entas_line_sums_delete ON "BudgetLineTotal";
CREATE TRIGGER entas_line_sums_delete AFTER DELETE ON "BudgetLineTotal"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION entas_line_sums();

-- Recounts one tenant (NULL: every tenant) from the entries: after bulk loads made with the
-- triggers off (scripts/bench/generate-city.ts), after this table's migration, and to check
-- the triggers.
CREATE OR REPLACE FUNCTION entas_line_totals_rebuild(p_tenant text) RETURNS void
  LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "BudgetLineTotal" WHERE p_tenant IS NULL OR "tenantId" = p_tenant;
  INSERT INTO "BudgetLineTotal" ("tenantId", "budgetLineId", "source", "status", "month", "adds", "entries", "amount")
  SELECT "tenantId", "budgetLineId", 'REALISATION', "status", "month", "amount" > 0, count(*)::int, sum("amount")::bigint
    FROM "BudgetRealisation" WHERE p_tenant IS NULL OR "tenantId" = p_tenant
   GROUP BY 1, 2, 4, 5, 6;
  INSERT INTO "BudgetLineTotal" ("tenantId", "budgetLineId", "source", "status", "month", "adds", "entries", "amount")
  SELECT "tenantId", "budgetLineId", 'AID', "status", EXTRACT(MONTH FROM "distributedAt")::int, "value" > 0, count(*)::int, sum("value")::bigint
    FROM "AidDistribution" WHERE "budgetLineId" IS NOT NULL AND (p_tenant IS NULL OR "tenantId" = p_tenant)
   GROUP BY 1, 2, 4, 5, 6;
  -- Whole again from the totals, whether or not the triggers above ran (a bulk load may turn them off).
  DELETE FROM "BudgetLineSum" WHERE p_tenant IS NULL OR "tenantId" = p_tenant;
  INSERT INTO "BudgetLineSum" ("tenantId", "budgetLineId", "source", "status", "entries", "amount")
  SELECT "tenantId", "budgetLineId", "source", "status", sum("entries")::int, sum("amount")::bigint
    FROM "BudgetLineTotal" WHERE p_tenant IS NULL OR "tenantId" = p_tenant
   GROUP BY 1, 2, 3, 4;
END
$$;
