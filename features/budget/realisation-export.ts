// The realisation list as .xlsx/.csv, in the scope of the budget page:
// an OPD role exports its own OPD, city-wide readers every OPD or the one in ?opd=;
// ?tahun= narrows to a fiscal year, ?pos= to one budget line. Its ID POS ANGGARAN, PROGRAM,
// KODE SUB KEGIATAN, POS ANGGARAN, KODE REKENING, TAHUN, BULAN, NO SP2D/SPJ, JUMLAH and CATATAN
// columns read back into the import (the line by its ID, which its codes must agree with); the
// import passes over the rest.
import { programmeScope, programmeWhere } from "@/lib/auth/scope";
import { parseYearParam } from "@/lib/calendar/fiscal-year";
import type { ExportSpec } from "@/lib/spreadsheet/export";

const STATUS = { DRAFT: "DRAF", VERIFIED: "TERVERIFIKASI" } as const;

export const realisationExport: ExportSpec<RealisationExportRow> = {
  page: "budget",
  lists: "figures",
  entity: "BudgetRealisation",
  fileName: "realisasi-anggaran",
  batch: (tx, { user, search, after, take }) => {
    const year = parseYearParam(search.get("tahun") ?? undefined);
    const line = search.get("pos");
    return tx.budgetRealisation.findMany({
      where: {
        ...(after ? { id: { gt: after } } : {}),
        ...(line ? { budgetLineId: line } : {}),
        budgetLine: { programme: { ...programmeWhere(programmeScope(user), search.get("opd")), ...(year ? { fiscalYear: year } : {}) } },
      },
      select: {
        id: true,
        month: true,
        amount: true,
        referenceNo: true,
        note: true,
        status: true,
        reversesId: true,
        createdAt: true,
        budgetLine: {
          select: {
            id: true,
            description: true,
            accountCode: true,
            programme: { select: { name: true, sipdCode: true, fiscalYear: true, opd: { select: { shortName: true } } } },
          },
        },
      },
      orderBy: { id: "asc" },
      take,
    });
  },
  cursor: (row) => row.id,
  columns: [
    { header: "ID POS ANGGARAN", type: "text", value: (row) => row.budgetLine.id },
    { header: "OPD", value: (row) => row.budgetLine.programme.opd.shortName },
    { header: "PROGRAM", value: (row) => row.budgetLine.programme.name },
    { header: "KODE SUB KEGIATAN", type: "text", value: (row) => row.budgetLine.programme.sipdCode },
    { header: "POS ANGGARAN", value: (row) => row.budgetLine.description },
    { header: "KODE REKENING", type: "text", value: (row) => row.budgetLine.accountCode },
    { header: "TAHUN", type: "integer", value: (row) => row.budgetLine.programme.fiscalYear },
    { header: "BULAN", type: "integer", value: (row) => row.month },
    { header: "NO SP2D/SPJ", type: "text", value: (row) => row.referenceNo },
    { header: "JUMLAH", type: "money", value: (row) => row.amount },
    { header: "CATATAN", value: (row) => row.note },
    { header: "STATUS", value: (row) => STATUS[row.status] },
    { header: "PEMBALIKAN DARI", type: "text", value: (row) => row.reversesId },
    { header: "ID ENTRI", type: "text", value: (row) => row.id },
    { header: "DICATAT", type: "date", value: (row) => row.createdAt },
  ],
};

type RealisationExportRow = {
  id: string;
  month: number;
  amount: bigint;
  referenceNo: string | null;
  note: string | null;
  status: keyof typeof STATUS;
  reversesId: string | null;
  createdAt: Date;
  budgetLine: {
    id: string;
    description: string;
    accountCode: string | null;
    programme: { name: string; sipdCode: string | null; fiscalYear: number; opd: { shortName: string } };
  };
};
