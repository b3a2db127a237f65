-- CreateIndex
CREATE INDEX "Household_tenantId_desil_id_idx" ON "Household"("tenantId", "desil", "id");
