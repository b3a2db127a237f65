-- ───────── What a registry import's dry run checked, kept for its commit ─────────
-- The commit used to read, parse and check the whole file again (about a third of its time at
-- 100,000 households) and stage it anew. The dry run now keeps its checked rows here and the
-- commit writes those. UNLOGGED: no WAL for rows that live minutes; a crash empties the tables,
-- and the commit then asks for the file to be checked again (lib/registry/import/run-import.ts).
-- The rows are personal data: the commit deletes its own, and every import deletes those of
-- jobs more than a day old or no longer waiting.
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

SELECT entas_enable_tenant_rls('ImportStagedHousehold');
SELECT entas_enable_tenant_rls('ImportStagedMember');
