// A reference (SP2D / SPJ) is taken by an entry of the city unless that entry's reversal is
// verified (as an aid proof number is): the clerk then records the corrected spending with
// the same number, and the reversed entry keeps its number for the record.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createRealisationDefinition,
  deleteRealisationDefinition,
  reverseRealisationDefinition,
  verifyRealisationsDefinition,
} from "@/features/budget/action-definitions";
import type { AnyActionDefinition } from "@/lib/actions/define";
import type { SessionUser } from "@/lib/auth/session-user";
import { actionDeps, runSubmitted, sessionUser } from "@/tests/helpers/actions";
import { openTestDb, type TestDb } from "@/tests/helpers/db";
import { createTestTenant, type TestTenant } from "@/tests/helpers/factories";

let t: TestDb;

beforeAll(async () => {
  t = await openTestDb();
});
afterAll(async () => {
  await t?.close();
});

type City = { city: TestTenant; staff: SessionUser; head: SessionUser; line: string };

/** A city of its own with one OPD, its clerk and head, and one budget line of 2024. */
async function newCity(): Promise<City> {
  const city = await createTestTenant(t.db, t.withTenant);
  return t.withTenant(city.id, async (tx) => {
    const opd = await tx.opd.create({ data: { tenantId: city.id, code: "2.07", name: "Dinas Tenaga Kerja", shortName: "Disnaker" } });
    const programme = await tx.programme.create({ data: { tenantId: city.id, opdId: opd.id, fiscalYear: 2024, name: "Pelatihan Menjahit", kind: "TRAINING" } });
    const line = await tx.budgetLine.create({
      data: { tenantId: city.id, programmeId: programme.id, fundingSource: "APBD", description: "Belanja pelatihan", pagu: 500_000_000n },
    });
    return {
      city,
      staff: sessionUser(city, "OPD_STAFF", { id: `staf-${city.slug}`, opdId: opd.id }),
      head: sessionUser(city, "OPD_HEAD", { id: `kepala-${city.slug}`, opdId: opd.id }),
      line: line.id,
    };
  });
}

const run = (c: City, user: SessionUser, definition: AnyActionDefinition, input: Record<string, unknown>) =>
  runSubmitted(actionDeps(t, user), definition, c.city.slug, input);

async function entered(c: City, input: Record<string, unknown>): Promise<string> {
  const result = await run(c, c.staff, createRealisationDefinition, { budgetLineId: c.line, month: "3", amount: "7.750.000", ...input });
  if (!result.ok) throw new Error(`${result.code}: ${result.message}`);
  return (result.data as { realisationId: string }).realisationId;
}

async function verified(c: City, id: string) {
  expect(await run(c, c.head, verifyRealisationsDefinition, { ids: id })).toMatchObject({ ok: true, data: { verified: 1 } });
}

async function reversed(c: City, id: string): Promise<string> {
  const result = await run(c, c.staff, reverseRealisationDefinition, { realisationId: id, note: "Jumlah salah ketik" });
  if (!result.ok) throw new Error(`${result.code}: ${result.message}`);
  return (result.data as { realisationId: string }).realisationId;
}

describe("a reversed entry's reference", () => {
  it("is free for the corrected entry once the reversal is verified, not before, and the reversed entry keeps it", async () => {
    const c = await newCity();
    const wrong = await entered(c, { referenceNo: "0001/SP2D/LS/2024", amount: "77.500.000" });
    await verified(c, wrong);
    const reversal = await reversed(c, wrong);

    // While the reversal waits for the head, the wrong entry still counts, and so does its number.
    const tooEarly = await run(c, c.staff, createRealisationDefinition, {
      budgetLineId: c.line,
      month: "3",
      referenceNo: "0001/SP2D/LS/2024",
      amount: "7.750.000",
    });
    expect(tooEarly).toMatchObject({ ok: false, code: "NUMBER_TAKEN" });

    await verified(c, reversal);
    const corrected = await entered(c, { referenceNo: " 0001/sp2d/LS/2024" });

    const rows = await t.withTenant(c.city.id, (tx) =>
      tx.budgetRealisation.findMany({ where: { budgetLineId: c.line }, orderBy: { createdAt: "asc" }, select: { id: true, referenceNo: true, amount: true } }),
    );
    expect(rows).toEqual([
      { id: wrong, referenceNo: "0001/SP2D/LS/2024", amount: 77_500_000n },
      { id: reversal, referenceNo: null, amount: -77_500_000n },
      { id: corrected, referenceNo: "0001/sp2d/LS/2024", amount: 7_750_000n },
    ]);
  });

  it("is taken again by the corrected entry: a third entry with it is refused, by the check and by the index", async () => {
    const c = await newCity();
    const wrong = await entered(c, { referenceNo: "0002/SP2D/LS/2024" });
    await verified(c, wrong);
    await verified(c, await reversed(c, wrong));
    await entered(c, { referenceNo: "0002/SP2D/LS/2024" });

    const third = await run(c, c.staff, createRealisationDefinition, { budgetLineId: c.line, month: "4", referenceNo: "0002/SP2D/LS/2024", amount: "1000000" });
    expect(third).toMatchObject({ ok: false, code: "NUMBER_TAKEN" });
    await expect(
      t.withTenant(c.city.id, (tx) =>
        tx.budgetRealisation.create({ data: { tenantId: c.city.id, budgetLineId: c.line, month: 5, amount: 1n, referenceNo: "0002/SP2D/LS/2024" } }),
      ),
    ).rejects.toThrow(/referenceKey|Unique constraint/);
  });

  it("of a deleted draft is free at once", async () => {
    const c = await newCity();
    const draft = await entered(c, { referenceNo: "0003/SP2D/LS/2024" });
    expect(await run(c, c.staff, deleteRealisationDefinition, { realisationId: draft })).toMatchObject({ ok: true });
    await entered(c, { referenceNo: "0003/SP2D/LS/2024" });
  });
});
