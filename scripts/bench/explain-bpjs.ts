// npx tsx scripts/bench/explain-bpjs.ts [--database entas_bench] [--runs 7] [--month 2026-06] [--plans]
//
// The two lists of the BPJS cover page (/bantuan/bpjs: cover ending this month, people covered
// twice) as Bapeda, the staff of the OPD that paid the most premiums and Dinsos staff read them,
// on the city `npm run bench:generate` made: the median time of the first page and of a page in
// the middle of each list (reached by its cursor, as the pager's links reach it) and, with
// --plans, EXPLAIN (ANALYZE, BUFFERS) of every statement it sends, run as the app runs it (role
// entas_app in the city's tenant). --month picks "this month" (the generated premiums cover
// 2025–2026, so a month of 2026 has cover ending in it).
import pg from "pg";
import { coverEndingThisMonth, coveredTwice } from "@/features/aid/bpjs-cover";
import { programmeScope } from "@/lib/auth/scope";
import { openDb } from "@/lib/db";
import { scopesFor, type Tx } from "@/lib/db/tenant-scope";
import type { Role } from "@/lib/generated/prisma/enums";
import type { YearMonth } from "@/lib/calendar/months";
import type { KeyCursor, KeyPage } from "@/lib/paging/key-page";
import { benchDatabaseUrl, flag } from "./cli";

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
const month = flag("month");
if (month && !/^\d{4}-\d{2}$/.test(month)) throw new Error("--month: YYYY-MM");
const now = month ? new Date(`${month}-15T05:00:00Z`) : undefined;
const { url } = benchDatabaseUrl();
const app = openDb({ kind: "postgres", url });
const { withTenant } = scopesFor(app.client);
const explainer = new pg.Client({ connectionString: url, options: "-c role=entas_app" });
await explainer.connect();

const median = (times: number[]) => [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]!;

try {
  const owner = new pg.Client({ connectionString: url });
  await owner.connect();
  const { rows: tenants } = await owner.query<{ id: string }>(`SELECT id FROM "Tenant" WHERE slug = 'kota-besar'`);
  const tenantId = tenants[0]?.id;
  if (!tenantId) throw new Error("No generated city: run npm run bench:generate first");
  const { rows: payers } = await owner.query<{ id: string; shortName: string }>(
    `SELECT o.id, o."shortName" FROM "Opd" o WHERE o."tenantId" = $1
      ORDER BY (SELECT count(*) FROM "AidDistribution" a WHERE a."tenantId" = o."tenantId" AND a."opdId" = o.id AND a.kind = 'INSURANCE_PREMIUM') DESC LIMIT 1`,
    [tenantId],
  );
  const { rows: dinsos } = await owner.query<{ id: string }>(`SELECT id FROM "Opd" WHERE "tenantId" = $1 AND "shortName" = 'Dinsos'`, [tenantId]);
  await owner.end();
  const payer = payers[0]!;
  const viewers: { name: string; role: Role; opdId: string | null }[] = [
    { name: "Bapeda", role: "BAPEDA", opdId: null },
    { name: `${payer.shortName} staff`, role: "OPD_STAFF", opdId: payer.id },
    ...(dinsos[0] && dinsos[0].id !== payer.id ? [{ name: "Dinsos staff", role: "OPD_STAFF" as Role, opdId: dinsos[0].id }] : []),
  ];

  for (const viewer of viewers) {
    const scope = programmeScope({ role: viewer.role, opdId: viewer.opdId });
    const lists: Record<"ending" | "twice", (tx: Tx, cursor: KeyCursor) => Promise<KeyPage<unknown> & { month?: YearMonth }>> = {
      ending: (tx: Tx, cursor: KeyCursor) => coverEndingThisMonth(tx, { tenantId, scope, cursor, now }),
      twice: (tx: Tx, cursor: KeyCursor) => coveredTwice(tx, { tenantId, scope, cursor }),
    };
    console.log(`\n## ${viewer.name}`);
    for (const [name, list] of Object.entries(lists)) {
      // A cursor half way down the list: the pager's "next" from the page before it.
      const [first, middle] = await withTenant(tenantId, async (tx) => {
        const page = await list(tx, {});
        const half = Math.floor(page.total / 2);
        const table = name === "ending" ? "BpjsCoverEnd" : "BpjsDoubleCover";
        const key = name === "ending" ? "distributionId" : "memberId";
        const filter =
          name === "ending" ? `AND "coverageEnd" = $2::date ${viewer.opdId ? `AND "opdId" = $3` : ""}` : viewer.opdId ? `AND $2 = ANY("opdIds")` : "";
        const monthStart = page.month ? `${page.month.year}-${String(page.month.month).padStart(2, "0")}-01` : null;
        const params =
          name === "ending" ? [tenantId, monthStart, ...(viewer.opdId ? [viewer.opdId] : [])] : [tenantId, ...(viewer.opdId ? [viewer.opdId] : [])];
        const [row] = await tx.$queryRawUnsafe<{ id: string }[]>(
          `SELECT "${key}" AS id FROM "${table}" WHERE "tenantId" = $1 ${filter} ORDER BY "memberName", "${key}" OFFSET ${half} LIMIT 1`,
          ...params,
        );
        return [page, row?.id] as const;
      });
      const cases: [string, KeyCursor][] = [["first page", {}], ...(middle ? [["middle page", { after: middle }] as [string, KeyCursor]] : [])];
      for (const [label, cursor] of cases) {
        const times: number[] = [];
        for (let i = 0; i < runs; i++) {
          const started = performance.now();
          await withTenant(tenantId, (tx) => list(tx, cursor));
          times.push(performance.now() - started);
        }
        console.log(
          `  ${`${name}: ${label}`.padEnd(24)} ${String(first.total).padStart(7)} in the list  median ${median(times).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms`,
        );
        if (!plans) continue;
        recording = [];
        await withTenant(tenantId, (tx) => list(tx, cursor));
        const statements = recording;
        recording = null;
        for (const statement of statements) {
          await explainer.query("BEGIN");
          await explainer.query("SELECT set_config('app.tenant_id', $1, true)", [tenantId]);
          const plan = await explainer.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${statement.text}`, statement.values);
          await explainer.query("ROLLBACK");
          console.log(`\n    ${statement.text.replace(/\s+/g, " ").slice(0, 300)}\n${plan.rows.map((row) => `      ${row["QUERY PLAN"]}`).join("\n")}`);
        }
      }
    }
  }
} finally {
  await explainer.end();
  await app.close();
}
