// Registry search latency on a large city, as the app runs it (role entas_app, under RLS):
//   DATABASE_URL=… npx tsx scripts/bench/registry-search.ts <tenantId> [runs]
// Prints p50/p95 per kind of query (page 1 of the desil order, with the capped count).
import { closeDb, withTenant } from "@/lib/db";
import { parseRegistrySearchParams } from "@/lib/registry/search/schema";
import { searchHouseholds } from "@/lib/registry/search/search-households";

const [tenantId, runsArg] = process.argv.slice(2);
if (!tenantId) throw new Error("usage: registry-search.ts <tenantId> [runs]");
const runs = Number(runsArg ?? 10);
const queries: Record<string, string>[] = [
  { q: "artha", match: "contains" },
  { q: "zulkar", match: "contains" },
  { q: "wayan", match: "contains" },
  { q: "nurhay", match: "contains" },
  { q: "sukri", match: "contains" },
  { q: "budi", match: "prefix" },
  { q: "i wayan", match: "prefix" },
];
for (const params of queries) {
  const times: number[] = [];
  let shown = 0;
  let tooSlow = false;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const page = await withTenant(tenantId, (tx) =>
      searchHouseholds(tx, parseRegistrySearchParams(params), { tenantId, scope: { kelurahanId: null, nothing: false } }),
    );
    times.push(performance.now() - started);
    shown = page.total.count;
    tooSlow ||= page.tooSlow;
  }
  times.sort((a, b) => a - b);
  const at = (p: number) => times[Math.min(times.length - 1, Math.ceil(p * times.length) - 1)]!.toFixed(0);
  console.log(`${params.match} "${params.q}": p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, total ${shown}${tooSlow ? " (too slow: gave up)" : ""}`);
}
await closeDb();
