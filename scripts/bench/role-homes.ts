// The home page's "waiting for you" cards of each role, as the bench's page timings: an OPD's
// clerk and head, Dinas Sosial's head, a kelurahan officer, Bapeda, the city admin and the
// mayor's office (its headline figures), on the generated city in the middle of its bench year.
import { homeHeadlines, homeTasks } from "@/features/home/tasks/home-tasks";
import type { TenantSessionUser } from "@/lib/auth/session-user";
import type { Role } from "@/lib/generated/prisma/enums";
import type { BenchEnv } from "./bench";

export function roleHomePages(env: BenchEnv): Record<string, () => Promise<unknown>> {
  const { scopes, tenantId, tenantSlug } = env;
  const now = new Date(Date.UTC(env.year, 5, 15, 3));
  const user = (role: Role, scope: { opdId?: string | null; kelurahanId?: string | null; decides?: boolean } = {}): TenantSessionUser => ({
    id: `bench-${role}`,
    name: role,
    email: `bench-${role}@entas.test`,
    role,
    tenantId,
    tenantSlug,
    opdId: scope.opdId ?? null,
    opd: scope.opdId ? { decidesRegistryChanges: Boolean(scope.decides) } : null,
    kelurahanId: scope.kelurahanId ?? null,
  });
  const home = (viewer: (ids: { opdId: string | null; kelurahanId: string | null }) => TenantSessionUser) => () =>
    scopes.withTenant(tenantId, async (tx) => {
      const [opd, kelurahan] = await Promise.all([
        tx.opd.findFirst({ select: { id: true }, orderBy: { code: "asc" } }),
        tx.area.findFirst({ where: { level: "KELURAHAN" }, select: { id: true }, orderBy: { code: "asc" } }),
      ]);
      return homeTasks(tx, viewer({ opdId: opd?.id ?? null, kelurahanId: kelurahan?.id ?? null }), now);
    });
  return {
    "beranda/staf-opd": home(({ opdId }) => user("OPD_STAFF", { opdId })),
    "beranda/kepala-opd": home(({ opdId }) => user("OPD_HEAD", { opdId })),
    "beranda/kepala-dinsos": home(({ opdId }) => user("OPD_HEAD", { opdId, decides: true })),
    "beranda/kelurahan": home(({ kelurahanId }) => user("KELURAHAN", { kelurahanId })),
    "beranda/bapeda": home(() => user("BAPEDA")),
    "beranda/admin": home(() => user("CITY_ADMIN")),
    "beranda/wali-kota": () => scopes.withTenant(tenantId, (tx) => homeHeadlines(tx, user("MAYOR_OFFICE"), now)),
  };
}
