// npm run bench:explain-lists -- [--database entas_bench] [--runs 7] [--plans]
//
// The reads of the work lists (/pelatihan, /pelatihan/tindak-lanjut) as Bapeda, an OPD's
// staff and head (the OPD with the most trainings) and Dinsos staff run them, on the city
// `npm run bench:generate` made: the median time of each read and, with --plans, EXPLAIN
// (ANALYZE, BUFFERS) of every statement it sends, run as the app runs it (role entas_app in the
// city's tenant). For showing the plans start from the tenant's index and do not grow with it.
import pg from "pg";
import { openDb } from "@/lib/db";
import { scopesFor, type Tx } from "@/lib/db/tenant-scope";
import { programmeScope } from "@/lib/auth/scope";
import type { Role } from "@/lib/generated/prisma/enums";
import { dateToDay } from "@/lib/calendar/days";
import { cityToday } from "@/lib/calendar/city-today";
import { countFollowUps, followUpPage, followUpTrainings, type FollowUpFilter } from "@/features/trainings/follow-up-list";
import { followUpOutcomes, trainingPage, yearFigures } from "@/features/trainings/queries";
import { benchDatabaseUrl, flag } from "./cli";
import { BENCH_YEAR } from "./generate-city";

type Statement = { text: string; values: unknown[] };
let recording: Statement[] | null = null;
const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  const [first, second] = args as [string | { text: string; values?: unknown[] }, unknown[] | undefined];
  const text = typeof first === "string" ? first : first?.text;
  const values = typeof first === "string" ? second : first?.values;
  if (recording && text && /^\s*SELECT/i.test(text) && !text.includes("set_config")) recording.push({ text, values: Array.isArray(values) ? values : [] });
  return query.apply(this, args);
} as typeof pg.Client.prototype.query;

const runs = Number(flag("runs") ?? 7);
const plans = process.argv.includes("--plans");
const { url } = benchDatabaseUrl();
const app = openDb({ kind: "postgres", url });
const { withTenant } = scopesFor(app.client);
const explainer = new pg.Client({ connectionString: url, options: "-c role=entas_app" });
await explainer.connect();

try {
  const owner = new pg.Client({ connectionString: url });
  await owner.connect();
  const { rows: tenants } = await owner.query<{ id: string }>(`SELECT id FROM "Tenant" WHERE slug = 'kota-besar'`);
  const tenantId = tenants[0]?.id;
  if (!tenantId) throw new Error("No generated city: run npm run bench:generate first");
  const { rows: opds } = await owner.query<{ id: string; shortName: string }>(
    `SELECT o.id, o."shortName" FROM "Opd" o WHERE o."tenantId" = $1
      ORDER BY (SELECT count(*) FROM "Training" t WHERE t."tenantId" = o."tenantId" AND t."opdId" = o.id) DESC LIMIT 1`,
    [tenantId],
  );
  const { rows: dinsos } = await owner.query<{ id: string }>(`SELECT id FROM "Opd" WHERE "tenantId" = $1 AND "shortName" = 'Dinsos'`, [tenantId]);
  await owner.end();
  const busiest = opds[0]!;
  const viewers: { name: string; role: Role; opdId: string | null }[] = [
    { name: "Bapeda", role: "BAPEDA", opdId: null },
    { name: `${busiest.shortName} staff`, role: "OPD_STAFF", opdId: busiest.id },
    { name: `${busiest.shortName} head`, role: "OPD_HEAD", opdId: busiest.id },
    ...(dinsos[0] ? [{ name: "Dinsos staff", role: "OPD_STAFF" as Role, opdId: dinsos[0].id }] : []),
  ];

  for (const viewer of viewers) {
    const scope = programmeScope({ role: viewer.role, opdId: viewer.opdId });
    const today = await withTenant(tenantId, (tx) => cityToday(tx, tenantId));
    const day = dateToDay(today);
    const filter = { scope, year: BENCH_YEAR, opdId: null, today };
    const open: FollowUpFilter = { state: "open" };
    const reads: Record<string, (tx: Tx) => Promise<unknown>> = {
      "pelatihan: list page": (tx) => trainingPage(tx, filter),
      "pelatihan: list page, no-attendance": (tx) => trainingPage(tx, { ...filter, status: "no-attendance" }),
      "pelatihan: year figures": (tx) => yearFigures(tx, filter),
      "tindak-lanjut: list page": (tx) => followUpPage(tx, { scope, today: day, filter: open }),
      "tindak-lanjut: due count": (tx) => countFollowUps(tx, { scope, today: day, filter: open }),
      "tindak-lanjut: outcomes": (tx) => followUpOutcomes(tx, scope),
      "tindak-lanjut: training choices": (tx) => followUpTrainings(tx, { scope }),
    };
    console.log(`\n## ${viewer.name}`);
    for (const [name, read] of Object.entries(reads)) {
      const times: number[] = [];
      for (let i = 0; i < runs; i++) {
        const started = performance.now();
        await withTenant(tenantId, read);
        times.push(performance.now() - started);
      }
      times.sort((a, b) => a - b);
      console.log(`  ${name.padEnd(40)} median ${times[Math.floor(times.length / 2)]!.toFixed(1)} ms, max ${times.at(-1)!.toFixed(1)} ms`);
      if (!plans) continue;
      recording = [];
      await withTenant(tenantId, read);
      const statements = recording;
      recording = null;
      for (const statement of statements) {
        await explainer.query("BEGIN");
        await explainer.query("SELECT set_config('app.tenant_id', $1, true)", [tenantId]);
        const plan = await explainer.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${statement.text}`, statement.values);
        await explainer.query("ROLLBACK");
        console.log(`\n    ${statement.text.replace(/\s+/g, " ").slice(0, 400)}\n${plan.rows.map((row) => `      ${row["QUERY PLAN"]}`).join("\n")}`);
      }
    }
  }
} finally {
  await explainer.end();
  await app.close();
}
