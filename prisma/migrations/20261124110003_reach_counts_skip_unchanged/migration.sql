-- ───────── Reach counts: skip statements that changed nothing ─────────
-- Verifying aid runs entas_reach_year_sync, whose four statements on "HouseholdYearReach" each
-- fire this trigger. Two of them usually change nothing: the DELETE finds no row, and the
-- INSERT … ON CONFLICT DO UPDATE that locks existing rows rewrites them as they were. Each
-- call of entas_reach_counts_apply still ran its twelve statements, about a third of the
-- database's time for a verification (issue 8). The counts are unchanged by such a call (it
-- adds and removes the same rows), so it is skipped.
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
