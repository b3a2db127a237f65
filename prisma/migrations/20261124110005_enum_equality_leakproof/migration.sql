-- ───────── Enum equality may run before the tenant policy ─────────
-- Under row-level security PostgreSQL applies a query's own conditions only after the tenant
-- policy, unless their functions are LEAKPROOF (they reveal nothing about rows the policy
-- hides). Equality of enums is not marked so, although it only compares two values' OIDs
-- (enum_eq, enum_ne: no lookup, no error). So a filter on status, kind or completion could
-- never be an index condition: at 1,000,000 households the aid page's list of drafts read all
-- 2.4 million hand-overs (about a second) instead of its 200 rows (11 ms). Issue 8.
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
