import { ageOn } from "@/lib/calendar/days";

/** Youth (pemuda) are 16–30 years old under UU 40/2009; the seed and the app share this bound. */
export const YOUTH_MAX_AGE = 30;

export function isYouthOn(birthDate: Date, day: Date): boolean {
  return ageOn(birthDate, day) <= YOUTH_MAX_AGE;
}
