import { ageOn } from "@/lib/calendar/days";

/** Youth (pemuda) are 16–30 years old under UU 40/2009 (Pasal 1 angka 1); the seed and the app share these bounds. */
export const YOUTH_MIN_AGE = 16;
export const YOUTH_MAX_AGE = 30;

export function isYouthAge(age: number): boolean {
  return age >= YOUTH_MIN_AGE && age <= YOUTH_MAX_AGE;
}

export function isYouthOn(birthDate: Date, day: Date): boolean {
  return isYouthAge(ageOn(birthDate, day));
}
