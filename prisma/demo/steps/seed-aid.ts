import type { Prisma } from "@/lib/generated/prisma/client";
import type { AidKind } from "@/lib/generated/prisma/enums";
import type { AidPlan } from "../cities/types";
import { addDays, utcDate } from "@/lib/calendar/days";
import { BPJS_TK_PREMIUM_PER_MONTH } from "@/features/aid/bpjs-rules";
import { seedId } from "../ids";
import { createRandom, hashSeed, type Random } from "../random";
import { candidatesOn, rankByDesil } from "./candidates";
import { programmeKey } from "./seed-programmes";
import type { CitySeed, SeededHousehold, SeededProgramme } from "./types";

type DistributionRow = Prisma.AidDistributionCreateManyInput;
type Recipient = { householdId: string; memberId: string | null };
type HandOver = { kind: AidKind; items: string; value: bigint; distributedAt: Date; partnerName?: string } & Partial<BpjsCover>;
type BpjsCover = { bpjsNumber: string; coverageStart: Date; monthsCovered: number; premiumPerMonth: bigint };

/**
 * Aid handed over by each programme with an aid or tool-kit plan. Housing goes first, so that
 * business capital can go to the new houses' owners, as the programmes intend. Programmes
 * that already have distributions are left alone.
 */
export async function seedAid(seed: CitySeed, programmes: SeededProgramme[], registry: SeededHousehold[]) {
  const { db, tenant } = seed;
  const planned = programmes.filter((p) => p.spec.aid || p.spec.toolKits).sort((a, b) => Number(b.spec.kind === "HOUSING") - Number(a.spec.kind === "HOUSING"));
  const done = new Set(
    (
      await db.aidDistribution.findMany({
        where: { tenantId: tenant.id, programmeId: { in: planned.map((p) => p.id) } },
        distinct: ["programmeId"],
        select: { programmeId: true },
      })
    ).map((row) => row.programmeId),
  );

  for (const programme of planned) {
    if (done.has(programme.id)) continue;
    const random = createRandom(hashSeed(seed.seed, seed.city.slug, "aid", programmeKey(programme.spec)));
    const rows = programme.spec.toolKits
      ? await toolKitRows(seed, random, programme, programmes)
      : registryAidRows(seed, random, programme, registry, await housedHouseholds(seed, programmes, programme));
    await db.aidDistribution.createMany({ data: rows, skipDuplicates: true });
  }
}

/** Tool kits for a share of the verified graduates of the listed trainings. */
async function toolKitRows(seed: CitySeed, random: Random, programme: SeededProgramme, programmes: SeededProgramme[]) {
  const plan = programme.spec.toolKits!;
  const trainings = programmes.filter(
    (p) => p.spec.fiscalYear === programme.spec.fiscalYear && plan.forGraduatesOf.includes(p.spec.name) && p.spec.training?.toolKit,
  );
  const graduates = await seed.db.trainingParticipant.findMany({
    where: { tenantId: seed.tenant.id, completion: "COMPLETED", status: "VERIFIED", training: { programmeId: { in: trainings.map((p) => p.id) } } },
    select: { householdId: true, memberId: true, training: { select: { programmeId: true, endDate: true } } },
    orderBy: { id: "asc" },
  });
  const chosen = random.shuffle(graduates).slice(0, Math.round(graduates.length * plan.share));
  return chosen.flatMap((graduate, i): DistributionRow[] => {
    const kit = trainings.find((p) => p.id === graduate.training.programmeId)!.spec.training!.toolKit!;
    const distributedAt = addDays(graduate.training.endDate, random.int(14, 45));
    if (distributedAt > seed.today) return [];
    return [
      distribution(
        seed,
        random,
        programme,
        i,
        { householdId: graduate.householdId, memberId: graduate.memberId },
        {
          kind: "EQUIPMENT",
          items: kit.items,
          value: kit.value,
          distributedAt,
        },
      ),
    ];
  });
}

/** Households (or one member of each) from the registry, poorest first. */
function registryAidRows(seed: CitySeed, random: Random, programme: SeededProgramme, registry: SeededHousehold[], housed: Set<string>): DistributionRow[] {
  const plan = programme.spec.aid!;
  const year = programme.spec.fiscalYear;
  const midYear = utcDate(year, 7, 1);
  const eligible = registry.filter((h) => h.status === "ACTIVE" && h.desil <= plan.maxDesil);
  const ranked = rankByDesil(random, eligible).sort((a, b) => Number(housed.has(b.id)) - Number(housed.has(a.id)));

  const recipients: Recipient[] = [];
  for (const household of ranked) {
    if (recipients.length >= plan.recipients) break;
    if (!plan.memberAge) {
      recipients.push({ householdId: household.id, memberId: null });
      continue;
    }
    const members = candidatesOn([household], midYear, plan.memberAge, plan.maxDesil);
    if (members.length > 0) recipients.push({ householdId: household.id, memberId: random.pick(members).member.id });
  }

  return recipients.flatMap((recipient, i) => {
    const distributedAt = utcDate(year, random.int(plan.months[0], plan.months[1]), random.int(1, 28));
    if (distributedAt > seed.today) return [];
    const value = aidValue(random, plan.value);
    return [
      distribution(seed, random, programme, i, recipient, {
        kind: plan.kind,
        items: plan.items,
        value,
        distributedAt,
        partnerName: plan.partnerName,
        ...(plan.kind === "INSURANCE_PREMIUM" ? bpjsCover(seed, programme, i, value, distributedAt) : {}),
      }),
    ];
  });
}

function distribution(
  { city, tenant, today }: CitySeed,
  random: Random,
  programme: SeededProgramme,
  index: number,
  recipient: Recipient,
  handOver: HandOver,
): DistributionRow {
  const { distributedAt } = handOver;
  // A closed year's hand-overs are all verified; this year's recent ones (and a few older) wait for
  // the head, and some of those went back to the officer.
  const closedYear = programme.spec.fiscalYear < today.getUTCFullYear();
  const recent = addDays(distributedAt, 20) > today;
  const verified = closedYear || (!recent && random.chance(0.95));
  const returned = !verified && random.chance(0.2);
  return {
    tenantId: tenant.id,
    id: seedId(city.slug, "aid", programmeKey(programme.spec), index),
    programmeId: programme.id,
    opdId: programme.opdId,
    budgetLineId: pickBudgetLine(random, programme),
    ...recipient,
    ...handOver,
    quantity: 1,
    handedOverBy: random.pick(city.officers),
    proofRef: `BAST/${programme.opdShortName.toUpperCase().replace(/[^A-Z]/g, "")}/${programme.spec.fiscalYear}/${String(index + 1).padStart(4, "0")}`,
    status: verified ? "VERIFIED" : "DRAFT",
    verifiedAt: verified ? notAfter(addDays(distributedAt, random.int(2, 10)), today) : null,
    ...(returned
      ? { returnNote: "Nomor BAST tidak sesuai dengan berkasnya; periksa lalu ajukan kembali.", returnedAt: notAfter(addDays(distributedAt, 3), today) }
      : {}),
  };
}

const notAfter = (date: Date, limit: Date) => (date > limit ? limit : date);

/**
 * The cover a premium bought: from the month of the hand-over, the value spread over the
 * standard monthly premium, and a KPJ number derived from the entry (not from the shared
 * random stream, so the rest of the demo stays as it was).
 */
function bpjsCover({ city, seed }: CitySeed, programme: SeededProgramme, index: number, value: bigint, distributedAt: Date): Partial<BpjsCover> {
  if (value % BPJS_TK_PREMIUM_PER_MONTH !== 0n) return {};
  const kpj = `1${String(hashSeed(seed, city.slug, "kpj", programmeKey(programme.spec), index))
    .padStart(10, "0")
    .slice(-10)}`;
  return {
    bpjsNumber: kpj,
    coverageStart: utcDate(distributedAt.getUTCFullYear(), distributedAt.getUTCMonth() + 1, 1),
    monthsCovered: Number(value / BPJS_TK_PREMIUM_PER_MONTH),
    premiumPerMonth: BPJS_TK_PREMIUM_PER_MONTH,
  };
}

/** Households that received a house this year, so capital aid can follow it. */
async function housedHouseholds(seed: CitySeed, programmes: SeededProgramme[], programme: SeededProgramme) {
  if (programme.spec.kind !== "CAPITAL_AID") return new Set<string>();
  const housing = programmes.filter((p) => p.spec.kind === "HOUSING" && p.spec.fiscalYear === programme.spec.fiscalYear);
  const rows = await seed.db.aidDistribution.findMany({
    where: { tenantId: seed.tenant.id, programmeId: { in: housing.map((p) => p.id) } },
    select: { householdId: true },
  });
  return new Set(rows.map((row) => row.householdId));
}

/** Larger lines get proportionally more hand-overs. */
export function pickBudgetLine(random: Random, programme: SeededProgramme): string | null {
  if (programme.budgetLines.length === 0) return null;
  return random.weighted(programme.budgetLines.map((line) => [line.id, Number(line.pagu)] as const));
}

export function aidValue(random: Random, value: AidPlan["value"]): bigint {
  if (typeof value === "bigint") return value;
  const [low, high] = value;
  const step = 50_000n;
  return low + BigInt(random.int(0, Number((high - low) / step))) * step;
}
