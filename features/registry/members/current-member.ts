// Who may be named in a NEW per-person entry (aid hand-over, premium, loan): a member still on
// the family's card on the entry's day. One who died or moved out of the city on or before
// that day keeps their row for the history (old entries still point at it, and stay readable
// and correctable), but is refused for anything new. A hand-over dated before the departure
// (recorded late) is still accepted.
import { createTranslator } from "next-intl";
import { AppError } from "@/lib/errors";
import type { MemberDeparture } from "@/lib/generated/prisma/enums";
import { dateToDay } from "@/lib/calendar/days";
import id from "@/messages/id";

const errors = createTranslator({ locale: "id", messages: id, namespace: "Registry.errors" });

type Departable = { departure: MemberDeparture | null; departedAt: Date | null };

/** The fields a lookup selects so assertCurrentMember can judge the member. */
export const departureSelect = { departure: true, departedAt: true } as const;

/** Refuses a member who died or moved out on or before `day` (YYYY-MM-DD), on `field`. */
export function assertCurrentMember(member: Departable, day: string, field: string): void {
  if (!member.departedAt || dateToDay(member.departedAt) > day) return;
  const params = { departure: member.departure ?? "MOVED_OUT", date: dateToDay(member.departedAt) };
  const message = errors("memberDeparted", params);
  throw new AppError("INVALID", message, { [field]: [message] }, { key: "Registry.errors.memberDeparted", params });
}
