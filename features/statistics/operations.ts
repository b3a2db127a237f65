// Writing the official (BPS) series and the city's targets. A year has one row
// for the city and one per kecamatan (a unique index with NULLS NOT DISTINCT keeps the
// city's row single). The form saves over the row it showed, at its version; an imported row
// replaces the year.
import type { ActionContext } from "@/lib/actions/define";
import type { Tx } from "@/lib/db";
import { nextVersion, UNSAVED_VERSION, updateAtVersion } from "@/lib/db/versioned-update";
import { notFound, stale } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ImportStatisticInput, SaveTargetInput } from "./schemas";

const decimal = (value: number | null) => (value === null ? null : new Prisma.Decimal(value));

/** The area must be one of this city's kecamatan; another city's id is "not found". */
async function checkKecamatan(tx: Tx, areaId: string | null): Promise<void> {
  if (areaId === null) return;
  const area = await tx.area.findFirst({ where: { id: areaId, level: "KECAMATAN" }, select: { id: true } });
  if (!area) throw notFound("Kecamatan");
}

/** A year's figures; `version` is the form's (see saveStatisticSchema), absent for an imported row. */
export async function saveStatistic(
  ctx: ActionContext,
  input: ImportStatisticInput & { version?: number },
): Promise<{ statisticId: string; created: boolean }> {
  const { tx } = ctx;
  await checkKecamatan(tx, input.areaId);
  const figures = {
    povertyRatePct: decimal(input.povertyRatePct),
    poorPeople: input.poorPeople,
    extremeRatePct: decimal(input.extremeRatePct),
    extremePoorPeople: input.extremePoorPeople,
    p1: decimal(input.p1),
    p2: decimal(input.p2),
    povertyLineRupiah: input.povertyLineRupiah,
    source: input.source,
  };
  const existing = await tx.povertyStatistic.findFirst({ where: { year: input.year, areaId: input.areaId }, select: { id: true } });
  if (existing && input.version === undefined) {
    await tx.povertyStatistic.update({ where: { tenantId_id: { tenantId: ctx.tenantId, id: existing.id } }, data: { ...figures, ...nextVersion } });
    return { statisticId: existing.id, created: false };
  }
  if (existing) {
    // A form that showed no row of this year (version 0) is refused too: someone saved it meanwhile.
    await updateAtVersion(tx, "povertyStatistic", { where: { id: existing.id }, version: input.version!, data: figures });
    return { statisticId: existing.id, created: false };
  }
  // The row the form was editing has been deleted meanwhile.
  if (input.version !== undefined && input.version !== UNSAVED_VERSION) throw stale();
  const created = await tx.povertyStatistic.create({
    data: { tenantId: ctx.tenantId, year: input.year, areaId: input.areaId, ...figures },
    select: { id: true },
  });
  return { statisticId: created.id, created: true };
}

export async function deleteStatistic(ctx: ActionContext, input: { statisticId: string }): Promise<{ statisticId: string }> {
  const found = await ctx.tx.povertyStatistic.findFirst({ where: { id: input.statisticId }, select: { id: true } });
  if (!found) throw notFound("Data statistik");
  await ctx.tx.povertyStatistic.delete({ where: { tenantId_id: { tenantId: ctx.tenantId, id: found.id } } });
  return { statisticId: found.id };
}

export async function saveTarget(ctx: ActionContext, input: SaveTargetInput): Promise<{ targetId: string; created: boolean }> {
  const { tx } = ctx;
  await checkKecamatan(tx, input.areaId);
  const existing = await tx.target.findFirst({
    where: { indicator: input.indicator, year: input.year, areaId: input.areaId },
    select: { id: true },
  });
  const data = { value: new Prisma.Decimal(input.value!), note: input.note };
  if (existing) {
    await updateAtVersion(tx, "target", { where: { id: existing.id }, version: input.version, data });
    return { targetId: existing.id, created: false };
  }
  if (input.version !== UNSAVED_VERSION) throw stale();
  const created = await tx.target.create({
    data: { tenantId: ctx.tenantId, indicator: input.indicator, year: input.year, areaId: input.areaId, ...data },
    select: { id: true },
  });
  return { targetId: created.id, created: true };
}

export async function deleteTarget(ctx: ActionContext, input: { targetId: string }): Promise<{ targetId: string }> {
  const found = await ctx.tx.target.findFirst({ where: { id: input.targetId }, select: { id: true } });
  if (!found) throw notFound("Target");
  await ctx.tx.target.delete({ where: { tenantId_id: { tenantId: ctx.tenantId, id: found.id } } });
  return { targetId: found.id };
}
