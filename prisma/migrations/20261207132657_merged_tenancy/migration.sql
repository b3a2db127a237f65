-- ─── begin repeatable tenancy.sql ───
-- Tenant isolation in the database: the helpers of row-level security and of the app's raw SQL.
--   entas_current_tenant()            the tenant of the current transaction, or NULL outside any
--   entas_enable_tenant_rls(table)    isolation for one table with a "tenantId" column
--   entas_enable_platform_rls(table)  a platform table, which no city's scope reads or writes
--   entas_lookup_login(email)         sign-in's one cross-tenant read, of the sign-in directory
--   entas_sign_in_directory_keep()    keeps this database's users in its SignInDirectory
-- The app connects as (or switches to) the role entas_app, which is not the tables' owner, not
-- a superuser and has no BYPASSRLS: every row it reads or writes in a tenant-owned table must
-- carry the tenant set for the current transaction with
--   SELECT set_config('app.tenant_id', '<tenant id>', true);
-- so a query that forgets its tenant filter still sees nothing of another city. The baseline
-- migration creates the role, its grants and every table's policy; a later migration that adds
-- a tenant-owned table calls entas_enable_tenant_rls('<table>') itself, one that adds a platform
-- table entas_enable_platform_rls('<table>').
-- Tested by tests/integration/tenant-isolation.test.ts (every table with a "tenantId" column is
-- protected; platform events), tests/integration/auth-sign-in.test.ts.
-- Repeatable (prisma/sql/README.md): run it again and nothing changes.

-- The tenant of the current transaction, or NULL outside any tenant.
CREATE OR REPLACE FUNCTION entas_current_tenant() RETURNS text
  LANGUAGE sql STABLE
  AS $$ SELECT nullif(current_setting('app.tenant_id', true), '') $$;

-- Turns on isolation for one table with a "tenantId" column. Rows with a NULL tenant (the
-- platform admin's account and sessions) are visible only outside any tenant.
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

-- Turns on isolation for a table of the platform's own rows, without a "tenantId" column (the
-- platform's events): read, written, changed and deleted only outside any tenant, so no city's
-- scope sees the platform admin's trail or sign-ins to no account, nor adds to it.
CREATE OR REPLACE FUNCTION entas_enable_platform_rls(table_name text) RETURNS void
  LANGUAGE plpgsql
  AS $$
BEGIN
  EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', table_name);
  EXECUTE format('DROP POLICY IF EXISTS platform_only ON %I', table_name);
  EXECUTE format(
    'CREATE POLICY platform_only ON %I TO entas_app
       USING (entas_current_tenant() IS NULL)
       WITH CHECK (entas_current_tenant() IS NULL)',
    table_name);
END
$$;

-- Sign-in must find a user by email before any tenant is known: the one cross-tenant
-- read, limited to the two columns needed to open the right tenant's scope. The app reads it
-- on the main pod, whose SignInDirectory lists the users of every pod.
CREATE OR REPLACE FUNCTION entas_lookup_login(login_email text)
  RETURNS TABLE (id text, "tenantId" text)
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = public
  AS $$ SELECT d."userId", d."tenantId" FROM "SignInDirectory" d WHERE d.email = lower(login_email) $$;

REVOKE ALL ON FUNCTION entas_lookup_login(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION entas_lookup_login(text) TO entas_app;

-- Every way a user is written (the app, the seed, the bench generator's bulk inserts) keeps the
-- directory row of its database in the same transaction: here, not in each writer. A city on
-- another pod claims its users' emails on the main pod as well (lib/auth/sign-in-directory.ts).
CREATE OR REPLACE FUNCTION entas_sign_in_directory_keep() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = public
  AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    DELETE FROM "SignInDirectory" WHERE "userId" = OLD.id;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO "SignInDirectory" (email, "userId", "tenantId") VALUES (NEW.email, NEW.id, NEW."tenantId");
  END IF;
  RETURN NULL;
END
$$;

DROP TRIGGER IF EXISTS sign_in_directory_insert ON "User";
CREATE TRIGGER sign_in_directory_insert AFTER INSERT OR DELETE ON "User"
  FOR EACH ROW EXECUTE FUNCTION entas_sign_in_directory_keep();
DROP TRIGGER IF EXISTS sign_in_directory_update ON "User";
CREATE TRIGGER sign_in_directory_update AFTER UPDATE OF email, "tenantId" ON "User"
  FOR EACH ROW WHEN (OLD.email IS DISTINCT FROM NEW.email OR OLD."tenantId" IS DISTINCT FROM NEW."tenantId")
  EXECUTE FUNCTION entas_sign_in_directory_keep();
-- ─── end repeatable tenancy.sql ───
