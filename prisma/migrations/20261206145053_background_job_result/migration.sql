-- AlterTable
ALTER TABLE "BackgroundJob" ADD COLUMN     "result" JSONB;
