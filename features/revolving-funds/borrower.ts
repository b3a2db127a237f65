// Who borrows: a member of a registry household of the fund's kelurahan,
// or a resident outside the registry identified by a valid NIK of this city; either of the
// city's minimum borrowing age, judged on the registry's birth date or the NIK's.
import type { Tx } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { wordedFieldError } from "@/lib/errors/worded";
import { parseNik } from "@/lib/identity/nik";
import { ageOn, dateToDay } from "@/lib/calendar/days";
import { assertCurrentMember, departureSelect } from "@/features/registry/members/current-member";
import { isYouthAge } from "./youth";

export type Borrower = { nik: string; name: string; memberId: string | null; householdId: string | null; isYouth: boolean };

/** Refuses a borrower younger than the city's minimum age, on `field`; else says whether they are pemuda. */
function ofBorrowingAge(birthDate: Date, today: Date, min: number, field: string): { isYouth: boolean } {
  const age = ageOn(birthDate, today);
  if (age < min) {
    throw wordedFieldError("INVALID", field, "RevolvingFunds.errors.borrowerTooYoung", { age, min });
  }
  return { isYouth: isYouthAge(age) };
}

/** The city's NIK prefix: province and kota/kabupaten digits of its Kemendagri code ("53.71" → "5371"). */
export function cityNikPrefix(kemendagriCode: string): string {
  return kemendagriCode.replace(/\D/g, "").slice(0, 4);
}

export async function resolveBorrower(
  tx: Tx,
  input: { memberId?: string; borrowerNik?: string; borrowerName?: string },
  kelurahanId: string,
  tenantId: string,
  today: Date,
): Promise<Borrower> {
  const inKelurahan = { household: { kelurahanId } };
  const select = { id: true, nik: true, name: true, birthDate: true, householdId: true, ...departureSelect } as const;
  const day = dateToDay(today);
  const tenant = await tx.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { kemendagriCode: true, name: true, minBorrowerAge: true } });
  if (input.memberId) {
    const member = await tx.member.findFirst({ where: { id: input.memberId, ...inKelurahan }, select });
    if (!member) throw notFound("Anggota registri");
    assertCurrentMember(member, day, "memberId");
    const { isYouth } = ofBorrowingAge(member.birthDate, today, tenant.minBorrowerAge, "memberId");
    return { nik: member.nik, name: member.name, memberId: member.id, householdId: member.householdId, isYouth };
  }
  const nik = (input.borrowerNik ?? "").replace(/\s/g, "");
  const parsed = parseNik(nik, today);
  if (!parsed.ok) throw wordedFieldError("INVALID", "borrowerNik", parsed.key);
  const prefix = cityNikPrefix(tenant.kemendagriCode);
  if (!nik.startsWith(prefix)) throw wordedFieldError("INVALID", "borrowerNik", "Validation.nik.notOfCity", { city: tenant.name, prefix });
  // A NIK that is in the kelurahan's registry is that member, whatever name was typed.
  const member = await tx.member.findFirst({ where: { nik, ...inKelurahan }, select });
  if (member) {
    assertCurrentMember(member, day, "borrowerNik");
    const { isYouth } = ofBorrowingAge(member.birthDate, today, tenant.minBorrowerAge, "borrowerNik");
    return { nik, name: member.name, memberId: member.id, householdId: member.householdId, isYouth };
  }
  const { isYouth } = ofBorrowingAge(parsed.value.birthDate, today, tenant.minBorrowerAge, "borrowerNik");
  return { nik, name: input.borrowerName ?? "", memberId: null, householdId: null, isYouth };
}
