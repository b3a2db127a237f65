// Bulk entry of aid hand-overs from .xlsx/.csv: each row becomes a DRAFT through
// createDistribution, so the OPD scope, the programme's fiscal year, "not in the future",
// housing's CSR partner and the BPJS premium rules are exactly those of the form. Nothing
// counts until the OPD head verifies it. The OPD is the importer's own, never the file's.
//
// Policies:
// - The recipient is named by NIK (the member, and so the household) or No. KK, or both
//   (then the NIK must belong to that KK); a number outside this city's registry is "not found",
//   and a member who died or moved out on or before the row's date is refused.
// - PROGRAM is a programme of the importer's OPD by its ID (the programme page's address)
//   or its name; a name used in several years means the one of the hand-over's year.
// - POS ANGGARAN, optional, is a budget line of that programme by its ID or its description;
//   the row's NILAI is then held to the line's pagu as the form's is.
// - Idempotency: NOMOR BUKTI (the BAST or receipt number) is required. A row whose proof
//   number, household and date match a hand-over the OPD already recorded (not cancelled
//   by a verified reversal) is rejected as "already recorded", so uploading the same file
//   twice writes nothing new. A later row of the same file that repeats an earlier one is
//   rejected the same way.
// - The same kind of aid to the same household in the same year (any OPD) is not an error:
//   the dry run notes it beside the row. A commit saves such rows, marked
//   duplicateAcknowledged, only when the importer ticked "import anyway"
//   (acknowledgeDuplicates); without the tick they are rejected with the warning as reason.
import type { ActionContext } from "@/lib/actions/define";
import { wordsOfMessage } from "@/lib/actions/error-words";
import { wordedError, wordsMessage } from "@/lib/errors/worded";
import { lockName } from "@/lib/db/locks";
import type { AidKind } from "@/lib/generated/prisma/enums";
import type { Rupiah } from "@/lib/money";
import { writerOpdId } from "@/lib/auth/scope";
import { matchImportedNumbers } from "@/lib/privacy/number-lookup";
import { maskNumber } from "@/lib/privacy/person-view";
import { dateToDay } from "@/lib/calendar/days";
import { cellCode, cellDate, cellId, cellInteger, cellRupiah, cellText, cellYearMonth, matchKey, truncate, type CellResult } from "@/lib/spreadsheet/cells";
import type { ImportColumn } from "@/lib/spreadsheet/columns";
import { acceptRow, rejectRow, RowRefused, type RowValues, type SaveRowContext } from "@/lib/spreadsheet/table-import";
import { defineTableImport } from "@/lib/spreadsheet/table-import-job";
import { aidRoutes } from "@/features/aid/routes";
import { descriptionKey } from "@/features/programmes/budget-lines";
import { assertCurrentMember, departureSelect } from "@/features/registry/members/current-member";
import { z } from "@/lib/validation/zod";
import { createDistribution } from "./distributions";
import { aidKindLabel, duplicateLine } from "./labels";
import { earlierAidOf } from "./same-kind-this-year";
import { entryWithProof } from "./proof-numbers";
import { createDistributionSchema } from "./schemas";
import { KPJ_NUMBER } from "./bpjs-rules";
import { REACH_SUMMARIES } from "@/lib/db/refresh-statistics";

export const DISTRIBUTION_COLUMNS = [
  {
    key: "programme",
    header: "PROGRAM",
    aliases: ["NAMA PROGRAM", "ID PROGRAM", "KODE PROGRAM"],
    required: true,
    example: "Bantuan Peralatan Kerja bagi Lulusan Pelatihan",
  },
  { key: "nik", header: "NIK", aliases: ["NIK PENERIMA", "NO NIK", "NOMOR INDUK KEPENDUDUKAN"], example: "5271014505900001" },
  { key: "noKk", header: "NO KK", aliases: ["NOMOR KK", "NO KARTU KELUARGA", "NOMOR KARTU KELUARGA", "KK"], example: "" },
  { key: "kind", header: "JENIS", aliases: ["JENIS BANTUAN"], required: true, example: "Bantuan peralatan" },
  {
    key: "items",
    header: "BANTUAN",
    aliases: ["BARANG", "URAIAN", "URAIAN BANTUAN", "BARANG ATAU BANTUAN", "NAMA BARANG"],
    required: true,
    example: "1 unit mesin jahit, 1 unit mesin obras",
  },
  { key: "quantity", header: "JUMLAH", aliases: ["JML", "KUANTITAS", "VOLUME"], example: "1" },
  { key: "value", header: "NILAI", aliases: ["NILAI (RP)", "NILAI BANTUAN", "NILAI RUPIAH", "HARGA"], required: true, example: "4.750.000" },
  { key: "date", header: "TANGGAL", aliases: ["TANGGAL PENYERAHAN", "TGL PENYERAHAN", "TGL", "TANGGAL PENYALURAN"], required: true, example: "12-08-2024" },
  { key: "proofRef", header: "NOMOR BUKTI", aliases: ["NO BUKTI", "NOMOR BAST", "NO BAST", "BUKTI"], required: true, example: "BAST/027/2024" },
  { key: "budgetLine", header: "POS ANGGARAN", aliases: ["ID POS ANGGARAN", "URAIAN POS ANGGARAN"], example: "" },
  { key: "partner", header: "MITRA", aliases: ["MITRA CSR", "NAMA MITRA"], example: "" },
  { key: "months", header: "BULAN PREMI", aliases: ["JUMLAH BULAN", "JUMLAH BULAN PREMI"], example: "" },
  {
    key: "bpjsNumber",
    header: "NOMOR KPJ",
    aliases: ["NO KPJ", "KPJ", "NOMOR BPJS KETENAGAKERJAAN", "NO BPJS KETENAGAKERJAAN", "NOMOR PESERTA BPJS"],
    example: "",
  },
  { key: "coverageStart", header: "MULAI KEPESERTAAN", aliases: ["BULAN MULAI", "MULAI PREMI", "BULAN MULAI PREMI", "MULAI KEPESERTAAN BPJS"], example: "" },
  { key: "premium", header: "PREMI PER BULAN", aliases: ["PREMI BULANAN", "IURAN PER BULAN", "IURAN BULANAN"], example: "" },
  { key: "handedOverBy", header: "PETUGAS", aliases: ["DISERAHKAN OLEH", "NAMA PETUGAS"], example: "Ibu Sri" },
  { key: "note", header: "CATATAN", aliases: ["KETERANGAN"], example: "" },
] as const satisfies readonly ImportColumn[];

type Key = (typeof DISTRIBUTION_COLUMNS)[number]["key"];

export type DistributionImportRow = {
  programme: string;
  nik: string | null;
  noKk: string | null;
  kind: AidKind;
  items: string;
  quantity: number;
  value: Rupiah;
  /** yyyy-mm-dd. */
  date: string;
  proofRef: string;
  /** The programme's budget line the aid is spent from: its id or description; optional. */
  budgetLine: string | null;
  partner: string | null;
  months: number | null;
  /** The KPJ number, digits only. */
  bpjsNumber: string | null;
  /** yyyy-mm. */
  coverageStart: string | null;
  premium: Rupiah | null;
  handedOverBy: string | null;
  note: string | null;
};

const KIND_WORDS: Record<AidKind, string[]> = {
  EQUIPMENT: ["PERALATAN", "PERALATAN KERJA", "ALAT", "ALAT KERJA", "TOOL KIT", "EQUIPMENT"],
  CAPITAL: ["MODAL USAHA", "MODAL", "CAPITAL"],
  FOOD: ["PANGAN", "SEMBAKO", "FOOD"],
  SEEDLINGS: ["BIBIT", "SEEDLINGS"],
  HOUSING: ["RUMAH LAYAK HUNI", "RLH", "RUTILAHU", "BEDAH RUMAH", "HOUSING"],
  INSURANCE_PREMIUM: ["PREMI BPJS KETENAGAKERJAAN", "BPJS KETENAGAKERJAAN", "PREMI BPJS", "BPJS TK", "BPJS", "INSURANCE PREMIUM"],
  CASH: ["TUNAI", "BLT", "CASH"],
  OTHER: ["LAIN", "LAINNYA", "LAIN LAIN", "OTHER"],
};

const KINDS_BY_WORD = new Map<string, AidKind>(
  (Object.entries(KIND_WORDS) as [AidKind, string[]][]).flatMap(([kind, words]) =>
    [aidKindLabel(kind), kind, ...words, ...words.map((word) => `BANTUAN ${word}`)].map((word) => [matchKey(word), kind] as const),
  ),
);

/** "Bantuan peralatan", "peralatan", "RLH", "BPJS", "EQUIPMENT" → the kind. */
export function parseAidKind(text: string): AidKind | null {
  return KINDS_BY_WORD.get(matchKey(text)) ?? null;
}

export function parseDistributionRow(values: RowValues<Key>, _rowNumber?: number, today: Date = new Date()) {
  const reasons: string[] = [];
  // undefined: the cell was refused (its reason is given); null or "": the cell is empty.
  const take = <T>(result: CellResult<T>): T | undefined => {
    if (result.ok) return result.value;
    reasons.push(result.reason);
    return undefined;
  };
  const programme = take(cellText(values.programme, "PROGRAM"));
  const nik = take(cellId(values.nik, "NIK"));
  const noKk = take(cellId(values.noKk, "NO KK"));
  const kindText = take(cellCode(values.kind, "JENIS"));
  const items = take(cellText(values.items, "BANTUAN"));
  const quantity = take(cellInteger(values.quantity, "JUMLAH"));
  const value = take(cellRupiah(values.value, "NILAI"));
  const date = values.date === null || (typeof values.date === "string" && values.date.trim() === "") ? null : take(cellDate(values.date, "TANGGAL", today));
  const proofRef = take(cellText(values.proofRef, "NOMOR BUKTI"));
  const budgetLine = take(cellText(values.budgetLine, "POS ANGGARAN")) || null;
  const partner = take(cellText(values.partner, "MITRA")) || null;
  const months = take(cellInteger(values.months, "BULAN PREMI"));
  const bpjsNumber = take(cellId(values.bpjsNumber, "NOMOR KPJ"));
  const coverageStart = take(cellYearMonth(values.coverageStart, "MULAI KEPESERTAAN"));
  const premium = take(cellRupiah(values.premium, "PREMI PER BULAN"));
  const handedOverBy = take(cellText(values.handedOverBy, "PETUGAS")) || null;
  const note = take(cellText(values.note, "CATATAN")) || null;

  if (programme === "") reasons.push(wordsMessage("Aid.input.rowProgrammeRequired"));
  if (nik === "" && noKk === "") reasons.push(wordsMessage("Aid.input.rowRecipientRequired"));
  if (nik && !/^\d{16}$/.test(nik)) reasons.push(wordsMessage("Aid.input.rowNikFormat", { written: truncate(nik) }));
  if (noKk && !/^\d{16}$/.test(noKk)) reasons.push(wordsMessage("Aid.input.rowNoKkFormat", { written: truncate(noKk) }));
  // The number itself is not repeated: the report is kept and shown to others.
  if (bpjsNumber && !KPJ_NUMBER.test(bpjsNumber)) reasons.push(wordsMessage("Aid.input.rowKpjFormat"));
  const kind = kindText ? parseAidKind(kindText) : null;
  if (kindText === "") reasons.push(wordsMessage("Aid.input.rowKindRequired"));
  else if (kindText && !kind) {
    reasons.push(
      wordsMessage("Aid.input.rowKindUnknown", { written: truncate(kindText), kinds: (Object.keys(KIND_WORDS) as AidKind[]).map(aidKindLabel).join(", ") }),
    );
  }
  if (items === "") reasons.push(wordsMessage("Aid.input.rowItemsRequired"));
  if (quantity !== undefined && quantity !== null && quantity < 1) reasons.push(wordsMessage("Aid.input.rowQuantityMin"));
  if (value === null) reasons.push(wordsMessage("Aid.input.rowValueRequired"));
  if (date === null) reasons.push(wordsMessage("Aid.input.rowDateRequired"));
  if (proofRef === "") reasons.push(wordsMessage("Aid.input.rowProofRequired"));

  if (
    reasons.length > 0 ||
    !programme ||
    !kind ||
    !items ||
    quantity === undefined ||
    !value ||
    !date ||
    !proofRef ||
    months === undefined ||
    bpjsNumber === undefined ||
    coverageStart === undefined ||
    premium === undefined
  ) {
    return rejectRow(...reasons);
  }
  return acceptRow<DistributionImportRow>({
    programme,
    nik: nik || null,
    noKk: noKk || null,
    kind,
    items,
    quantity: quantity ?? 1,
    value,
    date: dateToDay(date),
    proofRef,
    budgetLine,
    partner,
    months,
    bpjsNumber: bpjsNumber || null,
    coverageStart,
    premium,
    handedOverBy,
    note,
  });
}

/** The programme a row names, among the importer's own OPD's: by id, else by name (the hand-over's year first). */
async function programmeOf({ tx }: ActionContext, opdId: string, row: DistributionImportRow): Promise<string> {
  const matches = await tx.programme.findMany({
    where: { opdId, OR: [{ id: row.programme }, { name: { equals: row.programme, mode: "insensitive" } }] },
    select: { id: true, fiscalYear: true },
    orderBy: { fiscalYear: "desc" },
  });
  const year = Number(row.date.slice(0, 4));
  const match = matches.find((programme) => programme.id === row.programme) ?? matches.find((programme) => programme.fiscalYear === year) ?? matches[0];
  if (!match) throw wordedError("NOT_FOUND", "Aid.errors.importProgrammeNotFound", { programme: truncate(row.programme) });
  return match.id;
}

/** The budget line a row names, among its programme's: by id, else by description. */
async function budgetLineOf({ tx }: ActionContext, programmeId: string, row: DistributionImportRow): Promise<string | null> {
  if (!row.budgetLine) return null;
  const lines = await tx.budgetLine.findMany({
    where: { programmeId, OR: [{ id: row.budgetLine }, { descriptionKey: descriptionKey(row.budgetLine) }] },
    select: { id: true },
  });
  const byId = lines.find((line) => line.id === row.budgetLine);
  if (byId) return byId.id;
  if (lines.length > 1) {
    throw wordedError("INVALID", "Aid.errors.importLineAmbiguous", { line: truncate(row.budgetLine) });
  }
  if (!lines[0]) throw wordedError("NOT_FOUND", "Aid.errors.importLineNotFound", { line: truncate(row.budgetLine) });
  return lines[0].id;
}

/** The household (and member, when a NIK is given) a row names, in this city's registry. */
async function recipientOf({ tx }: ActionContext, row: DistributionImportRow): Promise<{ householdId: string; memberId: string | null }> {
  const household = row.noKk ? await tx.household.findFirst({ where: { noKk: row.noKk }, select: { id: true } }) : null;
  if (row.noKk && !household) throw wordedError("NOT_FOUND", "Aid.errors.importNoKkNotFound", { noKk: maskNumber(row.noKk) });
  if (!row.nik) return { householdId: household!.id, memberId: null };
  const member = await tx.member.findFirst({ where: { nik: row.nik }, select: { id: true, householdId: true, ...departureSelect } });
  if (!member) throw wordedError("NOT_FOUND", "Aid.errors.importNikNotFound", { nik: maskNumber(row.nik) });
  // Before the duplicate-kind warning, which would otherwise be the row's only reason.
  assertCurrentMember(member, row.date, "nik");
  if (household && member.householdId !== household.id) {
    throw wordedError("INVALID", "Aid.errors.importNikNotOfKk", { nik: row.nik, noKk: row.noKk ?? "" });
  }
  return { householdId: member.householdId, memberId: member.id };
}

async function assertNotRecorded({ tx, tenantId }: ActionContext, opdId: string, householdId: string, row: DistributionImportRow) {
  const earlier = await entryWithProof(tx, { tenantId, opdId, householdId, kind: row.kind, distributedAt: row.date, proofRef: row.proofRef });
  if (earlier) {
    throw wordedError("CONFLICT", "Aid.errors.importRecorded", { proofRef: row.proofRef, status: earlier.status });
  }
}

// The form's words for a premium's fields, as the file names them.
const IN_THE_FILES_WORDS: Record<string, string> = {
  "Aid.input.premiumNeedsMember": "Aid.input.rowPremiumNeedsNik",
  "Aid.input.monthsRequired": "Aid.input.rowMonthsRequired",
  "Aid.input.kpjNeeded": "Aid.input.rowKpjNeeded",
  "Aid.input.coverageStartRequired": "Aid.input.rowCoverageStartRequired",
  "Aid.input.valueNotPremiumTimesMonths": "Aid.input.rowValueNotPremiumTimesMonths",
};

/** The schema's refusals of a row, each once, in the file's words where the form's differ. */
function rowIssues(error: z.ZodError): string[] {
  return [
    ...new Set(
      error.issues.map((issue) => {
        const words = wordsOfMessage(issue.message);
        const inTheFile = words && IN_THE_FILES_WORDS[words.key];
        return inTheFile ? wordsMessage(inTheFile, words.params) : issue.message;
      }),
    ),
  ];
}

async function saveDistributionRow(ctx: ActionContext, row: DistributionImportRow, _rowNumber: number, upload: SaveRowContext<ImportOptions>) {
  const opdId = writerOpdId(ctx.user);
  const programmeId = await programmeOf(ctx, opdId, row);
  const budgetLineId = await budgetLineOf(ctx, programmeId, row);
  const recipient = await recipientOf(ctx, row);
  await assertNotRecorded(ctx, opdId, recipient.householdId, row);

  const parsed = createDistributionSchema.safeParse({
    programmeId,
    budgetLineId: budgetLineId ?? "",
    householdId: recipient.householdId,
    memberId: recipient.memberId ?? "",
    kind: row.kind,
    items: row.items,
    quantity: row.quantity,
    value: row.value,
    distributedAt: row.date,
    handedOverBy: row.handedOverBy ?? "",
    proofRef: row.proofRef,
    partnerName: row.partner ?? "",
    monthsCovered: row.months ?? "",
    bpjsNumber: row.bpjsNumber ?? "",
    coverageStart: row.coverageStart ?? "",
    premiumPerMonth: row.premium ?? "",
    note: row.note ?? "",
    acknowledgeDuplicate: true,
  });
  // The form's own rules, in the file's words: housing needs MITRA, premiums a NIK, BULAN PREMI,
  // NOMOR KPJ and MULAI KEPESERTAAN, and a NILAI of PREMI PER BULAN × BULAN PREMI.
  if (!parsed.success) throw new RowRefused(rowIssues(parsed.error));

  const year = Number(row.date.slice(0, 4));
  const earlier = await earlierAidOf(ctx.tx, { ...parsed.data, year });
  if (earlier.length > 0) {
    const warning = { kind: row.kind, year, earlier: earlier.map(duplicateLine).join("; ") };
    if (!upload.options.acknowledgeDuplicates) {
      if (upload.mode === "commit") {
        throw wordedError("CONFLICT", "Aid.errors.importDuplicateRefused", { kind: row.kind, year, earlier: earlier.map(duplicateLine).join("; ") });
      }
      upload.note(wordsMessage("Aid.input.rowDuplicateUnticked", warning));
    } else {
      upload.note(wordsMessage("Aid.input.rowDuplicateSaved", warning));
    }
  }
  return createDistribution(ctx, parsed.data);
}

/** "on", "1", "true": the importer ticked "import anyway". */
const ticked = z.preprocess((value) => value === true || value === "1" || value === "on" || value === "true", z.boolean());
const importOptions = { acknowledgeDuplicates: ticked };
type ImportOptions = { acknowledgeDuplicates: boolean };

export const importDistributionsDefinition = defineTableImport({
  name: "aid.import",
  permission: "entry:write",
  columns: DISTRIBUTION_COLUMNS,
  parseRow: (values, rowNumber) => parseDistributionRow(values, rowNumber),
  options: importOptions,
  resolve: async (ctx, rows) => {
    // An account without an OPD is refused once, before any row; two imports of the same OPD
    // run one after the other, so "already recorded" holds between them too.
    const opdId = writerOpdId(ctx.user);
    await lockName(ctx.tx, `aid.import:${ctx.tenantId}:${opdId}`);
    // Numbers that name no one count against the uploader's lookup budget, dry runs included.
    return matchImportedNumbers(ctx.tx, {
      viewer: ctx.user,
      tenantId: ctx.tenantId,
      requestId: ctx.requestId,
      purpose: "aid.import",
      rows: rows.flatMap(({ rowNumber, value }) => [
        ...(value.nik ? [{ rowNumber, number: value.nik, column: "NIK" }] : []),
        ...(value.noKk ? [{ rowNumber, number: value.noKk, column: "NO KK" }] : []),
      ]),
      known: async (numbers) => {
        const [members, households] = await Promise.all([
          ctx.tx.member.findMany({ where: { nik: { in: numbers } }, select: { nik: true } }),
          ctx.tx.household.findMany({ where: { noKk: { in: numbers } }, select: { noKk: true } }),
        ]);
        return new Set([...members.map((m) => m.nik), ...households.map((h) => h.noKk)]);
      },
    });
  },
  saveRow: saveDistributionRow,
  writes: ["AidDistribution", ...REACH_SUMMARIES],
  taskRoute: aidRoutes.importTask,
});
