import { describe, expect, it } from "vitest";
import { readSource, sourceFiles } from "../helpers/source-files";

// Raw SQL binds its tenant as a parameter (`"tenantId" = ${scopeTenantId()}`, lib/db/scope-tenant.ts),
// never only as the call entas_current_tenant(): a distributed PostgreSQL (Citus) routes a statement
// to one shard by a constant or parameter on the distribution column, and sends one that compares it
// with a function call to every shard. Row-level security keeps calling the function underneath:
// its policies (prisma/sql/tenancy.sql) stay as they are.

const APP_DIRS = ["app", "features", "lib", "components", "scripts"];
/** Where the function and the policies that call it are defined. */
const TENANCY_FILE = "prisma/sql/tenancy.sql";

/** Test code may read as the app's role does: it is not routed by the app. */
const isTestFile = (file: string) => file.includes("/tests/") || /\.(test|spec)\.tsx?$/.test(file);

/** The source without its comments: a comment that names the function is no call of it. */
function withoutComments(text: string, sql: boolean): string {
  const block = text.replace(/\/\*[\s\S]*?\*\//g, "");
  return sql ? block.replace(/--.*$/gm, "") : block.replace(/(^|[^:])\/\/.*$/gm, "$1");
}

/** A row filter on the function: a "tenantId" column compared with it (a guard on a parameter is not one). */
const SQL_FILTER = /"tenantId"\s*(?:=|IS\s+NOT\s+DISTINCT\s+FROM)\s*entas_current_tenant\s*\(/i;
const APP_CALL = /entas_current_tenant\s*\(/;

/**
 * The files of `sources` (path → text) whose SQL reaches its tenant through entas_current_tenant()
 * instead of a bound parameter: any call of it in the app's TypeScript, a "tenantId" filter on it in
 * prisma/sql outside the tenancy file.
 */
function unboundTenantSql(sources: Readonly<Record<string, string>>): string[] {
  return Object.entries(sources)
    .filter(([file, text]) => {
      if (file.endsWith(".sql")) return file !== TENANCY_FILE && SQL_FILTER.test(withoutComments(text, true));
      return !isTestFile(file) && APP_CALL.test(withoutComments(text, false));
    })
    .map(([file]) => file)
    .sort();
}

function projectSources(): Record<string, string> {
  const files = [...sourceFiles(APP_DIRS, /\.(tsx?|m?js)$/), ...sourceFiles(["prisma/sql"], /\.sql$/)];
  return Object.fromEntries(files.map((file) => [file, readSource(file)]));
}

describe("raw SQL of a city", () => {
  const sources = projectSources();

  it("is read from every source of app, features, lib, components, scripts and prisma/sql", () => {
    const files = Object.keys(sources);
    expect([...APP_DIRS, "prisma/sql"].filter((dir) => !files.some((file) => file.startsWith(`${dir}/`)))).toEqual([]);
    expect(files).toContain(TENANCY_FILE);
    // The scan is of real SQL: the dashboards bind their tenant as a parameter.
    expect(sources["features/dashboards/poverty/queries.ts"]).toMatch(/"tenantId" = \$\{scopeTenantId\(\)\}/);
  });

  it("binds its tenant as a parameter, never only through entas_current_tenant()", () => {
    expect(unboundTenantSql(sources)).toEqual([]);
  });

  it("leaves row-level security's policies on entas_current_tenant()", () => {
    expect(withoutComments(sources[TENANCY_FILE]!, true)).toMatch(SQL_FILTER);
  });
});

describe("the tenant-parameter check", () => {
  it("names a file of the app whose raw SQL filters by the function", () => {
    expect(
      unboundTenantSql({
        "features/aid/queries.ts": 'const where = Prisma.sql`p."tenantId" = entas_current_tenant()`;',
        "lib/reach/reached.ts": 'tx.$queryRaw`SELECT 1 FROM "HouseholdReach" r WHERE r."tenantId" = $1`',
        "app/[tenant]/page.tsx": 'tx.$queryRaw`SELECT * FROM "Tenant" WHERE id = entas_current_tenant ()`',
      }),
    ).toEqual(["app/[tenant]/page.tsx", "features/aid/queries.ts"]);
  });

  it("names a function of prisma/sql that filters rows by it, outside the tenancy file", () => {
    expect(
      unboundTenantSql({
        "prisma/sql/member-search.sql": `SELECT m."householdId" FROM "Member" m WHERE m."tenantId" = entas_current_tenant() AND m.name ILIKE $1`,
        "prisma/sql/summaries/x.sql": `WHERE s."tenantId" IS NOT DISTINCT FROM entas_current_tenant()`,
        [TENANCY_FILE]: `USING ("tenantId" IS NOT DISTINCT FROM entas_current_tenant())`,
      }),
    ).toEqual(["prisma/sql/member-search.sql", "prisma/sql/summaries/x.sql"]);
  });

  it("passes comments that name the function, a guard on a parameter, and tests", () => {
    expect(
      unboundTenantSql({
        "lib/db/scope-tenant.ts": "// never with a function call such as entas_current_tenant()\nexport const x = 1;",
        "features/x/queries.ts": '/* filters by entas_current_tenant() */ tx.$queryRawUnsafe(`SELECT 1 FROM "Opd" WHERE "tenantId" = $1`, id)',
        "prisma/sql/member-search.sql": '-- "tenantId" = entas_current_tenant()\nIF tenant IS DISTINCT FROM entas_current_tenant() THEN RETURN; END IF;',
        "features/dashboards/tests/reach-counts.test.ts": 'WHERE h."tenantId" = entas_current_tenant()',
      }),
    ).toEqual([]);
  });
});
