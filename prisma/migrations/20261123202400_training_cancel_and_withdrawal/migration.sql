-- AlterTable
ALTER TABLE "Training" ADD COLUMN     "cancelReason" TEXT,
ADD COLUMN     "cancelledAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "TrainingParticipant" ADD COLUMN     "dropReason" TEXT,
ADD COLUMN     "droppedAt" TIMESTAMP(3);
