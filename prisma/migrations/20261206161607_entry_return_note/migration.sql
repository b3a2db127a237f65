-- An OPD head may send a draft back with a note; the clerk's resubmission clears it.
ALTER TABLE "BudgetRealisation" ADD COLUMN "returnNote" TEXT, ADD COLUMN "returnedAt" TIMESTAMP(3), ADD COLUMN "returnedById" TEXT;
ALTER TABLE "Training" ADD COLUMN "returnNote" TEXT, ADD COLUMN "returnedAt" TIMESTAMP(3), ADD COLUMN "returnedById" TEXT;
ALTER TABLE "TrainingParticipant" ADD COLUMN "returnNote" TEXT, ADD COLUMN "returnedAt" TIMESTAMP(3), ADD COLUMN "returnedById" TEXT;
ALTER TABLE "AidDistribution" ADD COLUMN "returnNote" TEXT, ADD COLUMN "returnedAt" TIMESTAMP(3), ADD COLUMN "returnedById" TEXT;
