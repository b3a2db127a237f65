-- Realisation entries carry their SP2D / SPJ number. Entries made before it was asked keep
-- none (null): their number is not known, and a made-up one would read as a real reference.
ALTER TABLE "BudgetRealisation" ADD COLUMN "referenceNo" TEXT;
ALTER TABLE "BudgetRealisation"
  ADD COLUMN "referenceKey" TEXT GENERATED ALWAYS AS (NULLIF(upper(regexp_replace(btrim("referenceNo"), '\s+', ' ', 'g')), '')) STORED;
CREATE UNIQUE INDEX "BudgetRealisation_tenantId_referenceKey_key" ON "BudgetRealisation"("tenantId", "referenceKey");

-- One budget line per source and description within a programme. Lines already repeated
-- keep their money and entries; the later ones are renamed so the clerk can tell them apart.
WITH numbered AS (
  SELECT "tenantId", "id",
    row_number() OVER (
      PARTITION BY "tenantId", "programmeId", "fundingSource", upper(regexp_replace(btrim("description"), '\s+', ' ', 'g'))
      ORDER BY "createdAt", "id"
    ) AS n
  FROM "BudgetLine"
)
UPDATE "BudgetLine" l
SET "description" = btrim(l."description") || ' (GANDA ' || numbered.n || ')'
FROM numbered
WHERE numbered."tenantId" = l."tenantId" AND numbered."id" = l."id" AND numbered.n > 1;

ALTER TABLE "BudgetLine"
  ADD COLUMN "descriptionKey" TEXT GENERATED ALWAYS AS (upper(regexp_replace(btrim("description"), '\s+', ' ', 'g'))) STORED NOT NULL;
CREATE UNIQUE INDEX "BudgetLine_tenantId_programmeId_fundingSource_descriptionKe_key" ON "BudgetLine"("tenantId", "programmeId", "fundingSource", "descriptionKey");
