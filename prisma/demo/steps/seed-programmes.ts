import type { ProgrammeSpec } from "../cities/types";
import { seedId } from "../ids";
import { demoAccountCode, demoSipdCodes } from "./sipd-codes";
import type { CitySeed, SeededProgramme } from "./types";

type Opds = Map<string, { id: string; shortName: string }>;

/**
 * Programmes (by their natural key: OPD, fiscal year, name) and their budget lines. A
 * programme that already has budget lines keeps them.
 */
export async function seedProgrammes(seed: CitySeed, opds: Opds): Promise<SeededProgramme[]> {
  const { db, city, tenant } = seed;
  const existing = await db.programme.findMany({
    where: { tenantId: tenant.id },
    select: { id: true, opdId: true, fiscalYear: true, name: true, _count: { select: { budgetLines: true } } },
  });
  const existingByKey = new Map(existing.map((p) => [`${p.opdId}|${p.fiscalYear}|${p.name}`, p]));

  const planned = city.programmes.map((spec) => {
    const opd = opds.get(spec.opdCode);
    if (!opd) throw new Error(`Programme ${spec.name} names unknown OPD ${spec.opdCode}`);
    const found = existingByKey.get(`${opd.id}|${spec.fiscalYear}|${spec.name}`);
    return { spec, opd, id: found?.id ?? seedId(city.slug, "programme", programmeKey(spec)), isNew: !found, hasLines: (found?._count.budgetLines ?? 0) > 0 };
  });

  const sipdCodes = demoSipdCodes(city.programmes);
  await db.programme.createMany({
    data: planned
      .filter((p) => p.isNew)
      .map(({ spec, opd, id }) => ({
        tenantId: tenant.id,
        id,
        opdId: opd.id,
        fiscalYear: spec.fiscalYear,
        name: spec.name,
        kind: spec.kind,
        sipdCode: sipdCodes.get(`${spec.opdCode}|${spec.name}`) ?? null,
        description: spec.description,
        targetUnit: spec.targetUnit,
        targetCount: spec.targetCount,
        targetExtremeCount: spec.targetExtremeCount,
      })),
    skipDuplicates: true,
  });
  await db.budgetLine.createMany({
    data: planned
      .filter((p) => !p.hasLines)
      .flatMap(({ spec, id }) =>
        spec.budgetLines.map((line, i) => ({
          tenantId: tenant.id,
          id: seedId(city.slug, "budget-line", programmeKey(spec), i),
          programmeId: id,
          fundingSource: line.fundingSource,
          description: line.description,
          pagu: line.pagu,
          partnerName: line.partnerName ?? null,
          accountCode: demoAccountCode(line),
          // The demo books every line's spending as monthly realisation, a partner's transfer
          // included, so its aid itemises that spending rather than adding to it.
          aidMode: "AID_IS_REALISATION" as const,
        })),
      ),
    skipDuplicates: true,
  });

  const lines = await db.budgetLine.findMany({
    where: { tenantId: tenant.id, programmeId: { in: planned.map((p) => p.id) } },
    select: { id: true, programmeId: true, pagu: true },
    orderBy: { id: "asc" },
  });
  return planned.map(({ spec, opd, id }) => ({
    id,
    spec,
    opdId: opd.id,
    opdShortName: opd.shortName,
    budgetLines: lines.filter((line) => line.programmeId === id).map(({ id: lineId, pagu }) => ({ id: lineId, pagu })),
  }));
}

export function programmeKey(spec: ProgrammeSpec): string {
  return `${spec.fiscalYear}/${spec.opdCode}/${spec.name}`;
}
