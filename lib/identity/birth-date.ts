// The one birth-date rule, wherever a birth date is entered (imports, change requests,
// forms): not after today and not more than 120 years ago, "today" being the city's.
import { cityToday } from "@/lib/calendar/city-today";
import { dateToDay, todayIn } from "@/lib/calendar/days";
import type { Tx } from "@/lib/db";
import { wordedFieldError, wordsMessage } from "@/lib/errors/worded";
import { isoDay } from "@/lib/forms/fields";

export const OLDEST_AGE_YEARS = 120;

export type BirthDateProblem = "future" | "tooOld";

/** What is wrong with a birth day ("YYYY-MM-DD") on the city's `today` ("YYYY-MM-DD"), or null. */
export function birthDateProblem(birthDay: string, today: string): BirthDateProblem | null {
  if (birthDay > today) return "future";
  const earliest = `${String(Number(today.slice(0, 4)) - OLDEST_AGE_YEARS).padStart(4, "0")}${today.slice(4)}`;
  return birthDay < earliest ? "tooOld" : null;
}

/**
 * A form's birth date. The schema does not know the city, so it measures against the day in
 * Indonesia's easternmost zone (the first to reach a new day) and refuses nothing a city could
 * accept; the write checks the city's own day again (assertBirthDate).
 */
export const birthDateField = isoDay.superRefine((day, ctx) => {
  const problem = birthDateProblem(day, todayIn("Asia/Jayapura"));
  if (problem) ctx.addIssue({ code: "custom", message: wordsMessage(`Validation.birthDate.${problem}`, { years: OLDEST_AGE_YEARS }) });
});

/** Refuses a birth date the city's today does not allow, on the `birthDate` field. */
export async function assertBirthDate(tx: Tx, tenantId: string, birthDay: string, now?: Date): Promise<void> {
  const problem = birthDateProblem(birthDay, dateToDay(await cityToday(tx, tenantId, now)));
  if (problem) throw wordedFieldError("INVALID", "birthDate", `Validation.birthDate.${problem}`, { years: OLDEST_AGE_YEARS });
}
