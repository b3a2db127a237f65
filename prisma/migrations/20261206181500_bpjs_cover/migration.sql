-- BPJS Ketenagakerjaan premiums as cover: the member's KPJ number, the first month covered,
-- the last (generated from the months covered) and the premium per month.
ALTER TABLE "AidDistribution" ADD COLUMN     "bpjsNumber" TEXT,
ADD COLUMN     "coverageStart" DATE,
ADD COLUMN     "premiumPerMonth" BIGINT;

ALTER TABLE "AidDistribution"
  ADD COLUMN "coverageEnd" DATE GENERATED ALWAYS AS (("coverageStart" + ("monthsCovered" - 1) * INTERVAL '1 month')::date) STORED;

-- Premiums recorded before: cover starts in the month of the hand-over; the premium is the
-- value spread over the months where it divides into whole Rupiah (a reversal's too, by size).
UPDATE "AidDistribution"
SET "coverageStart" = date_trunc('month', "distributedAt")::date,
    "premiumPerMonth" = CASE WHEN abs("value") % "monthsCovered" = 0 THEN abs("value") / "monthsCovered" END
WHERE "kind" = 'INSURANCE_PREMIUM' AND "monthsCovered" >= 1;

ALTER TABLE "AidDistribution"
  ADD CONSTRAINT "AidDistribution_coverageStart_month_check" CHECK ("coverageStart" IS NULL OR EXTRACT(DAY FROM "coverageStart") = 1),
  ADD CONSTRAINT "AidDistribution_premium_check" CHECK (
    "premiumPerMonth" IS NULL OR ("premiumPerMonth" > 0 AND "monthsCovered" >= 1 AND abs("value") = "premiumPerMonth" * "monthsCovered")
  );

-- CreateIndex
CREATE INDEX "AidDistribution_tenantId_coverageEnd_idx" ON "AidDistribution"("tenantId", "coverageEnd");

-- CreateIndex
CREATE INDEX "AidDistribution_tenantId_memberId_coverageStart_idx" ON "AidDistribution"("tenantId", "memberId", "coverageStart");
