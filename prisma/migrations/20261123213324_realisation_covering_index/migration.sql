-- CreateIndex
CREATE INDEX "BudgetRealisation_tenantId_budgetLineId_status_month_amount_idx" ON "BudgetRealisation"("tenantId", "budgetLineId", "status", "month", "amount");
