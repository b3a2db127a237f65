-- CreateTable
CREATE TABLE "PersonalDataDisclosure" (
    "tenantId" TEXT NOT NULL,
    "auditLogId" BIGINT NOT NULL,
    "householdId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PersonalDataDisclosure_pkey" PRIMARY KEY ("tenantId","householdId","auditLogId")
);

-- CreateIndex
CREATE INDEX "PersonalDataDisclosure_auditLogId_idx" ON "PersonalDataDisclosure"("auditLogId");

-- AddForeignKey
ALTER TABLE "PersonalDataDisclosure" ADD CONSTRAINT "PersonalDataDisclosure_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PersonalDataDisclosure" ADD CONSTRAINT "PersonalDataDisclosure_auditLogId_fkey" FOREIGN KEY ("auditLogId") REFERENCES "AuditLog"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Tenant isolation (prisma/sql/tenancy.sql).
SELECT entas_enable_tenant_rls('PersonalDataDisclosure');
