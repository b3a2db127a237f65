-- AlterTable
ALTER TABLE "Area" ADD COLUMN     "officialName" TEXT,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;
