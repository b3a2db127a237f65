import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "@/lib/generated/prisma/enums";
import { changeStatusDefinition } from "@/features/registry/action-definitions";
import { actionDeps, runSubmitted, sessionUser } from "@/tests/helpers/actions";
import { openTestDb, type TestDb } from "@/tests/helpers/db";
import { createTestTenant, type TestTenant } from "@/tests/helpers/factories";
import { makeHousehold } from "@/features/registry/tests/registry-fixtures";

let t: TestDb;
let city: TestTenant;
let other: TestTenant;

beforeAll(async () => {
  t = await openTestDb();
  city = await createTestTenant(t.db, t.withTenant);
  other = await createTestTenant(t.db, t.withTenant);
});

afterAll(async () => {
  await t?.close();
});

const bapeda = () => sessionUser(city, "BAPEDA");
const newHousehold = (spec: Parameters<typeof makeHousehold>[2] = {}) =>
  t.withTenant(city.id, (tx) => makeHousehold(tx, city, spec)).then((made) => made.household);
const change = (householdId: string, input: Record<string, unknown>, user = bapeda(), slug = city.slug) =>
  runSubmitted(actionDeps(t, user), changeStatusDefinition, slug, { householdId, effectiveDate: "2024-08-01", reason: "Verifikasi lapangan", ...input });
const state = (householdId: string) =>
  t.withTenant(city.id, async (tx) => ({
    household: await tx.household.findFirstOrThrow({ where: { id: householdId } }),
    events: await tx.householdStatusEvent.findMany({ where: { householdId }, orderBy: { createdAt: "asc" } }),
    desil: await tx.householdDesilChange.findMany({ where: { householdId } }),
  }));

describe("graduation", () => {
  it("takes an extreme-poor household out of extreme poverty, then out of poverty, keeping both steps", async () => {
    const household = await newHousehold({ desil: 1, isExtremePoor: true });
    expect(await change(household.id, { transition: "EXIT_EXTREME", desil: "3" })).toMatchObject({ ok: true });
    expect(await change(household.id, { transition: "GRADUATE", effectiveDate: "2024-12-02", desil: "6" })).toMatchObject({ ok: true });

    const { household: after, events, desil } = await state(household.id);
    expect(after).toMatchObject({ status: "GRADUATED", isExtremePoor: false, desil: 6 });
    expect(after.statusChangedAt?.toISOString().slice(0, 10)).toBe("2024-12-02");
    expect(events.map((e) => [e.fromStatus, e.fromExtremePoor, e.toStatus, e.toExtremePoor, e.source, e.decidedById])).toEqual([
      ["ACTIVE", true, "ACTIVE", false, "MANUAL", bapeda().id],
      ["ACTIVE", false, "GRADUATED", false, "MANUAL", bapeda().id],
    ]);
    expect(events.map((e) => e.reason)).toEqual(["Verifikasi lapangan", "Verifikasi lapangan"]);
    expect(desil.map((d) => [d.fromDesil, d.toDesil, d.source]).sort()).toEqual([
      [1, 3, "MANUAL"],
      [3, 6, "MANUAL"],
    ]);
  });

  it("refuses to skip the extreme-poverty step, in Indonesian, and writes nothing", async () => {
    const household = await newHousehold({ desil: 1, isExtremePoor: true });
    const result = await change(household.id, { transition: "GRADUATE" });
    expect(result).toMatchObject({ ok: false, code: "INVALID" });
    if (result.ok) return;
    expect(result.message).toMatch(/harus lebih dulu dinyatakan keluar dari kemiskinan ekstrem/);
    expect(result.fieldErrors?.transition?.[0]).toBe(result.message);
    const { household: after, events } = await state(household.id);
    expect(after).toMatchObject({ status: "ACTIVE", isExtremePoor: true });
    expect(events).toEqual([]);
  });

  it("records moving away and coming back, and treats death as final", async () => {
    const household = await newHousehold({ desil: 2, isExtremePoor: false });
    expect(await change(household.id, { transition: "EXIT_EXTREME" })).toMatchObject({ ok: false, message: "Keluarga ini tidak berstatus miskin ekstrem." });
    expect(await change(household.id, { transition: "MOVE" })).toMatchObject({ ok: true });
    expect(await change(household.id, { transition: "GRADUATE" })).toMatchObject({ ok: false, code: "INVALID" });
    expect(await change(household.id, { transition: "REACTIVATE" })).toMatchObject({ ok: true });
    expect(await change(household.id, { transition: "DECEASE", reason: "Anggota tunggal meninggal dunia" })).toMatchObject({ ok: true });
    const last = await change(household.id, { transition: "REACTIVATE" });
    expect(last).toMatchObject({ ok: false, message: "Keluarga yang tercatat meninggal tidak dapat diubah statusnya." });
    const { household: after, events } = await state(household.id);
    expect(after.status).toBe("DECEASED");
    expect(events.map((e) => e.toStatus)).toEqual(["MOVED", "ACTIVE", "DECEASED"]);
  });

  it("checks the date and the reason", async () => {
    const household = await newHousehold();
    const future = await change(household.id, { transition: "EXIT_EXTREME", effectiveDate: "2999-01-01" });
    expect(future).toMatchObject({ ok: false, fieldErrors: { effectiveDate: ["Tanggal berlaku tidak boleh melewati hari ini."] } });
    expect(await change(household.id, { transition: "EXIT_EXTREME", effectiveDate: "2024-05-01" })).toMatchObject({ ok: true });
    const earlier = await change(household.id, { transition: "ENTER_EXTREME", effectiveDate: "2024-04-30" });
    expect(earlier).toMatchObject({ ok: false, code: "INVALID" });
    if (!earlier.ok) expect(earlier.fieldErrors?.effectiveDate?.[0]).toMatch(/tidak boleh sebelum perubahan status terakhir/);
    const noReason = await change(household.id, { transition: "ENTER_EXTREME", reason: " " });
    expect(noReason).toMatchObject({ ok: false, code: "INVALID" });
    if (!noReason.ok) expect(noReason.fieldErrors?.reason?.[0]).toMatch(/alasan/i);
    expect(await change(household.id, { transition: "TERBANG" })).toMatchObject({ ok: false, code: "INVALID" });
  });

  it("is audited: the event created and the household's fields before and after", async () => {
    const household = await newHousehold();
    await change(household.id, { transition: "EXIT_EXTREME" });
    const audits = await t.withTenant(city.id, (tx) => tx.auditLog.findMany({ where: { userId: bapeda().id, entityId: household.id } }));
    expect(audits).toEqual([
      expect.objectContaining({
        entity: "Household",
        action: "update",
        before: expect.objectContaining({ isExtremePoor: true }),
        after: expect.objectContaining({ isExtremePoor: false }),
      }),
    ]);
    const eventAudit = await t.withTenant(city.id, (tx) =>
      tx.auditLog.count({ where: { entity: "HouseholdStatusEvent", action: "create", userId: bapeda().id } }),
    );
    expect(eventAudit).toBeGreaterThan(0);
  });
});

describe("who may change a status", () => {
  it.each<Role>(["KELURAHAN", "OPD_STAFF", "OPD_HEAD", "AUDITOR", "MAYOR_OFFICE", "CITY_ADMIN"])("not %s", async (role) => {
    const household = await newHousehold();
    const result = await change(household.id, { transition: "EXIT_EXTREME" }, sessionUser(city, role, { kelurahanId: city.kelurahanId }));
    expect(result).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect((await state(household.id)).events).toEqual([]);
  });

  it("not another city's Bapeda, through either city", async () => {
    const household = await newHousehold();
    const stranger = sessionUser(other, "BAPEDA");
    expect(await change(household.id, { transition: "EXIT_EXTREME" }, stranger, city.slug)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await change(household.id, { transition: "EXIT_EXTREME" }, stranger, other.slug)).toMatchObject({
      ok: false,
      code: "NOT_FOUND",
      message: "Keluarga tidak ditemukan.",
    });
    expect((await state(household.id)).events).toEqual([]);
  });
});
