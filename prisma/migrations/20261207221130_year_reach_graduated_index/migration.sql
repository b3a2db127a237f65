-- CreateIndex
CREATE INDEX "HouseholdYearReach_graduated_idx" ON "HouseholdYearReach"("tenantId", "fiscalYear", "householdId") WHERE ("graduated" = true);
