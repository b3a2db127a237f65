-- ─── Baseline ───────────────────────────────────────────────────────────────────────────
-- The schema built by the 23 migrations before it (listed in lib/db/baseline.ts), squashed into
-- one: the same tables, indexes, policies, functions and triggers, with each function and
-- trigger written once, as the repeatable files of prisma/sql have them (between the "begin
-- repeatable" and "end repeatable" lines below). A database that applied those 23 gets this
-- migration recorded as applied without running it (lib/db/migrate.ts).
-- Order: the tables (in the Prisma schema engine's words); the role the app runs as; the
-- registry's trigram index; the repeatable files; what needs their functions (the generated
-- columns of "Loan", row-level security on every tenant-owned table); enum equality LEAKPROOF.

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
    "decidesRegistryChanges" BOOLEAN NOT NULL DEFAULT false,

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
    "cancelReason" TEXT,
    "cancelledAt" TIMESTAMP(3),

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
    "dropReason" TEXT,
    "droppedAt" TIMESTAMP(3),

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
    "duplicateAcknowledged" BOOLEAN NOT NULL DEFAULT false,
    "monthsCovered" INTEGER,
    "note" TEXT,
    "trainingParticipantId" TEXT,

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
    "feePaid" BIGINT NOT NULL DEFAULT 0,
    "nextDueDate" DATE,
    "overrideById" TEXT,
    "principalRepaid" BIGINT NOT NULL DEFAULT 0,

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

-- CreateTable
CREATE TABLE "HouseholdAreaCount" (
    "tenantId" TEXT NOT NULL,
    "kecamatanId" TEXT NOT NULL,
    "kelurahanId" TEXT NOT NULL,
    "desil" INTEGER NOT NULL,
    "isExtremePoor" BOOLEAN NOT NULL,
    "status" "HouseholdStatus" NOT NULL,
    "households" INTEGER NOT NULL,

    CONSTRAINT "HouseholdAreaCount_pkey" PRIMARY KEY ("tenantId","kecamatanId","kelurahanId","desil","isExtremePoor","status")
);

-- CreateTable
CREATE TABLE "HouseholdReach" (
    "tenantId" TEXT NOT NULL,
    "fiscalYear" INTEGER NOT NULL,
    "programmeId" TEXT NOT NULL,
    "opdId" TEXT NOT NULL,
    "householdId" TEXT NOT NULL,
    "kecamatanId" TEXT NOT NULL,
    "kelurahanId" TEXT NOT NULL,
    "desil" INTEGER,
    "isExtremePoor" BOOLEAN NOT NULL,
    "active" BOOLEAN NOT NULL,
    "entries" INTEGER NOT NULL,

    CONSTRAINT "HouseholdReach_pkey" PRIMARY KEY ("tenantId","fiscalYear","programmeId","opdId","householdId")
);

-- CreateTable
CREATE TABLE "DashboardTrainingCount" (
    "tenantId" TEXT NOT NULL,
    "programmeId" TEXT NOT NULL,
    "kecamatanId" TEXT NOT NULL,
    "trained" INTEGER NOT NULL DEFAULT 0,
    "businesses" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "DashboardTrainingCount_pkey" PRIMARY KEY ("tenantId","programmeId","kecamatanId")
);

-- CreateTable
CREATE TABLE "HouseholdYearReach" (
    "tenantId" TEXT NOT NULL,
    "fiscalYear" INTEGER NOT NULL,
    "householdId" TEXT NOT NULL,
    "kecamatanId" TEXT NOT NULL,
    "kelurahanId" TEXT NOT NULL,
    "desil" INTEGER,
    "isExtremePoor" BOOLEAN NOT NULL,
    "active" BOOLEAN NOT NULL,
    "opdIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "programmeIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "ownerOpdIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "graduated" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "HouseholdYearReach_pkey" PRIMARY KEY ("tenantId","fiscalYear","householdId")
);

-- CreateTable
CREATE TABLE "ReachAreaCount" (
    "tenantId" TEXT NOT NULL,
    "fiscalYear" INTEGER NOT NULL,
    "kecamatanId" TEXT NOT NULL,
    "kelurahanId" TEXT NOT NULL,
    "desil" INTEGER NOT NULL,
    "isExtremePoor" BOOLEAN NOT NULL,
    "active" BOOLEAN NOT NULL,
    "opds" INTEGER NOT NULL,
    "households" INTEGER NOT NULL,

    CONSTRAINT "ReachAreaCount_pkey" PRIMARY KEY ("tenantId","fiscalYear","kecamatanId","kelurahanId","desil","isExtremePoor","active","opds")
);

-- CreateTable
CREATE TABLE "ReachOpdCount" (
    "tenantId" TEXT NOT NULL,
    "fiscalYear" INTEGER NOT NULL,
    "opdId" TEXT NOT NULL,
    "kecamatanId" TEXT NOT NULL,
    "kelurahanId" TEXT NOT NULL,
    "desil" INTEGER NOT NULL,
    "isExtremePoor" BOOLEAN NOT NULL,
    "active" BOOLEAN NOT NULL,
    "shared" BOOLEAN NOT NULL,
    "households" INTEGER NOT NULL,

    CONSTRAINT "ReachOpdCount_pkey" PRIMARY KEY ("tenantId","fiscalYear","opdId","kecamatanId","kelurahanId","desil","isExtremePoor","active","shared")
);

-- CreateTable
CREATE TABLE "ReachProgrammeCount" (
    "tenantId" TEXT NOT NULL,
    "fiscalYear" INTEGER NOT NULL,
    "programmeId" TEXT NOT NULL,
    "kecamatanId" TEXT NOT NULL,
    "kelurahanId" TEXT NOT NULL,
    "desil" INTEGER NOT NULL,
    "isExtremePoor" BOOLEAN NOT NULL,
    "active" BOOLEAN NOT NULL,
    "households" INTEGER NOT NULL,

    CONSTRAINT "ReachProgrammeCount_pkey" PRIMARY KEY ("tenantId","fiscalYear","programmeId","kecamatanId","kelurahanId","desil","isExtremePoor","active")
);

-- CreateTable
CREATE TABLE "ReachResultCount" (
    "tenantId" TEXT NOT NULL,
    "fiscalYear" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "kecamatanId" TEXT NOT NULL,
    "reached" INTEGER NOT NULL,
    "graduates" INTEGER NOT NULL,

    CONSTRAINT "ReachResultCount_pkey" PRIMARY KEY ("tenantId","fiscalYear","kind","key","kecamatanId")
);

-- CreateTable
CREATE TABLE "LoanRound" (
    "tenantId" TEXT NOT NULL,
    "fundId" TEXT NOT NULL,
    "round" INTEGER NOT NULL,
    "open" INTEGER NOT NULL DEFAULT 0,
    "closed" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "LoanRound_pkey" PRIMARY KEY ("tenantId","fundId","round")
);

-- CreateTable
CREATE UNLOGGED TABLE "ImportStagedHousehold" (
    "tenantId" TEXT NOT NULL,
    "importJobId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "noKk" TEXT NOT NULL,
    "newId" TEXT NOT NULL,
    "registryId" TEXT,
    "address" TEXT,
    "rt" TEXT,
    "rw" TEXT,
    "kecamatanId" TEXT NOT NULL,
    "kelurahanId" TEXT NOT NULL,
    "desil" INTEGER,
    "isExtremePoor" BOOLEAN,

    CONSTRAINT "ImportStagedHousehold_pkey" PRIMARY KEY ("tenantId","importJobId","seq")
);

-- CreateTable
CREATE UNLOGGED TABLE "ImportStagedMember" (
    "tenantId" TEXT NOT NULL,
    "importJobId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "nik" TEXT NOT NULL,
    "noKk" TEXT NOT NULL,
    "newId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "sex" "Sex" NOT NULL,
    "birthPlace" TEXT,
    "birthDate" DATE NOT NULL,
    "relation" "FamilyRelation" NOT NULL,
    "education" "Education",
    "occupation" TEXT,
    "disability" "Disability",

    CONSTRAINT "ImportStagedMember_pkey" PRIMARY KEY ("tenantId","importJobId","seq")
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
CREATE UNIQUE INDEX "PovertyStatistic_tenantId_year_areaId_key" ON "PovertyStatistic"("tenantId", "year", "areaId") NULLS NOT DISTINCT;

-- CreateIndex
CREATE UNIQUE INDEX "Target_tenantId_indicator_year_areaId_key" ON "Target"("tenantId", "indicator", "year", "areaId") NULLS NOT DISTINCT;

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

-- CreateIndex
CREATE INDEX "AuditLog_tenantId_id_idx" ON "AuditLog"("tenantId", "id");

-- CreateIndex
CREATE INDEX "Household_tenantId_desil_id_idx" ON "Household"("tenantId", "desil", "id");

-- CreateIndex
CREATE INDEX "AidDistribution_tenantId_reversesId_idx" ON "AidDistribution"("tenantId", "reversesId");

-- CreateIndex
CREATE INDEX "AidDistribution_tenantId_distributedAt_id_idx" ON "AidDistribution"("tenantId", "distributedAt", "id");

-- CreateIndex
CREATE INDEX "Household_tenantId_isExtremePoor_desil_id_idx" ON "Household"("tenantId", "isExtremePoor", "desil", "id");

-- CreateIndex
CREATE INDEX "Household_tenantId_kelurahanId_isExtremePoor_desil_id_idx" ON "Household"("tenantId", "kelurahanId", "isExtremePoor", "desil", "id");

-- CreateIndex
CREATE INDEX "Household_tenantId_kecamatanId_isExtremePoor_desil_id_idx" ON "Household"("tenantId", "kecamatanId", "isExtremePoor", "desil", "id");

-- CreateIndex
CREATE INDEX "HouseholdReach_tenantId_fiscalYear_householdId_idx" ON "HouseholdReach"("tenantId", "fiscalYear", "householdId");

-- CreateIndex
CREATE INDEX "HouseholdReach_tenantId_householdId_idx" ON "HouseholdReach"("tenantId", "householdId");

-- CreateIndex
CREATE INDEX "BudgetRealisation_tenantId_budgetLineId_status_month_amount_idx" ON "BudgetRealisation"("tenantId", "budgetLineId", "status", "month", "amount");

-- CreateIndex
CREATE INDEX "HouseholdYearReach_tenantId_householdId_idx" ON "HouseholdYearReach"("tenantId", "householdId");

-- CreateIndex
CREATE INDEX "AidDistribution_tenantId_programmeId_status_idx" ON "AidDistribution"("tenantId", "programmeId", "status");

-- CreateIndex
CREATE INDEX "AidDistribution_tenantId_status_createdAt_id_idx" ON "AidDistribution"("tenantId", "status", "createdAt", "id");

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

-- AddForeignKey
ALTER TABLE "AidDistribution" ADD CONSTRAINT "AidDistribution_tenantId_trainingParticipantId_fkey" FOREIGN KEY ("tenantId", "trainingParticipantId") REFERENCES "TrainingParticipant"("tenantId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HouseholdAreaCount" ADD CONSTRAINT "HouseholdAreaCount_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HouseholdReach" ADD CONSTRAINT "HouseholdReach_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DashboardTrainingCount" ADD CONSTRAINT "DashboardTrainingCount_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HouseholdYearReach" ADD CONSTRAINT "HouseholdYearReach_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReachAreaCount" ADD CONSTRAINT "ReachAreaCount_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReachOpdCount" ADD CONSTRAINT "ReachOpdCount_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReachProgrammeCount" ADD CONSTRAINT "ReachProgrammeCount_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReachResultCount" ADD CONSTRAINT "ReachResultCount_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LoanRound" ADD CONSTRAINT "LoanRound_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LoanRound" ADD CONSTRAINT "LoanRound_tenantId_fundId_fkey" FOREIGN KEY ("tenantId", "fundId") REFERENCES "RevolvingFund"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddCheck
ALTER TABLE "ReachAreaCount" ADD CONSTRAINT "ReachAreaCount_households_check" CHECK ("households" >= 0);

-- AddCheck
ALTER TABLE "ReachOpdCount" ADD CONSTRAINT "ReachOpdCount_households_check" CHECK ("households" >= 0);

-- AddCheck
ALTER TABLE "ReachProgrammeCount" ADD CONSTRAINT "ReachProgrammeCount_households_check" CHECK ("households" >= 0);

-- AddCheck
ALTER TABLE "ReachResultCount" ADD CONSTRAINT "ReachResultCount_counts_check" CHECK ("reached" >= 0 AND "graduates" >= 0);

-- AddCheck
ALTER TABLE "ReachResultCount" ADD CONSTRAINT "ReachResultCount_kind_check" CHECK ("kind" IN ('city', 'owner', 'programme'));

-- ─── The role the app runs as ──────────────────────────────────────────────────────────
-- The application connects as (or switches to) entas_app, which is not the tables' owner, not a
-- superuser and has no BYPASSRLS, so row-level security (below) applies to every query it makes.
-- Migrations and the demo seed run as the owner.
DO $$
BEGIN
  CREATE ROLE entas_app NOLOGIN;
EXCEPTION
  -- The role is cluster-wide: another database (or a concurrent test run) made it already.
  WHEN duplicate_object OR unique_violation THEN NULL;
END
$$;

GRANT USAGE ON SCHEMA public TO entas_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO entas_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO entas_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO entas_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO entas_app;
DO $$
BEGIN
  -- Absent in the shadow database that `migrate diff` replays migrations into.
  IF to_regclass('public._prisma_migrations') IS NOT NULL THEN
    REVOKE ALL ON "_prisma_migrations" FROM entas_app;
  END IF;
END
$$;

-- ─── The registry's "contains" name search: a trigram index (prisma/sql/member-search.sql) ───
-- pg_trgm is part of PostgreSQL's contrib (and of PGlite, when lib/db/pglite.ts loads it).
-- Where it is missing the index is skipped and the search scans: slower, still correct.
DO $$
BEGIN
  CREATE EXTENSION IF NOT EXISTS pg_trgm;
  -- CreateIndex
  CREATE INDEX IF NOT EXISTS "Member_name_trgm_idx" ON "Member" USING GIN ("name" gin_trgm_ops);
EXCEPTION
  WHEN undefined_file OR undefined_object OR insufficient_privilege OR feature_not_supported THEN
    RAISE NOTICE 'pg_trgm is not available (%): the registry name search will scan', SQLERRM;
END
$$;

-- ─── begin repeatable member-search.sql ───
-- The registry's "contains" name search at a million households.
--   entas_member_households_named(pattern, max_rows)  household ids of the current tenant with a
--                                                     member whose name matches, case-insensitively
-- Under row-level security PostgreSQL uses an index only through leakproof operators, and ILIKE
-- is not one: as entas_app a "contains" search would read every member of the city. A trigram
-- index ("Member_name_trgm_idx", made by the baseline migration where pg_trgm is available)
-- answers ILIKE '%…%', and this SECURITY DEFINER function (which runs as the owner, so without
-- row-level security) lets the planner use it. It filters by the tenant of the current
-- transaction itself, so it can never answer for another city.
-- Rows are member rows, not distinct households: a distinct set cannot stop early, and for a
-- fragment common in names ("wati") the whole set takes seconds. The caller says how many rows
-- it wants: a rare fragment is answered whole from the trigram index, a common one is recognised
-- after a few thousand rows, and the search then walks the households in page order instead
-- (features/registry/search). EXECUTE plans the statement with the actual pattern and limit each
-- time, so the planner picks the index for a rare fragment and a short scan for a common one.
-- Tested by features/registry/tests/registry-search.test.ts, and without pg_trgm by
-- tests/integration/migrate.test.ts.
-- Repeatable (prisma/sql/README.md): run it again and nothing changes.

CREATE OR REPLACE FUNCTION entas_member_households_named(pattern text, max_rows integer)
  RETURNS SETOF text
  LANGUAGE plpgsql STABLE SECURITY DEFINER
  SET search_path = public
  ROWS 200
  AS $$
BEGIN
  RETURN QUERY EXECUTE
    'SELECT m."householdId" FROM "Member" m WHERE m."tenantId" = entas_current_tenant() AND m."name" ILIKE $1 LIMIT $2'
    USING pattern, max_rows;
END
$$;

REVOKE ALL ON FUNCTION entas_member_households_named(text, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION entas_member_households_named(text, integer) TO entas_app;
-- ─── end repeatable member-search.sql ───

-- ─── begin repeatable tenancy.sql ───
-- Tenant isolation in the database: the helpers of row-level security and of the app's raw SQL.
--   entas_current_tenant()          the tenant of the current transaction, or NULL outside any
--   entas_enable_tenant_rls(table)  isolation for one table with a "tenantId" column
--   entas_lookup_login(email)       sign-in's one cross-tenant read
-- The app connects as (or switches to) the role entas_app, which is not the tables' owner, not
-- a superuser and has no BYPASSRLS: every row it reads or writes in a tenant-owned table must
-- carry the tenant set for the current transaction with
--   SELECT set_config('app.tenant_id', '<tenant id>', true);
-- so a query that forgets its tenant filter still sees nothing of another city. The baseline
-- migration creates the role, its grants and every table's policy; a later migration that adds
-- a tenant-owned table calls entas_enable_tenant_rls('<table>') itself.
-- Tested by tests/integration/tenant-isolation.test.ts (every table with a "tenantId" column is
-- protected), tests/integration/auth-sign-in.test.ts.
-- Repeatable (prisma/sql/README.md): run it again and nothing changes.

-- The tenant of the current transaction, or NULL outside any tenant.
CREATE OR REPLACE FUNCTION entas_current_tenant() RETURNS text
  LANGUAGE sql STABLE
  AS $$ SELECT nullif(current_setting('app.tenant_id', true), '') $$;

-- Turns on isolation for one table with a "tenantId" column. Rows with a NULL tenant (the
-- platform admin, platform events in the audit log) are visible only outside any tenant.
CREATE OR REPLACE FUNCTION entas_enable_tenant_rls(table_name text) RETURNS void
  LANGUAGE plpgsql
  AS $$
BEGIN
  EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', table_name);
  EXECUTE format('DROP POLICY IF EXISTS tenant_isolation ON %I', table_name);
  EXECUTE format(
    'CREATE POLICY tenant_isolation ON %I TO entas_app
       USING ("tenantId" IS NOT DISTINCT FROM entas_current_tenant())
       WITH CHECK ("tenantId" IS NOT DISTINCT FROM entas_current_tenant())',
    table_name);
END
$$;

-- Sign-in must find a user by email before any tenant is known: the one cross-tenant
-- read, limited to the two columns needed to open the right tenant's scope.
CREATE OR REPLACE FUNCTION entas_lookup_login(login_email text)
  RETURNS TABLE (id text, "tenantId" text)
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = public
  AS $$ SELECT u.id, u."tenantId" FROM "User" u WHERE u.email = lower(login_email) $$;

REVOKE ALL ON FUNCTION entas_lookup_login(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION entas_lookup_login(text) TO entas_app;
-- ─── end repeatable tenancy.sql ───

-- ─── begin repeatable summaries/household-area-counts.sql ───
-- HouseholdAreaCount: households per kecamatan × kelurahan × desil (0 = none) × extreme-poor
-- flag × status, for the Bapeda poverty dashboard's registry figures
-- (features/dashboards/poverty/queries.ts), which cannot count a million households per view.
--   keeps     "HouseholdAreaCount"
--   from      "Household": statement-level triggers household_counts_insert, _update, _delete
--             (one set-based step per statement, so a 100,000-row import costs one aggregate)
--   also      on UPDATE, carries a household's new area, desil, flag and status into its
--             "HouseholdReach" rows (household-reach.sql), whose own triggers take it further
--   rebuild   entas_poverty_rebuild(tenant)  (NULL: every tenant)
--   tested    features/dashboards/tests/poverty-dashboard.test.ts ("summaries follow every
--             write": the counts after writes equal entas_poverty_rebuild);
--             tests/integration/bench-smoke.test.ts (after a bulk load)
-- Repeatable (prisma/sql/README.md): run it again and nothing changes.

CREATE OR REPLACE FUNCTION entas_household_counts() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "HouseholdAreaCount" AS c ("tenantId", "kecamatanId", "kelurahanId", desil, "isExtremePoor", status, households)
    SELECT "tenantId", "kecamatanId", "kelurahanId", coalesce(desil, 0), "isExtremePoor", status, count(*)
    FROM new_rows GROUP BY 1, 2, 3, 4, 5, 6
    ON CONFLICT ("tenantId", "kecamatanId", "kelurahanId", desil, "isExtremePoor", status)
      DO UPDATE SET households = c.households + EXCLUDED.households;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO "HouseholdAreaCount" AS c ("tenantId", "kecamatanId", "kelurahanId", desil, "isExtremePoor", status, households)
    SELECT t, k, l, d, e, s, sum(n) FROM (
      SELECT "tenantId" t, "kecamatanId" k, "kelurahanId" l, coalesce(desil, 0) d, "isExtremePoor" e, status s, 1 n FROM new_rows
      UNION ALL
      SELECT "tenantId", "kecamatanId", "kelurahanId", coalesce(desil, 0), "isExtremePoor", status, -1 FROM old_rows
    ) delta GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(n) <> 0
    ON CONFLICT ("tenantId", "kecamatanId", "kelurahanId", desil, "isExtremePoor", status)
      DO UPDATE SET households = c.households + EXCLUDED.households;
    -- The reach summary carries the household's area, desil and flags: follow changes.
    UPDATE "HouseholdReach" r
    SET "kecamatanId" = n."kecamatanId", "kelurahanId" = n."kelurahanId", desil = n.desil,
        "isExtremePoor" = n."isExtremePoor", active = (n.status = 'ACTIVE')
    FROM new_rows n JOIN old_rows o ON o."tenantId" = n."tenantId" AND o.id = n.id
    WHERE r."tenantId" = n."tenantId" AND r."householdId" = n.id
      AND (o."kecamatanId" <> n."kecamatanId" OR o."kelurahanId" <> n."kelurahanId" OR o.desil IS DISTINCT FROM n.desil
           OR o."isExtremePoor" <> n."isExtremePoor" OR o.status <> n.status);
  ELSE
    -- Only ever subtract here: when a whole tenant is deleted its summary rows go first.
    UPDATE "HouseholdAreaCount" c SET households = c.households - delta.n
    FROM (
      SELECT "tenantId" t, "kecamatanId" k, "kelurahanId" l, coalesce(desil, 0) d, "isExtremePoor" e, status s, count(*) n
      FROM old_rows GROUP BY 1, 2, 3, 4, 5, 6
    ) delta
    WHERE c."tenantId" = delta.t AND c."kecamatanId" = delta.k AND c."kelurahanId" = delta.l
      AND c.desil = delta.d AND c."isExtremePoor" = delta.e AND c.status = delta.s;
  END IF;
  RETURN NULL;
END
$$;

DROP TRIGGER IF EXISTS household_counts_insert ON "Household";
CREATE TRIGGER household_counts_insert AFTER INSERT ON "Household"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION entas_household_counts();
DROP TRIGGER IF EXISTS household_counts_update ON "Household";
CREATE TRIGGER household_counts_update AFTER UPDATE ON "Household"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION entas_household_counts();
DROP TRIGGER IF EXISTS household_counts_delete ON "Household";
CREATE TRIGGER household_counts_delete AFTER DELETE ON "Household"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION entas_household_counts();

-- Recomputes the counts of one tenant (NULL: every tenant) from the registry: for bulk loads
-- made with the triggers off (scripts/bench/generate-city.ts loads a city by COPY under
-- session_replication_role = replica), and to check the triggers.
CREATE OR REPLACE FUNCTION entas_poverty_rebuild(p_tenant text) RETURNS void
  LANGUAGE plpgsql
  AS $$
BEGIN
  DELETE FROM "HouseholdAreaCount" WHERE p_tenant IS NULL OR "tenantId" = p_tenant;

  INSERT INTO "HouseholdAreaCount" ("tenantId", "kecamatanId", "kelurahanId", desil, "isExtremePoor", status, households)
  SELECT "tenantId", "kecamatanId", "kelurahanId", coalesce(desil, 0), "isExtremePoor", status, count(*)
    FROM "Household" WHERE p_tenant IS NULL OR "tenantId" = p_tenant
   GROUP BY 1, 2, 3, 4, 5, 6;

END
$$;
-- ─── end repeatable summaries/household-area-counts.sql ───

-- ─── begin repeatable summaries/household-reach.sql ───
-- HouseholdReach: the one record of "reached" (lib/reach/reached.ts), one row per fiscal year ×
-- programme × OPD × household, with the household's current area, desil and flags and the
-- number of live verified entries. A household is reached by a programme of fiscal year Y (the
-- programme's year) while it has at least one live verified intervention under it:
--   - a VERIFIED training participation, not DROPPED, in a VERIFIED training not cancelled;
--   - a VERIFIED aid distribution, less one for each VERIFIED reversal of it.
-- Every reader of "reached" (the dashboards, the participant picker, "who to reach next") reads
-- this table or the counts derived from it (reach-counts.sql), and none counts the entries again.
--   keeps     "HouseholdReach"
--   from      "TrainingParticipant" (participant_reach_insert, _update, _delete),
--             "Training" (training_reach_update: verified, cancelled, or moved to another
--             programme or OPD), "AidDistribution" (aid_reach_insert, _update, _delete),
--             "Programme" (programme_reach_year: a change of fiscal year), and "Household"
--             (its area, desil and flags, through entas_household_counts in
--             household-area-counts.sql)
--   feeds     "HouseholdYearReach" and the Reach*Count tables, by triggers on this table
--             (reach-counts.sql)
--   rebuild   entas_reach_rebuild(tenant) (this table, then the reach counts);
--             entas_reach_entries_rebuild(tenant) (this table alone, triggers aside);
--             entas_dash_rebuild(tenant) (this table, the reach counts and the training counts:
--             training-counts.sql)
--   tested    features/dashboards/tests/mayor-dashboard.test.ts ("the result summaries follow
--             every write": equal to entas_dash_rebuild after each write);
--             features/dashboards/tests/reach-counts.test.ts
-- Repeatable (prisma/sql/README.md): run it again and nothing changes.

-- Adds signed entry counts per (tenant, fiscal year, programme, OPD, household); a row whose
-- count falls to 0 goes. Parallel arrays, so every trigger hands over one set at once.
CREATE OR REPLACE FUNCTION entas_reach_apply(tenants text[], years int[], programmes text[], opds text[], households text[], counts int[])
  RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF tenants IS NULL THEN RETURN; END IF;
  INSERT INTO "HouseholdReach" AS r ("tenantId", "fiscalYear", "programmeId", "opdId", "householdId",
                                     "kecamatanId", "kelurahanId", desil, "isExtremePoor", active, entries)
  SELECT d.t, d.y, d.p, d.o, d.h, h."kecamatanId", h."kelurahanId", h.desil, h."isExtremePoor", h.status = 'ACTIVE', d.n
  FROM (
    SELECT t, y, p, o, h, sum(n)::int n
    FROM unnest(tenants, years, programmes, opds, households, counts) AS x(t, y, p, o, h, n)
    GROUP BY 1, 2, 3, 4, 5 HAVING sum(n) <> 0
  ) d
  JOIN "Household" h ON h."tenantId" = d.t AND h.id = d.h
  ON CONFLICT ("tenantId", "fiscalYear", "programmeId", "opdId", "householdId")
    DO UPDATE SET entries = r.entries + EXCLUDED.entries;
  DELETE FROM "HouseholdReach" r
  USING unnest(tenants, years, programmes, opds, households) AS d(t, y, p, o, h)
  WHERE r."tenantId" = d.t AND r."fiscalYear" = d.y AND r."programmeId" = d.p AND r."opdId" = d.o
    AND r."householdId" = d.h AND r.entries <= 0;
END
$$;

-- A training participant counts once verified, unless dropped, in a verified training not
-- cancelled; the fiscal year is its programme's.
CREATE OR REPLACE FUNCTION entas_reach_from_participants() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM entas_reach_apply(array_agg(p."tenantId"), array_agg(pr."fiscalYear"), array_agg(t."programmeId"),
                              array_agg(t."opdId"), array_agg(p."householdId"), array_agg(1))
    FROM new_rows p
    JOIN "Training" t ON t."tenantId" = p."tenantId" AND t.id = p."trainingId"
    JOIN "Programme" pr ON pr."tenantId" = t."tenantId" AND pr.id = t."programmeId"
    WHERE p.status = 'VERIFIED' AND p.completion <> 'DROPPED' AND t.status = 'VERIFIED' AND t."cancelledAt" IS NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM entas_reach_apply(array_agg(p."tenantId"), array_agg(pr."fiscalYear"), array_agg(t."programmeId"),
                              array_agg(t."opdId"), array_agg(p."householdId"), array_agg(-1))
    FROM old_rows p
    JOIN "Training" t ON t."tenantId" = p."tenantId" AND t.id = p."trainingId"
    JOIN "Programme" pr ON pr."tenantId" = t."tenantId" AND pr.id = t."programmeId"
    WHERE p.status = 'VERIFIED' AND p.completion <> 'DROPPED' AND t.status = 'VERIFIED' AND t."cancelledAt" IS NULL;
  END IF;
  RETURN NULL;
END
$$;

DROP TRIGGER IF EXISTS participant_reach_insert ON "TrainingParticipant";
CREATE TRIGGER participant_reach_insert AFTER INSERT ON "TrainingParticipant"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION entas_reach_from_participants();
DROP TRIGGER IF EXISTS participant_reach_update ON "TrainingParticipant";
CREATE TRIGGER participant_reach_update AFTER UPDATE ON "TrainingParticipant"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION entas_reach_from_participants();
DROP TRIGGER IF EXISTS participant_reach_delete ON "TrainingParticipant";
CREATE TRIGGER participant_reach_delete AFTER DELETE ON "TrainingParticipant"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION entas_reach_from_participants();

-- A training verified, cancelled, or moved to another programme or OPD: its verified
-- participants leave what the old row counted for and join what the new one counts for.
CREATE OR REPLACE FUNCTION entas_reach_from_trainings() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  PERFORM entas_reach_apply(array_agg(x.t), array_agg(x.y), array_agg(x.pr), array_agg(x.o), array_agg(x.h), array_agg(x.n))
  FROM (
    SELECT p."tenantId" t, np."fiscalYear" y, n."programmeId" pr, n."opdId" o, p."householdId" h, 1 n
    FROM new_rows n JOIN old_rows o ON o."tenantId" = n."tenantId" AND o.id = n.id
    JOIN "Programme" np ON np."tenantId" = n."tenantId" AND np.id = n."programmeId"
    JOIN "TrainingParticipant" p ON p."tenantId" = n."tenantId" AND p."trainingId" = n.id
    WHERE n.status = 'VERIFIED' AND n."cancelledAt" IS NULL AND p.status = 'VERIFIED' AND p.completion <> 'DROPPED'
    UNION ALL
    SELECT p."tenantId", op."fiscalYear", o."programmeId", o."opdId", p."householdId", -1
    FROM new_rows n JOIN old_rows o ON o."tenantId" = n."tenantId" AND o.id = n.id
    JOIN "Programme" op ON op."tenantId" = o."tenantId" AND op.id = o."programmeId"
    JOIN "TrainingParticipant" p ON p."tenantId" = n."tenantId" AND p."trainingId" = n.id
    WHERE o.status = 'VERIFIED' AND o."cancelledAt" IS NULL AND p.status = 'VERIFIED' AND p.completion <> 'DROPPED'
  ) x;
  RETURN NULL;
END
$$;

DROP TRIGGER IF EXISTS training_reach_update ON "Training";
CREATE TRIGGER training_reach_update AFTER UPDATE ON "Training"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION entas_reach_from_trainings();

-- A verified distribution counts +1 for its programme and household; a verified reversal
-- (reversesId set) counts -1 against the distribution it reverses.
CREATE OR REPLACE FUNCTION entas_reach_from_aid() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM entas_reach_apply(array_agg(a."tenantId"), array_agg(pr."fiscalYear"), array_agg(coalesce(orig."programmeId", a."programmeId")),
                              array_agg(coalesce(orig."opdId", a."opdId")), array_agg(coalesce(orig."householdId", a."householdId")),
                              array_agg(CASE WHEN a."reversesId" IS NULL THEN 1 ELSE -1 END))
    FROM new_rows a
    LEFT JOIN "AidDistribution" orig ON orig."tenantId" = a."tenantId" AND orig.id = a."reversesId"
    JOIN "Programme" pr ON pr."tenantId" = a."tenantId" AND pr.id = coalesce(orig."programmeId", a."programmeId")
    WHERE a.status = 'VERIFIED';
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM entas_reach_apply(array_agg(a."tenantId"), array_agg(pr."fiscalYear"), array_agg(coalesce(orig."programmeId", a."programmeId")),
                              array_agg(coalesce(orig."opdId", a."opdId")), array_agg(coalesce(orig."householdId", a."householdId")),
                              array_agg(CASE WHEN a."reversesId" IS NULL THEN -1 ELSE 1 END))
    FROM old_rows a
    LEFT JOIN "AidDistribution" orig ON orig."tenantId" = a."tenantId" AND orig.id = a."reversesId"
    JOIN "Programme" pr ON pr."tenantId" = a."tenantId" AND pr.id = coalesce(orig."programmeId", a."programmeId")
    WHERE a.status = 'VERIFIED';
  END IF;
  RETURN NULL;
END
$$;

DROP TRIGGER IF EXISTS aid_reach_insert ON "AidDistribution";
CREATE TRIGGER aid_reach_insert AFTER INSERT ON "AidDistribution"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION entas_reach_from_aid();
DROP TRIGGER IF EXISTS aid_reach_update ON "AidDistribution";
CREATE TRIGGER aid_reach_update AFTER UPDATE ON "AidDistribution"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION entas_reach_from_aid();
DROP TRIGGER IF EXISTS aid_reach_delete ON "AidDistribution";
CREATE TRIGGER aid_reach_delete AFTER DELETE ON "AidDistribution"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION entas_reach_from_aid();

-- A programme moved to another fiscal year takes its reached households along (its id is in
-- the key, so no row of the new year can collide).
CREATE OR REPLACE FUNCTION entas_reach_programme_year() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "HouseholdReach" SET "fiscalYear" = NEW."fiscalYear"
   WHERE "tenantId" = NEW."tenantId" AND "programmeId" = NEW.id AND "fiscalYear" = OLD."fiscalYear";
  RETURN NULL;
END
$$;

DROP TRIGGER IF EXISTS programme_reach_year ON "Programme";
CREATE TRIGGER programme_reach_year AFTER UPDATE OF "fiscalYear" ON "Programme"
  FOR EACH ROW WHEN (OLD."fiscalYear" IS DISTINCT FROM NEW."fiscalYear") EXECUTE FUNCTION entas_reach_programme_year();

-- HouseholdReach of one tenant (NULL: every tenant) from the verified entries, with the
-- triggers on it standing aside (entas.reach_rebuild); the derived tables are left to
-- entas_reach_counts_rebuild. scripts/bench/generate-city.ts runs the parts side by side.
CREATE OR REPLACE FUNCTION entas_reach_entries_rebuild(p_tenant text) RETURNS void
  LANGUAGE plpgsql AS $$
BEGIN
  PERFORM set_config('entas.reach_rebuild', 'on', true);
  DELETE FROM "HouseholdReach" WHERE p_tenant IS NULL OR "tenantId" = p_tenant;
  INSERT INTO "HouseholdReach" ("tenantId", "fiscalYear", "programmeId", "opdId", "householdId",
                                "kecamatanId", "kelurahanId", desil, "isExtremePoor", active, entries)
  SELECT e.t, e.y, e.p, e.o, e.h, h."kecamatanId", h."kelurahanId", h.desil, h."isExtremePoor", h.status = 'ACTIVE', sum(e.n)
  FROM (
    SELECT p."tenantId" t, pr."fiscalYear" y, tr."programmeId" p, tr."opdId" o, p."householdId" h, 1 n
    FROM "TrainingParticipant" p
    JOIN "Training" tr ON tr."tenantId" = p."tenantId" AND tr.id = p."trainingId"
    JOIN "Programme" pr ON pr."tenantId" = tr."tenantId" AND pr.id = tr."programmeId"
    WHERE p.status = 'VERIFIED' AND p.completion <> 'DROPPED' AND tr.status = 'VERIFIED' AND tr."cancelledAt" IS NULL
      AND (p_tenant IS NULL OR p."tenantId" = p_tenant)
    UNION ALL
    SELECT a."tenantId", pr."fiscalYear", coalesce(orig."programmeId", a."programmeId"), coalesce(orig."opdId", a."opdId"),
           coalesce(orig."householdId", a."householdId"), CASE WHEN a."reversesId" IS NULL THEN 1 ELSE -1 END
    FROM "AidDistribution" a
    LEFT JOIN "AidDistribution" orig ON orig."tenantId" = a."tenantId" AND orig.id = a."reversesId"
    JOIN "Programme" pr ON pr."tenantId" = a."tenantId" AND pr.id = coalesce(orig."programmeId", a."programmeId")
    WHERE a.status = 'VERIFIED' AND (p_tenant IS NULL OR a."tenantId" = p_tenant)
  ) e
  JOIN "Household" h ON h."tenantId" = e.t AND h.id = e.h
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10
  HAVING sum(e.n) > 0;
  PERFORM set_config('entas.reach_rebuild', 'off', true);
END
$$;

-- HouseholdReach and everything derived from it, for one tenant (NULL: every tenant).
CREATE OR REPLACE FUNCTION entas_reach_rebuild(p_tenant text) RETURNS void
  LANGUAGE plpgsql AS $$
BEGIN
  PERFORM entas_reach_entries_rebuild(p_tenant);
  PERFORM entas_reach_counts_rebuild(p_tenant);
END
$$;
-- ─── end repeatable summaries/household-reach.sql ───

-- ─── begin repeatable summaries/loan-rounds.sql ───
-- LoanRound: lending rounds (tahap) of each Dana PEM fund by state, for the city's Dana PEM
-- roll-up (features/dashboards/revolving-funds/queries.ts). A round is completed when it has
-- lent and nothing in it is still waiting or running; instead of grouping every loan of the
-- city's funds on each view, this table keeps two counts per round: "open" (PROPOSED, APPROVED,
-- DISBURSED) and "closed" (REPAID, WRITTEN_OFF); REJECTED loans count in neither.
--   keeps     "LoanRound"
--   from      "Loan": row-level triggers loan_rounds (insert, delete) and loan_rounds_update (a
--             change of status, fund or round), in the writer's transaction and tenant
--   rebuild   entas_loan_rounds_rebuild(tenant) (bulk loads run with triggers off)
--   tested    features/revolving-funds/tests/revolving-funds.test.ts ("counts a round
--             completed once it has lent and every loan in it is repaid or written off, kept as
--             loans change": equal to entas_loan_rounds_rebuild, but for rounds left with no
--             loans, which keep a row of zeros)
-- A loan's own repayment totals ("principalRepaid", "feePaid", "nextDueDate") are no trigger's:
-- features/revolving-funds/repayments.ts writes them with each repayment, in its transaction;
-- features/revolving-funds/tests/revolving-funds-reconciliation.test.ts holds them equal to the
-- repayments and schedules.
-- Repeatable (prisma/sql/README.md): run it again and nothing changes.

-- Adds one loan (p_sign 1) or takes it away (-1) in its round's counts.
CREATE OR REPLACE FUNCTION entas_loan_round_add(p_tenant text, p_fund text, p_round int, p_status "LoanStatus", p_sign int) RETURNS void
  LANGUAGE sql AS $$
    INSERT INTO "LoanRound" ("tenantId", "fundId", "round", "open", "closed")
    SELECT p_tenant, p_fund, p_round,
           CASE WHEN p_status IN ('PROPOSED', 'APPROVED', 'DISBURSED') THEN p_sign ELSE 0 END,
           CASE WHEN p_status IN ('REPAID', 'WRITTEN_OFF') THEN p_sign ELSE 0 END
     WHERE p_status <> 'REJECTED'
    ON CONFLICT ("tenantId", "fundId", "round") DO UPDATE
      SET "open" = "LoanRound"."open" + EXCLUDED."open", "closed" = "LoanRound"."closed" + EXCLUDED."closed"
  $$;

CREATE OR REPLACE FUNCTION entas_loan_rounds_trigger() RETURNS trigger
  LANGUAGE plpgsql AS $$
  BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
      PERFORM entas_loan_round_add(OLD."tenantId", OLD."fundId", OLD."round", OLD."status", -1);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
      PERFORM entas_loan_round_add(NEW."tenantId", NEW."fundId", NEW."round", NEW."status", 1);
    END IF;
    RETURN NULL;
  END $$;

DROP TRIGGER IF EXISTS loan_rounds ON "Loan";
CREATE TRIGGER loan_rounds AFTER INSERT OR DELETE ON "Loan"
  FOR EACH ROW EXECUTE FUNCTION entas_loan_rounds_trigger();
DROP TRIGGER IF EXISTS loan_rounds_update ON "Loan";
CREATE TRIGGER loan_rounds_update AFTER UPDATE OF "status", "fundId", "round" ON "Loan"
  FOR EACH ROW WHEN (OLD."status" IS DISTINCT FROM NEW."status" OR OLD."fundId" IS DISTINCT FROM NEW."fundId" OR OLD."round" IS DISTINCT FROM NEW."round")
  EXECUTE FUNCTION entas_loan_rounds_trigger();

CREATE OR REPLACE FUNCTION entas_loan_rounds_rebuild(p_tenant text) RETURNS void
  LANGUAGE sql AS $$
    DELETE FROM "LoanRound" WHERE "tenantId" = p_tenant;
    INSERT INTO "LoanRound" ("tenantId", "fundId", "round", "open", "closed")
    SELECT "tenantId", "fundId", "round",
           COUNT(*) FILTER (WHERE "status" IN ('PROPOSED', 'APPROVED', 'DISBURSED')),
           COUNT(*) FILTER (WHERE "status" IN ('REPAID', 'WRITTEN_OFF'))
      FROM "Loan" WHERE "tenantId" = p_tenant AND "status" <> 'REJECTED'
     GROUP BY "tenantId", "fundId", "round";
  $$;
-- ─── end repeatable summaries/loan-rounds.sql ───

-- ─── begin repeatable summaries/loan-schedule.sql ───
-- How many of a loan's instalments have fallen due by today, for the Dana PEM roll-up
-- (features/dashboards/revolving-funds/queries.ts), as integer arithmetic: the roll-up counts it
-- on every lent loan of the city per view, and date arithmetic per loan had cost it most of its
-- time. No table of its own: the start of each loan's schedule is stored on the loan itself, in
-- two generated columns PostgreSQL keeps equal to "disbursedAt" and "graceMonths" on every
-- write (COPY included):
--   "Loan"."scheduleMonth" = entas_month_index("disbursedAt") + "graceMonths"
--   "Loan"."scheduleDay"   = the day of the month of "disbursedAt"
-- The schedule rule (features/revolving-funds/schedule.ts): instalment k (1 … tenor) falls due
-- grace + k months after disbursement, on the same day of the month or, past a month's end, on
-- its last day.
--   tested    features/revolving-funds/tests/loan-instalments-due.test.ts (equal to the schedule
--             for every disbursement day of 17 months against month ends, leap days, grace);
--             features/revolving-funds/tests/revolving-funds.test.ts ("counts as fallen due
--             exactly what the schedule says")
-- Repeatable (prisma/sql/README.md): run it again and nothing changes. entas_month_index is
-- part of a generated column's expression: a change to what it returns needs the column
-- recomputed (a migration that drops and adds the column), not only this file.

-- A date's month as one integer: year × 12 + month − 1.
CREATE OR REPLACE FUNCTION entas_month_index(p_day date) RETURNS int
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT date_part('year', p_day)::int * 12 + date_part('month', p_day)::int - 1
$$;

-- The whole months elapsed since the schedule month, less one when the schedule's day of the
-- month is later than today's and today is not the last day of its month, between 0 and the
-- tenor. Today comes in parts (month index, day, month end), computed once per query.
CREATE OR REPLACE FUNCTION entas_instalments_due_from(p_schedule_month int, p_schedule_day int, p_today_month int, p_today_day int,
                                                      p_today_is_month_end boolean, p_tenor int) RETURNS int
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT GREATEST(0, LEAST(p_tenor,
           p_today_month - p_schedule_month
           - CASE WHEN NOT p_today_is_month_end AND p_schedule_day > p_today_day THEN 1 ELSE 0 END))
$$;
-- ─── end repeatable summaries/loan-schedule.sql ───

-- ─── begin repeatable summaries/reach-counts.sql ───
-- Reach counts: "HouseholdReach" at the grains the dashboards count. Counting distinct
-- households over HouseholdReach reads 2.6M rows at 1M households (3–15 s a view); these tables
-- answer the same figures from a few thousand rows. Triggers ON HouseholdReach derive them, so
-- every path that changes reach (entries, reversals, a household moving or changing desil or
-- flags, a programme changing year or OPD, a status event) follows:
--   HouseholdYearReach   one row per (tenant, year, household): its area, desil, flags, the
--                        sorted OPDs and programmes that reached it, the OPDs owning those
--                        programmes (Programme.opdId) and whether it graduated that year (a
--                        status event to GRADUATED dated on or after 1 January of the year);
--   and from it, by triggers ON HouseholdYearReach, four count tables (rows > 0, zero rows go;
--   desil 0: none recorded):
--   ReachAreaCount       households per (year, kecamatan, kelurahan, desil, extreme, active,
--                        number of OPDs);
--   ReachOpdCount        households per (year, OPD of the entry, kecamatan, kelurahan, desil,
--                        extreme, active, shared = another OPD reached it too);
--   ReachProgrammeCount  households per (year, programme, kecamatan, kelurahan, desil, extreme,
--                        active);
--   ReachResultCount     the mayor's results: households reached and, of them, graduated, per
--                        kecamatan, for the city ('city', key ''), per programme-owning OPD
--                        ('owner') and per programme ('programme'). The results dashboard
--                        counts a household for the OPD that owns the programme, not the OPD of
--                        the entry (HouseholdReach.opdId, what the Bapeda overlap counts).
--   keeps     the five tables above
--   from      "HouseholdReach" (household_reach_year_insert, _update, _delete), "Programme"
--             (programme_reach_owner: handed to another OPD), "HouseholdStatusEvent"
--             (status_event_reach_insert, _update, _delete); HouseholdYearReach feeds the four
--             counts (household_year_reach_insert, _update, _delete)
--   read by   features/dashboards/poverty/queries.ts, features/dashboards/results/queries.ts
--   rebuild   entas_reach_counts_rebuild(tenant) = entas_reach_year_rebuild, then
--             entas_reach_count_fill for each count table (the parts may run side by side);
--             entas_reach_rebuild(tenant) (household-reach.sql) recomputes HouseholdReach first
--   tested    features/dashboards/tests/reach-counts.test.ts (every figure equal to the
--             distinct-household count over HouseholdReach under every filter, the tables equal
--             to entas_reach_rebuild after writes, two concurrent writers both counted);
--             features/dashboards/tests/mayor-dashboard.test.ts (equal to entas_dash_rebuild)
-- Repeatable (prisma/sql/README.md): run it again and nothing changes.

-- ── HouseholdReach → HouseholdYearReach ──
-- Recomputes the (tenant, year, household) rows of the keys from HouseholdReach. Concurrency:
-- the rows are locked first (existing ones FOR UPDATE; new ones by a no-op upsert), then
-- recomputed by a later statement, whose snapshot (READ COMMITTED) sees every transaction
-- that held the lock before: two transactions reaching one household serialise here and the
-- second counts the first's rows. `p_insert`: the key has live reach rows (from new_rows),
-- so its row may be created (never for deletions: a tenant being deleted cascades here).
CREATE OR REPLACE FUNCTION entas_reach_year_sync(p_t text[], p_y int[], p_h text[], p_insert boolean[])
  RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF p_t IS NULL THEN RETURN; END IF;
  PERFORM 1 FROM "HouseholdYearReach" y
    JOIN (SELECT DISTINCT t, yr, h FROM unnest(p_t, p_y, p_h) AS x(t, yr, h)) k
      ON y."tenantId" = k.t AND y."fiscalYear" = k.yr AND y."householdId" = k.h
   ORDER BY 1 FOR UPDATE OF y;
  INSERT INTO "HouseholdYearReach" AS y ("tenantId", "fiscalYear", "householdId", "kecamatanId", "kelurahanId",
                                         desil, "isExtremePoor", active, "opdIds", "programmeIds", "ownerOpdIds", graduated)
  SELECT k.t, k.yr, k.h, hh."kecamatanId", hh."kelurahanId", hh.desil, hh."isExtremePoor", hh.status = 'ACTIVE', '{}', '{}', '{}', false
    FROM (SELECT t, yr, h FROM unnest(p_t, p_y, p_h, p_insert) AS x(t, yr, h, ins) GROUP BY 1, 2, 3 HAVING bool_or(ins)) k
    JOIN "Household" hh ON hh."tenantId" = k.t AND hh.id = k.h
   ORDER BY k.t, k.yr, k.h
  ON CONFLICT ("tenantId", "fiscalYear", "householdId") DO UPDATE SET "opdIds" = y."opdIds";
  UPDATE "HouseholdYearReach" y
     SET "kecamatanId" = coalesce(a.kec, y."kecamatanId"), "kelurahanId" = coalesce(a.kel, y."kelurahanId"),
         desil = CASE WHEN a.opds IS NULL THEN y.desil ELSE a.desil END,
         "isExtremePoor" = coalesce(a.ext, y."isExtremePoor"), active = coalesce(a.act, y.active),
         "opdIds" = coalesce(a.opds, '{}'), "programmeIds" = coalesce(a.progs, '{}'), "ownerOpdIds" = coalesce(a.owners, '{}'), graduated = a.graduated
    FROM (SELECT DISTINCT t, yr, h FROM unnest(p_t, p_y, p_h) AS x(t, yr, h)) k
    CROSS JOIN LATERAL (
      SELECT min(r."kecamatanId") kec, min(r."kelurahanId") kel, min(r.desil) desil,
             bool_or(r."isExtremePoor") ext, bool_or(r.active) act,
             array_agg(DISTINCT r."opdId" ORDER BY r."opdId") opds,
             array_agg(DISTINCT r."programmeId" ORDER BY r."programmeId") progs,
             array_agg(DISTINCT p."opdId" ORDER BY p."opdId") owners,
             EXISTS (SELECT 1 FROM "HouseholdStatusEvent" e WHERE e."tenantId" = k.t AND e."householdId" = k.h
                          AND e."toStatus" = 'GRADUATED' AND e."effectiveDate" >= make_date(k.yr, 1, 1)) AS graduated
        FROM "HouseholdReach" r
        JOIN "Programme" p ON p."tenantId" = r."tenantId" AND p.id = r."programmeId"
       WHERE r."tenantId" = k.t AND r."fiscalYear" = k.yr AND r."householdId" = k.h
    ) a
   WHERE y."tenantId" = k.t AND y."fiscalYear" = k.yr AND y."householdId" = k.h
     AND (y."kecamatanId", y."kelurahanId", y.desil, y."isExtremePoor", y.active, y."opdIds", y."programmeIds", y."ownerOpdIds", y.graduated)
         IS DISTINCT FROM (coalesce(a.kec, y."kecamatanId"), coalesce(a.kel, y."kelurahanId"),
                           CASE WHEN a.opds IS NULL THEN y.desil ELSE a.desil END,
                           coalesce(a.ext, y."isExtremePoor"), coalesce(a.act, y.active),
                           coalesce(a.opds, '{}'), coalesce(a.progs, '{}'), coalesce(a.owners, '{}'), a.graduated);
  DELETE FROM "HouseholdYearReach" y
   USING (SELECT DISTINCT t, yr, h FROM unnest(p_t, p_y, p_h) AS x(t, yr, h)) k
   WHERE y."tenantId" = k.t AND y."fiscalYear" = k.yr AND y."householdId" = k.h AND cardinality(y."opdIds") = 0;
END
$$;

-- While entas_reach_rebuild runs (setting entas.reach_rebuild), the triggers stand aside:
-- it recomputes the derived tables in bulk at its end.
CREATE OR REPLACE FUNCTION entas_reach_year_changed() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('entas.reach_rebuild', true) = 'on' THEN RETURN NULL; END IF;
  IF TG_OP = 'INSERT' THEN
    PERFORM entas_reach_year_sync(array_agg(n."tenantId"), array_agg(n."fiscalYear"), array_agg(n."householdId"), array_agg(true))
       FROM new_rows n;
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM entas_reach_year_sync(array_agg(x.t), array_agg(x.y), array_agg(x.h), array_agg(x.ins))
       FROM (SELECT n."tenantId" t, n."fiscalYear" y, n."householdId" h, true ins FROM new_rows n
             UNION ALL SELECT o."tenantId", o."fiscalYear", o."householdId", false FROM old_rows o) x;
  ELSE
    PERFORM entas_reach_year_sync(array_agg(o."tenantId"), array_agg(o."fiscalYear"), array_agg(o."householdId"), array_agg(false))
       FROM old_rows o;
  END IF;
  RETURN NULL;
END
$$;

DROP TRIGGER IF EXISTS household_reach_year_insert ON "HouseholdReach";
CREATE TRIGGER household_reach_year_insert AFTER INSERT ON "HouseholdReach"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION entas_reach_year_changed();
DROP TRIGGER IF EXISTS household_reach_year_update ON "HouseholdReach";
CREATE TRIGGER household_reach_year_update AFTER UPDATE ON "HouseholdReach"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION entas_reach_year_changed();
DROP TRIGGER IF EXISTS household_reach_year_delete ON "HouseholdReach";
CREATE TRIGGER household_reach_year_delete AFTER DELETE ON "HouseholdReach"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION entas_reach_year_changed();

-- ── HouseholdYearReach → the count tables ──
-- Each row with at least one OPD counts once in ReachAreaCount, once per OPD in ReachOpdCount,
-- once per programme in ReachProgrammeCount, and in ReachResultCount once for the city, once
-- per owning OPD and once per programme: new rows add, old rows subtract. A net increase is an
-- upsert (INSERT … ON CONFLICT DO UPDATE, so two transactions adding to one count row both
-- land); a net decrease only updates an existing row (when a tenant is deleted its count rows
-- may be gone first); rows at 0 are deleted.
CREATE OR REPLACE FUNCTION entas_reach_counts_apply(p_new "HouseholdYearReach"[], p_old "HouseholdYearReach"[])
  RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "ReachAreaCount" AS c ("tenantId", "fiscalYear", "kecamatanId", "kelurahanId", desil, "isExtremePoor", active, opds, households)
  SELECT * FROM (SELECT r."tenantId", r."fiscalYear", r."kecamatanId", r."kelurahanId", coalesce(r.desil, 0) AS desil, r."isExtremePoor", r.active, cardinality(r."opdIds") AS opds, sum(r.s)::int AS households
      FROM (SELECT x.*, 1 s FROM unnest(p_new) x UNION ALL SELECT x.*, -1 FROM unnest(p_old) x) r
       WHERE cardinality(r."opdIds") > 0
      GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 HAVING sum(r.s) <> 0) d WHERE d.households > 0 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
  ON CONFLICT ("tenantId", "fiscalYear", "kecamatanId", "kelurahanId", desil, "isExtremePoor", active, opds) DO UPDATE SET households = c.households + EXCLUDED.households;
  UPDATE "ReachAreaCount" c SET households = c.households + d.households
    FROM (SELECT r."tenantId", r."fiscalYear", r."kecamatanId", r."kelurahanId", coalesce(r.desil, 0) AS desil, r."isExtremePoor", r.active, cardinality(r."opdIds") AS opds, sum(r.s)::int AS households
      FROM (SELECT x.*, 1 s FROM unnest(p_new) x UNION ALL SELECT x.*, -1 FROM unnest(p_old) x) r
       WHERE cardinality(r."opdIds") > 0
      GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 HAVING sum(r.s) <> 0) d
   WHERE d.households < 0 AND c."tenantId" = d."tenantId" AND c."fiscalYear" = d."fiscalYear" AND c."kecamatanId" = d."kecamatanId" AND c."kelurahanId" = d."kelurahanId" AND c.desil = d.desil AND c."isExtremePoor" = d."isExtremePoor" AND c.active = d.active AND c.opds = d.opds;
  DELETE FROM "ReachAreaCount" c
   USING (SELECT r."tenantId", r."fiscalYear", r."kecamatanId", r."kelurahanId", coalesce(r.desil, 0) AS desil, r."isExtremePoor", r.active, cardinality(r."opdIds") AS opds, sum(r.s)::int AS households
      FROM (SELECT x.*, 1 s FROM unnest(p_new) x UNION ALL SELECT x.*, -1 FROM unnest(p_old) x) r
       WHERE cardinality(r."opdIds") > 0
      GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 HAVING sum(r.s) <> 0) d
   WHERE d.households < 0 AND c."tenantId" = d."tenantId" AND c."fiscalYear" = d."fiscalYear" AND c."kecamatanId" = d."kecamatanId" AND c."kelurahanId" = d."kelurahanId" AND c.desil = d.desil AND c."isExtremePoor" = d."isExtremePoor" AND c.active = d.active AND c.opds = d.opds AND c.households = 0;
  INSERT INTO "ReachOpdCount" AS c ("tenantId", "fiscalYear", "opdId", "kecamatanId", "kelurahanId", desil, "isExtremePoor", active, "shared", households)
  SELECT * FROM (SELECT r."tenantId", r."fiscalYear", u.id AS "opdId", r."kecamatanId", r."kelurahanId", coalesce(r.desil, 0) AS desil, r."isExtremePoor", r.active, cardinality(r."opdIds") > 1 AS "shared", sum(r.s)::int AS households
      FROM (SELECT x.*, 1 s FROM unnest(p_new) x UNION ALL SELECT x.*, -1 FROM unnest(p_old) x) r
       CROSS JOIN LATERAL unnest(r."opdIds") AS u(id)
       WHERE cardinality(r."opdIds") > 0
      GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9 HAVING sum(r.s) <> 0) d WHERE d.households > 0 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9
  ON CONFLICT ("tenantId", "fiscalYear", "opdId", "kecamatanId", "kelurahanId", desil, "isExtremePoor", active, "shared") DO UPDATE SET households = c.households + EXCLUDED.households;
  UPDATE "ReachOpdCount" c SET households = c.households + d.households
    FROM (SELECT r."tenantId", r."fiscalYear", u.id AS "opdId", r."kecamatanId", r."kelurahanId", coalesce(r.desil, 0) AS desil, r."isExtremePoor", r.active, cardinality(r."opdIds") > 1 AS "shared", sum(r.s)::int AS households
      FROM (SELECT x.*, 1 s FROM unnest(p_new) x UNION ALL SELECT x.*, -1 FROM unnest(p_old) x) r
       CROSS JOIN LATERAL unnest(r."opdIds") AS u(id)
       WHERE cardinality(r."opdIds") > 0
      GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9 HAVING sum(r.s) <> 0) d
   WHERE d.households < 0 AND c."tenantId" = d."tenantId" AND c."fiscalYear" = d."fiscalYear" AND c."opdId" = d."opdId" AND c."kecamatanId" = d."kecamatanId" AND c."kelurahanId" = d."kelurahanId" AND c.desil = d.desil AND c."isExtremePoor" = d."isExtremePoor" AND c.active = d.active AND c."shared" = d."shared";
  DELETE FROM "ReachOpdCount" c
   USING (SELECT r."tenantId", r."fiscalYear", u.id AS "opdId", r."kecamatanId", r."kelurahanId", coalesce(r.desil, 0) AS desil, r."isExtremePoor", r.active, cardinality(r."opdIds") > 1 AS "shared", sum(r.s)::int AS households
      FROM (SELECT x.*, 1 s FROM unnest(p_new) x UNION ALL SELECT x.*, -1 FROM unnest(p_old) x) r
       CROSS JOIN LATERAL unnest(r."opdIds") AS u(id)
       WHERE cardinality(r."opdIds") > 0
      GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9 HAVING sum(r.s) <> 0) d
   WHERE d.households < 0 AND c."tenantId" = d."tenantId" AND c."fiscalYear" = d."fiscalYear" AND c."opdId" = d."opdId" AND c."kecamatanId" = d."kecamatanId" AND c."kelurahanId" = d."kelurahanId" AND c.desil = d.desil AND c."isExtremePoor" = d."isExtremePoor" AND c.active = d.active AND c."shared" = d."shared" AND c.households = 0;
  INSERT INTO "ReachProgrammeCount" AS c ("tenantId", "fiscalYear", "programmeId", "kecamatanId", "kelurahanId", desil, "isExtremePoor", active, households)
  SELECT * FROM (SELECT r."tenantId", r."fiscalYear", u.id AS "programmeId", r."kecamatanId", r."kelurahanId", coalesce(r.desil, 0) AS desil, r."isExtremePoor", r.active, sum(r.s)::int AS households
      FROM (SELECT x.*, 1 s FROM unnest(p_new) x UNION ALL SELECT x.*, -1 FROM unnest(p_old) x) r
       CROSS JOIN LATERAL unnest(r."programmeIds") AS u(id)
       WHERE cardinality(r."opdIds") > 0
      GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 HAVING sum(r.s) <> 0) d WHERE d.households > 0 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
  ON CONFLICT ("tenantId", "fiscalYear", "programmeId", "kecamatanId", "kelurahanId", desil, "isExtremePoor", active) DO UPDATE SET households = c.households + EXCLUDED.households;
  UPDATE "ReachProgrammeCount" c SET households = c.households + d.households
    FROM (SELECT r."tenantId", r."fiscalYear", u.id AS "programmeId", r."kecamatanId", r."kelurahanId", coalesce(r.desil, 0) AS desil, r."isExtremePoor", r.active, sum(r.s)::int AS households
      FROM (SELECT x.*, 1 s FROM unnest(p_new) x UNION ALL SELECT x.*, -1 FROM unnest(p_old) x) r
       CROSS JOIN LATERAL unnest(r."programmeIds") AS u(id)
       WHERE cardinality(r."opdIds") > 0
      GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 HAVING sum(r.s) <> 0) d
   WHERE d.households < 0 AND c."tenantId" = d."tenantId" AND c."fiscalYear" = d."fiscalYear" AND c."programmeId" = d."programmeId" AND c."kecamatanId" = d."kecamatanId" AND c."kelurahanId" = d."kelurahanId" AND c.desil = d.desil AND c."isExtremePoor" = d."isExtremePoor" AND c.active = d.active;
  DELETE FROM "ReachProgrammeCount" c
   USING (SELECT r."tenantId", r."fiscalYear", u.id AS "programmeId", r."kecamatanId", r."kelurahanId", coalesce(r.desil, 0) AS desil, r."isExtremePoor", r.active, sum(r.s)::int AS households
      FROM (SELECT x.*, 1 s FROM unnest(p_new) x UNION ALL SELECT x.*, -1 FROM unnest(p_old) x) r
       CROSS JOIN LATERAL unnest(r."programmeIds") AS u(id)
       WHERE cardinality(r."opdIds") > 0
      GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 HAVING sum(r.s) <> 0) d
   WHERE d.households < 0 AND c."tenantId" = d."tenantId" AND c."fiscalYear" = d."fiscalYear" AND c."programmeId" = d."programmeId" AND c."kecamatanId" = d."kecamatanId" AND c."kelurahanId" = d."kelurahanId" AND c.desil = d.desil AND c."isExtremePoor" = d."isExtremePoor" AND c.active = d.active AND c.households = 0;
  INSERT INTO "ReachResultCount" AS c ("tenantId", "fiscalYear", kind, key, "kecamatanId", reached, graduates)
  SELECT d."tenantId", d."fiscalYear", d.kind, d.key, d."kecamatanId", d.reached, coalesce(d.graduates, 0)
    FROM (SELECT r."tenantId", r."fiscalYear", u.kind, u.id AS key, r."kecamatanId",
             sum(r.s)::int AS reached, sum(r.s) FILTER (WHERE r.graduated)::int AS graduates
      FROM (SELECT x.*, 1 s FROM unnest(p_new) x UNION ALL SELECT x.*, -1 FROM unnest(p_old) x) r
       CROSS JOIN LATERAL (SELECT 'city'::text, ''::text UNION ALL SELECT 'owner', o FROM unnest(r."ownerOpdIds") o
                           UNION ALL SELECT 'programme', p FROM unnest(r."programmeIds") p) AS u(kind, id)
       WHERE cardinality(r."opdIds") > 0
      GROUP BY 1, 2, 3, 4, 5) d
   WHERE d.reached >= 0 AND coalesce(d.graduates, 0) >= 0 AND (d.reached > 0 OR d.graduates > 0) ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT ("tenantId", "fiscalYear", kind, key, "kecamatanId")
    DO UPDATE SET reached = c.reached + EXCLUDED.reached, graduates = c.graduates + EXCLUDED.graduates;
  UPDATE "ReachResultCount" c SET reached = c.reached + d.reached, graduates = c.graduates + coalesce(d.graduates, 0)
    FROM (SELECT r."tenantId", r."fiscalYear", u.kind, u.id AS key, r."kecamatanId",
             sum(r.s)::int AS reached, sum(r.s) FILTER (WHERE r.graduated)::int AS graduates
      FROM (SELECT x.*, 1 s FROM unnest(p_new) x UNION ALL SELECT x.*, -1 FROM unnest(p_old) x) r
       CROSS JOIN LATERAL (SELECT 'city'::text, ''::text UNION ALL SELECT 'owner', o FROM unnest(r."ownerOpdIds") o
                           UNION ALL SELECT 'programme', p FROM unnest(r."programmeIds") p) AS u(kind, id)
       WHERE cardinality(r."opdIds") > 0
      GROUP BY 1, 2, 3, 4, 5) d
   WHERE (d.reached < 0 OR d.graduates < 0) AND c."tenantId" = d."tenantId" AND c."fiscalYear" = d."fiscalYear" AND c.kind = d.kind AND c.key = d.key AND c."kecamatanId" = d."kecamatanId";
  DELETE FROM "ReachResultCount" c
   USING (SELECT r."tenantId", r."fiscalYear", u.kind, u.id AS key, r."kecamatanId",
             sum(r.s)::int AS reached, sum(r.s) FILTER (WHERE r.graduated)::int AS graduates
      FROM (SELECT x.*, 1 s FROM unnest(p_new) x UNION ALL SELECT x.*, -1 FROM unnest(p_old) x) r
       CROSS JOIN LATERAL (SELECT 'city'::text, ''::text UNION ALL SELECT 'owner', o FROM unnest(r."ownerOpdIds") o
                           UNION ALL SELECT 'programme', p FROM unnest(r."programmeIds") p) AS u(kind, id)
       WHERE cardinality(r."opdIds") > 0
      GROUP BY 1, 2, 3, 4, 5) d
   WHERE d.reached < 0 AND c."tenantId" = d."tenantId" AND c."fiscalYear" = d."fiscalYear" AND c.kind = d.kind AND c.key = d.key AND c."kecamatanId" = d."kecamatanId" AND c.reached = 0;
END
$$;

-- Statements that changed nothing are skipped: entas_reach_year_sync's four statements each
-- fire this trigger, and usually two of them change nothing (the DELETE finds no row, the
-- INSERT … ON CONFLICT DO UPDATE that locks existing rows rewrites them as they were). Such a
-- call would add and remove the same rows; skipped, a verification costs a third less.
CREATE OR REPLACE FUNCTION entas_reach_counts_changed() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('entas.reach_rebuild', true) = 'on' THEN RETURN NULL; END IF;
  IF TG_OP = 'INSERT' THEN
    IF NOT EXISTS (SELECT 1 FROM new_rows) THEN RETURN NULL; END IF;
    PERFORM entas_reach_counts_apply((SELECT array_agg(ROW(n."tenantId", n."fiscalYear", n."householdId", n."kecamatanId", n."kelurahanId", n.desil, n."isExtremePoor", n.active, n."opdIds", n."programmeIds", n."ownerOpdIds", n.graduated)::"HouseholdYearReach") FROM new_rows n), NULL);
  ELSIF TG_OP = 'UPDATE' THEN
    IF NOT EXISTS (SELECT * FROM new_rows EXCEPT ALL SELECT * FROM old_rows) THEN RETURN NULL; END IF;
    PERFORM entas_reach_counts_apply((SELECT array_agg(ROW(n."tenantId", n."fiscalYear", n."householdId", n."kecamatanId", n."kelurahanId", n.desil, n."isExtremePoor", n.active, n."opdIds", n."programmeIds", n."ownerOpdIds", n.graduated)::"HouseholdYearReach") FROM new_rows n), (SELECT array_agg(ROW(o."tenantId", o."fiscalYear", o."householdId", o."kecamatanId", o."kelurahanId", o.desil, o."isExtremePoor", o.active, o."opdIds", o."programmeIds", o."ownerOpdIds", o.graduated)::"HouseholdYearReach") FROM old_rows o));
  ELSE
    IF NOT EXISTS (SELECT 1 FROM old_rows) THEN RETURN NULL; END IF;
    PERFORM entas_reach_counts_apply(NULL, (SELECT array_agg(ROW(o."tenantId", o."fiscalYear", o."householdId", o."kecamatanId", o."kelurahanId", o.desil, o."isExtremePoor", o.active, o."opdIds", o."programmeIds", o."ownerOpdIds", o.graduated)::"HouseholdYearReach") FROM old_rows o));
  END IF;
  RETURN NULL;
END
$$;

DROP TRIGGER IF EXISTS household_year_reach_insert ON "HouseholdYearReach";
CREATE TRIGGER household_year_reach_insert AFTER INSERT ON "HouseholdYearReach"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION entas_reach_counts_changed();
DROP TRIGGER IF EXISTS household_year_reach_update ON "HouseholdYearReach";
CREATE TRIGGER household_year_reach_update AFTER UPDATE ON "HouseholdYearReach"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION entas_reach_counts_changed();
DROP TRIGGER IF EXISTS household_year_reach_delete ON "HouseholdYearReach";
CREATE TRIGGER household_year_reach_delete AFTER DELETE ON "HouseholdYearReach"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION entas_reach_counts_changed();

-- A programme handed to another OPD: its households' rows are recomputed (their owners change).
-- Its reach rows are of its year (before or after a change of year in the same statement).
CREATE OR REPLACE FUNCTION entas_reach_programme_owner() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  PERFORM entas_reach_year_sync(array_agg(r."tenantId"), array_agg(r."fiscalYear"), array_agg(r."householdId"), array_agg(false))
     FROM "HouseholdReach" r
    WHERE r."tenantId" = NEW."tenantId" AND r."fiscalYear" IN (OLD."fiscalYear", NEW."fiscalYear") AND r."programmeId" = NEW.id;
  RETURN NULL;
END
$$;

DROP TRIGGER IF EXISTS programme_reach_owner ON "Programme";
CREATE TRIGGER programme_reach_owner AFTER UPDATE OF "opdId" ON "Programme"
  FOR EACH ROW WHEN (OLD."opdId" IS DISTINCT FROM NEW."opdId") EXECUTE FUNCTION entas_reach_programme_owner();

-- A status event written, changed or deleted: the household's rows of every year re-sync.
CREATE OR REPLACE FUNCTION entas_reach_status_event() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM entas_reach_year_sync(array_agg(y."tenantId"), array_agg(y."fiscalYear"), array_agg(y."householdId"), array_agg(false))
       FROM "HouseholdYearReach" y JOIN (SELECT DISTINCT "tenantId", "householdId" FROM new_rows) e
         ON y."tenantId" = e."tenantId" AND y."householdId" = e."householdId";
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM entas_reach_year_sync(array_agg(y."tenantId"), array_agg(y."fiscalYear"), array_agg(y."householdId"), array_agg(false))
       FROM "HouseholdYearReach" y JOIN (SELECT DISTINCT "tenantId", "householdId" FROM old_rows) e
         ON y."tenantId" = e."tenantId" AND y."householdId" = e."householdId";
  END IF;
  RETURN NULL;
END
$$;

DROP TRIGGER IF EXISTS status_event_reach_insert ON "HouseholdStatusEvent";
CREATE TRIGGER status_event_reach_insert AFTER INSERT ON "HouseholdStatusEvent"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION entas_reach_status_event();
DROP TRIGGER IF EXISTS status_event_reach_update ON "HouseholdStatusEvent";
CREATE TRIGGER status_event_reach_update AFTER UPDATE ON "HouseholdStatusEvent"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION entas_reach_status_event();
DROP TRIGGER IF EXISTS status_event_reach_delete ON "HouseholdStatusEvent";
CREATE TRIGGER status_event_reach_delete AFTER DELETE ON "HouseholdStatusEvent"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION entas_reach_status_event();

-- ── Bulk recompute ──
-- The tables of one tenant (NULL: every tenant) recomputed, triggers aside, in parts, so a bulk
-- load (scripts/bench/generate-city.ts) can run independent parts side by side on separate
-- connections.

-- HouseholdYearReach from HouseholdReach; the count tables derived from it are emptied here
-- and refilled by entas_reach_count_fill.
CREATE OR REPLACE FUNCTION entas_reach_year_rebuild(p_tenant text) RETURNS void
  LANGUAGE plpgsql AS $$
BEGIN
  PERFORM set_config('entas.reach_rebuild', 'on', true);
  DELETE FROM "ReachAreaCount" WHERE p_tenant IS NULL OR "tenantId" = p_tenant;
  DELETE FROM "ReachOpdCount" WHERE p_tenant IS NULL OR "tenantId" = p_tenant;
  DELETE FROM "ReachProgrammeCount" WHERE p_tenant IS NULL OR "tenantId" = p_tenant;
  DELETE FROM "ReachResultCount" WHERE p_tenant IS NULL OR "tenantId" = p_tenant;
  DELETE FROM "HouseholdYearReach" WHERE p_tenant IS NULL OR "tenantId" = p_tenant;
  INSERT INTO "HouseholdYearReach" ("tenantId", "fiscalYear", "householdId", "kecamatanId", "kelurahanId",
                                    desil, "isExtremePoor", active, "opdIds", "programmeIds", "ownerOpdIds", graduated)
  SELECT r."tenantId", r."fiscalYear", r."householdId", min(r."kecamatanId"), min(r."kelurahanId"), min(r.desil),
         bool_or(r."isExtremePoor"), bool_or(r.active),
         array_agg(DISTINCT r."opdId" ORDER BY r."opdId"), array_agg(DISTINCT r."programmeId" ORDER BY r."programmeId"),
         array_agg(DISTINCT p."opdId" ORDER BY p."opdId"),
         EXISTS (SELECT 1 FROM "HouseholdStatusEvent" e WHERE e."tenantId" = r."tenantId" AND e."householdId" = r."householdId"
                          AND e."toStatus" = 'GRADUATED' AND e."effectiveDate" >= make_date(r."fiscalYear", 1, 1))
    FROM "HouseholdReach" r
    JOIN "Programme" p ON p."tenantId" = r."tenantId" AND p.id = r."programmeId"
   WHERE p_tenant IS NULL OR r."tenantId" = p_tenant
   GROUP BY 1, 2, 3;
  PERFORM set_config('entas.reach_rebuild', 'off', true);
END
$$;

-- One count table from HouseholdYearReach: 'area', 'opd', 'programme' or 'result'. The four
-- write different tables and only read HouseholdYearReach, so they may run concurrently.
CREATE OR REPLACE FUNCTION entas_reach_count_fill(p_tenant text, p_table text) RETURNS void
  LANGUAGE plpgsql AS $$
BEGIN
  IF p_table = 'area' THEN
    INSERT INTO "ReachAreaCount" ("tenantId", "fiscalYear", "kecamatanId", "kelurahanId", desil, "isExtremePoor", active, opds, households)
    SELECT "tenantId", "fiscalYear", "kecamatanId", "kelurahanId", coalesce(desil, 0), "isExtremePoor", active, cardinality("opdIds"), count(*)
      FROM "HouseholdYearReach" WHERE p_tenant IS NULL OR "tenantId" = p_tenant
     GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;
  ELSIF p_table = 'opd' THEN
    INSERT INTO "ReachOpdCount" ("tenantId", "fiscalYear", "opdId", "kecamatanId", "kelurahanId", desil, "isExtremePoor", active, shared, households)
    SELECT y."tenantId", y."fiscalYear", u.id, y."kecamatanId", y."kelurahanId", coalesce(y.desil, 0), y."isExtremePoor", y.active,
           cardinality(y."opdIds") > 1, count(*)
      FROM "HouseholdYearReach" y CROSS JOIN LATERAL unnest(y."opdIds") AS u(id)
     WHERE p_tenant IS NULL OR y."tenantId" = p_tenant
     GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9;
  ELSIF p_table = 'programme' THEN
    INSERT INTO "ReachProgrammeCount" ("tenantId", "fiscalYear", "programmeId", "kecamatanId", "kelurahanId", desil, "isExtremePoor", active, households)
    SELECT y."tenantId", y."fiscalYear", u.id, y."kecamatanId", y."kelurahanId", coalesce(y.desil, 0), y."isExtremePoor", y.active, count(*)
      FROM "HouseholdYearReach" y CROSS JOIN LATERAL unnest(y."programmeIds") AS u(id)
     WHERE p_tenant IS NULL OR y."tenantId" = p_tenant
     GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;
  ELSIF p_table = 'result' THEN
    INSERT INTO "ReachResultCount" ("tenantId", "fiscalYear", kind, key, "kecamatanId", reached, graduates)
    SELECT y."tenantId", y."fiscalYear", u.kind, u.id, y."kecamatanId", count(*), count(*) FILTER (WHERE y.graduated)
      FROM "HouseholdYearReach" y
      CROSS JOIN LATERAL (SELECT 'city'::text, ''::text UNION ALL SELECT 'owner', o FROM unnest(y."ownerOpdIds") o
                          UNION ALL SELECT 'programme', p FROM unnest(y."programmeIds") p) AS u(kind, id)
     WHERE p_tenant IS NULL OR y."tenantId" = p_tenant
     GROUP BY 1, 2, 3, 4, 5;
  ELSE
    RAISE EXCEPTION 'entas_reach_count_fill: unknown table %', p_table;
  END IF;
END
$$;

CREATE OR REPLACE FUNCTION entas_reach_counts_rebuild(p_tenant text) RETURNS void
  LANGUAGE plpgsql AS $$
BEGIN
  PERFORM entas_reach_year_rebuild(p_tenant);
  PERFORM entas_reach_count_fill(p_tenant, 'area');
  PERFORM entas_reach_count_fill(p_tenant, 'opd');
  PERFORM entas_reach_count_fill(p_tenant, 'programme');
  PERFORM entas_reach_count_fill(p_tenant, 'result');
END
$$;
-- ─── end repeatable summaries/reach-counts.sql ───

-- ─── begin repeatable summaries/training-counts.sql ───
-- DashboardTrainingCount: completed verified participants ("trained") and businesses opened
-- (a follow-up BUSINESS_OPENED), per programme and kecamatan, for the mayor's results dashboard
-- (features/dashboards/results/queries.ts; its households reached and graduates come from
-- ReachResultCount, reach-counts.sql). Counted, like the programme page (features/trainings):
-- verified participants of verified trainings that are not cancelled.
--   keeps     "DashboardTrainingCount"
--   from      "TrainingParticipant" (entas_dash_participant), "TrainingFollowUp"
--             (entas_dash_follow_up), "Training" (entas_dash_training: verified, cancelled or
--             moved to another programme), "Household" (entas_dash_household_moved: a move to
--             another kecamatan); row-level triggers
--   rebuild   entas_training_counts_rebuild(tenant) (this table);
--             entas_dash_rebuild(tenant) (every dashboard summary kept from the entries:
--             HouseholdReach and its reach counts, then this table)
--   tested    features/dashboards/tests/mayor-dashboard.test.ts ("the result summaries follow
--             every write": equal to entas_dash_rebuild after verifying, reversing, a later
--             graduation, a follow-up, a move, a programme changing OPD or year, a cancellation);
--             tests/integration/bench-smoke.test.ts (after a bulk load)
-- Triggers run as the writer (entas_app), inside its tenant: the rows they touch carry the
-- writer's tenant, so row-level security holds.
-- Repeatable (prisma/sql/README.md): run it again and nothing changes.

-- Adds to one programme's counts in the household's kecamatan.
CREATE OR REPLACE FUNCTION entas_dash_training(p_tenant text, p_programme text, p_household text, p_trained int, p_businesses int) RETURNS void
  LANGUAGE plpgsql
  AS $$
DECLARE
  v_kecamatan text;
BEGIN
  IF (p_trained = 0 AND p_businesses = 0) OR p_programme IS NULL THEN RETURN; END IF;
  SELECT h."kecamatanId" INTO v_kecamatan FROM "Household" h WHERE h."tenantId" = p_tenant AND h."id" = p_household;
  IF v_kecamatan IS NULL THEN RETURN; END IF;
  INSERT INTO "DashboardTrainingCount" ("tenantId", "programmeId", "kecamatanId", "trained", "businesses")
  VALUES (p_tenant, p_programme, v_kecamatan, p_trained, p_businesses)
  ON CONFLICT ("tenantId", "programmeId", "kecamatanId") DO UPDATE
    SET "trained" = "DashboardTrainingCount"."trained" + EXCLUDED."trained",
        "businesses" = "DashboardTrainingCount"."businesses" + EXCLUDED."businesses";
END
$$;

-- Whether a participant has a follow-up BUSINESS_OPENED.
CREATE OR REPLACE FUNCTION entas_dash_opened(p_tenant text, p_participant text) RETURNS boolean
  LANGUAGE sql STABLE
  AS $$
    SELECT EXISTS (SELECT 1 FROM "TrainingFollowUp" f
                    WHERE f."tenantId" = p_tenant AND f."participantId" = p_participant AND f."outcome" = 'BUSINESS_OPENED')
  $$;

-- A verified participant of a counted training: completed counts as trained; with a
-- follow-up BUSINESS_OPENED, as a business opened.
CREATE OR REPLACE FUNCTION entas_dash_participant_changed() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
DECLARE
  v_programme text;
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD."status" = 'VERIFIED' THEN
    SELECT t."programmeId" INTO v_programme FROM "Training" t
     WHERE t."tenantId" = OLD."tenantId" AND t."id" = OLD."trainingId" AND t."status" = 'VERIFIED' AND t."cancelledAt" IS NULL;
    PERFORM entas_dash_training(OLD."tenantId", v_programme, OLD."householdId",
      CASE WHEN OLD."completion" = 'COMPLETED' THEN -1 ELSE 0 END,
      CASE WHEN entas_dash_opened(OLD."tenantId", OLD."id") THEN -1 ELSE 0 END);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW."status" = 'VERIFIED' THEN
    SELECT t."programmeId" INTO v_programme FROM "Training" t
     WHERE t."tenantId" = NEW."tenantId" AND t."id" = NEW."trainingId" AND t."status" = 'VERIFIED' AND t."cancelledAt" IS NULL;
    PERFORM entas_dash_training(NEW."tenantId", v_programme, NEW."householdId",
      CASE WHEN NEW."completion" = 'COMPLETED' THEN 1 ELSE 0 END,
      CASE WHEN entas_dash_opened(NEW."tenantId", NEW."id") THEN 1 ELSE 0 END);
  END IF;
  RETURN NULL;
END
$$;

DROP TRIGGER IF EXISTS entas_dash_participant ON "TrainingParticipant";
CREATE TRIGGER entas_dash_participant AFTER INSERT OR DELETE OR UPDATE OF "status", "completion", "trainingId", "householdId"
  ON "TrainingParticipant" FOR EACH ROW EXECUTE FUNCTION entas_dash_participant_changed();

-- A follow-up changes "business opened" of a verified participant of a counted training when
-- it is the first BUSINESS_OPENED (or the last one goes).
CREATE OR REPLACE FUNCTION entas_dash_follow_up_changed() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
DECLARE
  v_row "TrainingFollowUp";
  v_after boolean;
  v_before boolean;
  v_programme text;
  v_household text;
BEGIN
  IF TG_OP = 'DELETE' THEN v_row := OLD; ELSE v_row := NEW; END IF;
  SELECT t."programmeId", tp."householdId" INTO v_programme, v_household
    FROM "TrainingParticipant" tp JOIN "Training" t ON t."tenantId" = tp."tenantId" AND t."id" = tp."trainingId"
   WHERE tp."tenantId" = v_row."tenantId" AND tp."id" = v_row."participantId" AND tp."status" = 'VERIFIED'
     AND t."status" = 'VERIFIED' AND t."cancelledAt" IS NULL;
  IF v_programme IS NULL THEN RETURN NULL; END IF;
  v_after := entas_dash_opened(v_row."tenantId", v_row."participantId");
  -- The state before this row changed: the participant's other follow-ups, plus this row as it was.
  v_before := EXISTS (SELECT 1 FROM "TrainingFollowUp" f
                       WHERE f."tenantId" = v_row."tenantId" AND f."participantId" = v_row."participantId"
                         AND f."outcome" = 'BUSINESS_OPENED' AND f."id" <> v_row."id");
  IF TG_OP <> 'INSERT' THEN
    v_before := v_before OR OLD."outcome" IS NOT DISTINCT FROM 'BUSINESS_OPENED';
  END IF;
  IF v_after <> v_before THEN
    PERFORM entas_dash_training(v_row."tenantId", v_programme, v_household, 0, CASE WHEN v_after THEN 1 ELSE -1 END);
  END IF;
  RETURN NULL;
END
$$;

DROP TRIGGER IF EXISTS entas_dash_follow_up ON "TrainingFollowUp";
CREATE TRIGGER entas_dash_follow_up AFTER INSERT OR DELETE OR UPDATE OF "outcome"
  ON "TrainingFollowUp" FOR EACH ROW EXECUTE FUNCTION entas_dash_follow_up_changed();

-- A household that moves takes its training counts to its new kecamatan (HouseholdReach
-- follows it through entas_household_counts).
CREATE OR REPLACE FUNCTION entas_dash_household_moved() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
DECLARE
  r record;
BEGIN
  FOR r IN
    SELECT t."programmeId",
           COUNT(*) FILTER (WHERE tp."completion" = 'COMPLETED')::int AS trained,
           COUNT(*) FILTER (WHERE entas_dash_opened(tp."tenantId", tp."id"))::int AS businesses
      FROM "TrainingParticipant" tp JOIN "Training" t ON t."tenantId" = tp."tenantId" AND t."id" = tp."trainingId"
     WHERE tp."tenantId" = NEW."tenantId" AND tp."householdId" = NEW."id" AND tp."status" = 'VERIFIED'
       AND t."status" = 'VERIFIED' AND t."cancelledAt" IS NULL
     GROUP BY t."programmeId"
  LOOP
    -- entas_dash_training looks the kecamatan up: subtract first, while it is still the old one.
    UPDATE "DashboardTrainingCount" SET "trained" = "trained" - r.trained, "businesses" = "businesses" - r.businesses
     WHERE "tenantId" = NEW."tenantId" AND "programmeId" = r."programmeId" AND "kecamatanId" = OLD."kecamatanId";
    PERFORM entas_dash_training(NEW."tenantId", r."programmeId", NEW."id", r.trained, r.businesses);
  END LOOP;
  RETURN NULL;
END
$$;

DROP TRIGGER IF EXISTS entas_dash_household_moved ON "Household";
CREATE TRIGGER entas_dash_household_moved AFTER UPDATE OF "kecamatanId" ON "Household"
  FOR EACH ROW WHEN (OLD."kecamatanId" IS DISTINCT FROM NEW."kecamatanId") EXECUTE FUNCTION entas_dash_household_moved();

-- A training verified, cancelled or moved to another programme: its verified participants'
-- counts leave what the old row counted for and join what the new one counts for.
CREATE OR REPLACE FUNCTION entas_dash_training_changed() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
DECLARE
  r record;
  v_old boolean := OLD."status" = 'VERIFIED' AND OLD."cancelledAt" IS NULL;
  v_new boolean := NEW."status" = 'VERIFIED' AND NEW."cancelledAt" IS NULL;
BEGIN
  IF v_old = v_new AND (NOT v_new OR OLD."programmeId" = NEW."programmeId") THEN RETURN NULL; END IF;
  FOR r IN
    SELECT tp."householdId", (tp."completion" = 'COMPLETED') AS completed, entas_dash_opened(tp."tenantId", tp."id") AS opened
      FROM "TrainingParticipant" tp
     WHERE tp."tenantId" = NEW."tenantId" AND tp."trainingId" = NEW."id" AND tp."status" = 'VERIFIED'
  LOOP
    IF v_old THEN
      PERFORM entas_dash_training(OLD."tenantId", OLD."programmeId", r."householdId",
        CASE WHEN r.completed THEN -1 ELSE 0 END, CASE WHEN r.opened THEN -1 ELSE 0 END);
    END IF;
    IF v_new THEN
      PERFORM entas_dash_training(NEW."tenantId", NEW."programmeId", r."householdId",
        CASE WHEN r.completed THEN 1 ELSE 0 END, CASE WHEN r.opened THEN 1 ELSE 0 END);
    END IF;
  END LOOP;
  RETURN NULL;
END
$$;

DROP TRIGGER IF EXISTS entas_dash_training ON "Training";
CREATE TRIGGER entas_dash_training AFTER UPDATE OF "status", "cancelledAt", "programmeId" ON "Training"
  FOR EACH ROW EXECUTE FUNCTION entas_dash_training_changed();

-- DashboardTrainingCount of one tenant (NULL: every tenant) from the participants.
CREATE OR REPLACE FUNCTION entas_training_counts_rebuild(p_tenant text) RETURNS void
  LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "DashboardTrainingCount" WHERE p_tenant IS NULL OR "tenantId" = p_tenant;
  INSERT INTO "DashboardTrainingCount" ("tenantId", "programmeId", "kecamatanId", "trained", "businesses")
  SELECT tp."tenantId", t."programmeId", h."kecamatanId",
         (COUNT(*) FILTER (WHERE tp."completion" = 'COMPLETED'))::int,
         (COUNT(*) FILTER (WHERE entas_dash_opened(tp."tenantId", tp."id")))::int
    FROM "TrainingParticipant" tp
    JOIN "Training" t ON t."tenantId" = tp."tenantId" AND t."id" = tp."trainingId"
    JOIN "Household" h ON h."tenantId" = tp."tenantId" AND h."id" = tp."householdId"
   WHERE tp."status" = 'VERIFIED' AND t."status" = 'VERIFIED' AND t."cancelledAt" IS NULL
     AND (p_tenant IS NULL OR tp."tenantId" = p_tenant)
   GROUP BY tp."tenantId", t."programmeId", h."kecamatanId";
END
$$;

-- Every summary kept from the entries, for one tenant (NULL: every tenant): HouseholdReach and
-- the reach counts derived from it, then the training counts. (HouseholdAreaCount, from the
-- registry, has entas_poverty_rebuild; LoanRound has entas_loan_rounds_rebuild.)
CREATE OR REPLACE FUNCTION entas_dash_rebuild(p_tenant text) RETURNS void
  LANGUAGE plpgsql AS $$
BEGIN
  PERFORM entas_reach_rebuild(p_tenant);
  PERFORM entas_training_counts_rebuild(p_tenant);
END
$$;
-- ─── end repeatable summaries/training-counts.sql ───

-- ─── Where each loan's schedule starts (prisma/sql/summaries/loan-schedule.sql) ───────────
-- Generated columns: PostgreSQL keeps them equal to "disbursedAt" and "graceMonths" on every
-- write, COPY included, so no writer can forget them. Read them, never write them.
ALTER TABLE "Loan"
  ADD COLUMN "scheduleMonth" INTEGER GENERATED ALWAYS AS (entas_month_index("disbursedAt") + "graceMonths") STORED,
  ADD COLUMN "scheduleDay" INTEGER GENERATED ALWAYS AS (date_part('day', "disbursedAt")::int) STORED;

-- ─── Row-level security on every table with a "tenantId" column ──────────────────────────
-- (prisma/sql/tenancy.sql). A later migration that adds a tenant-owned table calls
-- entas_enable_tenant_rls('<table>') for it; tests/integration/tenant-isolation.test.ts fails
-- if one does not.
SELECT entas_enable_tenant_rls(c.table_name)
FROM information_schema.columns c
JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
WHERE c.table_schema = 'public' AND c.column_name = 'tenantId' AND t.table_type = 'BASE TABLE';

-- ─── Enum equality may run before the tenant policy ─────────────────────────────────────
-- Under row-level security PostgreSQL applies a query's own conditions only after the tenant
-- policy, unless their functions are LEAKPROOF (they reveal nothing about rows the policy
-- hides). Equality of enums is not marked so, although it only compares two values' OIDs
-- (enum_eq, enum_ne: no lookup, no error). So a filter on status, kind or completion could
-- never be an index condition: at 1,000,000 households the aid page's list of drafts read all
-- 2.4 million hand-overs (about a second) instead of its 200 rows (11 ms).
--
-- Only a superuser may mark a function LEAKPROOF. Where migrations run as another role (a
-- managed server), this step is skipped with a warning: every answer stays the same, some
-- pages are slower; docs/performance.md says how to apply it there.
DO $$
BEGIN
  IF (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
    ALTER FUNCTION enum_eq(anyenum, anyenum) LEAKPROOF;
    ALTER FUNCTION enum_ne(anyenum, anyenum) LEAKPROOF;
  ELSE
    RAISE WARNING 'enum_eq/enum_ne not marked LEAKPROOF (needs a superuser): status filters cannot use indexes under row-level security. See docs/performance.md.';
  END IF;
END
$$;
