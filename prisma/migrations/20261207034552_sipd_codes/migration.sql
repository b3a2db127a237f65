-- SIPD codes: a programme's sub-kegiatan code (U.BB.PP.K.KK.SSSS, all six parts) and a budget
-- line's account code (kode rekening: 4/5/6, then 1, 2, 2, 2 and 4 digits, at least three parts).
-- The checks repeat features/budget/sipd-codes.ts so a write that skips the forms still fits.

-- AlterTable
ALTER TABLE "BudgetLine" ADD COLUMN     "accountCode" TEXT;

-- AlterTable
ALTER TABLE "Programme" ADD COLUMN     "sipdCode" TEXT;

ALTER TABLE "Programme" ADD CONSTRAINT "Programme_sipdCode_check"
  CHECK ("sipdCode" ~ '^[0-9]\.[0-9]{2}\.[0-9]{2}\.[0-9]\.[0-9]{2}\.[0-9]{4}$');

ALTER TABLE "BudgetLine" ADD CONSTRAINT "BudgetLine_accountCode_check"
  CHECK ("accountCode" ~ '^[4-6]\.[0-9]\.[0-9]{2}(\.[0-9]{2}(\.[0-9]{2}(\.[0-9]{4})?)?)?$');

-- CreateIndex
CREATE INDEX "Programme_tenantId_sipdCode_idx" ON "Programme"("tenantId", "sipdCode");
