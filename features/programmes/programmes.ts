// Programmes of an OPD. The OPD is the writer's own, from the session; a
// programme of another OPD or city is "not found".
import type { ActionContext } from "@/lib/actions/define";
import type { Tx } from "@/lib/db";
import { updateAtVersion } from "@/lib/db/versioned-update";
import { notFound } from "@/lib/errors";
import { wordedError, wordsMessage } from "@/lib/errors/worded";
import type { ProgrammeInput } from "./schemas";
import { writerOpdId } from "@/lib/auth/scope";
import { assertPlannableYear, cityFiscalYears } from "@/lib/calendar/city-fiscal-year";

type Ctx = Pick<ActionContext, "tx" | "tenantId" | "user">;

const NAME_TAKEN = wordedError(
  "CONFLICT",
  "Programmes.errors.nameTaken",
  {},
  {
    name: [wordsMessage("Programmes.errors.nameTakenField")],
  },
);

/** A programme of the writer's own OPD, or "not found". */
export async function findOwnProgramme(tx: Tx, opdId: string, programmeId: string) {
  const programme = await tx.programme.findFirst({ where: { id: programmeId, opdId } });
  if (!programme) throw notFound("Program");
  return programme;
}

/**
 * What a programme already holds. Counted one relation at a time by the programme's id: a
 * Prisma `_count` selection would aggregate the whole related table first (millions of aid
 * rows in a large city) and only then pick the programme's row.
 */
async function programmeActivity(tx: Tx, programmeId: string) {
  return {
    budgetLines: await tx.budgetLine.count({ where: { programmeId } }),
    trainings: await tx.training.count({ where: { programmeId } }),
    aidDistributions: await tx.aidDistribution.count({ where: { programmeId } }),
  };
}

async function assertNameFree(tx: Tx, opdId: string, input: ProgrammeInput, exceptId?: string) {
  const clash = await tx.programme.findFirst({
    where: { opdId, fiscalYear: input.fiscalYear, name: { equals: input.name, mode: "insensitive" }, ...(exceptId ? { NOT: { id: exceptId } } : {}) },
    select: { id: true },
  });
  if (clash) throw NAME_TAKEN;
}

const fields = (input: ProgrammeInput) => ({
  name: input.name,
  kind: input.kind,
  fiscalYear: input.fiscalYear,
  sipdCode: input.sipdCode,
  description: input.description,
  targetUnit: input.targetUnit,
  targetCount: input.targetCount,
  targetExtremeCount: input.targetExtremeCount,
});

export async function createProgramme({ tx, tenantId, user }: Ctx, input: ProgrammeInput) {
  const opdId = writerOpdId(user);
  assertPlannableYear(input.fiscalYear, await cityFiscalYears(tx, tenantId));
  await assertNameFree(tx, opdId, input);
  const programme = await tx.programme.create({ data: { tenantId, opdId, ...fields(input) } });
  return { programmeId: programme.id };
}

export async function updateProgramme({ tx, tenantId, user }: Ctx, input: ProgrammeInput & { programmeId: string; version: number }) {
  const opdId = writerOpdId(user);
  const programme = await findOwnProgramme(tx, opdId, input.programmeId);
  if (input.fiscalYear !== programme.fiscalYear) {
    assertPlannableYear(input.fiscalYear, await cityFiscalYears(tx, tenantId));
    // Months of realisation, training dates and hand-overs belong to the year they were recorded in.
    const realised = await tx.budgetRealisation.count({ where: { budgetLine: { programmeId: programme.id } } });
    const { trainings, aidDistributions } = await programmeActivity(tx, programme.id);
    if (realised + trainings + aidDistributions > 0) {
      throw wordedError(
        "INVALID",
        "Programmes.errors.fiscalYearFixed",
        {},
        {
          fiscalYear: [wordsMessage("Programmes.errors.fiscalYearFixedField")],
        },
      );
    }
  }
  await assertNameFree(tx, opdId, input, programme.id);
  await updateAtVersion(tx, "programme", { where: { id: programme.id }, version: input.version, data: fields(input) });
  return { programmeId: programme.id };
}

/** Only an empty programme (a mistake) can be deleted; one with budget lines or activity stays. */
export async function deleteProgramme({ tx, user }: Ctx, input: { programmeId: string }) {
  const opdId = writerOpdId(user);
  const programme = await findOwnProgramme(tx, opdId, input.programmeId);
  const { budgetLines, trainings, aidDistributions } = await programmeActivity(tx, programme.id);
  if (budgetLines + trainings + aidDistributions > 0) {
    throw wordedError("CONFLICT", "Programmes.errors.programmeInUse");
  }
  await tx.programme.delete({ where: { tenantId_id: { tenantId: programme.tenantId, id: programme.id } } });
  return { programmeId: programme.id, fiscalYear: programme.fiscalYear };
}
