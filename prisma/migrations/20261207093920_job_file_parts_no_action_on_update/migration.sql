-- DropForeignKey
ALTER TABLE "JobFilePart" DROP CONSTRAINT "JobFilePart_tenantId_jobId_fkey";

-- AddForeignKey
ALTER TABLE "JobFilePart" ADD CONSTRAINT "JobFilePart_tenantId_jobId_fkey" FOREIGN KEY ("tenantId", "jobId") REFERENCES "BackgroundJob"("tenantId", "id") ON DELETE CASCADE ON UPDATE NO ACTION;
