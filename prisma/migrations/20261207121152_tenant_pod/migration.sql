-- AlterTable
ALTER TABLE "Tenant" ADD COLUMN     "movingSince" TIMESTAMP(3),
ADD COLUMN     "pod" TEXT NOT NULL DEFAULT 'main';
