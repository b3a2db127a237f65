-- AlterTable
ALTER TABLE "BackgroundJob" ADD COLUMN     "errorKey" TEXT,
ADD COLUMN     "errorParams" JSONB,
ADD COLUMN     "heartbeatAt" TIMESTAMP(3),
ADD COLUMN     "queueJobId" TEXT;

-- CreateIndex
CREATE INDEX "BackgroundJob_tenantId_state_idx" ON "BackgroundJob"("tenantId", "state");
