import { hashPassword } from "@/lib/auth/password";
import type { Db } from "@/lib/db";
import { DEMO_PASSWORD, PLATFORM_ADMIN_ACCOUNT, demoAccountsFor, type DemoAccount } from "../demo-accounts";
import type { CitySeed } from "./types";

/** One account per role in the city; an existing account (by email) is left as it is. */
export async function seedUsers({ db, city, tenant }: CitySeed): Promise<DemoAccount[]> {
  const accounts = demoAccountsFor(city.slug, city.demoKelurahan);
  const [opds, kelurahan] = await Promise.all([
    db.opd.findMany({ where: { tenantId: tenant.id }, select: { id: true, code: true } }),
    db.area.findFirst({ where: { tenantId: tenant.id, level: "KELURAHAN", name: city.demoKelurahan }, select: { id: true } }),
  ]);
  if (!kelurahan) throw new Error(`${city.slug}: kelurahan ${city.demoKelurahan} not found for its demo account`);
  const opdId = (code?: string) => (code ? (opds.find((opd) => opd.code === code)?.id ?? null) : null);

  for (const account of accounts) {
    await createIfMissing(db, account, {
      tenantId: tenant.id,
      opdId: opdId(account.opdCode),
      kelurahanId: account.kelurahanName ? kelurahan.id : null,
    });
  }
  return accounts;
}

export async function seedPlatformAdmin(db: Db): Promise<DemoAccount> {
  await createIfMissing(db, PLATFORM_ADMIN_ACCOUNT, { tenantId: null, opdId: null, kelurahanId: null });
  return PLATFORM_ADMIN_ACCOUNT;
}

async function createIfMissing(db: Db, account: DemoAccount, scope: { tenantId: string | null; opdId: string | null; kelurahanId: string | null }) {
  const existing = await db.user.findUnique({ where: { email: account.email }, select: { id: true } });
  if (existing) return;
  await db.user.create({
    data: { email: account.email, name: account.name, role: account.role, passwordHash: await hashPassword(DEMO_PASSWORD), ...scope },
  });
}
