-- CreateIndex
CREATE INDEX "Household_tenantId_kelurahanId_noKk_idx" ON "Household"("tenantId", "kelurahanId", "noKk");
