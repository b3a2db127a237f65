// Aid handed over by an OPD. Staff and heads of the programme's own OPD
// record drafts and fix them; the head verifies them; a verified entry is corrected by a
// reversal (a new, negative draft pointing at it), never edited — as budget realisation.
import type { ActionContext } from "@/lib/actions/define";
import { deleteProblem, editProblem, reversalProblem } from "@/lib/entries/rules";
import { resubmitted } from "@/lib/entries/returns";
import { nextVersion, updateAtVersion } from "@/lib/db/versioned-update";
import type { Tx } from "@/lib/db";
import { lockRow } from "@/lib/db/locks";
import { notFound, type ErrorWords } from "@/lib/errors";
import { wordedError, wordedFieldError } from "@/lib/errors/worded";
import { assertWithinPagu, lockBudgetLine } from "@/features/budget/lines";
import { findOwnProgramme } from "@/features/programmes/programmes";
import { assertCurrentMember, departureSelect } from "@/features/registry/members/current-member";
import { writerOpdId } from "@/lib/auth/scope";
import type { Rupiah } from "@/lib/money";
import { dayToDate, dateToDay } from "@/lib/calendar/days";
import { cityToday } from "@/lib/calendar/city-today";
import { duplicateLine } from "./labels";
import { earlierAidOf } from "./same-kind-this-year";
import { entryWithProof, proofTaken } from "./proof-numbers";
import type { CreateDistributionInput, UpdateDistributionInput } from "./schemas";

type Ctx = Pick<ActionContext, "tx" | "tenantId" | "user">;
/** For tests; defaults to now. */
type Clock = { now?: Date };

const invalid = (field: string, key: string, params: ErrorWords["params"] = {}) => wordedFieldError("INVALID", field, key, params);

/** A distribution recorded by the writer's own OPD, or "not found". */
async function findOwnDistribution(tx: Tx, opdId: string, distributionId: string) {
  const entry = await tx.aidDistribution.findFirst({ where: { id: distributionId, opdId } });
  if (!entry) throw notFound("Penyaluran bantuan");
  return entry;
}

/** The recipient: a household of the city, one of its members, and optionally its training participation. */
async function checkRecipient(tx: Tx, input: CreateDistributionInput) {
  const household = await tx.household.findFirst({ where: { id: input.householdId }, select: { id: true } });
  if (!household) throw invalid("householdId", "Aid.errors.householdNotFound");
  if (input.memberId) {
    const member = await tx.member.findFirst({ where: { id: input.memberId, householdId: household.id }, select: { id: true, ...departureSelect } });
    if (!member) throw invalid("memberId", "Aid.errors.memberNotOfHousehold");
    assertCurrentMember(member, input.distributedAt, "memberId");
  }
  if (input.trainingParticipantId) {
    const participant = await tx.trainingParticipant.findFirst({
      where: { id: input.trainingParticipantId, householdId: household.id, ...(input.memberId ? { memberId: input.memberId } : {}) },
      select: { id: true },
    });
    if (!participant) throw invalid("trainingParticipantId", "Aid.errors.participantNotOfHousehold");
  }
}

/**
 * The rules of a hand-over, as recorded and as its draft is fixed (`exceptId`: that draft,
 * which keeps its own proof and does not warn of itself). Returns its programme, budget line
 * and the earlier aid the clerk confirmed saving beside.
 */
async function checkHandover({ tx, tenantId }: Ctx, opdId: string, input: CreateDistributionInput, clock: Clock, exceptId?: string) {
  const programme = await findOwnProgramme(tx, opdId, input.programmeId);
  const line = input.budgetLineId
    ? await tx.budgetLine.findFirst({ where: { id: input.budgetLineId, programmeId: programme.id }, select: { id: true, pagu: true } })
    : null;
  if (input.budgetLineId && !line) throw invalid("budgetLineId", "Aid.errors.lineNotOfProgramme");
  await checkRecipient(tx, input);

  const year = Number(input.distributedAt.slice(0, 4));
  if (year !== programme.fiscalYear) {
    throw invalid("distributedAt", "Aid.errors.outsideFiscalYear", { year: String(programme.fiscalYear) });
  }
  if (input.distributedAt > dateToDay(await cityToday(tx, tenantId, clock.now))) {
    throw invalid("distributedAt", "Aid.errors.deliveredInFuture");
  }

  if (
    input.proofRef &&
    (await entryWithProof(tx, {
      tenantId,
      opdId,
      householdId: input.householdId,
      kind: input.kind,
      distributedAt: input.distributedAt,
      proofRef: input.proofRef,
      exceptId,
    }))
  ) {
    throw proofTaken();
  }

  const earlier = await earlierAidOf(tx, { ...input, year, exceptId });
  if (earlier.length > 0 && !input.acknowledgeDuplicate) {
    const key = input.kind === "INSURANCE_PREMIUM" ? "Aid.errors.alreadyReceivedPremium" : "Aid.errors.alreadyReceived";
    throw wordedError("CONFLICT", key, { kind: input.kind, year }, { duplicate: earlier.map(duplicateLine) });
  }
  return { programme, line, duplicateAcknowledged: earlier.length > 0 };
}

/** The columns the form writes, as a new entry and a fixed draft hold them. */
const handoverData = (input: CreateDistributionInput) => ({
  budgetLineId: input.budgetLineId,
  householdId: input.householdId,
  memberId: input.memberId,
  trainingParticipantId: input.trainingParticipantId,
  kind: input.kind,
  items: input.items,
  quantity: input.quantity,
  value: input.value,
  distributedAt: dayToDate(input.distributedAt),
  handedOverBy: input.handedOverBy,
  proofRef: input.proofRef,
  partnerName: input.partnerName,
  monthsCovered: input.monthsCovered,
  bpjsNumber: input.bpjsNumber,
  coverageStart: input.coverageStart ? dayToDate(`${input.coverageStart}-01`) : null,
  premiumPerMonth: input.premiumPerMonth,
  note: input.note,
});

/**
 * As a realisation: the pagu is checked last, after the entry is written, under the line's
 * lock, against whatever else the line holds (./line-entries in features/budget says what
 * counts with what). Over the pagu, the write is rolled back.
 */
async function assertLineHolds({ tx, tenantId }: Ctx, line: { id: string; pagu: Rupiah } | null, entry: { id: string; value: Rupiah }) {
  if (!line) return;
  await lockBudgetLine(tx, tenantId, line.id);
  await assertWithinPagu(tx, tenantId, line, { id: entry.id, amount: entry.value, kind: "aid" });
}

export async function createDistribution(ctx: Ctx, input: CreateDistributionInput, clock: Clock = {}) {
  const { tx, tenantId, user } = ctx;
  const opdId = writerOpdId(user);
  const { programme, line, duplicateAcknowledged } = await checkHandover(ctx, opdId, input, clock);
  const entry = await tx.aidDistribution.create({
    data: { tenantId, programmeId: programme.id, opdId, ...handoverData(input), duplicateAcknowledged, createdById: user.id },
  });
  await assertLineHolds(ctx, line, entry);
  return { distributionId: entry.id, duplicateAcknowledged: entry.duplicateAcknowledged };
}

/**
 * A draft of the writer's own OPD fixed with the creation form, under the same rules, at the
 * version the form showed. Saving a returned draft resubmits it, as a realisation's does.
 */
export async function updateDistribution(ctx: Ctx, input: UpdateDistributionInput, clock: Clock = {}) {
  const opdId = writerOpdId(ctx.user);
  const entry = await findOwnDistribution(ctx.tx, opdId, input.distributionId);
  const problem = editProblem(entry);
  if (problem) throw wordedError("CONFLICT", problem);
  const premium = input.kind === "INSURANCE_PREMIUM";
  const bpjsNumber = input.bpjsNumber ?? (premium ? entry.bpjsNumber : null);
  if (premium && !bpjsNumber) throw invalid("bpjsNumber", "Aid.errors.kpjRequired");
  const fixed = { ...input, bpjsNumber };
  const { programme, line, duplicateAcknowledged } = await checkHandover(ctx, opdId, fixed, clock, entry.id);
  // Still a draft at the moment of writing: a head verifying or returning it meanwhile wins.
  await updateAtVersion(ctx.tx, "aidDistribution", {
    where: { id: entry.id, status: "DRAFT" },
    version: input.version,
    data: { programmeId: programme.id, ...handoverData(fixed), duplicateAcknowledged, ...resubmitted },
  });
  await assertLineHolds(ctx, line, { id: entry.id, value: input.value });
  return { distributionId: entry.id, duplicateAcknowledged };
}

const changedMeanwhile = () => wordedError("CONFLICT", "Aid.errors.justVerified");

export async function deleteDistribution({ tx, user }: Ctx, input: { distributionId: string }) {
  const entry = await findOwnDistribution(tx, writerOpdId(user), input.distributionId);
  const problem = deleteProblem(entry);
  if (problem) throw wordedError("CONFLICT", problem);
  const { count } = await tx.aidDistribution.deleteMany({ where: { id: entry.id, status: "DRAFT" } });
  if (count === 0) throw changedMeanwhile();
  return { distributionId: entry.id };
}

export async function reverseDistribution({ tx, tenantId, user }: Ctx, input: { distributionId: string; note: string }) {
  const opdId = writerOpdId(user);
  // One reversal per entry, even when two people reverse it at the same moment.
  await lockRow(tx, "AidDistribution", { tenantId, id: input.distributionId });
  const entry = await findOwnDistribution(tx, opdId, input.distributionId);
  const reversedAlready = (await tx.aidDistribution.count({ where: { reversesId: entry.id } })) > 0;
  const problem = reversalProblem(entry, reversedAlready);
  if (problem) throw wordedError("CONFLICT", problem);
  const reversal = await tx.aidDistribution.create({
    data: {
      tenantId,
      programmeId: entry.programmeId,
      opdId,
      budgetLineId: entry.budgetLineId,
      householdId: entry.householdId,
      memberId: entry.memberId,
      trainingParticipantId: entry.trainingParticipantId,
      kind: entry.kind,
      items: entry.items,
      quantity: entry.quantity,
      value: -entry.value,
      distributedAt: entry.distributedAt,
      partnerName: entry.partnerName,
      monthsCovered: entry.monthsCovered,
      bpjsNumber: entry.bpjsNumber,
      coverageStart: entry.coverageStart,
      premiumPerMonth: entry.premiumPerMonth,
      note: input.note,
      createdById: user.id,
      reversesId: entry.id,
    },
  });
  return { distributionId: reversal.id };
}

/**
 * The OPD head verifies drafts of the OPD's own, one or many. An id that is not the OPD's
 * makes the whole request "not found" and changes nothing; entries already verified are
 * left as they are.
 */
export async function verifyDistributions({ tx, user }: Ctx, input: { ids: string[] }, clock: Clock = {}) {
  const opdId = writerOpdId(user);
  const where = { id: { in: input.ids }, opdId };
  const found = await tx.aidDistribution.count({ where });
  if (found < input.ids.length) throw notFound("Penyaluran bantuan");
  const { count } = await tx.aidDistribution.updateMany({
    where: { ...where, status: "DRAFT" },
    data: { status: "VERIFIED", verifiedById: user.id, verifiedAt: clock.now ?? new Date(), ...nextVersion },
  });
  return { verified: count, alreadyVerified: input.ids.length - count };
}
