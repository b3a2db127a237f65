-- CreateEnum
CREATE TYPE "TenantKind" AS ENUM ('KOTA', 'KABUPATEN');

-- CreateEnum
CREATE TYPE "AreaLevel" AS ENUM ('KECAMATAN', 'KELURAHAN');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('PLATFORM_ADMIN', 'CITY_ADMIN', 'OPD_STAFF', 'OPD_HEAD', 'BAPEDA', 'MAYOR_OFFICE', 'KELURAHAN', 'AUDITOR');

-- CreateEnum
CREATE TYPE "RegistrySource" AS ENUM ('DTKS', 'DTSEN', 'P3KE', 'LOCAL');

-- CreateEnum
CREATE TYPE "HouseholdStatus" AS ENUM ('ACTIVE', 'GRADUATED', 'MOVED', 'DECEASED');

-- CreateEnum
CREATE TYPE "Sex" AS ENUM ('MALE', 'FEMALE');

-- CreateEnum
CREATE TYPE "FamilyRelation" AS ENUM ('HEAD', 'SPOUSE', 'CHILD', 'CHILD_IN_LAW', 'GRANDCHILD', 'PARENT', 'PARENT_IN_LAW', 'OTHER_RELATIVE', 'HOUSEHOLD_HELPER', 'OTHER');

-- CreateEnum
CREATE TYPE "Education" AS ENUM ('NONE', 'NOT_FINISHED_SD', 'SD', 'SMP', 'SMA', 'DIPLOMA', 'BACHELOR', 'POSTGRADUATE');

-- CreateEnum
CREATE TYPE "Disability" AS ENUM ('PHYSICAL', 'INTELLECTUAL', 'MENTAL', 'SENSORY', 'MULTIPLE');

-- CreateEnum
CREATE TYPE "ChangeSource" AS ENUM ('IMPORT', 'MANUAL', 'CHANGE_REQUEST', 'SEED');

-- CreateEnum
CREATE TYPE "ProgrammeKind" AS ENUM ('TRAINING', 'EQUIPMENT_AID', 'CAPITAL_AID', 'FOOD_AID', 'SEEDLINGS', 'HOUSING', 'INSURANCE_PREMIUM', 'SOCIAL_ASSISTANCE', 'REVOLVING_FUND', 'OTHER');

-- CreateEnum
CREATE TYPE "TargetUnit" AS ENUM ('PERSON', 'HOUSEHOLD');

-- CreateEnum
CREATE TYPE "FundingSource" AS ENUM ('APBD', 'FISCAL_INCENTIVE', 'DAK', 'CSR', 'OTHER');

-- CreateEnum
CREATE TYPE "EntryStatus" AS ENUM ('DRAFT', 'VERIFIED');

-- CreateEnum
CREATE TYPE "ParticipantCompletion" AS ENUM ('ENROLLED', 'COMPLETED', 'DROPPED');

-- CreateEnum
CREATE TYPE "TrainingOutcome" AS ENUM ('BUSINESS_OPENED', 'EMPLOYED', 'NEITHER');

-- CreateEnum
CREATE TYPE "AidKind" AS ENUM ('EQUIPMENT', 'CAPITAL', 'FOOD', 'SEEDLINGS', 'HOUSING', 'INSURANCE_PREMIUM', 'CASH', 'OTHER');

-- CreateEnum
CREATE TYPE "LoanStatus" AS ENUM ('PROPOSED', 'APPROVED', 'REJECTED', 'DISBURSED', 'REPAID', 'WRITTEN_OFF');

-- CreateEnum
CREATE TYPE "TargetIndicator" AS ENUM ('POVERTY_RATE', 'EXTREME_POVERTY_RATE', 'POOR_PEOPLE', 'EXTREME_POOR_PEOPLE', 'EXTREME_POOR_HOUSEHOLDS');

-- CreateEnum
CREATE TYPE "ImportKind" AS ENUM ('REGISTRY', 'PARTICIPANTS', 'DISTRIBUTIONS', 'REALISATION', 'REPAYMENTS', 'STATISTICS');

-- CreateEnum
CREATE TYPE "ImportStatus" AS ENUM ('DRY_RUN', 'COMMITTED', 'FAILED');

-- CreateEnum
CREATE TYPE "ChangeRequestKind" AS ENUM ('NEW_MEMBER', 'ADDRESS', 'STATUS', 'CORRECTION');

-- CreateEnum
CREATE TYPE "DecisionStatus" AS ENUM ('PENDING', 'APPROVED', 'REJECTED');

-- CreateEnum
CREATE TYPE "DuplicateKind" AS ENUM ('NIK_IN_TWO_HOUSEHOLDS', 'SIMILAR_PERSON', 'SAME_ADDRESS_AND_HEAD');

-- CreateEnum
CREATE TYPE "DuplicateStatus" AS ENUM ('OPEN', 'MERGED', 'DISMISSED');

-- CreateTable
CREATE TABLE "Tenant" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "TenantKind" NOT NULL DEFAULT 'KOTA',
    "kemendagriCode" TEXT NOT NULL,
    "provinceName" TEXT NOT NULL,
    "timeZone" TEXT NOT NULL DEFAULT 'Asia/Jakarta',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Tenant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Area" (
    "tenantId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "level" "AreaLevel" NOT NULL,
    "parentId" TEXT,

    CONSTRAINT "Area_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateTable
CREATE TABLE "Opd" (
    "tenantId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "shortName" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Opd_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "opdId" TEXT,
    "kelurahanId" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "sessionVersion" INTEGER NOT NULL DEFAULT 0,
    "passwordChangedAt" TIMESTAMP(3),
    "lastLoginAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RateLimit" (
    "key" TEXT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "lockedUntil" TIMESTAMP(3),

    CONSTRAINT "RateLimit_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "Household" (
    "tenantId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "noKk" TEXT NOT NULL,
    "registrySource" "RegistrySource" NOT NULL DEFAULT 'DTSEN',
    "registryId" TEXT,
    "address" TEXT NOT NULL,
    "rt" TEXT,
    "rw" TEXT,
    "kecamatanId" TEXT NOT NULL,
    "kelurahanId" TEXT NOT NULL,
    "desil" INTEGER,
    "isExtremePoor" BOOLEAN NOT NULL DEFAULT false,
    "status" "HouseholdStatus" NOT NULL DEFAULT 'ACTIVE',
    "statusChangedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Household_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateTable
CREATE TABLE "Member" (
    "tenantId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "householdId" TEXT NOT NULL,
    "nik" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "sex" "Sex" NOT NULL,
    "birthPlace" TEXT,
    "birthDate" DATE NOT NULL,
    "relation" "FamilyRelation" NOT NULL,
    "education" "Education",
    "occupation" TEXT,
    "disability" "Disability",
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Member_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateTable
CREATE TABLE "HouseholdStatusEvent" (
    "tenantId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "householdId" TEXT NOT NULL,
    "fromStatus" "HouseholdStatus",
    "toStatus" "HouseholdStatus" NOT NULL,
    "fromExtremePoor" BOOLEAN,
    "toExtremePoor" BOOLEAN NOT NULL,
    "effectiveDate" DATE NOT NULL,
    "reason" TEXT NOT NULL,
    "source" "ChangeSource" NOT NULL,
    "decidedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "HouseholdStatusEvent_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateTable
CREATE TABLE "HouseholdDesilChange" (
    "tenantId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "householdId" TEXT NOT NULL,
    "fromDesil" INTEGER,
    "toDesil" INTEGER,
    "effectiveDate" DATE NOT NULL,
    "source" "ChangeSource" NOT NULL,
    "importJobId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "HouseholdDesilChange_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateTable
CREATE TABLE "Programme" (
    "tenantId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "opdId" TEXT NOT NULL,
    "fiscalYear" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "ProgrammeKind" NOT NULL,
    "description" TEXT,
    "targetUnit" "TargetUnit" NOT NULL DEFAULT 'HOUSEHOLD',
    "targetCount" INTEGER NOT NULL DEFAULT 0,
    "targetExtremeCount" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Programme_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateTable
CREATE TABLE "BudgetLine" (
    "tenantId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "programmeId" TEXT NOT NULL,
    "fundingSource" "FundingSource" NOT NULL,
    "description" TEXT NOT NULL,
    "pagu" BIGINT NOT NULL,
    "partnerName" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BudgetLine_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateTable
CREATE TABLE "BudgetRealisation" (
    "tenantId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "budgetLineId" TEXT NOT NULL,
    "month" INTEGER NOT NULL,
    "amount" BIGINT NOT NULL,
    "note" TEXT,
    "status" "EntryStatus" NOT NULL DEFAULT 'DRAFT',
    "createdById" TEXT,
    "verifiedById" TEXT,
    "verifiedAt" TIMESTAMP(3),
    "reversesId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BudgetRealisation_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateTable
CREATE TABLE "Training" (
    "tenantId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "programmeId" TEXT NOT NULL,
    "opdId" TEXT NOT NULL,
    "skill" TEXT NOT NULL,
    "startDate" DATE NOT NULL,
    "endDate" DATE NOT NULL,
    "place" TEXT NOT NULL,
    "trainer" TEXT,
    "capacity" INTEGER NOT NULL,
    "status" "EntryStatus" NOT NULL DEFAULT 'DRAFT',
    "createdById" TEXT,
    "verifiedById" TEXT,
    "verifiedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Training_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateTable
CREATE TABLE "TrainingParticipant" (
    "tenantId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "trainingId" TEXT NOT NULL,
    "householdId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "completion" "ParticipantCompletion" NOT NULL DEFAULT 'ENROLLED',
    "certificateNo" TEXT,
    "status" "EntryStatus" NOT NULL DEFAULT 'DRAFT',
    "createdById" TEXT,
    "verifiedById" TEXT,
    "verifiedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TrainingParticipant_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateTable
CREATE TABLE "TrainingAttendance" (
    "tenantId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "participantId" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "present" BOOLEAN NOT NULL,

    CONSTRAINT "TrainingAttendance_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateTable
CREATE TABLE "TrainingFollowUp" (
    "tenantId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "participantId" TEXT NOT NULL,
    "monthsAfter" INTEGER NOT NULL,
    "dueDate" DATE NOT NULL,
    "outcome" "TrainingOutcome",
    "note" TEXT,
    "recordedById" TEXT,
    "recordedAt" TIMESTAMP(3),

    CONSTRAINT "TrainingFollowUp_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateTable
CREATE TABLE "AidDistribution" (
    "tenantId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "programmeId" TEXT NOT NULL,
    "opdId" TEXT NOT NULL,
    "budgetLineId" TEXT,
    "householdId" TEXT NOT NULL,
    "memberId" TEXT,
    "kind" "AidKind" NOT NULL,
    "items" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL DEFAULT 1,
    "value" BIGINT NOT NULL,
    "distributedAt" DATE NOT NULL,
    "handedOverBy" TEXT,
    "proofRef" TEXT,
    "partnerName" TEXT,
    "status" "EntryStatus" NOT NULL DEFAULT 'DRAFT',
    "createdById" TEXT,
    "verifiedById" TEXT,
    "verifiedAt" TIMESTAMP(3),
    "reversesId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AidDistribution_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateTable
CREATE TABLE "RevolvingFund" (
    "tenantId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "kelurahanId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "lpmName" TEXT,
    "maxLoan" BIGINT NOT NULL,
    "maxTenorMonths" INTEGER NOT NULL,
    "serviceFeeBps" INTEGER NOT NULL DEFAULT 0,
    "graceMonths" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RevolvingFund_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateTable
CREATE TABLE "RevolvingFundCapital" (
    "tenantId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "fundId" TEXT NOT NULL,
    "amount" BIGINT NOT NULL,
    "source" "FundingSource" NOT NULL,
    "receivedAt" DATE NOT NULL,
    "note" TEXT,

    CONSTRAINT "RevolvingFundCapital_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateTable
CREATE TABLE "Loan" (
    "tenantId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "fundId" TEXT NOT NULL,
    "round" INTEGER NOT NULL DEFAULT 1,
    "borrowerNik" TEXT NOT NULL,
    "borrowerName" TEXT NOT NULL,
    "memberId" TEXT,
    "householdId" TEXT,
    "isYouth" BOOLEAN NOT NULL DEFAULT false,
    "businessType" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "principal" BIGINT NOT NULL,
    "tenorMonths" INTEGER NOT NULL,
    "serviceFee" BIGINT NOT NULL DEFAULT 0,
    "graceMonths" INTEGER NOT NULL DEFAULT 0,
    "status" "LoanStatus" NOT NULL DEFAULT 'PROPOSED',
    "approvedByName" TEXT,
    "approvedById" TEXT,
    "approvedAt" TIMESTAMP(3),
    "disbursedAt" DATE,
    "overdueOverride" BOOLEAN NOT NULL DEFAULT false,
    "overrideReason" TEXT,
    "writtenOffAt" DATE,
    "writeOffReason" TEXT,
    "writeOffApprover" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Loan_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateTable
CREATE TABLE "LoanInstallment" (
    "tenantId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "loanId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "dueDate" DATE NOT NULL,
    "principalDue" BIGINT NOT NULL,
    "feeDue" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "LoanInstallment_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateTable
CREATE TABLE "Repayment" (
    "tenantId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "loanId" TEXT NOT NULL,
    "paidAt" DATE NOT NULL,
    "amount" BIGINT NOT NULL,
    "principalPart" BIGINT NOT NULL,
    "feePart" BIGINT NOT NULL DEFAULT 0,
    "receiptNo" TEXT,
    "note" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Repayment_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateTable
CREATE TABLE "PovertyStatistic" (
    "tenantId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "areaId" TEXT,
    "povertyRatePct" DECIMAL(6,2),
    "poorPeople" INTEGER,
    "extremePoorPeople" INTEGER,
    "extremeRatePct" DECIMAL(6,2),
    "p1" DECIMAL(6,3),
    "p2" DECIMAL(6,3),
    "source" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PovertyStatistic_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateTable
CREATE TABLE "Target" (
    "tenantId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "indicator" "TargetIndicator" NOT NULL,
    "year" INTEGER NOT NULL,
    "value" DECIMAL(14,2) NOT NULL,
    "areaId" TEXT,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Target_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateTable
CREATE TABLE "ImportJob" (
    "tenantId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "kind" "ImportKind" NOT NULL,
    "fileName" TEXT NOT NULL,
    "status" "ImportStatus" NOT NULL DEFAULT 'DRY_RUN',
    "totalRows" INTEGER NOT NULL DEFAULT 0,
    "newRows" INTEGER NOT NULL DEFAULT 0,
    "changedRows" INTEGER NOT NULL DEFAULT 0,
    "sameRows" INTEGER NOT NULL DEFAULT 0,
    "rejectedRows" INTEGER NOT NULL DEFAULT 0,
    "report" JSONB,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "committedAt" TIMESTAMP(3),

    CONSTRAINT "ImportJob_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateTable
CREATE TABLE "ChangeRequest" (
    "tenantId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "householdId" TEXT NOT NULL,
    "kind" "ChangeRequestKind" NOT NULL,
    "payload" JSONB NOT NULL,
    "note" TEXT,
    "status" "DecisionStatus" NOT NULL DEFAULT 'PENDING',
    "proposedById" TEXT NOT NULL,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "decisionReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ChangeRequest_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateTable
CREATE TABLE "DuplicateCandidate" (
    "tenantId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "kind" "DuplicateKind" NOT NULL,
    "firstId" TEXT NOT NULL,
    "secondId" TEXT NOT NULL,
    "detail" JSONB,
    "status" "DuplicateStatus" NOT NULL DEFAULT 'OPEN',
    "resolvedById" TEXT,
    "resolvedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DuplicateCandidate_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" BIGSERIAL NOT NULL,
    "tenantId" TEXT,
    "userId" TEXT,
    "action" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "entityId" TEXT,
    "before" JSONB,
    "after" JSONB,
    "requestId" TEXT,
    "ip" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Tenant_slug_key" ON "Tenant"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Tenant_kemendagriCode_key" ON "Tenant"("kemendagriCode");

-- CreateIndex
CREATE INDEX "Area_tenantId_level_parentId_idx" ON "Area"("tenantId", "level", "parentId");

-- CreateIndex
CREATE UNIQUE INDEX "Area_tenantId_code_key" ON "Area"("tenantId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "Opd_tenantId_code_key" ON "Opd"("tenantId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "User_tenantId_role_idx" ON "User"("tenantId", "role");

-- CreateIndex
CREATE UNIQUE INDEX "User_tenantId_id_key" ON "User"("tenantId", "id");

-- CreateIndex
CREATE INDEX "Household_tenantId_kelurahanId_desil_idx" ON "Household"("tenantId", "kelurahanId", "desil");

-- CreateIndex
CREATE INDEX "Household_tenantId_kecamatanId_desil_idx" ON "Household"("tenantId", "kecamatanId", "desil");

-- CreateIndex
CREATE INDEX "Household_tenantId_isExtremePoor_desil_idx" ON "Household"("tenantId", "isExtremePoor", "desil");

-- CreateIndex
CREATE INDEX "Household_tenantId_status_idx" ON "Household"("tenantId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Household_tenantId_noKk_key" ON "Household"("tenantId", "noKk");

-- CreateIndex
CREATE INDEX "Member_tenantId_householdId_idx" ON "Member"("tenantId", "householdId");

-- CreateIndex
CREATE INDEX "Member_tenantId_name_idx" ON "Member"("tenantId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "Member_tenantId_nik_key" ON "Member"("tenantId", "nik");

-- CreateIndex
CREATE INDEX "HouseholdStatusEvent_tenantId_householdId_effectiveDate_idx" ON "HouseholdStatusEvent"("tenantId", "householdId", "effectiveDate");

-- CreateIndex
CREATE INDEX "HouseholdStatusEvent_tenantId_effectiveDate_idx" ON "HouseholdStatusEvent"("tenantId", "effectiveDate");

-- CreateIndex
CREATE INDEX "HouseholdDesilChange_tenantId_householdId_effectiveDate_idx" ON "HouseholdDesilChange"("tenantId", "householdId", "effectiveDate");

-- CreateIndex
CREATE INDEX "Programme_tenantId_fiscalYear_kind_idx" ON "Programme"("tenantId", "fiscalYear", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "Programme_tenantId_opdId_fiscalYear_name_key" ON "Programme"("tenantId", "opdId", "fiscalYear", "name");

-- CreateIndex
CREATE INDEX "BudgetLine_tenantId_programmeId_idx" ON "BudgetLine"("tenantId", "programmeId");

-- CreateIndex
CREATE INDEX "BudgetLine_tenantId_fundingSource_idx" ON "BudgetLine"("tenantId", "fundingSource");

-- CreateIndex
CREATE INDEX "BudgetRealisation_tenantId_budgetLineId_month_idx" ON "BudgetRealisation"("tenantId", "budgetLineId", "month");

-- CreateIndex
CREATE INDEX "BudgetRealisation_tenantId_status_idx" ON "BudgetRealisation"("tenantId", "status");

-- CreateIndex
CREATE INDEX "Training_tenantId_programmeId_idx" ON "Training"("tenantId", "programmeId");

-- CreateIndex
CREATE INDEX "Training_tenantId_opdId_startDate_idx" ON "Training"("tenantId", "opdId", "startDate");

-- CreateIndex
CREATE INDEX "TrainingParticipant_tenantId_householdId_idx" ON "TrainingParticipant"("tenantId", "householdId");

-- CreateIndex
CREATE INDEX "TrainingParticipant_tenantId_memberId_idx" ON "TrainingParticipant"("tenantId", "memberId");

-- CreateIndex
CREATE UNIQUE INDEX "TrainingParticipant_tenantId_trainingId_memberId_key" ON "TrainingParticipant"("tenantId", "trainingId", "memberId");

-- CreateIndex
CREATE UNIQUE INDEX "TrainingAttendance_tenantId_participantId_date_key" ON "TrainingAttendance"("tenantId", "participantId", "date");

-- CreateIndex
CREATE INDEX "TrainingFollowUp_tenantId_dueDate_idx" ON "TrainingFollowUp"("tenantId", "dueDate");

-- CreateIndex
CREATE UNIQUE INDEX "TrainingFollowUp_tenantId_participantId_monthsAfter_key" ON "TrainingFollowUp"("tenantId", "participantId", "monthsAfter");

-- CreateIndex
CREATE INDEX "AidDistribution_tenantId_householdId_kind_distributedAt_idx" ON "AidDistribution"("tenantId", "householdId", "kind", "distributedAt");

-- CreateIndex
CREATE INDEX "AidDistribution_tenantId_programmeId_idx" ON "AidDistribution"("tenantId", "programmeId");

-- CreateIndex
CREATE INDEX "AidDistribution_tenantId_opdId_status_idx" ON "AidDistribution"("tenantId", "opdId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "RevolvingFund_tenantId_kelurahanId_year_key" ON "RevolvingFund"("tenantId", "kelurahanId", "year");

-- CreateIndex
CREATE INDEX "RevolvingFundCapital_tenantId_fundId_idx" ON "RevolvingFundCapital"("tenantId", "fundId");

-- CreateIndex
CREATE INDEX "Loan_tenantId_fundId_status_idx" ON "Loan"("tenantId", "fundId", "status");

-- CreateIndex
CREATE INDEX "Loan_tenantId_borrowerNik_idx" ON "Loan"("tenantId", "borrowerNik");

-- CreateIndex
CREATE INDEX "LoanInstallment_tenantId_dueDate_idx" ON "LoanInstallment"("tenantId", "dueDate");

-- CreateIndex
CREATE UNIQUE INDEX "LoanInstallment_tenantId_loanId_seq_key" ON "LoanInstallment"("tenantId", "loanId", "seq");

-- CreateIndex
CREATE INDEX "Repayment_tenantId_loanId_paidAt_idx" ON "Repayment"("tenantId", "loanId", "paidAt");

-- CreateIndex
CREATE UNIQUE INDEX "PovertyStatistic_tenantId_year_areaId_key" ON "PovertyStatistic"("tenantId", "year", "areaId");

-- CreateIndex
CREATE UNIQUE INDEX "Target_tenantId_indicator_year_areaId_key" ON "Target"("tenantId", "indicator", "year", "areaId");

-- CreateIndex
CREATE INDEX "ImportJob_tenantId_createdAt_idx" ON "ImportJob"("tenantId", "createdAt");

-- CreateIndex
CREATE INDEX "ChangeRequest_tenantId_status_createdAt_idx" ON "ChangeRequest"("tenantId", "status", "createdAt");

-- CreateIndex
CREATE INDEX "ChangeRequest_tenantId_householdId_idx" ON "ChangeRequest"("tenantId", "householdId");

-- CreateIndex
CREATE INDEX "DuplicateCandidate_tenantId_status_idx" ON "DuplicateCandidate"("tenantId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "DuplicateCandidate_tenantId_kind_firstId_secondId_key" ON "DuplicateCandidate"("tenantId", "kind", "firstId", "secondId");

-- CreateIndex
CREATE INDEX "AuditLog_tenantId_createdAt_idx" ON "AuditLog"("tenantId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditLog_tenantId_entity_entityId_idx" ON "AuditLog"("tenantId", "entity", "entityId");

-- CreateIndex
CREATE INDEX "AuditLog_tenantId_userId_createdAt_idx" ON "AuditLog"("tenantId", "userId", "createdAt");

-- AddForeignKey
ALTER TABLE "Area" ADD CONSTRAINT "Area_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Area" ADD CONSTRAINT "Area_tenantId_parentId_fkey" FOREIGN KEY ("tenantId", "parentId") REFERENCES "Area"("tenantId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Opd" ADD CONSTRAINT "Opd_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_tenantId_opdId_fkey" FOREIGN KEY ("tenantId", "opdId") REFERENCES "Opd"("tenantId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_tenantId_kelurahanId_fkey" FOREIGN KEY ("tenantId", "kelurahanId") REFERENCES "Area"("tenantId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Household" ADD CONSTRAINT "Household_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Household" ADD CONSTRAINT "Household_tenantId_kecamatanId_fkey" FOREIGN KEY ("tenantId", "kecamatanId") REFERENCES "Area"("tenantId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Household" ADD CONSTRAINT "Household_tenantId_kelurahanId_fkey" FOREIGN KEY ("tenantId", "kelurahanId") REFERENCES "Area"("tenantId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Member" ADD CONSTRAINT "Member_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Member" ADD CONSTRAINT "Member_tenantId_householdId_fkey" FOREIGN KEY ("tenantId", "householdId") REFERENCES "Household"("tenantId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HouseholdStatusEvent" ADD CONSTRAINT "HouseholdStatusEvent_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HouseholdStatusEvent" ADD CONSTRAINT "HouseholdStatusEvent_tenantId_householdId_fkey" FOREIGN KEY ("tenantId", "householdId") REFERENCES "Household"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HouseholdDesilChange" ADD CONSTRAINT "HouseholdDesilChange_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HouseholdDesilChange" ADD CONSTRAINT "HouseholdDesilChange_tenantId_householdId_fkey" FOREIGN KEY ("tenantId", "householdId") REFERENCES "Household"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Programme" ADD CONSTRAINT "Programme_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Programme" ADD CONSTRAINT "Programme_tenantId_opdId_fkey" FOREIGN KEY ("tenantId", "opdId") REFERENCES "Opd"("tenantId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BudgetLine" ADD CONSTRAINT "BudgetLine_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BudgetLine" ADD CONSTRAINT "BudgetLine_tenantId_programmeId_fkey" FOREIGN KEY ("tenantId", "programmeId") REFERENCES "Programme"("tenantId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BudgetRealisation" ADD CONSTRAINT "BudgetRealisation_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BudgetRealisation" ADD CONSTRAINT "BudgetRealisation_tenantId_budgetLineId_fkey" FOREIGN KEY ("tenantId", "budgetLineId") REFERENCES "BudgetLine"("tenantId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BudgetRealisation" ADD CONSTRAINT "BudgetRealisation_tenantId_reversesId_fkey" FOREIGN KEY ("tenantId", "reversesId") REFERENCES "BudgetRealisation"("tenantId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Training" ADD CONSTRAINT "Training_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Training" ADD CONSTRAINT "Training_tenantId_programmeId_fkey" FOREIGN KEY ("tenantId", "programmeId") REFERENCES "Programme"("tenantId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Training" ADD CONSTRAINT "Training_tenantId_opdId_fkey" FOREIGN KEY ("tenantId", "opdId") REFERENCES "Opd"("tenantId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingParticipant" ADD CONSTRAINT "TrainingParticipant_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingParticipant" ADD CONSTRAINT "TrainingParticipant_tenantId_trainingId_fkey" FOREIGN KEY ("tenantId", "trainingId") REFERENCES "Training"("tenantId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingParticipant" ADD CONSTRAINT "TrainingParticipant_tenantId_householdId_fkey" FOREIGN KEY ("tenantId", "householdId") REFERENCES "Household"("tenantId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingParticipant" ADD CONSTRAINT "TrainingParticipant_tenantId_memberId_fkey" FOREIGN KEY ("tenantId", "memberId") REFERENCES "Member"("tenantId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingAttendance" ADD CONSTRAINT "TrainingAttendance_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingAttendance" ADD CONSTRAINT "TrainingAttendance_tenantId_participantId_fkey" FOREIGN KEY ("tenantId", "participantId") REFERENCES "TrainingParticipant"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingFollowUp" ADD CONSTRAINT "TrainingFollowUp_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingFollowUp" ADD CONSTRAINT "TrainingFollowUp_tenantId_participantId_fkey" FOREIGN KEY ("tenantId", "participantId") REFERENCES "TrainingParticipant"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AidDistribution" ADD CONSTRAINT "AidDistribution_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AidDistribution" ADD CONSTRAINT "AidDistribution_tenantId_programmeId_fkey" FOREIGN KEY ("tenantId", "programmeId") REFERENCES "Programme"("tenantId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AidDistribution" ADD CONSTRAINT "AidDistribution_tenantId_opdId_fkey" FOREIGN KEY ("tenantId", "opdId") REFERENCES "Opd"("tenantId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AidDistribution" ADD CONSTRAINT "AidDistribution_tenantId_budgetLineId_fkey" FOREIGN KEY ("tenantId", "budgetLineId") REFERENCES "BudgetLine"("tenantId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AidDistribution" ADD CONSTRAINT "AidDistribution_tenantId_householdId_fkey" FOREIGN KEY ("tenantId", "householdId") REFERENCES "Household"("tenantId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AidDistribution" ADD CONSTRAINT "AidDistribution_tenantId_memberId_fkey" FOREIGN KEY ("tenantId", "memberId") REFERENCES "Member"("tenantId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AidDistribution" ADD CONSTRAINT "AidDistribution_tenantId_reversesId_fkey" FOREIGN KEY ("tenantId", "reversesId") REFERENCES "AidDistribution"("tenantId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RevolvingFund" ADD CONSTRAINT "RevolvingFund_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RevolvingFund" ADD CONSTRAINT "RevolvingFund_tenantId_kelurahanId_fkey" FOREIGN KEY ("tenantId", "kelurahanId") REFERENCES "Area"("tenantId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RevolvingFundCapital" ADD CONSTRAINT "RevolvingFundCapital_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RevolvingFundCapital" ADD CONSTRAINT "RevolvingFundCapital_tenantId_fundId_fkey" FOREIGN KEY ("tenantId", "fundId") REFERENCES "RevolvingFund"("tenantId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Loan" ADD CONSTRAINT "Loan_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Loan" ADD CONSTRAINT "Loan_tenantId_fundId_fkey" FOREIGN KEY ("tenantId", "fundId") REFERENCES "RevolvingFund"("tenantId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Loan" ADD CONSTRAINT "Loan_tenantId_memberId_fkey" FOREIGN KEY ("tenantId", "memberId") REFERENCES "Member"("tenantId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Loan" ADD CONSTRAINT "Loan_tenantId_householdId_fkey" FOREIGN KEY ("tenantId", "householdId") REFERENCES "Household"("tenantId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LoanInstallment" ADD CONSTRAINT "LoanInstallment_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LoanInstallment" ADD CONSTRAINT "LoanInstallment_tenantId_loanId_fkey" FOREIGN KEY ("tenantId", "loanId") REFERENCES "Loan"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Repayment" ADD CONSTRAINT "Repayment_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Repayment" ADD CONSTRAINT "Repayment_tenantId_loanId_fkey" FOREIGN KEY ("tenantId", "loanId") REFERENCES "Loan"("tenantId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PovertyStatistic" ADD CONSTRAINT "PovertyStatistic_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PovertyStatistic" ADD CONSTRAINT "PovertyStatistic_tenantId_areaId_fkey" FOREIGN KEY ("tenantId", "areaId") REFERENCES "Area"("tenantId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Target" ADD CONSTRAINT "Target_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Target" ADD CONSTRAINT "Target_tenantId_areaId_fkey" FOREIGN KEY ("tenantId", "areaId") REFERENCES "Area"("tenantId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportJob" ADD CONSTRAINT "ImportJob_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChangeRequest" ADD CONSTRAINT "ChangeRequest_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChangeRequest" ADD CONSTRAINT "ChangeRequest_tenantId_householdId_fkey" FOREIGN KEY ("tenantId", "householdId") REFERENCES "Household"("tenantId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DuplicateCandidate" ADD CONSTRAINT "DuplicateCandidate_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;
