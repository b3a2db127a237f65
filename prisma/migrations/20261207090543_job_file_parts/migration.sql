-- A job's uploaded file moves from one bytea column into pieces of at most 1 MiB, written as
-- the upload arrives and read back piece by piece (lib/jobs/job-file.ts).

-- CreateTable
CREATE TABLE "JobFilePart" (
    "tenantId" TEXT NOT NULL,
    "jobId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "bytes" BYTEA NOT NULL,

    CONSTRAINT "JobFilePart_pkey" PRIMARY KEY ("tenantId","jobId","seq")
);

-- AddForeignKey
ALTER TABLE "JobFilePart" ADD CONSTRAINT "JobFilePart_tenantId_jobId_fkey" FOREIGN KEY ("tenantId", "jobId") REFERENCES "BackgroundJob"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

SELECT entas_enable_tenant_rls('JobFilePart');

-- A job waiting at deployment keeps its file, as one piece.
INSERT INTO "JobFilePart" ("tenantId", "jobId", "seq", "bytes")
SELECT "tenantId", "id", 0, "file" FROM "BackgroundJob" WHERE "file" IS NOT NULL;

-- AlterTable
ALTER TABLE "BackgroundJob" DROP COLUMN "file";
