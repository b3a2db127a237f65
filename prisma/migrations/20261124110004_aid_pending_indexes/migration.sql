-- The aid page at 1,000,000 households (issue 8): its list of drafts awaiting the OPD head
-- (oldest first) and their count read every draft of the city through a scan of all aid, about
-- a second each. Drafts are now found by programme and status, and listed oldest first by index.
-- DropIndex
DROP INDEX "AidDistribution_tenantId_programmeId_idx";

-- CreateIndex
CREATE INDEX "AidDistribution_tenantId_programmeId_status_idx" ON "AidDistribution"("tenantId", "programmeId", "status");

-- CreateIndex
CREATE INDEX "AidDistribution_tenantId_status_createdAt_id_idx" ON "AidDistribution"("tenantId", "status", "createdAt", "id");
