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
  LANGUAGE plpgsql AS $$
  BEGIN
    INSERT INTO "LoanRound" ("tenantId", "fundId", "round", "open", "closed")
    SELECT p_tenant, p_fund, p_round,
           CASE WHEN p_status IN ('PROPOSED', 'APPROVED', 'DISBURSED') THEN p_sign ELSE 0 END,
           CASE WHEN p_status IN ('REPAID', 'WRITTEN_OFF') THEN p_sign ELSE 0 END
     WHERE p_status <> 'REJECTED'
    ON CONFLICT ("tenantId", "fundId", "round") DO UPDATE
      SET "open" = "LoanRound"."open" + EXCLUDED."open", "closed" = "LoanRound"."closed" + EXCLUDED."closed";
  END $$;

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
  LANGUAGE plpgsql AS $$
  BEGIN
    DELETE FROM "LoanRound" WHERE "tenantId" = p_tenant;
    INSERT INTO "LoanRound" ("tenantId", "fundId", "round", "open", "closed")
    SELECT "tenantId", "fundId", "round",
           COUNT(*) FILTER (WHERE "status" IN ('PROPOSED', 'APPROVED', 'DISBURSED')),
           COUNT(*) FILTER (WHERE "status" IN ('REPAID', 'WRITTEN_OFF'))
      FROM "Loan" WHERE "tenantId" = p_tenant AND "status" <> 'REJECTED'
     GROUP BY "tenantId", "fundId", "round";
  END $$;
