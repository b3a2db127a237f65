-- A reference (SP2D / SPJ) is taken by an entry unless the entry's reversal is verified, as an
-- aid proof number is: the clerk then records the corrected spending with the same number. The
-- reversed entry keeps its number (referenceNo) for the record; only the compared key drops out.
ALTER TABLE "BudgetRealisation" ADD COLUMN "reversedAt" TIMESTAMP(3);

UPDATE "BudgetRealisation" e
SET "reversedAt" = COALESCE(r."verifiedAt", r."createdAt")
FROM "BudgetRealisation" r
WHERE r."tenantId" = e."tenantId" AND r."reversesId" = e."id" AND r."status" = 'VERIFIED';

DROP INDEX "BudgetRealisation_tenantId_referenceKey_key";
ALTER TABLE "BudgetRealisation" DROP COLUMN "referenceKey";
ALTER TABLE "BudgetRealisation"
  ADD COLUMN "referenceKey" TEXT GENERATED ALWAYS AS (
    CASE WHEN "reversedAt" IS NULL THEN NULLIF(upper(regexp_replace(btrim("referenceNo"), '\s+', ' ', 'g')), '') END
  ) STORED;
CREATE UNIQUE INDEX "BudgetRealisation_tenantId_referenceKey_key" ON "BudgetRealisation"("tenantId", "referenceKey");
