-- The training lists (the year's trainings, the follow-up page's training choices) read in their
-- order, newest start first then id, from a range of start dates instead of sorting every
-- training of the city.

-- CreateIndex
CREATE INDEX "Training_tenantId_startDate_id_idx" ON "Training"("tenantId", "startDate" DESC, "id");
