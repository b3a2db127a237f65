-- DropIndex
DROP INDEX "Household_tenantId_isExtremePoor_desil_idx";

-- AlterTable
ALTER TABLE "AidDistribution" ADD COLUMN     "duplicateAcknowledged" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "monthsCovered" INTEGER,
ADD COLUMN     "note" TEXT,
ADD COLUMN     "trainingParticipantId" TEXT;

-- CreateIndex
CREATE INDEX "AidDistribution_tenantId_reversesId_idx" ON "AidDistribution"("tenantId", "reversesId");

-- CreateIndex
CREATE INDEX "AidDistribution_tenantId_distributedAt_id_idx" ON "AidDistribution"("tenantId", "distributedAt", "id");

-- CreateIndex
CREATE INDEX "Household_tenantId_isExtremePoor_desil_id_idx" ON "Household"("tenantId", "isExtremePoor", "desil", "id");

-- CreateIndex
CREATE INDEX "Household_tenantId_kelurahanId_isExtremePoor_desil_id_idx" ON "Household"("tenantId", "kelurahanId", "isExtremePoor", "desil", "id");

-- CreateIndex
CREATE INDEX "Household_tenantId_kecamatanId_isExtremePoor_desil_id_idx" ON "Household"("tenantId", "kecamatanId", "isExtremePoor", "desil", "id");

-- AddForeignKey
ALTER TABLE "AidDistribution" ADD CONSTRAINT "AidDistribution_tenantId_trainingParticipantId_fkey" FOREIGN KEY ("tenantId", "trainingParticipantId") REFERENCES "TrainingParticipant"("tenantId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;
