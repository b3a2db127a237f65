-- CreateEnum
CREATE TYPE "AidBudgetMode" AS ENUM ('AID_IS_REALISATION', 'ON_TOP');

-- AlterTable
ALTER TABLE "BudgetLine" ADD COLUMN     "aidMode" "AidBudgetMode" NOT NULL DEFAULT 'AID_IS_REALISATION';

-- CreateIndex
CREATE INDEX "AidDistribution_tenantId_budgetLineId_status_idx" ON "AidDistribution"("tenantId", "budgetLineId", "status");

-- A partner's or other funder's line is not paid by SP2D: its aid is spending of its own.
-- The city's own money (APBD, DAK, fiscal incentive) keeps counting realisations only.
UPDATE "BudgetLine" SET "aidMode" = 'ON_TOP' WHERE "fundingSource" IN ('CSR', 'OTHER');
