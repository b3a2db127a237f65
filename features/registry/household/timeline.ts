// Every intervention a household received, from every OPD, on one timeline, newest first:
// trainings with what their follow-ups found, aid (BPJS premiums are aid of kind INSURANCE_PREMIUM) and
// Dana PEM loans. Loans are found by household, by member and by the borrower's NIK,
// since a loan may be recorded before its borrower is linked to the registry.
import { loadKelurahanLabel } from "@/features/areas/labels";
import type { Tx } from "@/lib/db";
import type { AidKind, EntryStatus, LoanStatus, ParticipantCompletion } from "@/lib/generated/prisma/enums";
import { isReversal } from "@/lib/entries/rules";
import { followUpState, type FollowUpState } from "@/lib/reach/follow-up-state";

type Opd = { shortName: string; name: string };

export type TimelineEntry =
  | {
      kind: "training";
      id: string;
      date: Date;
      endDate: Date;
      opd: Opd;
      programme: string;
      skill: string;
      place: string;
      memberName: string;
      completion: ParticipantCompletion;
      entryStatus: EntryStatus;
      /** The training was cancelled after verification: it no longer counts. */
      cancelled: boolean;
      /** What the graduate's follow-ups found so far, and the one still waiting. */
      followUp: FollowUpState;
    }
  | {
      kind: "aid";
      id: string;
      date: Date;
      opd: Opd;
      programme: string;
      aidKind: AidKind;
      items: string;
      quantity: number;
      value: bigint;
      memberName: string | null;
      partnerName: string | null;
      entryStatus: EntryStatus;
      /** A correction that cancels an earlier distribution. */
      isReversal: boolean;
    }
  | {
      kind: "loan";
      id: string;
      date: Date;
      kelurahan: string;
      fundYear: number;
      round: number;
      borrowerName: string;
      businessType: string;
      principal: bigint;
      tenorMonths: number;
      loanStatus: LoanStatus;
    };

/** How many entries of each kind the timeline shows at most. */
export const TIMELINE_LIMIT = 200;

export async function getHouseholdTimeline(tx: Tx, householdId: string): Promise<{ entries: TimelineEntry[]; truncated: boolean }> {
  const members = await tx.member.findMany({ where: { householdId }, select: { id: true, nik: true } });
  const take = TIMELINE_LIMIT + 1;
  const [trainings, aid, loans, kelurahanLabel] = await Promise.all([
    tx.trainingParticipant.findMany({
      where: { householdId },
      orderBy: { training: { startDate: "desc" } },
      take,
      select: {
        id: true,
        completion: true,
        status: true,
        member: { select: { name: true } },
        followUps: { select: { monthsAfter: true, dueDate: true, outcome: true } },
        training: {
          select: {
            skill: true,
            place: true,
            startDate: true,
            endDate: true,
            cancelledAt: true,
            opd: { select: { shortName: true, name: true } },
            programme: { select: { name: true } },
          },
        },
      },
    }),
    tx.aidDistribution.findMany({
      where: { householdId },
      orderBy: { distributedAt: "desc" },
      take,
      select: {
        id: true,
        kind: true,
        items: true,
        quantity: true,
        value: true,
        distributedAt: true,
        partnerName: true,
        status: true,
        reversesId: true,
        member: { select: { name: true } },
        opd: { select: { shortName: true, name: true } },
        programme: { select: { name: true } },
      },
    }),
    tx.loan.findMany({
      where: {
        OR: [{ householdId }, ...(members.length ? [{ memberId: { in: members.map((m) => m.id) } }, { borrowerNik: { in: members.map((m) => m.nik) } }] : [])],
      },
      orderBy: { createdAt: "desc" },
      take,
      select: {
        id: true,
        round: true,
        borrowerName: true,
        businessType: true,
        principal: true,
        tenorMonths: true,
        status: true,
        disbursedAt: true,
        createdAt: true,
        fund: { select: { year: true, kelurahanId: true } },
      },
    }),
    loadKelurahanLabel(tx),
  ]);

  const entries: TimelineEntry[] = [
    ...trainings.slice(0, TIMELINE_LIMIT).map((p) => ({
      kind: "training" as const,
      id: p.id,
      date: p.training.startDate,
      endDate: p.training.endDate,
      opd: p.training.opd,
      programme: p.training.programme.name,
      skill: p.training.skill,
      place: p.training.place,
      memberName: p.member.name,
      completion: p.completion,
      entryStatus: p.status,
      cancelled: p.training.cancelledAt !== null,
      followUp: followUpState(p.followUps),
    })),
    ...aid.slice(0, TIMELINE_LIMIT).map((a) => ({
      kind: "aid" as const,
      id: a.id,
      date: a.distributedAt,
      opd: a.opd,
      programme: a.programme.name,
      aidKind: a.kind,
      items: a.items,
      quantity: a.quantity,
      value: a.value,
      memberName: a.member?.name ?? null,
      partnerName: a.partnerName,
      entryStatus: a.status,
      isReversal: isReversal(a),
    })),
    ...loans.slice(0, TIMELINE_LIMIT).map((loan) => ({
      kind: "loan" as const,
      id: loan.id,
      date: loan.disbursedAt ?? loan.createdAt,
      kelurahan: kelurahanLabel(loan.fund.kelurahanId),
      fundYear: loan.fund.year,
      round: loan.round,
      borrowerName: loan.borrowerName,
      businessType: loan.businessType,
      principal: loan.principal,
      tenorMonths: loan.tenorMonths,
      loanStatus: loan.status,
    })),
  ];
  entries.sort((a, b) => b.date.getTime() - a.date.getTime() || a.kind.localeCompare(b.kind) || a.id.localeCompare(b.id));
  return {
    entries,
    truncated: trainings.length > TIMELINE_LIMIT || aid.length > TIMELINE_LIMIT || loans.length > TIMELINE_LIMIT,
  };
}
