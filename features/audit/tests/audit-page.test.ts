import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAuditEntries, parseAuditSearchParams, type AuditFilter } from "@/features/audit/queries";
import { startOfDay } from "@/lib/calendar/days";
import { auditValueText, fieldChanges } from "@/features/audit/ui/audit-format";
import { REDACTED } from "@/lib/privacy/personal-data";
import { openTestDb, uniqueSuffix, type TestDb } from "@/tests/helpers/db";
import { createTestTenant, type TestTenant } from "@/tests/helpers/factories";

const ZONE = "Asia/Makassar"; // WITA, UTC+8, as in Mataram and Kupang

let t: TestDb;
let city: TestTenant;
let otherCity: TestTenant;
let ani: string;
let budi: string;
let stranger: string;
/** City A's entry ids, oldest first. */
const ids: string[] = [];

// City A's trail, oldest first: [user, action, entity, createdAt (UTC)].
const TRAIL = [
  ["ani", "create", "Household", "2026-03-01T02:00:00Z"],
  ["ani", "update", "Household", "2026-03-01T15:59:59Z"], // 1 March 23:59:59 WITA
  ["budi", "create", "Opd", "2026-03-01T16:00:00Z"], // 2 March 00:00 WITA
  ["budi", "update", "Opd", "2026-03-02T10:00:00Z"],
  ["ani", "delete", "Household", "2026-03-03T01:00:00Z"],
  ["platform", "create", "Area", "2026-03-04T01:00:00Z"],
  [null, "auth.sign_in_failed", "User", "2026-03-05T01:00:00Z"],
] as const;

beforeAll(async () => {
  t = await openTestDb();
  city = await createTestTenant(t.db, t.withTenant);
  otherCity = await createTestTenant(t.db, t.withTenant);
  const user = (tenant: TestTenant, name: string) =>
    t.withTenant(tenant.id, (tx) =>
      tx.user.create({
        data: { tenantId: tenant.id, name, email: `${name.toLowerCase()}.${uniqueSuffix()}@audit.test`, passwordHash: "x", role: "OPD_STAFF" },
      }),
    );
  ani = (await user(city, "Ani")).id;
  budi = (await user(city, "Budi")).id;
  stranger = (await user(otherCity, "Citra")).id;

  const userIds = { ani, budi, platform: "platform-admin-id" } as const;
  for (const [who, action, entity, at] of TRAIL) {
    const row = await t.withTenant(city.id, (tx) =>
      tx.auditLog.create({
        data: {
          tenantId: city.id,
          userId: who ? userIds[who] : null,
          action,
          entity,
          entityId: `${entity.toLowerCase()}-1`,
          before: action === "create" ? undefined : { name: "lama" },
          after: action === "delete" ? undefined : { name: "baru" },
          createdAt: new Date(at),
        },
      }),
    );
    ids.push(row.id.toString());
  }
  // Another city's entries at the same moments, by its own user and with the same entity names.
  for (const [, action, entity, at] of TRAIL) {
    await t.withTenant(otherCity.id, (tx) =>
      tx.auditLog.create({ data: { tenantId: otherCity.id, userId: stranger, action, entity, entityId: "x", createdAt: new Date(at) } }),
    );
  }
});

afterAll(async () => {
  await t?.close();
});

const list = (params: Record<string, string>, pageSize = 50) =>
  t.withTenant(city.id, (tx) => listAuditEntries(tx, parseAuditSearchParams(params), { timeZone: ZONE, pageSize }));
const idsOf = (page: { rows: { id: string }[] }) => page.rows.map((row) => row.id);
const newestFirst = (list: string[]) => [...list].reverse();

describe("the audit log of a city", () => {
  it("lists the city's entries newest first, and never another city's", async () => {
    const page = await list({});
    expect(idsOf(page)).toEqual(newestFirst(ids));
    expect(page).toMatchObject({ olderThan: null, newerThan: null });
  });

  it("names the city's users, the platform admin as from outside, and no one for anonymous events", async () => {
    const page = await list({});
    const actorOf = (id: string) => page.rows.find((row) => row.id === id)?.actor;
    expect(actorOf(ids[0]!)).toEqual({ kind: "user", id: ani, name: "Ani" });
    expect(actorOf(ids[5]!)).toEqual({ kind: "outside", id: "platform-admin-id" });
    expect(actorOf(ids[6]!)).toEqual({ kind: "none" });
    expect(page.rows.find((row) => row.id === ids[1])).toMatchObject({ before: { name: "lama" }, after: { name: "baru" } });
  });

  it("filters by user, entity and action", async () => {
    expect(idsOf(await list({ user: budi }))).toEqual(newestFirst(ids.slice(2, 4)));
    expect(idsOf(await list({ entity: "Household" }))).toEqual(newestFirst([ids[0]!, ids[1]!, ids[4]!]));
    expect(idsOf(await list({ action: "update" }))).toEqual(newestFirst([ids[1]!, ids[3]!]));
    expect(idsOf(await list({ user: ani, action: "create" }))).toEqual([ids[0]]);
    expect(idsOf(await list({ action: "auth.sign_in_failed" }))).toEqual([ids[6]]);
  });

  it("reads dates as calendar days in the city's time zone, both ends included", async () => {
    // 2026-03-01T16:00Z is midnight of 2 March in WITA; 15:59:59Z is still 1 March.
    expect(idsOf(await list({ from: "2026-03-02", to: "2026-03-02" }))).toEqual(newestFirst(ids.slice(2, 4)));
    expect(idsOf(await list({ to: "2026-03-01" }))).toEqual(newestFirst(ids.slice(0, 2)));
    expect(idsOf(await list({ from: "2026-03-03" }))).toEqual(newestFirst(ids.slice(4)));
    // The wrong way round means the same range.
    expect(idsOf(await list({ from: "2026-03-02", to: "2026-03-01" }))).toEqual(newestFirst(ids.slice(0, 4)));
    expect(startOfDay("2026-03-02", ZONE).toISOString()).toBe("2026-03-01T16:00:00.000Z");
  });

  it("pages by id, older and back to newer, with the filters kept", async () => {
    const first = await list({}, 3);
    expect(idsOf(first)).toEqual(newestFirst(ids).slice(0, 3));
    expect(first.newerThan).toBeNull();
    expect(first.olderThan).toBe(ids[4]);

    const second = await list({ before: first.olderThan! }, 3);
    expect(idsOf(second)).toEqual(newestFirst(ids).slice(3, 6));
    expect(second.newerThan).toBe(ids[3]);

    const last = await list({ before: second.olderThan! }, 3);
    expect(idsOf(last)).toEqual([ids[0]]);
    expect(last.olderThan).toBeNull();

    const back = await list({ after: second.newerThan! }, 3);
    expect(idsOf(back)).toEqual(idsOf(first));
    expect(back.newerThan).toBeNull();
    expect(back.olderThan).toBe(first.olderThan);

    const filtered = await list({ entity: "Household" }, 2);
    expect(idsOf(filtered)).toEqual([ids[4], ids[1]]);
    expect(idsOf(await list({ entity: "Household", before: filtered.olderThan! }, 2))).toEqual([ids[0]]);
  });

  it("finds nothing of another city, even when asked for its user", async () => {
    expect((await list({ user: stranger })).rows).toEqual([]);
    const other = await t.withTenant(otherCity.id, (tx) => listAuditEntries(tx, parseAuditSearchParams({}), { timeZone: ZONE }));
    expect(other.rows).toHaveLength(TRAIL.length);
    expect(other.rows.some((row) => ids.includes(row.id))).toBe(false);
  });
});

describe("the page's search parameters", () => {
  it("keeps what is well formed and drops the rest", () => {
    const parsed: AuditFilter = parseAuditSearchParams({
      user: ["abc-1", "def"],
      entity: "Household; DROP TABLE",
      action: "",
      from: "2026-02-30",
      to: "2026-03-05",
      before: "12x",
      after: "42",
    });
    expect(parsed).toEqual({ user: "abc-1", entity: undefined, action: undefined, from: undefined, to: "2026-03-05", before: undefined, after: "42" });
  });
});

describe("the changes column", () => {
  it("shows an update's changed fields, and a created record's fields without its bookkeeping", () => {
    expect(fieldChanges({ name: "a", updatedAt: "x" }, { name: "b", updatedAt: "y" })).toEqual([{ field: "name", before: "a", after: "b" }]);
    expect(fieldChanges(null, { id: "c1", tenantId: "t", name: "b", note: null, createdAt: "z" })).toEqual([{ field: "name", before: undefined, after: "b" }]);
  });

  it("says in the reader's words that a value was redacted", () => {
    const options = { locale: "id" as const, timeZone: "Asia/Makassar", yes: "ya", no: "tidak", empty: "kosong", redacted: "disamarkan" };
    expect(auditValueText(REDACTED, options)).toEqual({ text: "disamarkan" });
    expect(auditValueText("************0001 #3f2a9c1e0b7d4a55", options)).toEqual({ text: "************0001 #3f2a9c1e0b7d4a55" });
  });

  it("writes a date-only value as the tables write dates, and a moment with its time", () => {
    const options = { locale: "id" as const, timeZone: "Asia/Makassar", yes: "ya", no: "tidak", empty: "kosong", redacted: "disamarkan" };
    expect(auditValueText("2026-11-21T00:00:00.000Z", options)).toEqual({ text: "21 Nov 2026" });
    expect(auditValueText("2026-11-21T00:00:00.000Z", { ...options, locale: "en" })).toEqual({ text: "21 Nov 2026" });
    expect(auditValueText("2026-11-21T16:30:05.000Z", options)).toEqual({ text: "22 Nov 2026, 00.30.05" });
  });
});
