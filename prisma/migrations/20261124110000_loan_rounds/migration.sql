-- CreateTable
CREATE TABLE "LoanRound" (
    "tenantId" TEXT NOT NULL,
    "fundId" TEXT NOT NULL,
    "round" INTEGER NOT NULL,
    "open" INTEGER NOT NULL DEFAULT 0,
    "closed" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "LoanRound_pkey" PRIMARY KEY ("tenantId","fundId","round")
);

-- AddForeignKey
ALTER TABLE "LoanRound" ADD CONSTRAINT "LoanRound_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LoanRound" ADD CONSTRAINT "LoanRound_tenantId_fundId_fkey" FOREIGN KEY ("tenantId", "fundId") REFERENCES "RevolvingFund"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ───────── Lending rounds by state, for the Dana PEM roll-up ─────────
-- A round is completed when it has lent and nothing in it is still waiting or running. The
-- roll-up used to find those by grouping every loan of the city's funds on each view; this
-- table keeps the two counts per round, moved by a trigger on every write to Loan in the same
-- transaction (the trigger runs as the writer, inside its tenant, so row-level security holds).
-- entas_loan_rounds_rebuild(tenant) recomputes them (bulk loads run with triggers off).
SELECT entas_enable_tenant_rls('LoanRound');

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

CREATE TRIGGER loan_rounds AFTER INSERT OR DELETE ON "Loan"
  FOR EACH ROW EXECUTE FUNCTION entas_loan_rounds_trigger();
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

SELECT entas_loan_rounds_rebuild("id") FROM "Tenant";
