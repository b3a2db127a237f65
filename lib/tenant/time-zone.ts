// A city's time zone, for "today" in its own calendar. It is set from the province when the
// city is created and never changed afterwards, so each process reads it once per city:
// data entry asks for it on every write, and at city scale that round trip is a tenth of a
// write's work.
import type { Tx } from "@/lib/db";

const known = new Map<string, string>();

export async function tenantTimeZone(tx: Tx, tenantId: string): Promise<string> {
  const cached = known.get(tenantId);
  if (cached) return cached;
  const { timeZone } = await tx.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { timeZone: true } });
  known.set(tenantId, timeZone);
  return timeZone;
}
