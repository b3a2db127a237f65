import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defineAction } from "@/lib/actions/define";
import { runAction } from "@/lib/actions/run";
import { notFound } from "@/lib/errors";
import { z } from "@/lib/validation/zod";
import { actionDeps, sessionUser } from "../helpers/actions";
import { openTestDb, type TestDb } from "../helpers/db";
import { createTestTenant, type TestTenant } from "../helpers/factories";

// A small action of the kind every domain declares: rename one OPD of the city.
const renameOpd = defineAction({
  name: "test.renameOpd",
  permission: "opd:manage",
  schema: z.object({ opdId: z.string().min(1), name: z.string().trim().min(3) }),
  run: async ({ tx }, input) => {
    const opd = await tx.opd.findFirst({ where: { id: input.opdId } });
    if (!opd) throw notFound("OPD");
    return tx.opd.update({ where: { tenantId_id: { tenantId: opd.tenantId, id: opd.id } }, data: { name: input.name } });
  },
  revalidate: (slug) => [`/${slug}/opd`],
});

let t: TestDb;
let city: TestTenant;
let otherCity: TestTenant;
let opdId: string;

beforeAll(async () => {
  t = await openTestDb();
  city = await createTestTenant(t.db, t.withTenant);
  otherCity = await createTestTenant(t.db, t.withTenant);
  opdId = (
    await t.withTenant(city.id, (tx) => tx.opd.create({ data: { tenantId: city.id, code: "DISNAKER", name: "Dinas Tenaga Kerja", shortName: "Disnaker" } }))
  ).id;
});

afterAll(async () => {
  await t?.close();
});

const opdName = () => t.withTenant(city.id, (tx) => tx.opd.findFirst({ where: { id: opdId } }).then((opd) => opd?.name));

describe("the server-action pipeline", () => {
  it("runs the domain function for an allowed user, audits the change and revalidates", async () => {
    const revalidated: string[] = [];
    const admin = sessionUser(city, "CITY_ADMIN");
    const form = new FormData();
    form.set("opdId", opdId);
    form.set("name", "Dinas Tenaga Kerja dan Transmigrasi");

    const result = await runAction(actionDeps(t, admin, revalidated), renameOpd, city.slug, form);

    expect(result.ok).toBe(true);
    expect(await opdName()).toBe("Dinas Tenaga Kerja dan Transmigrasi");
    expect(revalidated).toEqual([`/${city.slug}/opd`]);
    const audit = await t.withTenant(city.id, (tx) => tx.auditLog.findMany({ where: { entityId: opdId } }));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      userId: admin.id,
      action: "update",
      entity: "Opd",
      requestId: "req-test",
      before: { name: "Dinas Tenaga Kerja" },
      after: { name: "Dinas Tenaga Kerja dan Transmigrasi" },
    });
  });

  it("answers another city's user with 'not found' and changes nothing", async () => {
    const before = await opdName();
    const stranger = sessionUser(otherCity, "CITY_ADMIN");
    const result = await runAction(actionDeps(t, stranger), renameOpd, city.slug, { opdId, name: "Dibajak" });
    expect(result).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await opdName()).toBe(before);
  });

  it("does not reach another city's record through the user's own city either", async () => {
    const stranger = sessionUser(otherCity, "CITY_ADMIN");
    const result = await runAction(actionDeps(t, stranger), renameOpd, otherCity.slug, { opdId, name: "Dibajak" });
    expect(result).toMatchObject({ ok: false, code: "NOT_FOUND", message: "OPD tidak ditemukan." });
  });

  it("refuses a role without the permission", async () => {
    const staff = sessionUser(city, "OPD_STAFF");
    const result = await runAction(actionDeps(t, staff), renameOpd, city.slug, { opdId, name: "Tidak boleh" });
    expect(result).toMatchObject({ ok: false, code: "FORBIDDEN" });
  });

  it("answers bad input with Indonesian field messages and writes nothing", async () => {
    const before = await opdName();
    const admin = sessionUser(city, "CITY_ADMIN");
    const result = await runAction(actionDeps(t, admin), renameOpd, city.slug, { opdId, name: "x" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe("INVALID");
    expect(result.fieldErrors?.name?.[0]).toMatch(/terlalu kecil|minimal|karakter/i);
    expect(await opdName()).toBe(before);
  });

  it("asks a signed-out caller to sign in again", async () => {
    const result = await runAction(actionDeps(t, null), renameOpd, city.slug, { opdId, name: "Tanpa sesi" });
    expect(result).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
  });

  it("hides internal errors behind a reference code", async () => {
    const broken = defineAction({ ...renameOpd, name: "test.broken", run: async () => Promise.reject(new Error("SQL secret")) });
    const admin = sessionUser(city, "CITY_ADMIN");
    const result = await runAction(actionDeps(t, admin), broken, city.slug, { opdId, name: "Apa saja" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe("INTERNAL");
    expect(result.message).not.toContain("SQL secret");
  });
});
