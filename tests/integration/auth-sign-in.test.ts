import type { IncomingHttpHeaders, IncomingMessage } from "node:http";
import type { Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAuditEntries, parseAuditSearchParams } from "@/features/audit/queries";
import { markClientAddress } from "@/lib/auth/client-address-hook";
import { clientIp } from "@/lib/auth/request";
import type { Tx } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { hashPassword } from "@/lib/auth/password";
import { ACCOUNT_POLICY, IP_POLICY, accountAddressKey, accountKey, ipKey, nextCounter, recordFailure, type Counter } from "@/lib/auth/rate-limit";
import { authenticate } from "@/lib/auth/sign-in";
import { keyedTag } from "@/lib/privacy/keyed-hash";
import { openTestDb, uniqueSuffix, type TestDb } from "../helpers/db";
import { createTestTenant, type TestTenant } from "../helpers/factories";

const PASSWORD = "tenun ikat sumba 1";
const minute = 60_000;
// Times are relative to the real clock: other files share the counters table and prune
// counters a day old, so a fixed date could be pruned under a test's feet.
const minutesFromNow = () => {
  const t0 = Date.now();
  return (minutes: number) => new Date(t0 + minutes * minute);
};

let t: TestDb;
let city: TestTenant;
let passwordHash: string;

beforeAll(async () => {
  t = await openTestDb();
  city = await createTestTenant(t.db, t.withTenant);
  passwordHash = await hashPassword(PASSWORD);
});

afterAll(async () => {
  await t?.close();
});

const randomIp = () => `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;

async function createUser(options: { tenantId?: string | null; role?: Role; active?: boolean } = {}) {
  const email = `pengguna-${uniqueSuffix()}@uji.go.id`;
  const data = { email, name: "Pengguna Uji", passwordHash, role: options.role ?? ("OPD_STAFF" as Role), active: options.active ?? true };
  const create = (tx: Tx) => tx.user.create({ data, select: { id: true, tenantId: true, email: true } });
  const tenantId = options.tenantId === undefined ? city.id : options.tenantId;
  return tenantId ? t.withTenant(tenantId, create) : t.withPlatform(create);
}

/** A city's audit rows, or with no city the platform's events. */
function auditRows(tenantId: string | null, where: { action: string; entityId?: string | null }) {
  if (!tenantId) return t.withPlatform((tx) => tx.platformEvent.findMany({ where, orderBy: { id: "asc" } }));
  return t.withTenant(tenantId, (tx) => tx.auditLog.findMany({ where, orderBy: { id: "asc" } }));
}

const counter = (key: string) => t.db.rateLimit.findUnique({ where: { key } });

/** The headers a request from `socketAddress` reaches the app with, no proxy in front. */
function requestFrom(socketAddress: string, headers: IncomingHttpHeaders = {}): IncomingHttpHeaders {
  const request = { headers: { ...headers } } as IncomingMessage;
  markClientAddress(request, { remoteAddress: socketAddress } as Socket, 0);
  return request.headers;
}

/** A sign-in as next-auth's authorize makes it, with the address taken from the request. */
const signInOver = (headers: IncomingHttpHeaders, email: string, password: string, now?: Date) =>
  authenticate(t, { email, password, ip: clientIp(headers), now });

describe("authenticate", () => {
  it("signs in with the right password, sets lastLoginAt and audits the sign-in", async () => {
    const user = await createUser();
    const ip = randomIp();
    const now = new Date(Math.floor(Date.now() / 1000) * 1000);
    const result = await authenticate(t, { email: user.email, password: PASSWORD, ip, requestId: "req-1", now });
    expect(result).toEqual({
      ok: true,
      user: { id: user.id, name: "Pengguna Uji", email: user.email, role: "OPD_STAFF", tenantId: city.id, sessionVersion: 0, sessionId: expect.any(String) },
    });
    const session = await t.withTenant(city.id, (tx) => tx.userSession.findUniqueOrThrow({ where: { id: result.ok ? result.user.sessionId : "" } }));
    expect(session).toMatchObject({ userId: user.id, tenantId: city.id, ip, createdAt: now, endedAt: null });
    const stored = await t.withTenant(city.id, (tx) => tx.user.findUniqueOrThrow({ where: { id: user.id } }));
    expect(stored.lastLoginAt).toEqual(now);
    const [audit] = await auditRows(city.id, { action: "auth.sign_in", entityId: user.id });
    expect(audit).toMatchObject({ tenantId: city.id, userId: user.id, entity: "User", ip, requestId: "req-1" });
  });

  it("finds the account whatever the case and spaces of the email", async () => {
    const user = await createUser();
    const result = await authenticate(t, { email: `  ${user.email.toUpperCase()} `, password: PASSWORD, ip: randomIp() });
    expect(result.ok).toBe(true);
  });

  it("signs in the platform admin, who has no tenant, and keeps the sign-in as a platform event", async () => {
    const admin = await createUser({ tenantId: null, role: "PLATFORM_ADMIN" });
    const ip = randomIp();
    const result = await authenticate(t, { email: admin.email, password: PASSWORD, ip, requestId: "req-platform" });
    expect(result).toMatchObject({ ok: true, user: { id: admin.id, tenantId: null, role: "PLATFORM_ADMIN" } });
    const events = await auditRows(null, { action: "auth.sign_in", entityId: admin.id });
    expect(events).toEqual([expect.objectContaining({ userId: admin.id, entity: "User", ip, requestId: "req-platform" })]);
    expect(await auditRows(city.id, { action: "auth.sign_in", entityId: admin.id })).toEqual([]);
  });

  it("keeps a platform admin's wrong password as a platform event", async () => {
    const admin = await createUser({ tenantId: null, role: "PLATFORM_ADMIN" });
    expect(await authenticate(t, { email: admin.email, password: "salah sekali 123", ip: randomIp() })).toEqual({ ok: false, reason: "invalid" });
    const events = await auditRows(null, { action: "auth.sign_in_failed", entityId: admin.id });
    expect(events.map((event) => event.after)).toEqual([{ email: admin.email, reason: "wrong_password" }]);
  });

  it("refuses a wrong password, counts it for the account and the address, and audits it in the user's tenant", async () => {
    const user = await createUser();
    const ip = randomIp();
    const result = await authenticate(t, { email: user.email, password: "salah sekali 123", ip });
    expect(result).toEqual({ ok: false, reason: "invalid" });
    expect(await counter(accountKey(user.email))).toMatchObject({ count: 1, lockedUntil: null });
    expect(await counter(ipKey(ip))).toMatchObject({ count: 1, lockedUntil: null });
    const rows = await auditRows(city.id, { action: "auth.sign_in_failed", entityId: user.id });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ tenantId: city.id, userId: null, entity: "User", ip, after: { email: user.email, reason: "wrong_password" } });
    // Not visible to the platform, nor to another city.
    expect(await auditRows(null, { action: "auth.sign_in_failed", entityId: user.id })).toHaveLength(0);
  });

  it("refuses an unknown email the same way and keeps it as a platform event, no city's", async () => {
    const email = `tidak-ada-${uniqueSuffix()}@uji.go.id`;
    const ip = randomIp();
    expect(await authenticate(t, { email, password: PASSWORD, ip })).toEqual({ ok: false, reason: "invalid" });
    const rows = await auditRows(null, { action: "auth.sign_in_failed" });
    const mine = rows.filter((row) => (row.after as { loginTag?: string } | null)?.loginTag === keyedTag("sign-in", email));
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ entityId: null, ip, after: { reason: "unknown_email" } });
    expect(mine[0]).not.toHaveProperty("tenantId");
    expect(await counter(accountKey(email))).toMatchObject({ count: 1 });
  });

  it("shows a city's sign-ins on its audit page, and no one's sign-in to an unknown email", async () => {
    const user = await createUser();
    await authenticate(t, { email: user.email, password: PASSWORD, ip: randomIp() });
    const unknown = `tidak-ada-${uniqueSuffix()}@uji.go.id`;
    await authenticate(t, { email: unknown, password: PASSWORD, ip: randomIp() });
    const page = await t.withTenant(city.id, (tx) => listAuditEntries(tx, parseAuditSearchParams({}), { timeZone: "Asia/Makassar", pageSize: 500 }));
    expect(page.rows.filter((row) => row.entityId === user.id).map((row) => row.action)).toEqual(["auth.sign_in"]);
    expect(JSON.stringify(page.rows.map((row) => row.after))).not.toContain(keyedTag("sign-in", unknown));
  });

  it("refuses empty or oversized input without touching the counters", async () => {
    const ip = randomIp();
    expect(await authenticate(t, { email: "", password: PASSWORD, ip })).toEqual({ ok: false, reason: "invalid" });
    expect(await authenticate(t, { email: "a@b.id", password: "", ip })).toEqual({ ok: false, reason: "invalid" });
    expect(await authenticate(t, { email: 42, password: ["x"], ip })).toEqual({ ok: false, reason: "invalid" });
    expect(await counter(ipKey(ip))).toBeNull();
  });

  it("tells a deactivated user who knows the password, and no one else", async () => {
    const user = await createUser({ active: false });
    expect(await authenticate(t, { email: user.email, password: PASSWORD, ip: randomIp() })).toEqual({ ok: false, reason: "inactive" });
    expect(await authenticate(t, { email: user.email, password: "salah sekali 123", ip: randomIp() })).toEqual({ ok: false, reason: "invalid" });
    const reasons = (await auditRows(city.id, { action: "auth.sign_in_failed", entityId: user.id })).map((row) => (row.after as { reason: string }).reason);
    expect(reasons).toEqual(["inactive", "wrong_password"]);
  });
});

describe("lockout", () => {
  it("locks an account at one address on the fifth failure, for 15 minutes, even against the right password", async () => {
    const user = await createUser();
    const ip = randomIp();
    const at = minutesFromNow();
    for (let i = 0; i < 4; i++) {
      expect(await authenticate(t, { email: user.email, password: "salah", ip, now: at(i) })).toEqual({ ok: false, reason: "invalid" });
    }
    expect(await authenticate(t, { email: user.email, password: "salah", ip, now: at(4) })).toEqual({
      ok: false,
      reason: "locked",
      retryAfterMinutes: 15,
    });
    expect(await authenticate(t, { email: user.email, password: PASSWORD, ip, now: at(10.5) })).toEqual({
      ok: false,
      reason: "locked",
      retryAfterMinutes: 9,
    });
    const reasons = (await auditRows(city.id, { action: "auth.sign_in_failed", entityId: user.id })).map((row) => (row.after as { reason: string }).reason);
    expect(reasons).toEqual(["wrong_password", "wrong_password", "wrong_password", "wrong_password", "wrong_password", "locked"]);

    // Once the lock has passed, the right password works and clears the account's counters.
    expect((await authenticate(t, { email: user.email, password: PASSWORD, ip, now: at(19) })).ok).toBe(true);
    expect(await counter(accountKey(user.email))).toBeNull();
    expect(await counter(accountAddressKey(user.email, ip))).toBeNull();
  });

  it("does not lock the user out at another address for one address's failures", async () => {
    const user = await createUser();
    const attacker = randomIp();
    const now = new Date();
    for (let i = 0; i < 6; i++) await authenticate(t, { email: user.email, password: "salah", ip: attacker, now });
    expect(await authenticate(t, { email: user.email, password: PASSWORD, ip: attacker, now })).toMatchObject({ ok: false, reason: "locked" });
    expect((await authenticate(t, { email: user.email, password: PASSWORD, ip: randomIp(), now })).ok).toBe(true);
  });

  it("locks an account guessed from many addresses after 20 failures, but not at an address its user signed in from", async () => {
    const user = await createUser();
    const office = randomIp();
    const at = minutesFromNow();
    expect((await authenticate(t, { email: user.email, password: PASSWORD, ip: office, now: at(0) })).ok).toBe(true);
    for (let i = 0; i < 19; i++) {
      expect(await authenticate(t, { email: user.email, password: "salah", ip: randomIp(), now: at(1) })).toEqual({ ok: false, reason: "invalid" });
    }
    expect(await authenticate(t, { email: user.email, password: "salah", ip: randomIp(), now: at(1) })).toMatchObject({ ok: false, reason: "locked" });
    expect(await authenticate(t, { email: user.email, password: PASSWORD, ip: randomIp(), now: at(2) })).toMatchObject({ ok: false, reason: "locked" });
    // The office still signs in: a stranger cannot lock the user out where the user works.
    expect((await authenticate(t, { email: user.email, password: PASSWORD, ip: office, now: at(2) })).ok).toBe(true);
  });

  it("forgets earlier failures after a successful sign-in", async () => {
    const user = await createUser();
    const at = minutesFromNow();
    for (let i = 0; i < 4; i++) await authenticate(t, { email: user.email, password: "salah", ip: randomIp(), now: at(i) });
    expect((await authenticate(t, { email: user.email, password: PASSWORD, ip: randomIp(), now: at(4) })).ok).toBe(true);
    for (let i = 5; i < 9; i++) {
      expect(await authenticate(t, { email: user.email, password: "salah", ip: randomIp(), now: at(i) })).toEqual({ ok: false, reason: "invalid" });
    }
    expect(await counter(accountKey(user.email))).toMatchObject({ count: 4, lockedUntil: null });
  });

  it("locks an address after 30 failures, whichever accounts they were for; other addresses still sign in", async () => {
    const user = await createUser();
    const ip = randomIp();
    const now = new Date();
    for (let i = 0; i < 29; i++) {
      const result = await authenticate(t, { email: `tebakan-${i}-${uniqueSuffix()}@uji.go.id`, password: "salah", ip, now });
      expect(result).toEqual({ ok: false, reason: "invalid" });
    }
    expect(await authenticate(t, { email: `tebakan-30-${uniqueSuffix()}@uji.go.id`, password: "salah", ip, now })).toMatchObject({
      ok: false,
      reason: "locked",
    });
    expect(await authenticate(t, { email: user.email, password: PASSWORD, ip, now })).toEqual({
      ok: false,
      reason: "locked",
      retryAfterMinutes: 15,
    });
    expect((await authenticate(t, { email: user.email, password: PASSWORD, ip: randomIp(), now })).ok).toBe(true);
  });
});

describe("the address throttling counts", () => {
  it("is the socket's: 60 failures from one client, each claiming another X-Forwarded-For, lock it at the 30th", async () => {
    const attacker = randomIp();
    const now = new Date();
    const results = [];
    for (let i = 0; i < 60; i++) {
      const headers = requestFrom(attacker, { "x-forwarded-for": `198.51.${i}.${i + 1}`, "x-real-ip": `192.0.2.${i}` });
      results.push(await signInOver(headers, `tebakan-${i}-${uniqueSuffix()}@uji.go.id`, "salah", now));
    }
    expect(results.slice(0, 29).every((result) => result.ok === false && result.reason === "invalid")).toBe(true);
    expect(results.slice(29).every((result) => result.ok === false && result.reason === "locked")).toBe(true);
    expect(await counter(ipKey(attacker))).toMatchObject({ count: 30 });
  });

  it("cannot be named: 30 failures claiming a victim's address in X-Forwarded-For leave the victim free to sign in", async () => {
    const victim = await createUser();
    const [attacker, victimAddress] = [randomIp(), randomIp()];
    const now = new Date();
    for (let i = 0; i < 30; i++) {
      const headers = requestFrom(attacker, { "x-forwarded-for": victimAddress, "x-real-ip": victimAddress });
      await signInOver(headers, `tebakan-${i}-${uniqueSuffix()}@uji.go.id`, "salah", now);
    }
    expect(await counter(ipKey(victimAddress))).toBeNull();
    expect((await signInOver(requestFrom(victimAddress), victim.email, PASSWORD, now)).ok).toBe(true);
  });
});

describe("the counter SQL", () => {
  it("counts every one of many concurrent failures", async () => {
    const key = `login:email:serentak-${uniqueSuffix()}@uji.go.id`;
    const now = new Date();
    const policy = { max: 1000, windowMs: 15 * minute, lockMs: 15 * minute };
    const results = await Promise.all(Array.from({ length: 40 }, () => recordFailure(t.db, key, policy, now)));
    expect(results.map((row) => row.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(await counter(key)).toMatchObject({ count: 40, lockedUntil: null });
  });

  it("counts concurrent failed sign-ins exactly and audits each", async () => {
    const user = await createUser();
    const attempts = Array.from({ length: 12 }, () => authenticate(t, { email: user.email, password: "salah", ip: randomIp() }));
    const results = await Promise.all(attempts);
    expect(results.filter((result) => !result.ok)).toHaveLength(12);
    expect((await counter(accountKey(user.email)))?.count).toBe(12);
    expect(await auditRows(city.id, { action: "auth.sign_in_failed", entityId: user.id })).toHaveLength(12);
  });

  it("computes what nextCounter computes, step by step", async () => {
    const key = `login:email:langkah-${uniqueSuffix()}@uji.go.id`;
    const at = minutesFromNow();
    let expected: Counter | null = null;
    for (const minutes of [0, 2, 2, 7.5, 14.999, 15, 16, 31, 31, 31, 31, 31, 32, 60]) {
      const now = at(minutes);
      expected = nextCounter(expected, now, ACCOUNT_POLICY);
      expect(await recordFailure(t.db, key, ACCOUNT_POLICY, now), `at minute ${minutes}`).toEqual(expected);
    }
    const stored = await counter(key);
    // A key given without an account names none.
    expect(stored).toEqual({ key, userId: null, ...expected });
  });

  it("keeps separate policies apart: an address is not locked by 5", async () => {
    const ip = ipKey(randomIp());
    const now = new Date();
    let last: Counter | undefined;
    for (let i = 0; i < 5; i++) last = await recordFailure(t.db, ip, IP_POLICY, now);
    expect(last).toMatchObject({ count: 5, lockedUntil: null });
  });
});
