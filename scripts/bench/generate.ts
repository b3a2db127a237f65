// npm run bench:generate -- --households 1000000 [--database entas_bench] [--seed 8]
//
// Makes the benchmark's database afresh on the server of DATABASE_URL (default
// postgresql://postgres@127.0.0.1:5432): drops it if it exists, creates it, applies the
// migrations, and loads one city (scripts/bench/generate-city.ts). Prints the time of each
// step and writes bench-results/generate-<households>.json.
import { mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import pg from "pg";
import { openOwnerDb } from "@/lib/db";
import { applyMigrations } from "@/lib/db/migrate";
import { benchDatabaseUrl, flag } from "./cli";
import { generateCity } from "./generate-city";
import { postgresSql } from "./sql";

const households = Number(flag("households") ?? 2_000);
const seed = Number(flag("seed") ?? 8);
if (!Number.isInteger(households) || households < 100) throw new Error("--households must be a whole number ≥ 100");
const { serverUrl, url, database } = benchDatabaseUrl();

const started = performance.now();
const admin = new pg.Client({ connectionString: serverUrl });
await admin.connect();
await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
await admin.query(`CREATE DATABASE "${database}"`);
await admin.end();
await applyMigrations({ kind: "postgres", url });
console.log(`database ${database} created and migrated in ${((performance.now() - started) / 1000).toFixed(1)} s`);

const owner = openOwnerDb({ kind: "postgres", url });
const sql = postgresSql(url, 4);
try {
  console.log(`generating ${households.toLocaleString("en")} households (seed ${seed})`);
  const city = await generateCity(owner.client, sql, { households, seed, dropIndexes: true, log: console.log });
  const total = (performance.now() - started) / 1000;
  console.log(`\n${city.slug}: tenant ${city.tenantId}, fiscal year ${city.fiscalYear}`);
  for (const [table, n] of Object.entries(city.counts)) console.log(`  ${table.padEnd(22)} ${n.toLocaleString("en").padStart(12)}`);
  console.log(
    `loaded in ${city.seconds.toFixed(1)} s (${total.toFixed(1)} s with database creation and migrations); this process used ${city.nodeCpuSeconds} s of CPU; load average ${city.loadAverage.map((x) => x.toFixed(1)).join(" → ")} on ${os.cpus().length} cores`,
  );
  await mkdir("bench-results", { recursive: true });
  await writeFile(
    `bench-results/generate-${households}.json`,
    JSON.stringify({ database, households, seed, ...city, totalSeconds: total, at: new Date().toISOString() }, null, 2),
  );
} finally {
  await sql.close();
  await owner.close();
}
