// What of a person each viewer sees, decided here once. A NIK is region + birth date
// (+40 for women) + serial, so any of those digits shown next to a birth date, sex or
// kecamatan lets a reader rebuild the whole number and confirm it with a lookup:
// - numbers (NIK, No. KK) are shown as their last four digits only, to everyone; the full
//   number is revealed one household at a time, audited (registry:read-personal);
// - the birth date is shown only to readers of personal data; everyone else sees the age;
// - lookups by a whole number are for readers of personal data only, each audited and
//   limited per user (lib/privacy/number-lookup.ts).
import { userCan, type Grantee } from "@/lib/auth/permissions";
import { ageOn } from "@/lib/calendar/days";

const SHOWN_DIGITS = 4;
const HIDDEN = "•";

/** "5271010101900001" → "••••••••••••0001": the serial, never the region or the date. */
export function maskNumber(value: string): string {
  const digits = value.trim();
  if (digits.length <= 2 * SHOWN_DIGITS) return HIDDEN.repeat(digits.length);
  return HIDDEN.repeat(digits.length - SHOWN_DIGITS) + digits.slice(-SHOWN_DIGITS);
}

export type PersonView = {
  /** "date": the birth date and the age; "age": the age only. */
  birth: "date" | "age";
  /** May look a person up by a whole NIK or No. KK. */
  numberLookup: boolean;
};

export function personView(viewer: Grantee | null | undefined): PersonView {
  const personal = userCan(viewer, "registry:read-personal");
  return { birth: personal ? "date" : "age", numberLookup: personal };
}

/** A birth as a viewer sees it: the date only when their view allows it. */
export type BirthShown = { date: Date | null; age: number };

export function birthFor(view: PersonView, birthDate: Date, today: Date): BirthShown {
  // A birth date recorded before the rule refused future ones must not show "(-1 th)".
  return { date: view.birth === "date" ? birthDate : null, age: Math.max(0, ageOn(birthDate, today)) };
}
