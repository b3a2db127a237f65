import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Tx } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import { accountKey } from "@/lib/auth/rate-limit";
import { authenticate } from "@/lib/auth/sign-in";
import { keyedTag } from "@/lib/privacy/keyed-hash";
import { openTestDb, uniqueSuffix, type TestDb } from "../helpers/db";
import { createTestTenant, type TestTenant } from "../helpers/factories";

let t: TestDb;
let city: TestTenant;

beforeAll(async () => {
  t = await openTestDb();
  city = await createTestTenant(t.db, t.withTenant);
});

afterAll(async () => {
  await t?.close();
});

const randomIp = () => `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
const platformRows = () => t.withPlatform((tx: Tx) => tx.platformEvent.findMany({ where: { action: "auth.sign_in_failed" } }));

describe("what a failed sign-in leaves behind", () => {
  it("keeps no trace of a password typed into the email box: the audit row and the counter hold a keyed tag", async () => {
    const typed = `Rahasia#${uniqueSuffix()}`;
    expect(await authenticate(t, { email: typed, password: "apa saja", ip: randomIp() })).toEqual({ ok: false, reason: "invalid" });

    const rows = await platformRows();
    expect(JSON.stringify(rows.map((row) => row.after)).toLowerCase()).not.toContain(typed.toLowerCase());
    const tag = keyedTag("sign-in", typed.toLowerCase());
    expect(rows.filter((row) => (row.after as { loginTag?: string } | null)?.loginTag === tag)).toEqual([
      expect.objectContaining({ entityId: null, after: { loginTag: tag, reason: "unknown_email" } }),
    ]);
    const counters = await t.db.rateLimit.findMany({ where: { key: { contains: typed.toLowerCase().slice(0, 12) } } });
    expect(counters).toEqual([]);
    expect(await t.db.rateLimit.findUnique({ where: { key: accountKey(typed) } })).toMatchObject({ count: 1 });
  });

  it("keeps an existing account's address, trimmed and lower-case", async () => {
    const email = `pengguna-${uniqueSuffix()}@uji.go.id`;
    const passwordHash = await hashPassword("tenun ikat sumba 1");
    const user = await t.withTenant(city.id, (tx) =>
      tx.user.create({ data: { email, name: "Pengguna Uji", passwordHash, role: "OPD_STAFF" }, select: { id: true } }),
    );
    await authenticate(t, { email: `  ${email.toUpperCase()} `, password: "salah sekali", ip: randomIp() });
    const rows = await t.withTenant(city.id, (tx) => tx.auditLog.findMany({ where: { action: "auth.sign_in_failed", entityId: user.id } }));
    expect(rows.map((row) => row.after)).toEqual([{ email, reason: "wrong_password" }]);
  });
});
