-- CreateTable
CREATE TABLE "ExportFile" (
    "tenantId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "jobId" TEXT NOT NULL,
    "createdById" TEXT,
    "fileName" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "bytes" BYTEA NOT NULL,
    "rowCount" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ExportFile_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateIndex
CREATE INDEX "ExportFile_tenantId_expiresAt_idx" ON "ExportFile"("tenantId", "expiresAt");

-- AddForeignKey
ALTER TABLE "ExportFile" ADD CONSTRAINT "ExportFile_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

SELECT entas_enable_tenant_rls('ExportFile');
