// Runs before the cluster test: stop at once, naming Debian's packages to install, rather than
// failing the test on a missing nginx or PgBouncer (never skipped).
import { clusterPrograms } from "./cluster.mjs";

const found = clusterPrograms();
if (!found.ok) {
  console.error(`\n✖ ${found.message}\n`);
  process.exit(1);
}
console.log(`▶ cluster test uses ${Object.values(found.programs).join(" and ")}`);
