// A programme carried into the next fiscal year: the same programme of the writer's own OPD,
// each budget line with its pagu as next year's proposal (the clerk revises it to the new
// APBD), and nothing that happened this year (realisation, trainings, aid).
import type { ActionContext } from "@/lib/actions/define";
import { errorWordsIn } from "@/lib/actions/error-words";
import { writerOpdId } from "@/lib/auth/scope";
import { assertPlannableYear, cityFiscalYears, plannableYears } from "@/lib/calendar/city-fiscal-year";
import { AppError, type ErrorWords } from "@/lib/errors";
import { findOwnProgramme } from "./programmes";

type Ctx = Pick<ActionContext, "tx" | "tenantId" | "user">;

function refusal(code: "INVALID" | "CONFLICT", words: ErrorWords): AppError {
  return new AppError(code, errorWordsIn(words, "id"), undefined, words);
}

export async function copyProgrammeToNextYear({ tx, tenantId, user }: Ctx, input: { programmeId: string }) {
  const opdId = writerOpdId(user);
  const programme = await findOwnProgramme(tx, opdId, input.programmeId);
  const year = programme.fiscalYear + 1;

  const years = await cityFiscalYears(tx, tenantId);
  const { last } = plannableYears(years);
  if (year > last) throw refusal("INVALID", { key: "Programmes.errors.copyTooLate", params: { year: programme.fiscalYear, next: year, last } });
  assertPlannableYear(year, years);

  // The unique index (OPD, year, name) holds two copies at the same moment; this gives the words.
  const taken = await tx.programme.count({ where: { opdId, fiscalYear: year, name: { equals: programme.name, mode: "insensitive" } } });
  if (taken > 0) throw refusal("CONFLICT", { key: "Programmes.errors.copyExists", params: { name: programme.name, year } });

  const copy = await tx.programme.create({
    data: {
      tenantId,
      opdId,
      fiscalYear: year,
      name: programme.name,
      kind: programme.kind,
      sipdCode: programme.sipdCode,
      description: programme.description,
      targetUnit: programme.targetUnit,
      targetCount: programme.targetCount,
      targetExtremeCount: programme.targetExtremeCount,
    },
  });
  const lines = await tx.budgetLine.findMany({
    where: { programmeId: programme.id },
    select: { fundingSource: true, description: true, partnerName: true, pagu: true, accountCode: true },
    orderBy: { createdAt: "asc" },
  });
  // One create per line, so each line's audit row names it (a createMany's rows carry no ids yet).
  for (const line of lines) await tx.budgetLine.create({ data: { tenantId, programmeId: copy.id, ...line } });
  return { programmeId: copy.id, fromProgrammeId: programme.id };
}
