// Participant lists as .xlsx/.csv, in the scope of the training pages: an OPD role exports
// its own OPD, city-wide readers every OPD or the one in ?opd=; ?tahun= narrows to a fiscal
// year, ?pelatihan= to one training. NIK and No. KK stay masked as in every list: the full
// numbers are on the household page only.
import { programmeScope, programmeWhere } from "@/lib/auth/scope";
import { parseYearParam } from "@/lib/calendar/fiscal-year";
import { maskNik } from "@/lib/identity/nik";
import type { ExportSpec } from "@/lib/spreadsheet/export";

const STATUS = { DRAFT: "DRAF", VERIFIED: "TERVERIFIKASI" } as const;
const COMPLETION = { ENROLLED: "TERDAFTAR", COMPLETED: "LULUS", DROPPED: "KELUAR" } as const;

type Row = {
  id: string;
  completion: keyof typeof COMPLETION;
  certificateNo: string | null;
  status: keyof typeof STATUS;
  dropReason: string | null;
  householdId: string;
  member: { name: string; nik: string };
  household: { noKk: string; desil: number | null; isExtremePoor: boolean };
  training: { id: string; skill: string; startDate: Date; endDate: Date; cancelledAt: Date | null; programme: { name: string; opd: { shortName: string } } };
};

export const participantExport: ExportSpec<Row> = {
  page: "trainings",
  lists: "people",
  entity: "TrainingParticipant",
  fileName: "peserta-pelatihan",
  batch: (tx, { user, search, after, take }) => {
    const year = parseYearParam(search.get("tahun") ?? undefined);
    const training = search.get("pelatihan");
    return tx.trainingParticipant.findMany({
      where: {
        ...(after ? { id: { gt: after } } : {}),
        ...(training ? { trainingId: training } : {}),
        training: { programme: { ...programmeWhere(programmeScope(user), search.get("opd")), ...(year ? { fiscalYear: year } : {}) } },
      },
      select: {
        id: true,
        completion: true,
        certificateNo: true,
        status: true,
        dropReason: true,
        householdId: true,
        member: { select: { name: true, nik: true } },
        household: { select: { noKk: true, desil: true, isExtremePoor: true } },
        training: {
          select: {
            id: true,
            skill: true,
            startDate: true,
            endDate: true,
            cancelledAt: true,
            programme: { select: { name: true, opd: { select: { shortName: true } } } },
          },
        },
      },
      orderBy: { id: "asc" },
      take,
    });
  },
  cursor: (row) => row.id,
  householdId: (row) => row.householdId,
  columns: [
    { header: "ID PELATIHAN", type: "text", value: (row) => row.training.id },
    { header: "OPD", value: (row) => row.training.programme.opd.shortName },
    { header: "PROGRAM", value: (row) => row.training.programme.name },
    { header: "KETERAMPILAN", value: (row) => row.training.skill },
    { header: "MULAI", type: "date", value: (row) => row.training.startDate },
    { header: "SELESAI", type: "date", value: (row) => row.training.endDate },
    { header: "NAMA", value: (row) => row.member.name },
    { header: "NIK (DISAMARKAN)", type: "text", value: (row) => maskNik(row.member.nik) },
    { header: "NO KK (DISAMARKAN)", type: "text", value: (row) => maskNik(row.household.noKk) },
    { header: "DESIL", type: "integer", value: (row) => row.household.desil },
    { header: "MISKIN EKSTREM", value: (row) => (row.household.isExtremePoor ? "YA" : "TIDAK") },
    { header: "KELULUSAN", value: (row) => COMPLETION[row.completion] },
    { header: "NO SERTIFIKAT", type: "text", value: (row) => row.certificateNo },
    { header: "STATUS", value: (row) => (row.training.cancelledAt ? "PELATIHAN DIBATALKAN" : STATUS[row.status]) },
    { header: "ALASAN KELUAR", value: (row) => row.dropReason },
  ],
};
