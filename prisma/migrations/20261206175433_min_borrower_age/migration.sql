-- Each city sets the youngest age at which a resident may borrow from Dana PEM; 17, the age
-- of a KTP, unless it says otherwise.
ALTER TABLE "Tenant" ADD COLUMN "minBorrowerAge" INTEGER NOT NULL DEFAULT 17;
ALTER TABLE "Tenant" ADD CONSTRAINT "Tenant_minBorrowerAge_check" CHECK ("minBorrowerAge" BETWEEN 15 AND 60);

-- "Pemuda" is 16 to 30 (UU 40/2009); a loan to a registry member younger than 16 when it was
-- proposed was marked youth only because the old rule had no lower bound.
UPDATE "Loan" l
SET "isYouth" = false
FROM "Member" m
WHERE m."tenantId" = l."tenantId" AND m."id" = l."memberId" AND l."isYouth"
  AND m."birthDate" > (l."createdAt"::date - interval '16 years');
