-- DropIndex
DROP INDEX "Member_tenantId_name_idx";

-- CreateIndex
CREATE INDEX "Member_tenantId_name_householdId_idx" ON "Member"("tenantId", "name", "householdId");
