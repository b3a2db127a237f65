// Corrects a member's recorded data (a misspelt name, a mistyped NIK or birth date) from
// an approved change request. The corrected NIK, birth date and sex must still agree.
import type { Tx } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { wordedError, wordsMessage } from "@/lib/errors/worded";
import { nikMatchesBirthDate } from "@/lib/identity/nik";
import { lockHousehold } from "@/features/registry/household/lock-household";
import type { RegistryScope } from "@/lib/auth/scope";
import { dateToDay, dayToDate } from "@/lib/calendar/days";
import { assertBirthDate } from "@/lib/identity/birth-date";
import { MEMBER_DEPARTED, SECOND_HEAD, assertNikFree } from "./add-member";
import type { MemberCorrectionInput } from "./member-schema";

export async function correctMember(
  tx: Tx,
  householdId: string,
  input: MemberCorrectionInput,
  options: { tenantId: string; scope: RegistryScope },
): Promise<{ memberId: string }> {
  const household = await lockHousehold(tx, householdId, options);
  if (household.status === "DECEASED") throw wordedError("INVALID", "Registry.errors.householdClosed");
  const member = await tx.member.findFirst({ where: { id: input.memberId, householdId } });
  if (!member) throw notFound("Anggota keluarga");
  if (member.departedAt) throw wordedError("INVALID", "Registry.errors.memberGone", {}, { memberId: [MEMBER_DEPARTED] });
  if (input.birthDate) await assertBirthDate(tx, options.tenantId, input.birthDate);

  const nik = input.nik ?? member.nik;
  const birthDate = input.birthDate ?? dateToDay(member.birthDate);
  const sex = input.sex ?? member.sex;
  if (!nikMatchesBirthDate(nik, dayToDate(birthDate), sex)) {
    throw wordedError("INVALID", "Registry.errors.nikBirthDateMismatch", {}, { birthDate: [wordsMessage("Registry.errors.nikBirthDateMismatchField")] });
  }
  if (input.nik && input.nik !== member.nik) await assertNikFree(tx, input.nik, member.id);
  if (input.relation === "HEAD" && member.relation !== "HEAD") {
    const head = await tx.member.findFirst({ where: { householdId, relation: "HEAD", departedAt: null }, select: { id: true } });
    if (head) throw wordedError("INVALID", "Registry.errors.secondHead", {}, { relation: [SECOND_HEAD] });
  }

  await tx.member.update({
    where: { tenantId_id: { tenantId: options.tenantId, id: member.id } },
    data: {
      ...(input.nik !== undefined ? { nik: input.nik } : {}),
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.sex !== undefined ? { sex: input.sex } : {}),
      ...(input.birthPlace !== undefined ? { birthPlace: input.birthPlace } : {}),
      ...(input.birthDate !== undefined ? { birthDate: dayToDate(input.birthDate) } : {}),
      ...(input.relation !== undefined ? { relation: input.relation } : {}),
      ...(input.education !== undefined ? { education: input.education } : {}),
      ...(input.occupation !== undefined ? { occupation: input.occupation } : {}),
      ...(input.disability !== undefined ? { disability: input.disability } : {}),
    },
  });
  return { memberId: member.id };
}
