// npm run bench:explain-candidates -- [--database entas_bench] [--q Nama] [--year 2030]
//
// EXPLAIN (ANALYZE, BUFFERS) of the training participant picker's queries (one seat per
// family, then every member), run as the app runs them, on the city `npm run bench:generate` made.
import { findCandidates } from "@/features/trainings/candidates";
import { openDb } from "@/lib/db";
import { scopesFor, type Tx } from "@/lib/db/tenant-scope";
import { Prisma } from "@/lib/generated/prisma/client";
import { benchDatabaseUrl, flag } from "./cli";
import { postgresSql } from "./sql";

const { url } = benchDatabaseUrl();
const app = openDb({ kind: "postgres", url });
const sql = postgresSql(url, 1);
try {
  const [tenant] = await sql.query<{ id: string }>(`SELECT id FROM "Tenant" WHERE slug = 'kota-besar'`);
  if (!tenant) throw new Error("No generated city: run npm run bench:generate first");
  const { withTenant } = scopesFor(app.client);
  const latest = await withTenant(tenant.id, (tx) =>
    tx.training.findFirstOrThrow({ select: { id: true, startDate: true, programme: { select: { targetUnit: true } } }, orderBy: { startDate: "desc" } }),
  );
  // Another year shows the plan when no one is reached yet (a fiscal year's first days).
  const year = flag("year");
  const training = year ? { ...latest, startDate: new Date(Date.UTC(Number(year), 0, 15)) } : latest;
  for (const onePerHousehold of [true, false]) {
    await withTenant(tenant.id, async (tx) => {
      const statements: Prisma.Sql[] = [];
      // The transaction as it is, recording each raw query it runs.
      const recording = new Proxy(tx, {
        get: (target, key, receiver) =>
          key === "$queryRaw"
            ? (strings: TemplateStringsArray | Prisma.Sql, ...values: unknown[]) => {
                statements.push(strings instanceof Prisma.Sql ? strings : Prisma.sql(strings, ...values));
                return target.$queryRaw(strings as TemplateStringsArray, ...values);
              }
            : Reflect.get(target, key, receiver),
      }) as Tx;
      const started = performance.now();
      const result = await findCandidates(recording, { tenantId: tenant.id, training, q: flag("q"), onePerHousehold });
      const ms = performance.now() - started;
      const statement = statements.at(-1);
      if (!statement) return;
      const plan = await tx.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(`EXPLAIN (ANALYZE, BUFFERS) ${statement.text}`, ...statement.values);
      console.log(`onePerHousehold=${onePerHousehold}: ${result.kind === "list" ? result.rows.length : result.kind} rows in ${ms.toFixed(0)} ms`);
      console.log(`${plan.map((row) => row["QUERY PLAN"]).join("\n")}\n`);
    });
  }
} finally {
  await sql.close();
  await app.close();
}
