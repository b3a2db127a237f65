// Rewrites audit rows written before personal data was redacted in them (lib/privacy/redact-stored.ts):
// `npm run audit:redact`, once after upgrading; running it again changes nothing.
import { openDb } from "../lib/db";
import { scopesFor } from "../lib/db/tenant-scope";
import { redactStoredAuditRows } from "../lib/privacy/redact-stored";

const TIMEOUT_MS = 30 * 60_000;

async function main(): Promise<void> {
  const handle = openDb();
  try {
    const scopes = scopesFor(handle.client);
    const tenants = await handle.client.tenant.findMany({ select: { id: true, slug: true } });
    for (const tenant of tenants) {
      const rewritten = await scopes.withTenant(tenant.id, (tx) => redactStoredAuditRows(tx, tenant.id), { timeout: TIMEOUT_MS });
      console.log(`${tenant.slug}: ${rewritten} audit row(s) redacted`);
    }
    const platform = await scopes.withPlatform((tx) => redactStoredAuditRows(tx, null), { timeout: TIMEOUT_MS });
    console.log(`(platform): ${platform} platform event(s) redacted`);
  } finally {
    await handle.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
