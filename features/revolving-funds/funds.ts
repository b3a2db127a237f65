// A kelurahan's fund per year, its rules and the capital paid into it.
import type { ActionContext } from "@/lib/actions/define";
import { updateAtVersion } from "@/lib/db/versioned-update";
import { wordedFieldError } from "@/lib/errors/worded";
import { dayToDate } from "@/lib/calendar/days";
import { findOwnFund, fundKelurahanId } from "./scope";
import { cityToday } from "@/lib/calendar/city-today";
import { assertPlannableYear, cityFiscalYears } from "@/lib/calendar/city-fiscal-year";
import type { AddCapitalInput, CreateFundInput, UpdateFundInput } from "./schemas";

type Ctx = Pick<ActionContext, "tx" | "tenantId" | "user">;

export async function createFund({ tx, tenantId, user }: Ctx, input: CreateFundInput) {
  const kelurahanId = fundKelurahanId(user);
  assertPlannableYear(input.year, await cityFiscalYears(tx, tenantId), "year");
  const existing = await tx.revolvingFund.findFirst({ where: { kelurahanId, year: input.year }, select: { id: true } });
  if (existing) {
    throw wordedFieldError("CONFLICT", "year", "RevolvingFunds.errors.fundExists", { year: input.year });
  }
  const fund = await tx.revolvingFund.create({ data: { tenantId, kelurahanId, ...input } });
  return { fundId: fund.id, year: fund.year };
}

export async function updateFund({ tx, user }: Ctx, input: UpdateFundInput) {
  const { fundId, version, ...rules } = input;
  const fund = await findOwnFund(tx, user, fundId);
  await updateAtVersion(tx, "revolvingFund", { where: { id: fund.id }, version, data: rules });
  return { fundId: fund.id, year: fund.year };
}

export async function addCapital({ tx, tenantId, user }: Ctx, input: AddCapitalInput, now?: Date) {
  const fund = await findOwnFund(tx, user, input.fundId);
  const receivedAt = dayToDate(input.receivedAt);
  if (receivedAt > (await cityToday(tx, tenantId, now))) {
    throw wordedFieldError("INVALID", "receivedAt", "RevolvingFunds.errors.receivedInFuture");
  }
  const capital = await tx.revolvingFundCapital.create({
    data: { tenantId, fundId: fund.id, amount: input.amount, source: input.source, receivedAt, note: input.note },
  });
  return { fundId: fund.id, year: fund.year, capitalId: capital.id };
}
