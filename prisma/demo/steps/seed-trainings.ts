import type { Prisma } from "@/lib/generated/prisma/client";
import type { ParticipantCompletion, TrainingOutcome } from "@/lib/generated/prisma/enums";
import type { TrainingPlan } from "../cities/types";
import { addDays, addMonths, utcDate } from "@/lib/calendar/days";
import { seedId } from "../ids";
import { createRandom, hashSeed, type Random } from "../random";
import { candidatesOn, pickParticipants } from "./candidates";
import { programmeKey } from "./seed-programmes";
import type { CitySeed, SeededHousehold, SeededProgramme } from "./types";
import { daysNeededToPass } from "@/features/trainings/completion-rule";

const OUTCOMES = [
  ["BUSINESS_OPENED", 35],
  ["EMPLOYED", 25],
  ["NEITHER", 40],
] as const;
const OUTCOME_NOTES: Record<TrainingOutcome, string> = {
  BUSINESS_OPENED: "Sudah membuka usaha sendiri",
  EMPLOYED: "Bekerja di usaha milik orang lain",
  NEITHER: "Belum bekerja; menunggu bantuan peralatan",
};
// An OPD head verifies a training some weeks after it ends.
const VERIFICATION_DELAY_DAYS = 21;
// Batches starting within this many days are planned (drafts with their participants enrolled); later ones are not yet.
const PLANNED_AHEAD_DAYS = 60;

/**
 * In the current year the first training programme has a batch under way today and the second
 * one a batch starting soon, whatever the day: the batch that would come next moves there.
 */
type LiveBatch = "ongoing" | "upcoming";

/**
 * Training batches (angkatan) with participants from the registry, daily attendance and
 * the 3- and 6-month follow-ups that are due. Programmes that already have trainings are
 * left alone; each programme's rows go in one transaction.
 */
export async function seedTrainings(seed: CitySeed, programmes: SeededProgramme[], registry: SeededHousehold[]) {
  const { db, tenant } = seed;
  const planned = programmes.filter((p) => p.spec.training);
  const done = new Set(
    (
      await db.training.findMany({
        where: { tenantId: tenant.id, programmeId: { in: planned.map((p) => p.id) } },
        distinct: ["programmeId"],
        select: { programmeId: true },
      })
    ).map((t) => t.programmeId),
  );
  const takenByYear = new Map<number, Set<string>>();
  const thisYear = planned.filter((p) => p.spec.fiscalYear === seed.today.getUTCFullYear());
  const live = new Map<string, LiveBatch>([
    [thisYear[0]?.id ?? "", "ongoing"],
    [thisYear[1]?.id ?? "", "upcoming"],
  ]);

  for (const programme of planned) {
    if (done.has(programme.id)) continue;
    const year = programme.spec.fiscalYear;
    const taken = takenByYear.get(year) ?? new Set<string>();
    takenByYear.set(year, taken);
    const rows = trainingRows(seed, programme, registry, taken, live.get(programme.id));
    await db.$transaction([
      db.training.createMany({ data: rows.trainings, skipDuplicates: true }),
      db.trainingParticipant.createMany({ data: rows.participants, skipDuplicates: true }),
      db.trainingAttendance.createMany({ data: rows.attendances, skipDuplicates: true }),
      db.trainingFollowUp.createMany({ data: rows.followUps, skipDuplicates: true }),
    ]);
  }
}

function trainingRows(seed: CitySeed, programme: SeededProgramme, registry: SeededHousehold[], taken: Set<string>, live?: LiveBatch) {
  const { city, tenant, today } = seed;
  const plan = programme.spec.training!;
  const key = programmeKey(programme.spec);
  const random = createRandom(hashSeed(seed.seed, city.slug, "training", key));
  const rows = {
    trainings: [] as Prisma.TrainingCreateManyInput[],
    participants: [] as Prisma.TrainingParticipantCreateManyInput[],
    attendances: [] as Prisma.TrainingAttendanceCreateManyInput[],
    followUps: [] as Prisma.TrainingFollowUpCreateManyInput[],
  };

  const year = programme.spec.fiscalYear;
  // A closed year's trainings are all verified; this year's wait for the head some weeks after they end.
  const closedYear = year < today.getUTCFullYear();
  const starts = batchStarts(random, plan, year, today, live);
  for (let batch = 0; batch < plan.batches; batch++) {
    const startDate = starts[batch]!;
    const endDate = addDays(startDate, plan.days - 1);
    if (startDate > addDays(today, PLANNED_AHEAD_DAYS)) continue;
    const finished = endDate < today;
    const verified = finished && (closedYear || addDays(endDate, VERIFICATION_DELAY_DAYS) <= today);
    const trainingId = seedId(city.slug, "training", key, batch);
    rows.trainings.push({
      tenantId: tenant.id,
      id: trainingId,
      programmeId: programme.id,
      opdId: programme.opdId,
      skill: plan.skill,
      startDate,
      endDate,
      place: random.pick(plan.places),
      trainer: plan.trainer,
      capacity: plan.participantsPerBatch,
      status: verified ? "VERIFIED" : "DRAFT",
      verifiedAt: verified ? notAfter(addDays(endDate, random.int(7, VERIFICATION_DELAY_DAYS)), today) : null,
    });

    const candidates = candidatesOn(registry, startDate, [17, 50], 4);
    const people = pickParticipants(random, candidates, plan.participantsPerBatch, { preferredSex: plan.preferredSex, taken });
    people.forEach(({ household, member }, i) => {
      const participantId = seedId(city.slug, "participant", key, batch, i);
      const completion: ParticipantCompletion = !finished ? "ENROLLED" : random.chance(0.92) ? "COMPLETED" : "DROPPED";
      rows.participants.push({
        tenantId: tenant.id,
        id: participantId,
        trainingId,
        householdId: household.id,
        memberId: member.id,
        completion,
        certificateNo: completion === "COMPLETED" && verified ? certificateNo(programme, batch, i) : null,
        status: verified ? "VERIFIED" : "DRAFT",
        verifiedAt: verified ? notAfter(addDays(endDate, VERIFICATION_DELAY_DAYS), today) : null,
      });
      rows.attendances.push(...attendance(random, tenant.id, participantId, startDate, endDate, today, completion));
      if (completion === "COMPLETED" && verified) {
        rows.followUps.push(...followUps(random, seed, participantId, endDate, plan));
      }
    });
  }
  return rows;
}

/**
 * Each batch's first day: the plan's month, then every two months. A live batch replaces the
 * first one still ahead (or the last one): under way since two days ago, or starting in twelve days.
 */
function batchStarts(random: Random, plan: TrainingPlan, year: number, today: Date, live?: LiveBatch): Date[] {
  const starts = Array.from({ length: plan.batches }, (_, batch) => utcDate(year, Math.min(12, plan.firstMonth + 2 * batch), random.int(2, 16)));
  if (!live) return starts;
  const next = starts.findIndex((start) => start > today);
  const at = next === -1 ? starts.length - 1 : next;
  if (live === "ongoing") {
    const latestStart = addDays(utcDate(year, 12, 31), -(plan.days - 1));
    starts[at] = notAfter(laterOf(addDays(today, -2), utcDate(year, 1, 2)), latestStart);
  } else if (addDays(today, 12 + plan.days) <= utcDate(year, 12, 31)) {
    starts[at] = addDays(today, 12);
  }
  return starts;
}

const notAfter = (date: Date, limit: Date) => (date > limit ? limit : date);
const laterOf = (a: Date, b: Date) => (a > b ? a : b);

function attendance(random: Random, tenantId: string, participantId: string, start: Date, end: Date, asOf: Date, completion: ParticipantCompletion) {
  const lastDay = end < asOf ? end : addDays(asOf, -1);
  const droppedAfter = completion === "DROPPED" ? random.int(1, 3) : Infinity;
  const rows = [];
  for (let day = start, n = 0; day <= lastDay; day = addDays(day, 1), n++) {
    rows.push({
      tenantId,
      id: seedId(participantId, "attendance", n),
      participantId,
      date: day,
      present: n < droppedAfter && random.chance(0.94),
    });
  }
  // A graduate attended what a pass needs: the missing days are the first ones they missed.
  let short = completion === "COMPLETED" ? daysNeededToPass(rows.length) - rows.filter((row) => row.present).length : 0;
  for (const row of rows) {
    if (short <= 0) break;
    if (!row.present) {
      row.present = true;
      short -= 1;
    }
  }
  return rows;
}

function followUps(random: Random, { tenant, today }: CitySeed, participantId: string, endDate: Date, plan: TrainingPlan) {
  return [3, 6].map((monthsAfter) => {
    const dueDate = addMonths(endDate, monthsAfter);
    // Of those due in the last six weeks about half are still waiting for the clerk.
    const recorded = dueDate <= today && (dueDate < addDays(today, -42) || random.chance(0.5));
    const outcome = recorded ? random.weighted(OUTCOMES) : null;
    const recordedAt = recorded ? addDays(dueDate, random.int(0, 14)) : null;
    return {
      tenantId: tenant.id,
      id: seedId(participantId, "follow-up", monthsAfter),
      participantId,
      monthsAfter,
      dueDate,
      outcome,
      note: outcome ? `${OUTCOME_NOTES[outcome]} (${plan.skill.toLowerCase()})` : null,
      recordedAt: recordedAt && recordedAt > today ? today : recordedAt,
    };
  });
}

/** E.g. "DISNAKER/PSM/2024/2-007" for the 7th graduate of the second motor-workshop batch. */
function certificateNo(programme: SeededProgramme, batch: number, index: number): string {
  const opd = programme.opdShortName.toUpperCase().replace(/[^A-Z]/g, "");
  const words = programme.spec
    .training!.skill.toUpperCase()
    .split(/[^A-Z]+/)
    .filter(Boolean);
  const skill = words.length > 1 ? words.map((word) => word[0]).join("") : (words[0] ?? "").slice(0, 3);
  return `${opd}/${skill}/${programme.spec.fiscalYear}/${batch + 1}-${String(index + 1).padStart(3, "0")}`;
}
