-- The aid list's totals (its count and value above the pages) add up a summary kept by triggers
-- (prisma/sql/summaries/aid-totals.sql) instead of every distribution of the year. The
-- distributions already written are counted at the end.

-- CreateTable
CREATE TABLE "AidDistributionTotal" (
    "tenantId" TEXT NOT NULL,
    "programmeId" TEXT NOT NULL,
    "kind" "AidKind" NOT NULL,
    "status" "EntryStatus" NOT NULL,
    "returned" BOOLEAN NOT NULL,
    "unproven" BOOLEAN NOT NULL,
    "entries" INTEGER NOT NULL,
    "amount" BIGINT NOT NULL,

    CONSTRAINT "AidDistributionTotal_pkey" PRIMARY KEY ("tenantId","programmeId","kind","status","returned","unproven")
);

-- AddForeignKey
ALTER TABLE "AidDistributionTotal" ADD CONSTRAINT "AidDistributionTotal_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AidDistributionTotal" ADD CONSTRAINT "AidDistributionTotal_tenantId_programmeId_fkey" FOREIGN KEY ("tenantId", "programmeId") REFERENCES "Programme"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

SELECT entas_enable_tenant_rls('AidDistributionTotal');

-- ─── begin repeatable summaries/aid-totals.sql ───
-- AidDistributionTotal: the aid list's totals (features/aid/queries.ts, distributionTotals), kept
-- so that the list's count and value above every page of it add a few rows per programme
-- instead of every hand-over of the year.
--   keeps     "AidDistributionTotal": per programme, kind, status, sent back ("returned":
--             "returnedAt" set) and without proof ("unproven": no "proofRef", and not a
--             reversal, as the list's filter reads it), the distributions and the sum of their
--             value (reversals subtract): every filter of the list's totals and the home's counts
--   from      "AidDistribution" (entas_aid_totals_insert, _update, _delete): statement-level
--             triggers adding signed deltas of the transition tables; rows left with no entry go
--   rebuild   entas_aid_totals_rebuild(tenant)  (NULL: every tenant)
--   tested    tests/integration/summaries/budget-line-totals.test.ts (equal to a recount after
--             random multi-row statements); tests/integration/aid-list-totals.test.ts
-- Triggers run as the writer (entas_app), inside its tenant: the rows they touch carry the
-- writer's tenant, so row-level security holds.
-- Repeatable (prisma/sql/README.md): run it again and nothing changes.

-- Deltas are applied in key order, so two statements touching the same rows lock them in the
-- same order. A deletion only subtracts: when a whole tenant is deleted its rows may go first.
CREATE OR REPLACE FUNCTION entas_aid_totals() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    UPDATE "AidDistributionTotal" c SET "entries" = c."entries" - d.n, "amount" = c."amount" - d.v
      FROM (SELECT "tenantId" t, "programmeId" p, "kind" k, "status" s, "returnedAt" IS NOT NULL r, ("proofRef" IS NULL AND "reversesId" IS NULL) u,
                   count(*)::int n, sum("value")::bigint v
              FROM old_rows GROUP BY 1, 2, 3, 4, 5, 6) d
     WHERE c."tenantId" = d.t AND c."programmeId" = d.p AND c."kind" = d.k AND c."status" = d.s AND c."returned" = d.r AND c."unproven" = d.u;
  ELSIF TG_OP = 'INSERT' THEN
    INSERT INTO "AidDistributionTotal" AS c ("tenantId", "programmeId", "kind", "status", "returned", "unproven", "entries", "amount")
    SELECT "tenantId", "programmeId", "kind", "status", "returnedAt" IS NOT NULL, ("proofRef" IS NULL AND "reversesId" IS NULL),
           count(*)::int, sum("value")::bigint
      FROM new_rows GROUP BY 1, 2, 3, 4, 5, 6
     ORDER BY 1, 2, 3, 4, 5, 6
    ON CONFLICT ("tenantId", "programmeId", "kind", "status", "returned", "unproven")
      DO UPDATE SET "entries" = c."entries" + EXCLUDED."entries", "amount" = c."amount" + EXCLUDED."amount";
  ELSE
    INSERT INTO "AidDistributionTotal" AS c ("tenantId", "programmeId", "kind", "status", "returned", "unproven", "entries", "amount")
    SELECT t, p, k, s, r, u, sum(n)::int, sum(v)::bigint FROM (
      SELECT "tenantId" t, "programmeId" p, "kind" k, "status" s, "returnedAt" IS NOT NULL r, ("proofRef" IS NULL AND "reversesId" IS NULL) u,
             1 n, "value" v FROM new_rows
      UNION ALL
      SELECT "tenantId", "programmeId", "kind", "status", "returnedAt" IS NOT NULL, ("proofRef" IS NULL AND "reversesId" IS NULL),
             -1, -"value" FROM old_rows
    ) d GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(n) <> 0 OR sum(v) <> 0
    ORDER BY 1, 2, 3, 4, 5, 6
    ON CONFLICT ("tenantId", "programmeId", "kind", "status", "returned", "unproven")
      DO UPDATE SET "entries" = c."entries" + EXCLUDED."entries", "amount" = c."amount" + EXCLUDED."amount";
  END IF;
  IF TG_OP <> 'INSERT' THEN
    DELETE FROM "AidDistributionTotal" c
     WHERE c."entries" = 0 AND (c."tenantId", c."programmeId") IN (SELECT "tenantId", "programmeId" FROM old_rows);
  END IF;
  RETURN NULL;
END
$$;

DROP TRIGGER IF EXISTS entas_aid_totals_insert ON "AidDistribution";
CREATE TRIGGER entas_aid_totals_insert AFTER INSERT ON "AidDistribution"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION entas_aid_totals();
DROP TRIGGER IF EXISTS entas_aid_totals_update ON "AidDistribution";
CREATE TRIGGER entas_aid_totals_update AFTER UPDATE ON "AidDistribution"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION entas_aid_totals();
DROP TRIGGER IF EXISTS entas_aid_totals_delete ON "AidDistribution";
CREATE TRIGGER entas_aid_totals_delete AFTER DELETE ON "AidDistribution"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION entas_aid_totals();

-- Recounts one tenant (NULL: every tenant) from the distributions: after bulk loads made with
-- the triggers off (scripts/bench/generate-city.ts), after this table's migration, and to check
-- the triggers.
CREATE OR REPLACE FUNCTION entas_aid_totals_rebuild(p_tenant text) RETURNS void
  LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "AidDistributionTotal" WHERE p_tenant IS NULL OR "tenantId" = p_tenant;
  INSERT INTO "AidDistributionTotal" ("tenantId", "programmeId", "kind", "status", "returned", "unproven", "entries", "amount")
  SELECT "tenantId", "programmeId", "kind", "status", "returnedAt" IS NOT NULL, ("proofRef" IS NULL AND "reversesId" IS NULL),
         count(*)::int, sum("value")::bigint
    FROM "AidDistribution" WHERE p_tenant IS NULL OR "tenantId" = p_tenant
   GROUP BY 1, 2, 3, 4, 5, 6;
END
$$;
-- ─── end repeatable summaries/aid-totals.sql ───

-- What was written before, counted whole.
SELECT entas_aid_totals_rebuild(NULL);
ANALYZE "AidDistributionTotal";
