// npm run bench:explain -- [--database entas_bench] --query revolvingFunds.totals [--kecamatan <id>]
//
// EXPLAIN (ANALYZE, BUFFERS) of every statement one dashboard query function sends, run as the
// app runs it (role entas_app in a tenant scope), on the city `npm run bench:generate` made.
// For finding where a query's time goes before changing it.
import { openDb } from "@/lib/db";
import { scopesFor, type Tx } from "@/lib/db/tenant-scope";
import { Prisma } from "@/lib/generated/prisma/client";
import { dashboardQueryFunctions } from "./bench";
import { benchDatabaseUrl, flag } from "./cli";
import { BENCH_YEAR } from "./generate-city";
import { postgresSql } from "./sql";

const name = flag("query");
const query = name ? dashboardQueryFunctions()[name] : undefined;
if (!query) {
  console.error(`--query: one of ${Object.keys(dashboardQueryFunctions()).join(", ")}`);
  process.exit(2);
}
const { url } = benchDatabaseUrl();
const app = openDb({ kind: "postgres", url });
const sql = postgresSql(url, 1);
try {
  const [tenant] = await sql.query<{ id: string }>(`SELECT id FROM "Tenant" WHERE slug = 'kota-besar'`);
  if (!tenant) throw new Error("No generated city: run npm run bench:generate first");
  const statements: Prisma.Sql[] = [];
  // A stand-in transaction that records each raw statement instead of running it.
  const recorder = new Proxy({} as Tx, {
    get: (_, key) =>
      key === "$queryRaw" || key === "$executeRaw"
        ? (strings: TemplateStringsArray | Prisma.Sql, ...values: unknown[]) => {
            statements.push(strings instanceof Prisma.Sql ? strings : Prisma.sql(strings, ...values));
            return Promise.resolve([]);
          }
        : () => Promise.reject(new Error(`bench:explain records raw SQL only, not ${String(key)}`)),
  });
  const { withTenant } = scopesFor(app.client);
  // Inside the city's scope, for the queries bind its id (scopeTenantId) as they are written.
  await withTenant(tenant.id, () =>
    query(recorder, { year: BENCH_YEAR, kecamatanId: flag("kecamatan") ?? null, opdId: null, programmeId: null }).catch(() => {}),
  );
  if (statements.length === 0) throw new Error(`${name}: no raw SQL recorded`);
  for (const statement of statements) {
    const plan = await withTenant(tenant.id, (tx) =>
      tx.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(`EXPLAIN (ANALYZE, BUFFERS) ${statement.text}`, ...statement.values),
    );
    console.log(`${statement.text.trim()}\n\n${plan.map((row) => row["QUERY PLAN"]).join("\n")}\n`);
  }
} finally {
  await sql.close();
  await app.close();
}
