-- AlterTable
ALTER TABLE "Loan" ADD COLUMN     "feePaid" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN     "nextDueDate" DATE,
ADD COLUMN     "overrideById" TEXT,
ADD COLUMN     "principalRepaid" BIGINT NOT NULL DEFAULT 0;

-- Backfill from the repayments and schedules already recorded.
UPDATE "Loan" l SET "principalRepaid" = r.principal, "feePaid" = r.fee
FROM (SELECT "tenantId", "loanId", SUM("principalPart") AS principal, SUM("feePart") AS fee FROM "Repayment" GROUP BY 1, 2) r
WHERE r."tenantId" = l."tenantId" AND r."loanId" = l."id";

UPDATE "Loan" l SET "nextDueDate" = (
  SELECT MIN(c."dueDate") FROM (
    SELECT i."dueDate", SUM(i."principalDue" + i."feeDue") OVER (ORDER BY i."seq") AS cumulative
    FROM "LoanInstallment" i WHERE i."tenantId" = l."tenantId" AND i."loanId" = l."id"
  ) c WHERE c.cumulative > l."principalRepaid" + l."feePaid"
);
