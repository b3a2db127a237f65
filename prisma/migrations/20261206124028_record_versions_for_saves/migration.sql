-- AlterTable
ALTER TABLE "RetentionSetting" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Target" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;
