-- ─── Submitted forms' keys (lib/actions/submissions.ts) ───────────────────────────────────
CREATE TABLE "Submission" (
    "tenantId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "result" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Submission_pkey" PRIMARY KEY ("tenantId","key")
);

CREATE INDEX "Submission_tenantId_createdAt_idx" ON "Submission"("tenantId", "createdAt");

ALTER TABLE "Submission" ADD CONSTRAINT "Submission_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

SELECT entas_enable_tenant_rls('Submission');

-- ─── One receipt number once per loan ────────────────────────────────────────────────────
-- Receipts recorded twice before this rule keep their number with " (GANDA n)" appended to
-- the second and later ones (oldest first), so the rule can hold without deleting a payment;
-- the suffix shows the kelurahan which repayments to check.
WITH numbered AS (
  SELECT "tenantId", "id",
         row_number() OVER (
           PARTITION BY "tenantId", "loanId", NULLIF(upper(regexp_replace(btrim("receiptNo"), '\s+', ' ', 'g')), '')
           ORDER BY "createdAt", "id"
         ) AS n
  FROM "Repayment"
  WHERE NULLIF(btrim("receiptNo"), '') IS NOT NULL
)
UPDATE "Repayment" r
SET "receiptNo" = btrim(r."receiptNo") || ' (GANDA ' || numbered.n || ')'
FROM numbered
WHERE numbered."tenantId" = r."tenantId" AND numbered."id" = r."id" AND numbered.n > 1;

-- Generated, as "Loan"."scheduleMonth": no writer can forget it or write it differently.
ALTER TABLE "Repayment"
  ADD COLUMN "receiptKey" TEXT GENERATED ALWAYS AS (NULLIF(upper(regexp_replace(btrim("receiptNo"), '\s+', ' ', 'g')), '')) STORED;

CREATE UNIQUE INDEX "Repayment_tenantId_loanId_receiptKey_key" ON "Repayment"("tenantId", "loanId", "receiptKey");
