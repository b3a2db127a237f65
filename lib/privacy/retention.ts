// How long a city keeps its audit trail and its import reports, and the purge that deletes
// what is older. The purge is idempotent and cheap when nothing is due: it runs every hour as
// the scheduled job `privacy.purge` (lib/jobs/housekeeping.ts) and from `npm run purge`
// (scripts/purge.ts).
import type { Tx } from "@/lib/db";
import { addDays, addMonths } from "@/lib/calendar/days";
import { recordAudit } from "@/lib/db/audit";
import { RETENTION_DEFAULTS, type RetentionPeriods } from "./retention-periods";

/** Rows deleted or emptied per statement, so a long backlog never holds one huge lock. */
const PURGE_BATCH = 5_000;

/** The city's periods (its setting, or the defaults), in its own scope. */
export async function retentionOf(tx: Tx): Promise<RetentionPeriods> {
  const { version: _version, ...periods } = await retentionSettingOf(tx);
  return periods;
}

/** The periods and the setting's version for its form (0 while the city keeps the defaults). */
export async function retentionSettingOf(tx: Tx): Promise<RetentionPeriods & { version: number }> {
  const setting = await tx.retentionSetting.findFirst({ select: { auditMonths: true, importReportDays: true, version: true } });
  return setting ?? { ...RETENTION_DEFAULTS, version: 0 };
}

/** Whether an import made at `createdAt` has outlived its report. */
export function importReportExpired(createdAt: Date, periods: RetentionPeriods, now: Date = new Date()): boolean {
  return createdAt.getTime() < addDays(now, -periods.importReportDays).getTime();
}

export type PurgeCounts = { auditRows: number; importReports: number };

/**
 * Deletes the scope's audit rows older than its period and empties the rejected rows of its
 * import reports older than theirs (the job and its counts stay). Runs in a city's scope, or
 * in the platform's for its own events (the defaults apply). Audits what it removed.
 */
export async function purgeExpired(tx: Tx, tenantId: string | null, now: Date = new Date()): Promise<PurgeCounts> {
  const periods = tenantId ? await retentionOf(tx) : RETENTION_DEFAULTS;
  const auditBefore = addMonths(now, -periods.auditMonths);
  const reportBefore = addDays(now, -periods.importReportDays);
  const counts: PurgeCounts = { auditRows: 0, importReports: 0 };

  // Row-level security keeps each statement to the scope's own rows.
  for (;;) {
    const deleted = tenantId ? await purgeCityAudit(tx, tenantId, auditBefore) : await purgePlatformEvents(tx, auditBefore);
    counts.auditRows += deleted;
    if (deleted < PURGE_BATCH) break;
  }
  if (tenantId) {
    for (;;) {
      const emptied = await tx.$executeRaw`
        UPDATE "ImportJob" SET report = (report - 'rejected') || jsonb_build_object('rejected', '[]'::jsonb, 'expiredAt', ${now.toISOString()}::text)
        WHERE ("tenantId", id) IN (
          SELECT "tenantId", id FROM "ImportJob"
          WHERE "tenantId" = ${tenantId} AND "createdAt" < ${reportBefore}::timestamp(3) AND report IS NOT NULL AND NOT (report ? 'expiredAt')
          LIMIT ${PURGE_BATCH}::int)`;
      counts.importReports += emptied;
      if (emptied < PURGE_BATCH) break;
    }
  }
  if (counts.auditRows || counts.importReports) {
    await recordAudit(tx, { tenantId, action: "retention.purge", entity: "RetentionSetting", entityId: tenantId, after: { ...counts, ...periods } });
  }
  return counts;
}

function purgeCityAudit(tx: Tx, tenantId: string, before: Date): Promise<number> {
  return tx.$executeRaw`
    DELETE FROM "AuditLog" WHERE "tenantId" = ${tenantId} AND id IN (
      SELECT id FROM "AuditLog"
      WHERE "tenantId" = ${tenantId} AND "createdAt" < ${before}::timestamp(3)
      LIMIT ${PURGE_BATCH}::int)`;
}

function purgePlatformEvents(tx: Tx, before: Date): Promise<number> {
  return tx.$executeRaw`
    DELETE FROM "PlatformEvent" WHERE id IN (
      SELECT id FROM "PlatformEvent" WHERE "createdAt" < ${before}::timestamp(3) LIMIT ${PURGE_BATCH}::int)`;
}

type Scopes = {
  withTenant: <T>(tenantId: string, fn: (tx: Tx) => Promise<T>, options?: { timeout?: number }) => Promise<T>;
  withPlatform: <T>(fn: (tx: Tx) => Promise<T>, options?: { timeout?: number }) => Promise<T>;
};

const PURGE_TIMEOUT_MS = 10 * 60_000;

/** Purges every city and the platform's own rows, one transaction each. */
export async function purgeAll(scopes: Scopes, tenantIds: string[], now: Date = new Date()): Promise<Map<string | null, PurgeCounts>> {
  const results = new Map<string | null, PurgeCounts>();
  for (const tenantId of tenantIds) {
    results.set(tenantId, await scopes.withTenant(tenantId, (tx) => purgeExpired(tx, tenantId, now), { timeout: PURGE_TIMEOUT_MS }));
  }
  results.set(null, await scopes.withPlatform((tx) => purgeExpired(tx, null, now), { timeout: PURGE_TIMEOUT_MS }));
  return results;
}
