"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useState } from "react";
import { FormAlert } from "@/components/ui/form-alert";
import { Button } from "@/components/ui/button";
import { useActionForm, type FormAction } from "@/components/ui/use-action-form";
import type { PersonalNumbers } from "@/features/registry/household/reveal-personal";

/** A member as the page shows it: every label already in the reader's language. */
export type MemberRow = {
  id: string;
  name: string;
  nikMasked: string;
  relation: string;
  sex: string;
  birth: string;
  education: string;
  occupation: string;
  disability: string | null;
  /** "Died, 1 Oct 2026": a member no longer on the card. */
  departed: string | null;
  /** The changes an officer may propose for this member, as links to the proposal form. */
  actions: { label: string; href: string }[];
};

/**
 * The members with their NIK masked. A reader who may see personal data can ask for the
 * full numbers: the server records that view in the audit log before answering.
 */
export function HouseholdMembers({
  householdId,
  noKkMasked,
  members,
  reveal,
}: {
  householdId: string;
  noKkMasked: string;
  members: MemberRow[];
  /** Absent for roles that only ever see masked numbers. */
  reveal?: FormAction<PersonalNumbers>;
}) {
  const t = useTranslations("Household.members");
  return reveal ? (
    <Revealable householdId={householdId} noKkMasked={noKkMasked} members={members} reveal={reveal} />
  ) : (
    <>
      <MembersTable noKk={noKkMasked} members={members} numbers={null} ageOnly />
      <p className="border-t border-line px-4 py-3 text-sm text-muted sm:px-5">{t("maskedForRole")}</p>
    </>
  );
}

function Revealable({
  householdId,
  noKkMasked,
  members,
  reveal,
}: {
  householdId: string;
  noKkMasked: string;
  members: MemberRow[];
  reveal: FormAction<PersonalNumbers>;
}) {
  const t = useTranslations("Household.members");
  const { state, pending, formRef, onSubmit, formError } = useActionForm(reveal);
  const [hidden, setHidden] = useState(false);
  const numbers = state?.ok && !hidden ? state.data : null;

  return (
    <>
      <MembersTable noKk={numbers?.noKk ?? noKkMasked} members={members} numbers={numbers} />
      <div className="flex flex-wrap items-center gap-3 border-t border-line px-4 py-3 sm:px-5">
        {numbers ? (
          <Button variant="secondary" onClick={() => setHidden(true)}>
            {t("hide")}
          </Button>
        ) : (
          <form
            ref={formRef}
            onSubmit={(event) => {
              setHidden(false);
              onSubmit(event);
            }}
          >
            <input type="hidden" name="householdId" value={householdId} />
            <Button type="submit" variant="secondary" disabled={pending}>
              {pending ? t("revealing") : t("reveal")}
            </Button>
          </form>
        )}
        <p className="text-sm text-muted">{numbers ? t("revealedNote") : t("revealNote")}</p>
        {formError ? <FormAlert>{formError}</FormAlert> : null}
      </div>
    </>
  );
}

/** `ageOnly`: the viewer sees ages, not birth dates (lib/privacy/person-view.ts). */
function MembersTable({ noKk, members, numbers, ageOnly = false }: { noKk: string; members: MemberRow[]; numbers: PersonalNumbers | null; ageOnly?: boolean }) {
  const t = useTranslations("Household.members");
  const nikOf = new Map(numbers?.members.map((m) => [m.id, m.nik]) ?? []);
  const withActions = members.some((member) => member.actions.length > 0);
  return (
    <>
      <p className="px-4 pt-3 text-sm sm:px-5">
        <span className="text-muted">{t("noKk")}: </span>
        <span className="font-mono" data-testid="household-nokk">
          {noKk}
        </span>
      </p>
      <div role="region" aria-label={t("label")} tabIndex={0} className="relative mt-2 overflow-x-auto">
        <table className="w-full border-collapse text-sm">
          <thead className="bg-brand-50 text-left text-brand-900">
            <tr>
              <th scope="col" className="px-4 py-2.5 font-semibold">
                {t("name")}
              </th>
              <th scope="col" className="px-4 py-2.5 font-semibold">
                {t("nik")}
              </th>
              <th scope="col" className="px-4 py-2.5 font-semibold">
                {t("relation")}
              </th>
              <th scope="col" className="px-4 py-2.5 font-semibold">
                {t(ageOnly ? "age" : "birth")}
              </th>
              <th scope="col" className="px-4 py-2.5 font-semibold">
                {t("education")}
              </th>
              <th scope="col" className="px-4 py-2.5 font-semibold">
                {t("occupation")}
              </th>
              {withActions ? (
                <th scope="col" className="px-4 py-2.5 font-semibold">
                  {t("propose")}
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody className="divide-y divide-line">
            {members.map((member) => (
              <tr key={member.id} className={member.departed ? "bg-white align-top text-muted" : "bg-white align-top"}>
                <th scope="row" className="px-4 py-2.5 text-left font-medium text-ink">
                  {member.name}
                  <span className="block text-xs font-normal text-muted">{member.sex}</span>
                </th>
                <td className="px-4 py-2.5 font-mono text-sm whitespace-nowrap" data-testid="member-nik">
                  {nikOf.get(member.id) ?? member.nikMasked}
                </td>
                <td className="px-4 py-2.5">
                  {member.relation}
                  {member.departed ? <span className="block text-xs font-medium text-ink">{member.departed}</span> : null}
                </td>
                <td className="px-4 py-2.5 whitespace-nowrap">{member.birth}</td>
                <td className="px-4 py-2.5">{member.education}</td>
                <td className="px-4 py-2.5">
                  {member.occupation}
                  {member.disability ? <span className="block text-xs text-muted">{member.disability}</span> : null}
                </td>
                {withActions ? (
                  <td className="px-4 py-2.5">
                    <ul className="flex flex-wrap gap-x-3 gap-y-1">
                      {member.actions.map((action) => (
                        <li key={action.href}>
                          <Link href={action.href} className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
                            {action.label}
                          </Link>
                        </li>
                      ))}
                    </ul>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
