// Validates an extract row by row as it streams in, then household by household once every
// row is known (household columns repeat on each member's row, in any order). A rejected
// row never stops the others: it is reported with every reason that applies.
//
// A household with a rejected member row still imports with its valid members; the bad row
// is reported, to be fixed and imported again. Household-level faults (unknown kelurahan,
// conflicting household columns, no head of household) reject the household's rows.
import type { Disability, Education, FamilyRelation, Sex } from "@/lib/generated/prisma/enums";
import { dateToDay, todayIn } from "@/lib/calendar/days";
import { OLDEST_AGE_YEARS, birthDateProblem } from "@/lib/identity/birth-date";
import { nikMatchesBirthDate, nikRegionCode, parseNik, parseNoKk } from "@/lib/identity/nik";
import type { RejectedRow } from "@/lib/spreadsheet/table-import";
import { areaKey, type AreaMatcher } from "./areas";
import { cellCode, cellDate, cellDisplay, cellId, cellText, cleanText, formatDmy, isEmptyCell, type Cell, type CellResult } from "@/lib/spreadsheet/cells";
import { cellDesil, cellDisability, cellEducation, cellFlag, cellRelation, cellRtRw, cellSex, splitRtRw } from "./cells";
import { COLUMN_BY_KEY, headerScore, mapHeaders, type ColumnKey, type HeaderMapping } from "./columns";
import { ImportFileError, type SheetRow, type SpreadsheetFormat } from "@/lib/spreadsheet/read";
import { excerpt } from "@/lib/spreadsheet/upload-limits";

export type StagedHousehold = {
  noKk: string;
  registryId: string | null;
  address: string | null;
  rt: string | null;
  rw: string | null;
  kecamatanId: string;
  kelurahanId: string;
  desil: number | null;
  isExtremePoor: boolean | null;
};

export type StagedMember = {
  nik: string;
  noKk: string;
  rowNumber: number;
  name: string;
  sex: Sex;
  birthPlace: string | null;
  /** yyyy-mm-dd */
  birthDate: string;
  relation: FamilyRelation;
  education: Education | null;
  occupation: string | null;
  disability: Disability | null;
};

export type ValidatedExtract = {
  headers: string[];
  headerRowNumber: number;
  ignoredColumns: string[];
  households: StagedHousehold[];
  members: StagedMember[];
  rejected: RejectedRow[];
  /** Data rows read (empty rows and repeated header rows not counted). */
  totalRows: number;
  skippedRows: number;
};

export type ValidateContext = {
  /** "5271": the city's Kemendagri code without the dot. */
  cityPrefix: string;
  cityName: string;
  areas: AreaMatcher;
  format: SpreadsheetFormat;
  today?: Date;
  /** The city's zone, for its today (birth dates); the easternmost zone when not given. */
  timeZone?: string;
  /** Called every few thousand rows with the rows read so far. */
  onRows?: (rows: number) => void;
};

type HouseholdFields = {
  registryId: string | null;
  address: string | null;
  rt: string | null;
  rw: string | null;
  desil: number | null;
  isExtremePoor: boolean | null;
  kecamatan: string | null;
  kelurahan: string | null;
};

type HouseholdField = keyof HouseholdFields;

const FIELD_HEADER: Record<HouseholdField, string> = {
  registryId: COLUMN_BY_KEY.registryId.header,
  address: "ALAMAT",
  rt: "RT",
  rw: "RW",
  desil: "DESIL",
  isExtremePoor: "MISKIN EKSTREM",
  kecamatan: "KECAMATAN",
  kelurahan: "KELURAHAN",
};

type PendingRow = {
  rowNumber: number;
  /** The row's cells as shown, joined by SEPARATOR: one string per row keeps memory low. */
  display: string;
  noKk: string | null;
  member: StagedMember | null;
  fields: HouseholdFields | null;
  reasons: string[];
};

const SEPARATOR = "\u0001";
const HEADER_SEARCH_ROWS = 30;

/** Reads and validates every row of an extract. Throws ImportFileError when the file as a whole is unusable. */
export async function validateExtract(rows: AsyncIterable<SheetRow>, context: ValidateContext): Promise<ValidatedExtract> {
  const today = context.today ?? new Date();
  let mapping: HeaderMapping | null = null;
  let headers: string[] = [];
  let headerRowNumber = 0;
  let seen = 0;
  let skippedRows = 0;
  let previousNoKk: string | null = null;
  const pending: PendingRow[] = [];
  const firstRowOfNik = new Map<string, number>();
  const headRowsOfKk = new Map<string, number[]>();

  for await (const row of rows) {
    seen += 1;
    if (row.cells.every(isEmptyCell)) {
      if (mapping) skippedRows += 1;
      continue;
    }
    const display = row.cells.map((cell) => cleanText(cellDisplay(cell)));
    if (!mapping) {
      if (headerScore(display) >= 3) {
        const result = mapHeaders(display);
        if (!result.ok) throw new ImportFileError(result.errors.join(" "));
        mapping = result.mapping;
        headers = display;
        headerRowNumber = row.rowNumber;
      } else if (seen > HEADER_SEARCH_ROWS) {
        break;
      }
      continue;
    }
    // A second header row (extracts pasted one under another) is not data.
    const nikText = display[mapping.indexByKey.nik!] ?? "";
    if (nikText.length < 20 && /[a-z]/i.test(nikText) && headerScore(display) >= 3) {
      skippedRows += 1;
      continue;
    }
    const parsed = parseRow(row, mapping, context, today, previousNoKk);
    previousNoKk = parsed.noKk ?? previousNoKk;
    if (parsed.member) {
      const first = firstRowOfNik.get(parsed.member.nik);
      if (first !== undefined) parsed.reasons.push(`NIK sama dengan baris ${first}; baris ini tidak diimpor`);
      else firstRowOfNik.set(parsed.member.nik, row.rowNumber);
    }
    if (parsed.noKk && parsed.relation === "HEAD") {
      const heads = headRowsOfKk.get(parsed.noKk) ?? [];
      if (heads.length > 0) parsed.reasons.push(`Kepala keluarga kedua untuk No. KK ini (kepala keluarga sudah ada di baris ${heads[0]})`);
      heads.push(row.rowNumber);
      headRowsOfKk.set(parsed.noKk, heads);
    }
    pending.push({
      rowNumber: row.rowNumber,
      // Only a rejected row's excerpt is ever shown: the whole text of every row is not kept.
      display: display.map((cell) => excerpt(cell)).join(SEPARATOR),
      noKk: parsed.noKk,
      member: parsed.reasons.length === 0 ? parsed.member : null,
      fields: parsed.fields,
      reasons: parsed.reasons,
    });
    if (pending.length % 5000 === 0) context.onRows?.(pending.length);
  }
  if (!mapping) {
    throw new ImportFileError("Baris judul kolom tidak ditemukan. Baris judul harus memuat kolom NIK, NO KK, NAMA, dan kolom lain seperti pada templat.");
  }
  context.onRows?.(pending.length);

  const households = assembleHouseholds(pending, headRowsOfKk, context);
  const members: StagedMember[] = [];
  const rejected: RejectedRow[] = [];
  for (const row of pending) {
    if (row.reasons.length > 0 || !row.member) {
      rejected.push({ rowNumber: row.rowNumber, reasons: row.reasons, cells: row.display.split(SEPARATOR) });
    } else {
      members.push(row.member);
    }
  }
  return {
    headers,
    headerRowNumber,
    ignoredColumns: mapping.ignored,
    households,
    members,
    rejected,
    totalRows: pending.length,
    skippedRows,
  };
}

type ParsedRow = {
  noKk: string | null;
  relation: FamilyRelation | null;
  member: StagedMember | null;
  fields: HouseholdFields | null;
  reasons: string[];
};

function parseRow(row: SheetRow, mapping: HeaderMapping, context: ValidateContext, today: Date, previousNoKk: string | null): ParsedRow {
  const reasons: string[] = [];
  const cell = (key: ColumnKey): Cell => {
    const index = mapping.indexByKey[key];
    return index === undefined ? null : (row.cells[index] ?? null);
  };
  const take = <T>(result: CellResult<T>): T | null => {
    if (result.ok) return result.value;
    reasons.push(result.reason);
    return null;
  };

  // No. KK. In an .xlsx a merged No. KK cell leaves the rows below it empty: they belong
  // to the household above.
  let noKk: string | null = null;
  const noKkCell = cell("noKk");
  if (isEmptyCell(noKkCell)) {
    if (context.format === "xlsx" && previousNoKk) noKk = previousNoKk;
    else reasons.push("No. KK kosong");
  } else {
    noKk = checkId(take(cellId(noKkCell, "No. KK")), "No. KK", context, today, reasons);
  }

  const nikCell = cell("nik");
  let nik: string | null = null;
  if (isEmptyCell(nikCell)) reasons.push("NIK kosong");
  else nik = checkId(take(cellId(nikCell, "NIK")), "NIK", context, today, reasons);

  const name = take(cellText(cell("name"), "NAMA"));
  if (name === "") reasons.push("NAMA kosong");
  const sexResult = cellSex(cell("sex"));
  const sex = take(sexResult);
  if (sexResult.ok && sex === null) reasons.push("JENIS KELAMIN kosong");
  const birthDateCell = cell("birthDate");
  let birthDate: Date | null = null;
  if (isEmptyCell(birthDateCell)) reasons.push("TANGGAL LAHIR kosong");
  else birthDate = take(cellDate(birthDateCell, "TANGGAL LAHIR", today));
  const birthProblem = birthDate && birthDateProblem(dateToDay(birthDate), todayIn(context.timeZone ?? "Asia/Jayapura", today));
  if (birthDate && birthProblem) {
    reasons.push(`TANGGAL LAHIR ${formatDmy(birthDate)} ${birthProblem === "future" ? "belum terjadi" : `lebih dari ${OLDEST_AGE_YEARS} tahun yang lalu`}`);
    birthDate = null;
  }
  const relationResult = cellRelation(cell("relation"));
  const relation = take(relationResult);
  if (relationResult.ok && relation === null) reasons.push("HUB KELUARGA kosong");

  if (nik && birthDate) {
    if (!nikMatchesBirthDate(nik, birthDate)) {
      reasons.push(`TANGGAL LAHIR ${formatDmy(birthDate)} tidak sesuai dengan NIK (digit 7–12: ${nik.slice(6, 12)})`);
    } else if (sex && !nikMatchesBirthDate(nik, birthDate, sex)) {
      reasons.push(
        sex === "FEMALE"
          ? "JENIS KELAMIN P tidak sesuai dengan NIK: untuk perempuan tanggal lahir pada NIK ditambah 40"
          : "JENIS KELAMIN L tidak sesuai dengan NIK: tanggal lahir pada NIK ditambah 40, tanda perempuan",
      );
    }
  }

  const birthPlace = take(cellText(cell("birthPlace"), "TEMPAT LAHIR"));
  const education = take(cellEducation(cell("education")));
  const occupation = take(cellText(cell("occupation"), "PEKERJAAN"));
  const disability = take(cellDisability(cell("disability")));

  let rt = take(cellRtRw(cell("rt"), "RT"));
  let rw = take(cellRtRw(cell("rw"), "RW"));
  if (mapping.indexByKey.rtRw !== undefined) {
    const both = take(splitRtRw(cell("rtRw")));
    rt ??= both?.rt ?? null;
    rw ??= both?.rw ?? null;
  }
  const registryIdText = take(cellCode(cell("registryId"), FIELD_HEADER.registryId));
  const addressText = take(cellText(cell("address"), "ALAMAT"));
  const kecamatanText = take(cellText(cell("kecamatan"), "KECAMATAN"));
  const kelurahanText = take(cellText(cell("kelurahan"), "KELURAHAN"));
  const fields: HouseholdFields = {
    registryId: registryIdText || null,
    address: addressText || null,
    rt,
    rw,
    desil: take(cellDesil(cell("desil"))),
    isExtremePoor: take(cellFlag(cell("extremePoor"), "MISKIN EKSTREM")),
    kecamatan: kecamatanText || null,
    kelurahan: kelurahanText || null,
  };

  const member: StagedMember | null =
    nik && noKk && name && sex && birthDate && relation
      ? {
          nik,
          noKk,
          rowNumber: row.rowNumber,
          name,
          sex,
          birthPlace: birthPlace || null,
          birthDate: birthDate.toISOString().slice(0, 10),
          relation,
          education,
          occupation: occupation || null,
          disability,
        }
      : null;
  return { noKk, relation, member, fields, reasons };
}

/** A NIK or No. KK: 16 digits, a real region and date, and this city's first four digits. */
function checkId(value: string | null, label: "NIK" | "No. KK", context: ValidateContext, today: Date, reasons: string[]): string | null {
  if (value === null) return null;
  const parsed = label === "NIK" ? parseNik(value, today) : parseNoKk(value, today);
  if (!parsed.ok) {
    reasons.push(/^\d+$/.test(value) || value.length > 30 ? parsed.reason : `${parsed.reason} (tertulis ${value})`);
    return null;
  }
  if (!value.startsWith(context.cityPrefix)) {
    reasons.push(`${label} ${value.slice(0, 4)}… bukan dari ${context.cityName}: 4 digit pertama harus ${context.cityPrefix}`);
    return null;
  }
  return value;
}

/** Household values from their rows: the first value given wins; a row that says otherwise is rejected. */
function assembleHouseholds(pending: PendingRow[], headRowsOfKk: Map<string, number[]>, context: ValidateContext): StagedHousehold[] {
  const groups = new Map<string, PendingRow[]>();
  for (const row of pending) {
    if (!row.noKk || !row.fields) continue;
    const group = groups.get(row.noKk) ?? [];
    group.push(row);
    groups.set(row.noKk, group);
  }

  const households: StagedHousehold[] = [];
  for (const [noKk, group] of groups) {
    const values: HouseholdFields = { registryId: null, address: null, rt: null, rw: null, desil: null, isExtremePoor: null, kecamatan: null, kelurahan: null };
    const source: Partial<Record<HouseholdField, number>> = {};
    // Rows already rejected for their own faults do not set the household's values.
    const usable = group.filter((row) => row.reasons.length === 0);
    for (const row of usable) {
      const conflicts: string[] = [];
      for (const field of Object.keys(values) as HouseholdField[]) {
        const value = row.fields![field];
        if (value === null) continue;
        const current = values[field];
        if (current === null) {
          (values as Record<HouseholdField, unknown>)[field] = value;
          source[field] = row.rowNumber;
        } else if (!sameFieldValue(field, current, value)) {
          conflicts.push(`${FIELD_HEADER[field]} (${show(value)}) berbeda dengan baris ${source[field]} (${show(current)})`);
        }
      }
      if (conflicts.length > 0) row.reasons.push(`Data keluarga tidak sama dengan baris lain No. KK ini: ${conflicts.join("; ")}`);
    }
    const accepted = usable.filter((row) => row.reasons.length === 0);
    if (accepted.length === 0) continue;

    const householdReasons: string[] = [];
    const kecamatan = values.kecamatan ? context.areas.kecamatan(values.kecamatan) : null;
    if (values.kecamatan && !kecamatan) householdReasons.push(`Kecamatan "${values.kecamatan}" tidak ada di ${context.cityName}`);
    let kelurahanId: string | null = null;
    let kecamatanRef = kecamatan;
    if (!values.kelurahan) {
      householdReasons.push("KELURAHAN kosong");
    } else if (!values.kecamatan || kecamatan) {
      const { found, ambiguous } = context.areas.kelurahan(values.kelurahan, kecamatan);
      if (found) {
        kelurahanId = found.id;
        kecamatanRef = found.kecamatan;
      } else if (ambiguous) {
        householdReasons.push(`Kelurahan "${values.kelurahan}" ada di beberapa kecamatan; isi kolom KECAMATAN`);
      } else {
        householdReasons.push(
          kecamatan
            ? `Kelurahan "${values.kelurahan}" tidak ada di Kecamatan ${kecamatan.name}`
            : `Kelurahan "${values.kelurahan}" tidak ada di ${context.cityName}`,
        );
      }
    }
    if (kecamatanRef && kelurahanId) {
      const region = nikRegionCode(kecamatanRef.code);
      if (noKk.slice(0, 6) !== region) {
        householdReasons.push(`No. KK berkode kecamatan ${noKk.slice(0, 6)}, bukan Kecamatan ${kecamatanRef.name} (${region})`);
      }
    }
    if (!headRowsOfKk.has(noKk)) {
      householdReasons.push("Keluarga ini tidak memiliki baris kepala keluarga (HUB KELUARGA = KEPALA KELUARGA)");
    }
    if (householdReasons.length > 0 || !kecamatanRef || !kelurahanId) {
      for (const row of accepted) row.reasons.push(...householdReasons);
      continue;
    }
    households.push({
      noKk,
      registryId: values.registryId,
      address: values.address,
      rt: values.rt,
      rw: values.rw,
      kecamatanId: kecamatanRef.id,
      kelurahanId,
      desil: values.desil,
      isExtremePoor: values.isExtremePoor,
    });
  }
  return households;
}

function sameFieldValue(field: HouseholdField, a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (field === "kecamatan" || field === "kelurahan") return areaKey(String(a)) === areaKey(String(b));
  if (field === "address") return String(a).toUpperCase().replace(/\s+/g, " ") === String(b).toUpperCase().replace(/\s+/g, " ");
  return a === b;
}

function show(value: unknown): string {
  if (value === true) return "YA";
  if (value === false) return "TIDAK";
  return String(value);
}
