-- AlterTable
ALTER TABLE "Opd" ADD COLUMN     "decidesRegistryChanges" BOOLEAN NOT NULL DEFAULT false;

-- Until now Dinas Sosial was recognised by its code; cities that already run keep that.
UPDATE "Opd" SET "decidesRegistryChanges" = true WHERE "code" = '1.06';
