import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runAction } from "@/lib/actions/run";
import type { Role } from "@/lib/generated/prisma/enums";
import { resolveDuplicateDefinition, scanDuplicatesDefinition } from "@/features/registry/duplicates/action-definitions";
import { DUPLICATE_SCAN_TIMEOUT_MS } from "@/features/registry/duplicates/detect";
import { duplicateScanRequestJob } from "@/features/registry/duplicates/jobs";
import type { JobScopes } from "@/lib/jobs/kinds";
import { listDuplicates } from "@/features/registry/duplicates/queries";
import { personView } from "@/lib/privacy/person-view";
import { actionDeps, sessionUser } from "@/tests/helpers/actions";
import { openTestDb, type TestDb } from "@/tests/helpers/db";
import { createTestTenant, type TestTenant } from "@/tests/helpers/factories";
import { makeHousehold } from "@/features/registry/tests/registry-fixtures";

let t: TestDb;
let city: TestTenant;
let other: TestTenant;
let opdId: string;
let programmeId: string;

beforeAll(async () => {
  t = await openTestDb();
  city = await createTestTenant(t.db, t.withTenant);
  other = await createTestTenant(t.db, t.withTenant);
  await t.withTenant(city.id, async (tx) => {
    opdId = (await tx.opd.create({ data: { tenantId: city.id, code: "1.06", name: "Dinas Sosial", shortName: "Dinsos" } })).id;
    programmeId = (await tx.programme.create({ data: { tenantId: city.id, opdId, fiscalYear: 2024, name: "Jaring sosial", kind: "SOCIAL_ASSISTANCE" } })).id;
  });
});

afterAll(async () => {
  await t?.close();
});

const bapeda = () => sessionUser(city, "BAPEDA");
const pairs = (tenantId: string) =>
  t.withTenant(tenantId, async (tx) => ({
    SIMILAR_PERSON: await tx.duplicateCandidate.count({ where: { kind: "SIMILAR_PERSON" } }),
    SAME_ADDRESS_AND_HEAD: await tx.duplicateCandidate.count({ where: { kind: "SAME_ADDRESS_AND_HEAD" } }),
  }));
/** The form's action queues the scan; the job then runs as a worker would run it. Answers the new pairs. */
async function scan(user = bapeda(), slug = city.slug, scopes: JobScopes = t) {
  const tenantId = slug === city.slug ? city.id : other.id;
  const before = await pairs(tenantId);
  const queued = await runAction(actionDeps(t, user), scanDuplicatesDefinition, slug, { kinds: ["SIMILAR_PERSON", "SAME_ADDRESS_AND_HEAD"] });
  if (!queued.ok) return queued;
  await duplicateScanRequestJob.run({ tenantId, jobId: queued.data.jobId }, { scopes, queueJobId: "test", retryCount: 0, retryLimit: 1 });
  const job = await t.withTenant(tenantId, (tx) => tx.backgroundJob.findFirstOrThrow({ where: { id: queued.data.jobId }, select: { state: true } }));
  expect(job.state).toBe("DONE");
  const after = await pairs(tenantId);
  return {
    ok: true,
    data: { SIMILAR_PERSON: after.SIMILAR_PERSON - before.SIMILAR_PERSON, SAME_ADDRESS_AND_HEAD: after.SAME_ADDRESS_AND_HEAD - before.SAME_ADDRESS_AND_HEAD },
  };
}
const resolve = (input: Record<string, unknown>, user = bapeda(), slug = city.slug) => runAction(actionDeps(t, user), resolveDuplicateDefinition, slug, input);
const candidates = () => t.withTenant(city.id, (tx) => tx.duplicateCandidate.findMany({ orderBy: { createdAt: "asc" } }));
const aid = (householdId: string, memberId: string | null, value: bigint) =>
  t.withTenant(city.id, (tx) =>
    tx.aidDistribution.create({
      data: {
        tenantId: city.id,
        programmeId,
        opdId,
        householdId,
        memberId,
        kind: "CASH",
        items: "Bantuan tunai",
        value,
        distributedAt: new Date("2024-03-01"),
      },
    }),
  );

describe("duplicates", () => {
  let person: { keep: string; drop: string; dropHousehold: string };
  let households: { first: string; second: string };

  it("finds the same person under two NIKs and two cards at one address with one head, once", async () => {
    const a = await t.withTenant(city.id, (tx) => makeHousehold(tx, city, { members: [{ name: "Lalu Ahmad", birthDate: "1970-01-10" }] }));
    const b = await t.withTenant(city.id, (tx) =>
      makeHousehold(tx, city, {
        members: [
          { name: "Muhammad Nur", birthDate: "1968-04-02" },
          { name: " LALU  AHMAD ", birthDate: "1970-01-10", relation: "OTHER_RELATIVE" },
        ],
      }),
    );
    const c = await t.withTenant(city.id, (tx) =>
      makeHousehold(tx, city, {
        address: "Jl. Saleh Sungkar No. 7",
        members: [
          { name: "Baiq Sari", sex: "FEMALE", birthDate: "1980-02-02" },
          { name: "Zaki", birthDate: "2010-01-01", relation: "CHILD" },
        ],
      }),
    );
    const d = await t.withTenant(city.id, (tx) =>
      makeHousehold(tx, city, {
        address: "jl. saleh  sungkar no. 7",
        members: [
          { name: "BAIQ SARI", sex: "FEMALE", birthDate: "1981-03-03" },
          { name: "Zaki", birthDate: "2010-01-01", relation: "CHILD" },
          { name: "Rina", sex: "FEMALE", birthDate: "2012-05-05", relation: "CHILD" },
        ],
      }),
    );
    const result = await scan();
    expect(result).toMatchObject({ ok: true, data: { SIMILAR_PERSON: 2, SAME_ADDRESS_AND_HEAD: 1 } });
    const found = await candidates();
    const ahmad = found.find((x) => x.kind === "SIMILAR_PERSON" && [x.firstId, x.secondId].includes(a.members[0]!.id))!;
    expect([ahmad.firstId, ahmad.secondId].sort()).toEqual([a.members[0]!.id, b.members[1]!.id].sort());
    const pair = found.find((x) => x.kind === "SAME_ADDRESS_AND_HEAD")!;
    expect([pair.firstId, pair.secondId].sort()).toEqual([c.household.id, d.household.id].sort());
    expect(await scan()).toMatchObject({ ok: true, data: { SIMILAR_PERSON: 0, SAME_ADDRESS_AND_HEAD: 0 } });

    person = { keep: a.members[0]!.id, drop: b.members[1]!.id, dropHousehold: b.household.id };
    households = { first: c.household.id, second: d.household.id };
    await aid(b.household.id, b.members[1]!.id, 900_000n);
    await aid(d.household.id, null, 250_000n);
  });

  it("runs the scan as a job, in a transaction allowed more than the 20 s every action gets", async () => {
    const timeouts: (number | undefined)[] = [];
    const spied: JobScopes = {
      ...t,
      withTenant: (tenantId, fn, options) => (timeouts.push(options?.timeout), t.withTenant(tenantId, fn, options)),
    };
    expect(await scan(bapeda(), city.slug, spied)).toMatchObject({ ok: true });
    expect(timeouts).toContain(DUPLICATE_SCAN_TIMEOUT_MS);
    expect(DUPLICATE_SCAN_TIMEOUT_MS).toBeGreaterThan(20_000);
  });

  it("lists pairs with masked numbers", async () => {
    const list = await t.withTenant(city.id, (tx) => listDuplicates(tx, { view: "open" }, { view: personView({ role: "BAPEDA" }), today: new Date() }));
    expect(list.open).toBe(3);
    expect(list.rows).toHaveLength(3);
    expect(JSON.stringify(list.rows)).not.toMatch(/\d{16}/);
  });

  it("dismissing sticks across scans", async () => {
    const zaki = (await candidates()).find((x) => x.kind === "SIMILAR_PERSON" && ![x.firstId, x.secondId].includes(person.keep))!;
    expect(await resolve({ candidateId: zaki.id, resolution: "DISMISS", note: "Anak berbeda, kebetulan sama" })).toMatchObject({ ok: true });
    expect(await scan()).toMatchObject({ ok: true, data: { SIMILAR_PERSON: 0 } });
    const after = (await candidates()).find((x) => x.id === zaki.id)!;
    expect(after).toMatchObject({ status: "DISMISSED", resolvedById: bapeda().id, detail: expect.objectContaining({ note: "Anak berbeda, kebetulan sama" }) });
    expect(await resolve({ candidateId: zaki.id, resolution: "KEEP_FIRST" })).toMatchObject({ ok: false, code: "CONFLICT" });
  });

  it("merging a person moves their aid to the record kept and removes the other", async () => {
    const candidate = (await candidates()).find((x) => x.kind === "SIMILAR_PERSON" && [x.firstId, x.secondId].includes(person.keep))!;
    const resolution = candidate.firstId === person.keep ? "KEEP_FIRST" : "KEEP_SECOND";
    expect(await resolve({ candidateId: candidate.id, resolution })).toMatchObject({ ok: true, data: { status: "MERGED", keptId: person.keep } });
    await t.withTenant(city.id, async (tx) => {
      expect(await tx.member.findFirst({ where: { id: person.drop } })).toBeNull();
      const moved = await tx.aidDistribution.findFirstOrThrow({ where: { value: 900_000n } });
      expect(moved).toMatchObject({ memberId: person.keep, householdId: person.dropHousehold });
      expect(await tx.auditLog.count({ where: { entity: "Member", entityId: person.drop, action: "delete" } })).toBe(1);
    });
  });

  it("merging households moves members, history and aid, merges the person in both, and deletes the card", async () => {
    const candidate = (await candidates()).find((x) => x.kind === "SAME_ADDRESS_AND_HEAD")!;
    const keep = households.first;
    const drop = households.second;
    await t.withTenant(city.id, (tx) =>
      tx.householdStatusEvent.create({
        data: {
          tenantId: city.id,
          householdId: drop,
          toStatus: "ACTIVE",
          toExtremePoor: true,
          effectiveDate: new Date("2023-01-01"),
          reason: "Masuk P3KE",
          source: "IMPORT",
        },
      }),
    );
    const resolution = candidate.firstId === keep ? "KEEP_FIRST" : "KEEP_SECOND";
    expect(await resolve({ candidateId: candidate.id, resolution })).toMatchObject({ ok: true });
    await t.withTenant(city.id, async (tx) => {
      expect(await tx.household.findFirst({ where: { id: drop } })).toBeNull();
      const members = await tx.member.findMany({ where: { householdId: keep }, orderBy: { name: "asc" } });
      expect(members.map((m) => [m.name, m.relation])).toEqual([
        ["BAIQ SARI", "OTHER_RELATIVE"],
        ["Baiq Sari", "HEAD"],
        ["Rina", "CHILD"],
        ["Zaki", "CHILD"],
      ]);
      expect(await tx.aidDistribution.count({ where: { householdId: keep } })).toBe(1);
      expect(await tx.householdStatusEvent.count({ where: { householdId: keep } })).toBe(1);
    });
  });

  it("refuses to merge one person recorded twice in the same training", async () => {
    const x = await t.withTenant(city.id, (tx) => makeHousehold(tx, city, { members: [{ name: "Ni Luh Putu", sex: "FEMALE", birthDate: "1990-09-09" }] }));
    const y = await t.withTenant(city.id, (tx) => makeHousehold(tx, city, { members: [{ name: "Ni Luh Putu", sex: "FEMALE", birthDate: "1990-09-09" }] }));
    await t.withTenant(city.id, async (tx) => {
      const training = await tx.training.create({
        data: {
          tenantId: city.id,
          programmeId,
          opdId,
          skill: "Tata boga",
          startDate: new Date("2024-05-01"),
          endDate: new Date("2024-05-10"),
          place: "Aula",
          capacity: 20,
        },
      });
      for (const made of [x, y]) {
        await tx.trainingParticipant.create({
          data: { tenantId: city.id, trainingId: training.id, householdId: made.household.id, memberId: made.members[0]!.id },
        });
      }
    });
    await scan();
    const candidate = (await candidates()).find((c) => c.status === "OPEN" && [c.firstId, c.secondId].includes(x.members[0]!.id))!;
    const result = await resolve({ candidateId: candidate.id, resolution: "KEEP_FIRST" });
    expect(result).toMatchObject({ ok: false, code: "CONFLICT" });
    expect((await candidates()).find((c) => c.id === candidate.id)?.status).toBe("OPEN");
    expect(await t.withTenant(city.id, (tx) => tx.member.count({ where: { id: { in: [x.members[0]!.id, y.members[0]!.id] } } }))).toBe(2);
  });

  it("carries other suspicions about a merged record over to the one kept", async () => {
    const made = [];
    for (let i = 0; i < 3; i++) {
      made.push(await t.withTenant(city.id, (tx) => makeHousehold(tx, city, { members: [{ name: "Yohanes Fanggi", birthDate: "1975-12-25" }] })));
    }
    const [a, b, c] = made.map((m) => m.members[0]!.id) as [string, string, string];
    await scan();
    const mine = async () => (await candidates()).filter((x) => [a, b, c].includes(x.firstId) || [a, b, c].includes(x.secondId));
    expect((await mine()).filter((x) => x.status === "OPEN")).toHaveLength(3);
    const ab = (await mine()).find((x) => [x.firstId, x.secondId].sort().join() === [a, b].sort().join())!;
    await resolve({ candidateId: ab.id, resolution: ab.firstId === a ? "KEEP_FIRST" : "KEEP_SECOND" });
    const after = await mine();
    expect(after.filter((x) => x.status === "OPEN").map((x) => [x.firstId, x.secondId].sort())).toEqual([[a, c].sort()]);
    expect(after.filter((x) => x.status === "MERGED")).toHaveLength(2);
  });

  it.each<Role>(["KELURAHAN", "OPD_STAFF", "OPD_HEAD", "AUDITOR", "CITY_ADMIN"])("are refused to %s", async (role) => {
    const user = sessionUser(city, role, { kelurahanId: city.kelurahanId });
    expect(await scan(user)).toMatchObject({ ok: false, code: "FORBIDDEN" });
    const open = (await candidates()).find((c) => c.status === "OPEN")!;
    expect(await resolve({ candidateId: open.id, resolution: "DISMISS" }, user)).toMatchObject({ ok: false, code: "FORBIDDEN" });
  });

  it("are not found for another city's Bapeda", async () => {
    const open = (await candidates()).find((c) => c.status === "OPEN")!;
    const stranger = sessionUser(other, "BAPEDA");
    expect(await resolve({ candidateId: open.id, resolution: "DISMISS" }, stranger, other.slug)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await resolve({ candidateId: open.id, resolution: "DISMISS" }, stranger, city.slug)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await scan(stranger, other.slug)).toMatchObject({ ok: true, data: { SIMILAR_PERSON: 0, SAME_ADDRESS_AND_HEAD: 0 } });
  });
});
