-- CreateTable
CREATE TABLE "RetentionSetting" (
    "tenantId" TEXT NOT NULL,
    "auditMonths" INTEGER NOT NULL DEFAULT 60,
    "importReportDays" INTEGER NOT NULL DEFAULT 30,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RetentionSetting_pkey" PRIMARY KEY ("tenantId")
);

-- AddForeignKey
ALTER TABLE "RetentionSetting" ADD CONSTRAINT "RetentionSetting_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A tenant-owned table: row-level security as every other (prisma/sql/tenancy.sql).
SELECT entas_enable_tenant_rls('RetentionSetting');
