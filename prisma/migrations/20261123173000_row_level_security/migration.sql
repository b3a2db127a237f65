-- Tenant isolation in the database itself (issue 3).
--
-- The application connects as (or switches to) the role `entas_app`, which is not the
-- tables' owner, not a superuser and has no BYPASSRLS: every row it reads or writes in a
-- tenant-owned table must carry the tenant set for the current transaction with
--   SELECT set_config('app.tenant_id', '<tenant id>', true);
-- A query that forgets its tenant filter therefore still sees nothing of another city.
-- Migrations and the demo seed run as the owner.

DO $$
BEGIN
  CREATE ROLE entas_app NOLOGIN;
EXCEPTION
  -- The role is cluster-wide: another database (or a concurrent test run) made it already.
  WHEN duplicate_object OR unique_violation THEN NULL;
END
$$;

GRANT USAGE ON SCHEMA public TO entas_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO entas_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO entas_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO entas_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO entas_app;
DO $$
BEGIN
  -- Absent in the shadow database that `migrate diff` replays migrations into.
  IF to_regclass('public._prisma_migrations') IS NOT NULL THEN
    REVOKE ALL ON "_prisma_migrations" FROM entas_app;
  END IF;
END
$$;

-- The tenant of the current transaction, or NULL outside any tenant.
CREATE OR REPLACE FUNCTION entas_current_tenant() RETURNS text
  LANGUAGE sql STABLE
  AS $$ SELECT nullif(current_setting('app.tenant_id', true), '') $$;

-- Turns on isolation for one table with a "tenantId" column. Later migrations that add
-- a tenant-owned table call it too; tests/integration/rls.test.ts fails if one does not.
-- Rows with a NULL tenant (the platform admin, platform events in the audit log) are
-- visible only outside any tenant.
CREATE OR REPLACE FUNCTION entas_enable_tenant_rls(table_name text) RETURNS void
  LANGUAGE plpgsql
  AS $$
BEGIN
  EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', table_name);
  EXECUTE format('DROP POLICY IF EXISTS tenant_isolation ON %I', table_name);
  EXECUTE format(
    'CREATE POLICY tenant_isolation ON %I TO entas_app
       USING ("tenantId" IS NOT DISTINCT FROM entas_current_tenant())
       WITH CHECK ("tenantId" IS NOT DISTINCT FROM entas_current_tenant())',
    table_name);
END
$$;

SELECT entas_enable_tenant_rls(c.table_name)
FROM information_schema.columns c
JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
WHERE c.table_schema = 'public' AND c.column_name = 'tenantId' AND t.table_type = 'BASE TABLE';

-- Sign-in must find a user by email before any tenant is known: the one cross-tenant
-- read, limited to the two columns needed to open the right tenant's scope.
CREATE OR REPLACE FUNCTION entas_lookup_login(login_email text)
  RETURNS TABLE (id text, "tenantId" text)
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = public
  AS $$ SELECT u.id, u."tenantId" FROM "User" u WHERE u.email = lower(login_email) $$;

REVOKE ALL ON FUNCTION entas_lookup_login(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION entas_lookup_login(text) TO entas_app;
