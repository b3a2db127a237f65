// A form sent twice adds its records once: the same submission key (a double click, a retry
// after a lost answer, two requests at the same moment) gets the first answer back.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRealisationDefinition } from "@/features/budget/action-definitions";
import { proposeChangeDefinition } from "@/features/registry/action-definitions";
import { makeHousehold, nikFor } from "@/features/registry/tests/registry-fixtures";
import { createLoanDefinition } from "@/features/revolving-funds/action-definitions";
import { actor, cityNik, fundCity, fundWithCapital, must, type FundCity } from "@/features/revolving-funds/tests/revolving-funds-helpers";
import { createTrainingDefinition } from "@/features/trainings/action-definitions";
import type { AnyActionDefinition } from "@/lib/actions/define";
import { runAction } from "@/lib/actions/run";
import { newSubmissionKey, SUBMISSION_KEY_FIELD } from "@/lib/actions/submission-key";
import { claimSubmission, purgeSubmissions, SUBMISSION_KEY_LIFETIME_MS } from "@/lib/actions/submissions";
import type { SessionUser } from "@/lib/auth/session-user";
import { actionDeps, sessionUser } from "../helpers/actions";
import { openTestDb, type TestDb } from "../helpers/db";

let t: TestDb;
let city: FundCity;
let staff: SessionUser;
let officer: SessionUser;
let programmeId: string;
let budgetLineId: string;
let fundId: string;

beforeAll(async () => {
  t = await openTestDb();
  city = await fundCity(t);
  officer = city.officer;
  const opd = await read((tx) => tx.opd.create({ data: { tenantId: city.id, code: "2.07", name: "Dinas Tenaga Kerja", shortName: "Disnaker" } }));
  staff = sessionUser(city, "OPD_STAFF", { id: `staf-${city.slug}`, opdId: opd.id });
  programmeId = (
    await read((tx) => tx.programme.create({ data: { tenantId: city.id, opdId: opd.id, fiscalYear: 2024, name: "Pelatihan Kerja", kind: "TRAINING" } }))
  ).id;
  budgetLineId = (
    await read((tx) =>
      tx.budgetLine.create({ data: { tenantId: city.id, programmeId, fundingSource: "APBD", description: "Belanja pelatihan", pagu: 90_000_000n } }),
    )
  ).id;
  fundId = await fundWithCapital(actor(t), city);
});

afterAll(async () => {
  await t?.close();
});

function read<T>(fn: Parameters<typeof t.withTenant<T>>[1]) {
  return t.withTenant(city.id, fn);
}

const send = (user: SessionUser, definition: AnyActionDefinition, input: Record<string, unknown>, key: string) =>
  runAction(actionDeps(t, user), definition, city.slug, { ...input, [SUBMISSION_KEY_FIELD]: key });

type Case = {
  what: string;
  user: () => SessionUser;
  definition: AnyActionDefinition;
  input: () => Promise<Record<string, unknown>>;
  count: () => Promise<number>;
};

let sp2dSerial = 0;
/** A SP2D number no other entry carries: each is recorded once per city. */
const sp2d = () => `${(sp2dSerial += 1)}/SP2D/LS/2024`;

const cases: Case[] = [
  {
    what: "a training",
    user: () => staff,
    definition: createTrainingDefinition,
    input: async () => ({ programmeId, skill: "Menjahit", startDate: "2024-03-04", endDate: "2024-03-06", place: "BLK", trainer: "", capacity: "10" }),
    count: () => read((tx) => tx.training.count()),
  },
  {
    what: "a realisation entry",
    user: () => staff,
    definition: createRealisationDefinition,
    input: async () => ({ budgetLineId, month: "2", referenceNo: sp2d(), amount: "1.500.000", note: "" }),
    count: () => read((tx) => tx.budgetRealisation.count()),
  },
  {
    what: "a change request",
    user: () => officer,
    definition: proposeChangeDefinition,
    input: async () => {
      const { household } = await read((tx) => makeHousehold(tx, city));
      const nik = nikFor("2024-02-14", "FEMALE");
      return {
        householdId: household.id,
        kind: "NEW_MEMBER",
        nik,
        name: "Baiq Aulia",
        sex: "FEMALE",
        birthDate: "2024-02-14",
        relation: "CHILD",
        birthPlace: "Mataram",
        note: "Kelahiran, akta 5271-LT-2024",
      };
    },
    count: () => read((tx) => tx.changeRequest.count()),
  },
  {
    what: "a loan",
    user: () => officer,
    definition: createLoanDefinition,
    input: async () => ({
      fundId,
      borrowerNik: cityNik(city, new Date(Date.UTC(2000, 4, 17))),
      borrowerName: "Yohanes Lake",
      businessType: "Kios sembako",
      purpose: "Tambahan modal kios",
      principal: "2.000.000",
      tenorMonths: "10",
    }),
    count: () => read((tx) => tx.loan.count()),
  },
];

describe("a form sent twice with one submission key", () => {
  for (const { what, user, definition, input, count } of cases) {
    it(`adds ${what} once and answers the repeat with the first result`, async () => {
      const values = await input();
      const key = newSubmissionKey();
      const before = await count();
      const first = await send(user(), definition, values, key);
      const again = await send(user(), definition, values, key);
      expect(first, JSON.stringify(first)).toMatchObject({ ok: true });
      expect(again).toEqual(first);
      expect(await count()).toBe(before + 1);
    });

    it(`adds ${what} once when both arrive at the same moment`, async () => {
      const values = await input();
      const key = newSubmissionKey();
      const before = await count();
      const [one, two] = await Promise.all([send(user(), definition, values, key), send(user(), definition, values, key)]);
      expect(one).toMatchObject({ ok: true });
      expect(two).toEqual(one);
      expect(await count()).toBe(before + 1);
    });
  }

  it("adds a second record for a second key: the same values filled in again are a new submission", async () => {
    const before = await read((tx) => tx.budgetRealisation.count());
    const values = { budgetLineId, month: "3", amount: "250.000", note: "" };
    must(await send(staff, createRealisationDefinition, { ...values, referenceNo: sp2d() }, newSubmissionKey()));
    must(await send(staff, createRealisationDefinition, { ...values, referenceNo: sp2d() }, newSubmissionKey()));
    expect(await read((tx) => tx.budgetRealisation.count())).toBe(before + 2);
  });

  it("lets a refused submission be sent again with its key: nothing was kept of it", async () => {
    const key = newSubmissionKey();
    const refused = await send(staff, createRealisationDefinition, { budgetLineId, referenceNo: sp2d(), month: "2", amount: "0", note: "" }, key);
    expect(refused).toMatchObject({ ok: false, code: "INVALID" });
    const before = await read((tx) => tx.budgetRealisation.count());
    const corrected = await send(staff, createRealisationDefinition, { budgetLineId, referenceNo: sp2d(), month: "2", amount: "10.000", note: "" }, key);
    expect(corrected).toMatchObject({ ok: true });
    expect(await read((tx) => tx.budgetRealisation.count())).toBe(before + 1);
  });

  it("refuses an action that adds records without a key, or with a malformed one, writing nothing", async () => {
    const before = await read((tx) => tx.budgetRealisation.count());
    const values = { budgetLineId, month: "2", referenceNo: sp2d(), amount: "10.000", note: "" };
    const withoutKey = await runAction(actionDeps(t, staff), createRealisationDefinition, city.slug, values);
    expect(withoutKey).toMatchObject({ ok: false, code: "INVALID", message: expect.stringContaining("Muat ulang halaman") });
    expect(await send(staff, createRealisationDefinition, values, "1")).toMatchObject({ ok: false, code: "INVALID" });
    expect(await read((tx) => tx.budgetRealisation.count())).toBe(before);
  });

  it("does not answer another user's or another action's submission with this one's result", async () => {
    const key = newSubmissionKey();
    must(await send(staff, createRealisationDefinition, { budgetLineId, referenceNo: sp2d(), month: "4", amount: "10.000", note: "" }, key));
    const colleague = sessionUser(city, "OPD_STAFF", { id: `rekan-${city.slug}`, opdId: staff.opdId });
    const reused = await send(colleague, createRealisationDefinition, { budgetLineId, referenceNo: sp2d(), month: "4", amount: "10.000", note: "" }, key);
    expect(reused).toMatchObject({ ok: false, code: "CONFLICT" });
  });
});

describe("purging old keys", () => {
  it("forgets a city's keys after a day and keeps younger ones", async () => {
    const key = newSubmissionKey();
    await read((tx) => claimSubmission(tx, { tenantId: city.id, key, userId: staff.id, action: "test.purge" }));
    const kept = () => read(async (tx) => (await tx.$queryRaw<{ key: string }[]>`SELECT "key" FROM "Submission" WHERE "key" = ${key}`).length);
    const now = Date.now();

    expect(await read((tx) => purgeSubmissions(tx, city.id, { now: new Date(now + SUBMISSION_KEY_LIFETIME_MS - 60_000) }))).toBe(0);
    expect(await kept()).toBe(1);
    expect(await read((tx) => purgeSubmissions(tx, city.id, { now: new Date(now + SUBMISSION_KEY_LIFETIME_MS + 60_000) }))).toBeGreaterThanOrEqual(1);
    expect(await kept()).toBe(0);
  });

  it("forgets a day-old key when any form of the city is sent", async () => {
    const old = newSubmissionKey();
    await read((tx) => claimSubmission(tx, { tenantId: city.id, key: old, userId: staff.id, action: "test.purge" }));
    await read((tx) => tx.$executeRaw`UPDATE "Submission" SET "createdAt" = "createdAt" - interval '2 days' WHERE "tenantId" = ${city.id} AND "key" = ${old}`);
    must(await send(staff, createRealisationDefinition, { budgetLineId, referenceNo: sp2d(), month: "5", amount: "10.000", note: "" }, newSubmissionKey()));
    expect(await read(async (tx) => (await tx.$queryRaw<{ key: string }[]>`SELECT "key" FROM "Submission" WHERE "key" = ${old}`).length)).toBe(0);
  });
});
