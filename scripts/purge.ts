// Deletes what has outlived its retention period (lib/privacy/retention.ts) in every city and
// the platform's own audit rows: `npm run purge`, for a daily scheduler (cron, a systemd timer).
// Sign-ins also purge their city now and then; this covers cities where no one signs in.
import { openDb } from "../lib/db";
import { purgeAll } from "../lib/privacy/retention";
import { scopesFor } from "../lib/db/tenant-scope";

async function main(): Promise<void> {
  const handle = openDb();
  try {
    const tenants = await handle.client.tenant.findMany({ select: { id: true, slug: true } });
    const results = await purgeAll(
      scopesFor(handle.client),
      tenants.map((tenant) => tenant.id),
    );
    const slugs = new Map(tenants.map((tenant) => [tenant.id, tenant.slug]));
    for (const [tenantId, counts] of results) {
      console.log(
        `${tenantId ? slugs.get(tenantId) : "(platform)"}: ${counts.auditRows} audit row(s) deleted, ${counts.importReports} import report(s) emptied`,
      );
    }
  } finally {
    await handle.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
