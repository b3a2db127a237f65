-- The "contains" name search at a million households, second try (issue 4 item 3, issue 8).
--
-- The function of member_name_trigrams returned every household with a matching member.
-- For a fragment common in names ("wati", "rahma": a hundred thousand members) that set
-- took seconds to build before the page could take its first fifty. Now the caller says
-- how many rows it wants: a rare fragment is answered whole from the trigram index, and a
-- common one is recognised after a few thousand rows (read by a scan that stops there), so
-- the search can walk the households in page order instead (lib/registry/search).
--
-- Rows are member rows, not distinct households: a distinct set cannot stop early.
-- EXECUTE plans the statement with the actual pattern and limit each time, so the planner
-- picks the trigram index for a rare fragment and a short scan for a common one.
DROP FUNCTION IF EXISTS entas_member_households_named(text);

CREATE FUNCTION entas_member_households_named(pattern text, max_rows integer)
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
