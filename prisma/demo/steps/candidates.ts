import type { Sex } from "@/lib/generated/prisma/enums";
import { ageOn } from "@/lib/calendar/days";
import type { Random } from "../random";
import type { SeededHousehold, SeededMember } from "./types";

export type Candidate = { household: SeededHousehold; member: SeededMember };

/** Members of active households at most `maxDesil`, aged within `ages` on `day`. */
export function candidatesOn(registry: readonly SeededHousehold[], day: Date, ages: readonly [number, number], maxDesil: number): Candidate[] {
  const candidates: Candidate[] = [];
  for (const household of registry) {
    if (household.status !== "ACTIVE" || household.desil > maxDesil) continue;
    for (const member of household.members) {
      const age = ageOn(member.birthDate, day);
      if (age >= ages[0] && age <= ages[1]) candidates.push({ household, member });
    }
  }
  return candidates;
}

/**
 * Picks up to `count` distinct people, mostly extreme-poor (programmes must prioritise them)
 * and mostly of the preferred sex when the skill has one.
 */
export function pickParticipants(
  random: Random,
  candidates: readonly Candidate[],
  count: number,
  options: { preferredSex?: Sex; taken: Set<string> },
): Candidate[] {
  const extreme = candidates.filter((c) => c.household.desil === 1);
  const others = candidates.filter((c) => c.household.desil !== 1);
  const picked: Candidate[] = [];
  for (let slot = 0; slot < count; slot++) {
    const pool = extreme.length > 0 && (others.length === 0 || random.chance(0.7)) ? extreme : others;
    for (let attempt = 0; attempt < 30 && pool.length > 0; attempt++) {
      const candidate = random.pick(pool);
      if (options.taken.has(candidate.member.id)) continue;
      if (options.preferredSex && candidate.member.sex !== options.preferredSex && !random.chance(0.15)) continue;
      options.taken.add(candidate.member.id);
      picked.push(candidate);
      break;
    }
  }
  return picked;
}

/** The poorest first ("berdasarkan urutan"), in a seeded order within each desil. */
export function rankByDesil<T extends { desil: number }>(random: Random, items: readonly T[]): T[] {
  return random.shuffle(items).sort((a, b) => a.desil - b.desil);
}
