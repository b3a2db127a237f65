import type { RegistrySource } from "@/lib/generated/prisma/enums";
import { generateNik, generateNoKk, nikRegionCode } from "@/lib/identity/nik";
import type { CultureWeights } from "../cities/types";
import { addDays, utcDate } from "@/lib/calendar/days";
import { createFamilyNaming } from "../names";
import { createRandom, hashSeed, type Random } from "../random";
import { generateFamily, type FamilyPerson } from "./generate-family";
import { SerialCounter } from "./serials";
import type { GeneratedDesilChange, GeneratedHousehold, GeneratedStatusEvent, RegistryArea } from "./types";

export type GenerateRegistryOptions = {
  seed: number;
  count: number;
  areas: readonly RegistryArea[];
  cityName: string;
  cultures: CultureWeights;
  culturesByKecamatan?: Record<string, CultureWeights>;
  streets: readonly string[];
  alleys: readonly string[];
  birthPlaces: readonly string[];
  /** Date of the registry extract: ages and the latest changes are as of this day. */
  snapshot: Date;
};

// A welfare registry lists the poorer half: mostly desil 1–5, a fifth extreme-poor (desil 1).
const DESIL_WEIGHTS = [
  [1, 20],
  [2, 22],
  [3, 21],
  [4, 17],
  [5, 10],
  [6, 5],
  [7, 2.5],
  [8, 1.2],
  [9, 0.8],
  [10, 0.5],
] as const;
const SOURCES = [
  ["DTSEN", 75],
  ["P3KE", 15],
  ["DTKS", 8],
  ["LOCAL", 2],
] as const;

/**
 * A city's demo welfare registry. Households are generated one after another from one
 * stream, so the first N are the same whatever the count: `--households 50000` extends the
 * default 3,000 rather than replacing them.
 */
export function generateRegistry(options: GenerateRegistryOptions): GeneratedHousehold[] {
  return [...registryHouseholds(options)];
}

/** The same registry one household at a time, for city-scale loads that cannot hold it whole. */
export function* registryHouseholds(options: GenerateRegistryOptions): Generator<GeneratedHousehold> {
  if (options.areas.length === 0) throw new Error("generateRegistry needs at least one kelurahan");
  const random = createRandom(hashSeed(options.seed, "registry"));
  const kelurahanWeights = options.areas.map((area, i) => [i, 0.5 + createRandom(hashSeed(options.seed, area.kelurahanCode)).next()] as const);
  const nikSerials = new SerialCounter();
  const kkSerials = new SerialCounter();

  for (let index = 0; index < options.count; index++) {
    const area = options.areas[random.weighted(kelurahanWeights)]!;
    const region = nikRegionCode(area.kecamatanCode);
    const culture = random.weighted(options.culturesByKecamatan?.[area.kecamatanName] ?? options.cultures);
    const family = generateFamily(random, createFamilyNaming(culture, random), options.snapshot);

    const members = family.map((person) => ({
      nik: generateNik({ regionCode: region, birthDate: person.birthDate, sex: person.sex, serial: nikSerials.take(region + dateKey(person)) }),
      name: person.name,
      sex: person.sex,
      birthPlace: random.pick(options.birthPlaces),
      birthDate: person.birthDate,
      relation: person.relation,
      education: person.education,
      occupation: person.occupation,
      disability: person.disability,
    }));

    const issueDate = kkIssueDate(random, family, options.snapshot);
    const noKk = generateNoKk({ regionCode: region, issueDate, serial: kkSerials.take(region + issueDate.toISOString().slice(2, 10)) });
    const registrySource: RegistrySource = random.weighted(SOURCES);
    const street = `Jl. ${random.pick(options.streets)}${random.chance(0.4) ? ` ${random.pick(options.alleys)}` : ""}`;

    yield {
      index,
      noKk,
      registrySource,
      registryId: registrySource === "LOCAL" ? null : `${region}${String(index + 1).padStart(8, "0")}`,
      area,
      address: `${street} No. ${random.int(1, 150)}`,
      rt: pad3(random.int(1, 12)),
      rw: pad3(random.int(1, 6)),
      ...history(random, family.length, options),
      members,
    };
  }
}

type History = Pick<GeneratedHousehold, "desil" | "isExtremePoor" | "status" | "statusChangedAt" | "statusEvents" | "desilChanges">;

/** Current desil and status, and the changes that led there during the last 18 months. */
function history(random: Random, size: number, options: GenerateRegistryOptions): History {
  const desil = random.weighted(DESIL_WEIGHTS);
  const roll = random.next();
  const when = addDays(options.snapshot, -random.int(15, 540));
  const stay = { desil, isExtremePoor: desil === 1, status: "ACTIVE" as const, statusChangedAt: null, statusEvents: [], desilChanges: [] };

  if ((desil === 2 || desil === 3) && roll < 0.12) {
    return {
      ...stay,
      statusEvents: [event("ACTIVE", "ACTIVE", true, false, when, `Keluar dari kemiskinan ekstrem: desil naik dari 1 ke ${desil}`)],
      desilChanges: [desilChange(1, desil, when)],
    };
  }
  if (roll < 0.03) {
    const graduatedDesil = random.int(6, 7);
    return {
      desil: graduatedDesil,
      isExtremePoor: false,
      status: "GRADUATED",
      statusChangedAt: when,
      statusEvents: [event("ACTIVE", "GRADUATED", false, false, when, "Graduasi: keluar dari kemiskinan (naik kelas)")],
      desilChanges: [desilChange(Math.min(desil, 4), graduatedDesil, when)],
    };
  }
  if (roll < 0.045) {
    return {
      ...stay,
      status: "MOVED",
      statusChangedAt: when,
      statusEvents: [event("ACTIVE", "MOVED", desil === 1, desil === 1, when, `Pindah domisili ke luar ${options.cityName}`)],
    };
  }
  if (size === 1 && roll < 0.2) {
    return {
      ...stay,
      status: "DECEASED",
      statusChangedAt: when,
      statusEvents: [event("ACTIVE", "DECEASED", desil === 1, desil === 1, when, "Anggota keluarga tunggal meninggal dunia")],
    };
  }
  if (desil === 1 && roll < 0.25) {
    return {
      ...stay,
      statusEvents: [event("ACTIVE", "ACTIVE", false, true, when, "Masuk kategori miskin ekstrem pada pemutakhiran DTSEN")],
      desilChanges: [desilChange(2, 1, when)],
    };
  }
  if (desil >= 2 && desil <= 5 && roll < 0.35) {
    return { ...stay, desilChanges: [desilChange(desil + 1, desil, when)] };
  }
  return stay;
}

function event(
  fromStatus: GeneratedStatusEvent["fromStatus"],
  toStatus: GeneratedStatusEvent["toStatus"],
  fromExtremePoor: boolean,
  toExtremePoor: boolean,
  effectiveDate: Date,
  reason: string,
): GeneratedStatusEvent {
  return { fromStatus, toStatus, fromExtremePoor, toExtremePoor, effectiveDate, reason, source: "SEED" };
}

function desilChange(fromDesil: number, toDesil: number, effectiveDate: Date): GeneratedDesilChange {
  return { fromDesil, toDesil, effectiveDate, source: "SEED" };
}

/** A card is reissued whenever a child is added, so it is dated after the youngest member's birth. */
function kkIssueDate(random: Random, family: FamilyPerson[], snapshot: Date): Date {
  const youngest = Math.max(...family.map((person) => person.birthDate.getTime()));
  const earliest = Math.min(Math.max(youngest + 14 * 86_400_000, utcDate(2008, 1, 1).getTime()), snapshot.getTime());
  const span = Math.max(0, Math.floor((snapshot.getTime() - earliest) / 86_400_000));
  return addDays(new Date(earliest), random.int(0, span));
}

/** NIKs collide on the encoded DDMMYY, not the full date, so serials are counted per that. */
function dateKey(person: FamilyPerson): string {
  return `${person.sex}${person.birthDate.toISOString().slice(2, 10)}`;
}

function pad3(value: number): string {
  return String(value).padStart(3, "0");
}
