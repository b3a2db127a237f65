// Moves a city to another PostgreSQL server: `npm run pod:move -- --city <slug> --to <pod>`.
// The pods are DATABASE_URL ("main", which holds the directory) and DATABASE_PODS; the tool
// connects to each as the owner (DATABASE_DIRECT_URL for main when set), which must be allowed to
// set session_replication_role. The city is read-only while it moves (docs/scaling.md).
import { parseArgs } from "node:util";
import { MoveRefusedError, moveCity } from "../../lib/db/pod-move/move-city";

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { city: { type: "string" }, to: { type: "string" } } });
  if (!values.city || !values.to) {
    console.error("usage: npm run pod:move -- --city <slug> --to <pod>");
    process.exit(2);
  }
  const result = await moveCity({ slug: values.city, to: values.to, log: (line) => console.log(line) });
  const rows = Object.values(result.rows).reduce((sum, n) => sum + n, 0);
  console.log(`${values.city}: moved ${result.from} → ${result.to}, ${rows} rows, ${result.seconds.toFixed(1)} s`);
}

main().catch((error) => {
  console.error(error instanceof MoveRefusedError ? `refused (${error.reason}): ${error.message}` : error);
  process.exit(1);
});
