// A city being moved to another pod is read-only: while Tenant.movingSince is set, the action
// pipeline and the start of a background job refuse with CITY_MOVING, in the user's language;
// reads go on; once the mark is cleared, writes work again.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defineAction, definePlatformAction } from "@/lib/actions/define";
import { runAction, runPlatformAction } from "@/lib/actions/run";
import { isAppError } from "@/lib/errors";
import { defineJob } from "@/lib/jobs/kinds";
import { startTrackedJob, type TrackedJobData } from "@/lib/jobs/tracked";
import { z } from "@/lib/validation/zod";
import { actionDeps, sessionUser } from "../helpers/actions";
import { openTestDb, openTestOwnerDb, type TestDb, type TestOwnerDb } from "../helpers/db";
import { createTestTenant, type TestTenant } from "../helpers/factories";

const renameOpd = defineAction({
  name: "test.movingRenameOpd",
  permission: "opd:manage",
  schema: z.object({ opdId: z.string().min(1), name: z.string().trim().min(3) }),
  run: ({ tx, tenantId }, input) => tx.opd.update({ where: { tenantId_id: { tenantId, id: input.opdId } }, data: { name: input.name } }),
});

const renameOpdAsPlatform = definePlatformAction({
  name: "test.movingRenameOpdAsPlatform",
  permission: "tenant:manage",
  schema: z.object({ tenantId: z.string().min(1), opdId: z.string().min(1), name: z.string().trim().min(3) }),
  run: ({ withTenant }, input) =>
    withTenant(input.tenantId, (tx) => tx.opd.update({ where: { tenantId_id: { tenantId: input.tenantId, id: input.opdId } }, data: { name: input.name } })),
});

const neverRun = defineJob<TrackedJobData>({ name: "test.moving", expireInSeconds: 60, retryLimit: 0, run: async () => {} });

let t: TestDb;
let owner: TestOwnerDb;
let city: TestTenant;
let opdId: string;

beforeAll(async () => {
  t = await openTestDb();
  owner = await openTestOwnerDb();
  city = await createTestTenant(t.db, t.withTenant);
  opdId = (await t.withTenant(city.id, (tx) => tx.opd.create({ data: { tenantId: city.id, code: "DINSOS", name: "Dinas Sosial", shortName: "Dinsos" } }))).id;
});

afterAll(async () => {
  await t?.close();
  await owner?.close();
});

const setMoving = (since: Date | null) => owner.db.tenant.update({ where: { id: city.id }, data: { movingSince: since } });
const opdName = () => t.withTenant(city.id, (tx) => tx.opd.findFirst({ where: { id: opdId }, select: { name: true } }).then((opd) => opd?.name));
const admin = () => sessionUser(city, "CITY_ADMIN");

describe("a city being moved", () => {
  it("refuses an action with CITY_MOVING in the user's language, writes nothing, and lets reads through", async () => {
    await setMoving(new Date());
    try {
      const inIndonesian = await runAction(actionDeps(t, admin()), renameOpd, city.slug, { opdId, name: "Dinas Sosial Baru" });
      expect(inIndonesian).toMatchObject({
        ok: false,
        code: "CITY_MOVING",
        message: "Data kota ini sedang dipindahkan ke server lain dan hanya dapat dibaca; coba lagi sebentar lagi.",
      });
      const deps = { ...actionDeps(t, admin()), requestMeta: async () => ({ requestId: "req-test", locale: "en" }) };
      const inEnglish = await runAction(deps, renameOpd, city.slug, { opdId, name: "Dinas Sosial Baru" });
      expect(inEnglish).toMatchObject({ ok: false, code: "CITY_MOVING" });
      expect(inEnglish.ok ? "" : inEnglish.message).toMatch(/being moved to another server/);
      expect(await opdName()).toBe("Dinas Sosial");
    } finally {
      await setMoving(null);
    }
  });

  it("refuses the platform admin's write into the city too", async () => {
    await setMoving(new Date());
    try {
      const result = await runPlatformAction(actionDeps(t, sessionUser(null, "PLATFORM_ADMIN")), renameOpdAsPlatform, {
        tenantId: city.id,
        opdId,
        name: "Dinas Sosial Baru",
      });
      expect(result).toMatchObject({ ok: false, code: "CITY_MOVING" });
      expect(await opdName()).toBe("Dinas Sosial");
    } finally {
      await setMoving(null);
    }
  });

  it("refuses to start a background job, and records none", async () => {
    await setMoving(new Date());
    try {
      const started = t.withTenant(city.id, (tx) => startTrackedJob(tx, neverRun, { tenantId: city.id, userId: null }));
      const error = await started.then(
        () => null,
        (error: unknown) => error,
      );
      expect(isAppError(error) && error.code).toBe("CITY_MOVING");
      expect(await t.withTenant(city.id, (tx) => tx.backgroundJob.count({ where: { tenantId: city.id } }))).toBe(0);
    } finally {
      await setMoving(null);
    }
  });

  it("writes again once the move has ended", async () => {
    const result = await runAction(actionDeps(t, admin()), renameOpd, city.slug, { opdId, name: "Dinas Sosial Kota" });
    expect(result.ok).toBe(true);
    expect(await opdName()).toBe("Dinas Sosial Kota");
  });
});
