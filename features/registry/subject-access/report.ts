// A data subject's access report (UU 27/2022 Pasal 32): everything the city holds about one
// household and its members, and every processing of it recorded in Entas: programmes,
// aid, Dana PEM loans and repayments, full-number views, the exports that listed it and
// every audited change. The one query behind the printable page and the .xlsx, so the two
// always agree. Numbers are in full: the report is for the data subject.
import { loadKelurahanLabel } from "@/features/areas/labels";
import type { Tx } from "@/lib/db";
import type {
  AidKind,
  ChangeRequestKind,
  ChangeSource,
  DecisionStatus,
  Disability,
  Education,
  EntryStatus,
  FamilyRelation,
  HouseholdStatus,
  LoanStatus,
  ParticipantCompletion,
  RegistrySource,
  Role,
  Sex,
  TrainingOutcome,
} from "@/lib/generated/prisma/enums";
import { householdScopeWhere, type RegistryScope } from "@/lib/auth/scope";
import { VIEW_PERSONAL_ACTION } from "@/features/registry/household/reveal-personal";
import { MERGE_ACTION } from "@/features/registry/duplicates/merge";

/** How many audit rows of processing the report lists at most (the newest). */
export const PROCESSING_LIMIT = 2000;

export type Actor = { name: string; role: Role } | null;

export type SubjectAccessReport = {
  household: {
    id: string;
    noKk: string;
    registrySource: RegistrySource;
    registryId: string | null;
    address: string;
    rt: string | null;
    rw: string | null;
    kecamatan: string;
    kelurahan: string;
    desil: number | null;
    isExtremePoor: boolean;
    status: HouseholdStatus;
    createdAt: Date;
    updatedAt: Date;
  };
  members: {
    id: string;
    nik: string;
    name: string;
    sex: Sex;
    birthPlace: string | null;
    birthDate: Date;
    relation: FamilyRelation;
    education: Education | null;
    occupation: string | null;
    disability: Disability | null;
  }[];
  statusEvents: {
    id: string;
    fromStatus: HouseholdStatus | null;
    toStatus: HouseholdStatus;
    toExtremePoor: boolean;
    effectiveDate: Date;
    reason: string;
    source: ChangeSource;
  }[];
  desilChanges: { id: string; fromDesil: number | null; toDesil: number | null; effectiveDate: Date; source: ChangeSource }[];
  changeRequests: {
    id: string;
    kind: ChangeRequestKind;
    status: DecisionStatus;
    note: string | null;
    proposedBy: Actor;
    decidedBy: Actor;
    decidedAt: Date | null;
    decisionReason: string | null;
    createdAt: Date;
  }[];
  trainings: {
    id: string;
    memberName: string;
    opd: string;
    programme: string;
    skill: string;
    startDate: Date;
    endDate: Date;
    completion: ParticipantCompletion;
    certificateNo: string | null;
    status: EntryStatus;
    daysPresent: number;
    daysRecorded: number;
    followUps: { monthsAfter: number; outcome: TrainingOutcome | null; note: string | null }[];
  }[];
  aid: {
    id: string;
    memberName: string | null;
    opd: string;
    programme: string;
    kind: AidKind;
    items: string;
    quantity: number;
    value: bigint;
    distributedAt: Date;
    status: EntryStatus;
    /** A BPJS premium's KPJ number, in full: the report is the person's own. */
    bpjsNumber: string | null;
    coverageStart: Date | null;
    coverageEnd: Date | null;
  }[];
  loans: {
    id: string;
    borrowerName: string;
    borrowerNik: string;
    kelurahan: string;
    fundYear: number;
    round: number;
    businessType: string;
    purpose: string;
    principal: bigint;
    tenorMonths: number;
    status: LoanStatus;
    disbursedAt: Date | null;
    principalRepaid: bigint;
    feePaid: bigint;
  }[];
  repayments: { id: string; loanId: string; paidAt: Date; amount: bigint; principalPart: bigint; feePart: bigint; receiptNo: string | null }[];
  /** Each full-NIK / No. KK view of this household. */
  reveals: { id: string; at: Date; by: Actor }[];
  /** Each export that listed this household. */
  exports: { id: string; at: Date; by: Actor; entity: string; file: string | null }[];
  /** Every other audited processing of the household, its members and their records. */
  processing: { id: string; at: Date; by: Actor; action: string; entity: string; entityId: string | null }[];
  /** More processing rows than PROCESSING_LIMIT were found. */
  truncated: boolean;
};

/** The household's report, if the scope may see it; else null ("not found"). */
export async function subjectAccessReport(tx: Tx, householdId: string, scope: RegistryScope): Promise<SubjectAccessReport | null> {
  const household = await tx.household.findFirst({
    where: { id: householdId, ...householdScopeWhere(scope) },
    include: {
      kecamatan: { select: { name: true } },
      members: { orderBy: [{ birthDate: "asc" }, { id: "asc" }] },
      statusEvents: { orderBy: [{ effectiveDate: "asc" }, { createdAt: "asc" }] },
      desilChanges: { orderBy: [{ effectiveDate: "asc" }, { createdAt: "asc" }] },
      changeRequests: { orderBy: { createdAt: "asc" } },
    },
  });
  if (!household) return null;
  const memberIds = household.members.map((member) => member.id);
  const niks = household.members.map((member) => member.nik);

  const [trainings, aid, loans, disclosures, kelurahanLabel] = await Promise.all([
    tx.trainingParticipant.findMany({
      where: { householdId },
      orderBy: [{ training: { startDate: "asc" } }, { id: "asc" }],
      select: {
        id: true,
        completion: true,
        certificateNo: true,
        status: true,
        member: { select: { name: true } },
        attendances: { select: { id: true, present: true } },
        followUps: { orderBy: { monthsAfter: "asc" }, select: { id: true, monthsAfter: true, outcome: true, note: true } },
        training: { select: { skill: true, startDate: true, endDate: true, opd: { select: { shortName: true } }, programme: { select: { name: true } } } },
      },
    }),
    tx.aidDistribution.findMany({
      where: { householdId },
      orderBy: [{ distributedAt: "asc" }, { id: "asc" }],
      select: {
        id: true,
        kind: true,
        items: true,
        quantity: true,
        value: true,
        distributedAt: true,
        status: true,
        bpjsNumber: true,
        coverageStart: true,
        coverageEnd: true,
        member: { select: { name: true } },
        opd: { select: { shortName: true } },
        programme: { select: { name: true } },
      },
    }),
    // A loan may be recorded before its borrower is linked to the registry: found by NIK too.
    tx.loan.findMany({
      where: { OR: [{ householdId }, ...(memberIds.length ? [{ memberId: { in: memberIds } }, { borrowerNik: { in: niks } }] : [])] },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      include: { fund: { select: { year: true, kelurahanId: true } }, repayments: { orderBy: [{ paidAt: "asc" }, { id: "asc" }] } },
    }),
    tx.personalDataDisclosure.findMany({
      where: { householdId },
      orderBy: { auditLogId: "asc" },
      select: { auditLog: { select: { id: true, createdAt: true, userId: true, entity: true, after: true } } },
    }),
    loadKelurahanLabel(tx),
  ]);

  // The records whose audit rows concern this household, by entity.
  const concerned: Record<string, string[]> = {
    Household: [householdId],
    Member: memberIds,
    HouseholdStatusEvent: household.statusEvents.map((event) => event.id),
    HouseholdDesilChange: household.desilChanges.map((change) => change.id),
    ChangeRequest: household.changeRequests.map((request) => request.id),
    TrainingParticipant: trainings.map((participant) => participant.id),
    TrainingAttendance: trainings.flatMap((participant) => participant.attendances.map((day) => day.id)),
    TrainingFollowUp: trainings.flatMap((participant) => participant.followUps.map((followUp) => followUp.id)),
    AidDistribution: aid.map((distribution) => distribution.id),
    Loan: loans.map((loan) => loan.id),
    Repayment: loans.flatMap((loan) => loan.repayments.map((repayment) => repayment.id)),
  };
  // Cards and members merged into these: their own audit rows are under their old ids.
  const merged = await mergedInto(tx, { Household: [householdId], Member: memberIds });
  concerned.Household!.push(...merged.Household);
  concerned.Member!.push(...merged.Member);
  const audited = await tx.auditLog.findMany({
    where: { OR: Object.entries(concerned).flatMap(([entity, ids]) => (ids.length ? [{ entity, entityId: { in: ids } }] : [])) },
    orderBy: { id: "desc" },
    take: PROCESSING_LIMIT + 1,
    select: { id: true, createdAt: true, userId: true, action: true, entity: true, entityId: true },
  });
  const truncated = audited.length > PROCESSING_LIMIT;
  const rows = audited.slice(0, PROCESSING_LIMIT).reverse();

  const userIds = new Set<string>();
  for (const row of rows) if (row.userId) userIds.add(row.userId);
  for (const { auditLog } of disclosures) if (auditLog.userId) userIds.add(auditLog.userId);
  for (const request of household.changeRequests) {
    userIds.add(request.proposedById);
    if (request.decidedById) userIds.add(request.decidedById);
  }
  const users = userIds.size ? await tx.user.findMany({ where: { id: { in: [...userIds] } }, select: { id: true, name: true, role: true } }) : [];
  const byId = new Map(users.map((user) => [user.id, { name: user.name, role: user.role }]));
  // A user since removed, or of the platform, is shown as unknown.
  const actor = (id: string | null): Actor => (id ? (byId.get(id) ?? null) : null);

  return {
    household: {
      id: household.id,
      noKk: household.noKk,
      registrySource: household.registrySource,
      registryId: household.registryId,
      address: household.address,
      rt: household.rt,
      rw: household.rw,
      kecamatan: household.kecamatan.name,
      kelurahan: kelurahanLabel(household.kelurahanId),
      desil: household.desil,
      isExtremePoor: household.isExtremePoor,
      status: household.status,
      createdAt: household.createdAt,
      updatedAt: household.updatedAt,
    },
    members: household.members.map((member) => ({
      id: member.id,
      nik: member.nik,
      name: member.name,
      sex: member.sex,
      birthPlace: member.birthPlace,
      birthDate: member.birthDate,
      relation: member.relation,
      education: member.education,
      occupation: member.occupation,
      disability: member.disability,
    })),
    statusEvents: household.statusEvents.map((event) => ({
      id: event.id,
      fromStatus: event.fromStatus,
      toStatus: event.toStatus,
      toExtremePoor: event.toExtremePoor,
      effectiveDate: event.effectiveDate,
      reason: event.reason,
      source: event.source,
    })),
    desilChanges: household.desilChanges.map((change) => ({
      id: change.id,
      fromDesil: change.fromDesil,
      toDesil: change.toDesil,
      effectiveDate: change.effectiveDate,
      source: change.source,
    })),
    changeRequests: household.changeRequests.map((request) => ({
      id: request.id,
      kind: request.kind,
      status: request.status,
      note: request.note,
      proposedBy: actor(request.proposedById),
      decidedBy: actor(request.decidedById),
      decidedAt: request.decidedAt,
      decisionReason: request.decisionReason,
      createdAt: request.createdAt,
    })),
    trainings: trainings.map((participant) => ({
      id: participant.id,
      memberName: participant.member.name,
      opd: participant.training.opd.shortName,
      programme: participant.training.programme.name,
      skill: participant.training.skill,
      startDate: participant.training.startDate,
      endDate: participant.training.endDate,
      completion: participant.completion,
      certificateNo: participant.certificateNo,
      status: participant.status,
      daysPresent: participant.attendances.filter((day) => day.present).length,
      daysRecorded: participant.attendances.length,
      followUps: participant.followUps.map(({ monthsAfter, outcome, note }) => ({ monthsAfter, outcome, note })),
    })),
    aid: aid.map((distribution) => ({
      id: distribution.id,
      memberName: distribution.member?.name ?? null,
      opd: distribution.opd.shortName,
      programme: distribution.programme.name,
      kind: distribution.kind,
      items: distribution.items,
      quantity: distribution.quantity,
      value: distribution.value,
      distributedAt: distribution.distributedAt,
      status: distribution.status,
      bpjsNumber: distribution.bpjsNumber,
      coverageStart: distribution.coverageStart,
      coverageEnd: distribution.coverageEnd,
    })),
    loans: loans.map((loan) => ({
      id: loan.id,
      borrowerName: loan.borrowerName,
      borrowerNik: loan.borrowerNik,
      kelurahan: kelurahanLabel(loan.fund.kelurahanId),
      fundYear: loan.fund.year,
      round: loan.round,
      businessType: loan.businessType,
      purpose: loan.purpose,
      principal: loan.principal,
      tenorMonths: loan.tenorMonths,
      status: loan.status,
      disbursedAt: loan.disbursedAt,
      principalRepaid: loan.principalRepaid,
      feePaid: loan.feePaid,
    })),
    repayments: loans.flatMap((loan) =>
      loan.repayments.map((repayment) => ({
        id: repayment.id,
        loanId: loan.id,
        paidAt: repayment.paidAt,
        amount: repayment.amount,
        principalPart: repayment.principalPart,
        feePart: repayment.feePart,
        receiptNo: repayment.receiptNo,
      })),
    ),
    reveals: rows
      .filter((row) => row.action === VIEW_PERSONAL_ACTION && row.entity === "Household")
      .map((row) => ({ id: String(row.id), at: row.createdAt, by: actor(row.userId) })),
    exports: disclosures.map(({ auditLog }) => ({
      id: String(auditLog.id),
      at: auditLog.createdAt,
      by: actor(auditLog.userId),
      entity: auditLog.entity,
      file: exportFile(auditLog.after),
    })),
    processing: rows
      .filter((row) => row.action !== VIEW_PERSONAL_ACTION)
      .map((row) => ({ id: String(row.id), at: row.createdAt, by: actor(row.userId), action: row.action, entity: row.entity, entityId: row.entityId })),
    truncated,
  };
}

/** The file name an export's audit row records (lib/spreadsheet/export.ts). */
function exportFile(after: unknown): string | null {
  const file = after && typeof after === "object" && "file" in after ? (after as { file: unknown }).file : null;
  return typeof file === "string" ? file : null;
}

/** The ids of the records merged into these, and into those, as the merges' audit rows name them. */
async function mergedInto(tx: Tx, kept: { Household: string[]; Member: string[] }): Promise<{ Household: string[]; Member: string[] }> {
  const found = { Household: [] as string[], Member: [] as string[] };
  const seen = new Set([...kept.Household, ...kept.Member]);
  let frontier = kept;
  // Each round follows one more generation of merges; a chain longer than this is not a family's.
  for (let round = 0; round < 20 && frontier.Household.length + frontier.Member.length > 0; round += 1) {
    const rows = await tx.auditLog.findMany({
      where: {
        action: MERGE_ACTION,
        OR: (["Household", "Member"] as const).flatMap((entity) => (frontier[entity].length ? [{ entity, entityId: { in: frontier[entity] } }] : [])),
      },
      select: { entity: true, after: true },
    });
    const next = { Household: [] as string[], Member: [] as string[] };
    for (const row of rows) {
      const id = (row.after as { mergedId?: unknown } | null)?.mergedId;
      if (typeof id !== "string" || seen.has(id) || (row.entity !== "Household" && row.entity !== "Member")) continue;
      seen.add(id);
      next[row.entity].push(id);
      found[row.entity].push(id);
    }
    frontier = next;
  }
  return found;
}
