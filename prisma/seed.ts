// Demo data: Kota Mataram and Kota Kupang (npm run db:seed).
//   --households N   registry households per city (default 3000); raising it later adds more
//   --seed N         seed of the pseudo-random data (same seed, same data)
//   --city SLUG      only this city (repeatable): mataram, kupang
//   --if-empty       do nothing when the database already has a tenant (used by npm start)
//   --pod NAME       seed the cities on this pod of DATABASE_PODS (default: the main pod), and
//                    list them in the directory on the main pod
//   --today DAY      the demo's today, e.g. 2026-12-06 (default: SEED_TODAY, else the real today): the
//                    current fiscal year is that day's, with progress up to it; earlier years are closed
import { parseArgs } from "node:util";
import { openOwnerDb, type Db } from "@/lib/db";
import { MAIN_POD, podTargets } from "@/lib/db/pods";
import { placeInDirectory } from "@/prisma/demo/place-on-pod";
import { DEFAULT_HOUSEHOLDS, DEFAULT_SEED, DEMO_CITIES, formatDemoAccounts, formatSummary, seedDemo } from "@/prisma/demo";
import { seedNowFor } from "@/prisma/demo/demo-today";

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      households: { type: "string", default: String(DEFAULT_HOUSEHOLDS) },
      seed: { type: "string", default: String(DEFAULT_SEED) },
      city: { type: "string", multiple: true },
      "if-empty": { type: "boolean", default: false },
      today: { type: "string" },
      pod: { type: "string", default: MAIN_POD },
    },
  });
  // The seed writes every city's rows, so it connects as the owner, like migrations.
  const pods = podTargets(process.env, { direct: true });
  const podTarget = pods.get(values.pod) ?? fail(`Unknown pod "${values.pod}": DATABASE_PODS names ${[...pods.keys()].join(", ")}`);
  const main = openOwnerDb(pods.get(MAIN_POD));
  const onPod = values.pod === MAIN_POD ? main : openOwnerDb(podTarget);
  try {
    await seed(values, main.client, { name: values.pod, db: onPod.client });
  } finally {
    await Promise.all([main.close(), onPod === main ? undefined : onPod.close()]);
  }
}

async function seed(
  values: { households: string; seed: string; city?: string[]; "if-empty": boolean; today?: string },
  main: Db,
  pod: { name: string; db: Db },
) {
  const db = pod.db;
  const households = wholeNumber("--households", values.households);
  const seed = wholeNumber("--seed", values.seed);
  const now = seedNowFor(values.today ?? process.env.SEED_TODAY);
  const cities = values.city ? values.city.map((slug) => DEMO_CITIES.find((city) => city.slug === slug) ?? fail(`Unknown city "${slug}"`)) : DEMO_CITIES;

  if (values["if-empty"] && (await db.tenant.count()) > 0) {
    console.log("Database already has tenants; demo data not seeded.");
    console.log(`\n${formatDemoAccounts()}`);
    return;
  }
  const started = performance.now();
  if (now) console.log(`Demo dated as of ${now.toISOString().slice(0, 10)}.`);
  const summaries = await seedDemo(db, { households, seed, cities, log: console.log, now, platformAdmin: pod.name === MAIN_POD });
  await placeInDirectory(
    main,
    pod,
    summaries.map((summary) => summary.slug),
  );
  console.log(`\n${formatSummary(summaries)}`);
  console.log(`\n${formatDemoAccounts()}`);
  console.log(`\nDemo data ready in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
}

function wholeNumber(flag: string, value: string): number {
  const number = Number(value);
  return Number.isInteger(number) && number >= 0 ? number : fail(`${flag} must be a whole number, got "${value}"`);
}

function fail(message: string): never {
  throw new Error(message);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
