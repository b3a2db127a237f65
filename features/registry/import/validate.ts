// Validates an extract row by row as it streams in, then household by household once every
// row is known (household columns repeat on each member's row, in any order). A rejected
// row never stops the others: it is reported with every reason that applies.
//
// A household with a rejected member row still imports with its valid members; the bad row
// is reported, to be fixed and imported again. Household-level faults (unknown kelurahan,
// conflicting household columns, a refused head row) reject the household's rows. A family
// without a head row may still be a registry family gaining members: the database decides
// (families.ts).
import type { Disability, Education, FamilyRelation, Sex } from "@/lib/generated/prisma/enums";
import { dateToDay, todayIn } from "@/lib/calendar/days";
import { OLDEST_AGE_YEARS, birthDateProblem } from "@/lib/identity/birth-date";
import { nikMatchesBirthDate, nikRegionCode, parseNik, parseNoKk } from "@/lib/identity/nik";
import type { RejectedRow } from "@/lib/spreadsheet/table-import";
import { ambiguousKelurahanReason, areaKey, type AreaMatcher, type KelurahanRef } from "./areas";
import {
  cellCode,
  cellDate,
  cellDisplay,
  cellId,
  cellText,
  cleanText,
  formatDmy,
  idCellShown,
  isEmptyCell,
  storedValue,
  type Cell,
  type CellResult,
} from "@/lib/spreadsheet/cells";
import { cellDesil, cellDisability, cellEducation, cellFlag, cellRelation, cellRtRw, cellSex, splitRtRw } from "./cells";
import { COLUMN_BY_KEY, headerScore, mapHeaders, type ColumnKey, type HeaderMapping } from "./columns";
import { ImportFileError, type SheetRow, type SpreadsheetFormat } from "@/lib/spreadsheet/read";
import { excerpt } from "@/lib/spreadsheet/upload-limits";
import { isTemplateExample } from "./template-example";
import { wordsMessage, wordsParam } from "@/lib/errors/words-message";
import { copyField } from "@/lib/db/copy-text";
import { TextStore } from "./text-store";

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

/** A member's fields, in the order the staging tables take them (store.ts). */
export type MemberFields = {
  nik: string;
  noKk: string;
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

/**
 * A valid member row. Its fields are kept as one line of COPY text (memberLine) in the check's
 * TextStore, not as an object of eleven strings: 300,000 of them are held until the whole
 * file is read.
 */
export class StagedMember {
  constructor(
    readonly rowNumber: number,
    readonly noKk: string,
    private readonly texts: TextStore,
    private readonly id: number,
  ) {}

  /** nik … disability as COPY text. */
  get line(): string {
    return this.texts.get(this.id);
  }
}

/** nik, noKk, name, sex, birthPlace, birthDate, relation, education, occupation, disability as COPY text. */
export function memberLine(member: MemberFields): string {
  return [
    member.nik,
    member.noKk,
    member.name,
    member.sex,
    member.birthPlace,
    member.birthDate,
    member.relation,
    member.education,
    member.occupation,
    member.disability,
  ]
    .map(copyField)
    .join("\t");
}

/**
 * A row imported all the same, with something the user should know; the page words it in the
 * user's language. `nikOutsideCity`: the NIK was issued in `region` (its first six digits).
 */
export type RowWarning = { rowNumber: number; kind: "nikOutsideCity"; region: string };
type Warning = Omit<RowWarning, "rowNumber">;

export type ValidatedExtract = {
  headers: string[];
  headerRowNumber: number;
  ignoredColumns: string[];
  households: StagedHousehold[];
  members: StagedMember[];
  rejected: RejectedRow[];
  warnings: RowWarning[];
  /** Data rows read (empty rows and repeated header rows not counted). */
  totalRows: number;
  skippedRows: number;
  /** The cells of a row as shown (excerpts), for a row refused later with its family. */
  cellsOf: (rowNumber: number) => string[];
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
  /** The registry's families, loaded only for a file without a No. KK column (P3KE's). */
  knownFamilies?: () => Promise<KnownFamilies>;
};

/** The No. KK of the registry's families by their ID (DTSEN/DTKS/P3KE) and by their members' NIK. */
export type KnownFamilies = { byRegistryId: Map<string, string>; byNik: Map<string, string> };

type HouseholdFields = {
  registryId: string | null;
  address: string | null;
  rt: string | null;
  rw: string | null;
  desil: number | null;
  isExtremePoor: boolean | null;
  kecamatan: string | null;
  kelurahan: string | null;
  areaCode: string | null;
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
  areaCode: COLUMN_BY_KEY.areaCode.header,
};

type PendingRow = {
  rowNumber: number;
  /** The row's cells as shown, joined by SEPARATOR, in the check's TextStore. */
  display: number;
  /** The family's own key string: one per family, not one per row. */
  noKk: string | null;
  /** The member as COPY text (memberLine) in the TextStore, while the row is valid; -1 for none. */
  member: number;
  /** Null for the many rows without one. */
  reasons: string[] | null;
  /** Null for the many rows without one. */
  warnings: Warning[] | null;
};

/**
 * A family's values as its rows arrive: the first value of each field and the row that gave
 * it, and its rows (indexes into the pending rows). Each row is checked against it as it is
 * read, so no row keeps its own copy of the family's columns.
 */
type FamilyDraft = { noKk: string; values: HouseholdFields; source: Partial<Record<HouseholdField, number>>; rows: number[] };

const addReasons = (row: PendingRow, ...reasons: string[]) => {
  if (reasons.length === 0) return;
  row.reasons ??= [];
  row.reasons.push(...reasons);
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
  let known: KnownFamilies | null = null;
  const pending: PendingRow[] = [];
  const firstRowOfNik = new Map<string, number>();
  const headRowsOfKk = new Map<string, number[]>();
  const families = new Map<string, FamilyDraft>();
  const texts = new TextStore();
  const cityToday = todayIn(context.timeZone ?? "Asia/Jayapura", today);

  for await (const raw of rows) {
    seen += 1;
    const row: SheetRow = { rowNumber: raw.rowNumber, cells: raw.cells.map(storedValue) };
    if (row.cells.every(isEmptyCell)) {
      if (mapping) skippedRows += 1;
      continue;
    }
    const display = row.cells.map((cell) => cleanText(cellDisplay(cell)));
    if (!mapping) {
      if (headerScore(display) >= 3) {
        const result = mapHeaders(display);
        if (!result.ok) throw new ImportFileError(...result.errors);
        mapping = result.mapping;
        headers = display;
        headerRowNumber = row.rowNumber;
        if (mapping.indexByKey.noKk === undefined) known = (await context.knownFamilies?.()) ?? { byRegistryId: new Map(), byNik: new Map() };
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
    showIdsAsSeen(display, row, mapping);
    const parsed = parseRow(row, mapping, context, today, cityToday, previousNoKk, known);
    previousNoKk = parsed.noKk ?? previousNoKk;
    if (parsed.member) {
      const first = firstRowOfNik.get(parsed.member.nik);
      if (first !== undefined) parsed.reasons.push(wordsMessage("RegistryImport.input.nikRepeated", { row: first }));
      else firstRowOfNik.set(parsed.member.nik, row.rowNumber);
    }
    if (parsed.noKk && parsed.relation === "HEAD") {
      const heads = headRowsOfKk.get(parsed.noKk) ?? [];
      if (heads.length > 0) parsed.reasons.push(wordsMessage("RegistryImport.input.secondHead", { row: heads[0]! }));
      heads.push(row.rowNumber);
      headRowsOfKk.set(parsed.noKk, heads);
    }
    const pendingRow: PendingRow = {
      rowNumber: row.rowNumber,
      // Only a rejected row's excerpt is ever shown: the whole text of every row is not kept.
      display: texts.add(display.map((cell) => excerpt(cell)).join(SEPARATOR)),
      noKk: null,
      member: parsed.reasons.length === 0 && parsed.member ? texts.add(memberLine(parsed.member)) : -1,
      reasons: parsed.reasons.length > 0 ? parsed.reasons : null,
      warnings: parsed.warnings.length > 0 ? parsed.warnings : null,
    };
    if (parsed.noKk) {
      let family = families.get(parsed.noKk);
      if (!family) {
        family = { noKk: parsed.noKk, values: emptyFields(), source: {}, rows: [] };
        families.set(parsed.noKk, family);
      }
      pendingRow.noKk = family.noKk;
      family.rows.push(pending.length);
      // Rows already rejected for their own faults do not set the household's values.
      if (!pendingRow.reasons) addReasons(pendingRow, ...mergeFamilyFields(family, parsed.fields, row.rowNumber));
    }
    pending.push(pendingRow);
    if (pending.length % 5000 === 0) context.onRows?.(pending.length);
  }
  if (!mapping) {
    throw new ImportFileError(wordsMessage("RegistryImport.errors.headerNotFound"));
  }
  context.onRows?.(pending.length);

  const households = assembleHouseholds(pending, families, headRowsOfKk, context);
  const members: StagedMember[] = [];
  const rejected: RejectedRow[] = [];
  const warnings: RowWarning[] = [];
  for (const row of pending) {
    if (row.reasons || row.member < 0 || !row.noKk) {
      rejected.push({ rowNumber: row.rowNumber, reasons: row.reasons ?? [], cells: texts.get(row.display).split(SEPARATOR) });
    } else {
      members.push(new StagedMember(row.rowNumber, row.noKk, texts, row.member));
      for (const warning of row.warnings ?? []) warnings.push({ rowNumber: row.rowNumber, ...warning });
    }
  }
  return {
    headers,
    headerRowNumber,
    ignoredColumns: mapping.ignored,
    households,
    members,
    rejected,
    warnings,
    totalRows: pending.length,
    skippedRows,
    cellsOf: rowCells(pending, texts),
  };
}

/** Looks rows up by number; the index is built on the first call only (most checks never call it). */
function rowCells(pending: PendingRow[], texts: TextStore): (rowNumber: number) => string[] {
  let byNumber: Map<number, PendingRow> | null = null;
  return (rowNumber) => {
    byNumber ??= new Map(pending.map((row) => [row.rowNumber, row]));
    const row = byNumber.get(rowNumber);
    return row ? texts.get(row.display).split(SEPARATOR) : [];
  };
}

type ParsedRow = {
  noKk: string | null;
  relation: FamilyRelation | null;
  member: MemberFields | null;
  fields: HouseholdFields;
  reasons: string[];
  warnings: Warning[];
};

/**
 * NIK and No. KK as the file showed them, for the refused-rows file: a number Excel cut to 15
 * digits is written as Excel showed it, never as a 16-digit ID that would pass a re-import.
 */
function showIdsAsSeen(display: string[], row: SheetRow, mapping: HeaderMapping): void {
  for (const key of ["nik", "noKk"] as const) {
    const index = mapping.indexByKey[key];
    if (index !== undefined && index < display.length) display[index] = cleanText(idCellShown(row.cells[index] ?? null));
  }
}

function parseRow(
  row: SheetRow,
  mapping: HeaderMapping,
  context: ValidateContext,
  today: Date,
  cityToday: string,
  previousNoKk: string | null,
  families: KnownFamilies | null,
): ParsedRow {
  const reasons: string[] = [];
  const warnings: Warning[] = [];
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
  if (families) {
    // Found below, from the row's ID or NIK.
  } else if (isEmptyCell(noKkCell)) {
    if (context.format === "xlsx" && previousNoKk) noKk = previousNoKk;
    else reasons.push(wordsMessage("RegistryImport.input.noKkEmpty"));
  } else {
    noKk = checkNoKk(take(cellId(noKkCell, "No. KK")), context, today, reasons);
  }

  const nikCell = cell("nik");
  let nik: string | null = null;
  if (isEmptyCell(nikCell)) reasons.push(wordsMessage("RegistryImport.input.nikEmpty"));
  else nik = checkNik(take(cellId(nikCell, "NIK")), context, today, reasons, warnings);
  if (families) noKk = knownNoKk(families, take(cellCode(cell("registryId"), FIELD_HEADER.registryId)), nik, reasons);

  const name = take(cellText(cell("name"), "NAMA"));
  if (name === "") reasons.push(wordsMessage("RegistryImport.input.nameEmpty"));
  if (isTemplateExample(name)) reasons.push(wordsMessage("RegistryImport.input.templateExample", { name: name ?? "" }));
  const sexResult = cellSex(cell("sex"));
  const sex = take(sexResult);
  if (sexResult.ok && sex === null) reasons.push(wordsMessage("RegistryImport.input.sexEmpty"));
  const birthDateCell = cell("birthDate");
  let birthDate: Date | null = null;
  if (isEmptyCell(birthDateCell)) reasons.push(wordsMessage("RegistryImport.input.birthDateEmpty"));
  else birthDate = take(cellDate(birthDateCell, "TANGGAL LAHIR", today));
  const birthProblem = birthDate && birthDateProblem(dateToDay(birthDate), cityToday);
  if (birthDate && birthProblem) {
    reasons.push(wordsMessage("RegistryImport.input.birthDateProblem", { date: formatDmy(birthDate), problem: birthProblem, years: OLDEST_AGE_YEARS }));
    birthDate = null;
  }
  const relationResult: CellResult<FamilyRelation | null> = mapping.headsOnly ? { ok: true, value: "HEAD" } : cellRelation(cell("relation"));
  const relation = take(relationResult);
  if (relationResult.ok && relation === null) reasons.push(wordsMessage("RegistryImport.input.relationEmpty"));

  if (nik && birthDate) {
    if (!nikMatchesBirthDate(nik, birthDate)) {
      reasons.push(wordsMessage("RegistryImport.input.birthDateNotNik", { date: formatDmy(birthDate), digits: nik.slice(6, 12) }));
    } else if (sex && !nikMatchesBirthDate(nik, birthDate, sex)) {
      reasons.push(sex === "FEMALE" ? wordsMessage("RegistryImport.input.sexFemaleMismatch") : wordsMessage("RegistryImport.input.sexMaleMismatch"));
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
  const areaCodeText = take(cellCode(cell("areaCode"), FIELD_HEADER.areaCode));
  const fields: HouseholdFields = {
    registryId: registryIdText || null,
    address: addressText || null,
    rt,
    rw,
    desil: take(cellDesil(cell("desil"))),
    isExtremePoor: take(cellFlag(cell("extremePoor"), "MISKIN EKSTREM")),
    kecamatan: kecamatanText || null,
    kelurahan: kelurahanText || null,
    areaCode: areaCodeText || null,
  };

  const member: MemberFields | null =
    nik && noKk && name && sex && birthDate && relation
      ? {
          nik,
          noKk,
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
  return { noKk, relation, member, fields, reasons, warnings };
}

/**
 * The No. KK of a row in a file without one (P3KE's): the registry's family of that ID, or
 * of that NIK. A family the registry does not have cannot be imported without its No. KK.
 */
function knownNoKk(families: KnownFamilies, registryId: string | null, nik: string | null, reasons: string[]): string | null {
  const found = (registryId ? families.byRegistryId.get(registryId) : undefined) ?? (nik ? families.byNik.get(nik) : undefined);
  if (found) return found;
  if (nik || registryId) {
    reasons.push(
      registryId
        ? wordsMessage("RegistryImport.input.familyUnknownById", { column: FIELD_HEADER.registryId, id: registryId })
        : wordsMessage("RegistryImport.input.familyUnknownByNik"),
    );
  }
  return null;
}

/** A No. KK: 16 digits, a real region and date, issued by this city (its first four digits). */
function checkNoKk(value: string | null, context: ValidateContext, today: Date, reasons: string[]): string | null {
  if (value === null) return null;
  const parsed = parseNoKk(value, today);
  if (!parsed.ok) {
    reasons.push(idReason(parsed.key, value));
    return null;
  }
  if (!value.startsWith(context.cityPrefix)) {
    reasons.push(wordsMessage("RegistryImport.input.noKkNotOfCity", { start: value.slice(0, 4), city: context.cityName, prefix: context.cityPrefix }));
    return null;
  }
  return value;
}

/**
 * A NIK: 16 digits, a real region and date. It is for life, so one issued elsewhere (a member
 * who moved in, married in) is taken, with a warning: the family's No. KK is what is the city's.
 */
function checkNik(value: string | null, context: ValidateContext, today: Date, reasons: string[], warnings: Warning[]): string | null {
  if (value === null) return null;
  const parsed = parseNik(value, today);
  if (!parsed.ok) {
    reasons.push(idReason(parsed.key, value));
    return null;
  }
  if (!value.startsWith(context.cityPrefix)) {
    warnings.push({ kind: "nikOutsideCity", region: value.slice(0, 6) });
  }
  return value;
}

/** The number's refusal (its catalogue key), with what was written unless it is only digits or too long to show. */
function idReason(key: string, value: string): string {
  return /^\d+$/.test(value) || value.length > 30
    ? wordsMessage(key)
    : wordsMessage("RegistryImport.input.idWritten", { why: wordsParam(key), written: value });
}

function emptyFields(): HouseholdFields {
  return { registryId: null, address: null, rt: null, rw: null, desil: null, isExtremePoor: null, kecamatan: null, kelurahan: null, areaCode: null };
}

/**
 * A usable row's household values into its family's: the first value given wins; each field a
 * later row says otherwise is a reason of its own (returned).
 */
function mergeFamilyFields(family: FamilyDraft, fields: HouseholdFields, rowNumber: number): string[] {
  const conflicts: string[] = [];
  const values = family.values as Record<HouseholdField, unknown>;
  for (const field of HOUSEHOLD_FIELDS) {
    const value = fields[field];
    if (value === null) continue;
    const current = values[field];
    if (current === null) {
      values[field] = value;
      family.source[field] = rowNumber;
    } else if (!sameFieldValue(field, current, value)) {
      conflicts.push(
        wordsMessage("RegistryImport.input.familyDiffers", {
          column: FIELD_HEADER[field],
          value: show(value),
          row: family.source[field]!,
          current: show(current),
        }),
      );
    }
  }
  return conflicts;
}

const HOUSEHOLD_FIELDS = Object.keys(FIELD_HEADER) as HouseholdField[];

/** The households of the file, once every row is read: a family refused as a whole refuses its rows. */
function assembleHouseholds(
  pending: PendingRow[],
  families: Map<string, FamilyDraft>,
  headRowsOfKk: Map<string, number[]>,
  context: ValidateContext,
): StagedHousehold[] {
  const households: StagedHousehold[] = [];
  for (const [noKk, family] of families) {
    const group = family.rows.map((index) => pending[index]!);
    const values = family.values;
    refuseFamilyOfRefusedHead(group, headRowsOfKk.get(noKk));
    const accepted = group.filter((row) => !row.reasons);
    if (accepted.length === 0) continue;

    const householdReasons: string[] = [];
    const area = values.areaCode ? areaByCode(values.areaCode, context) : areaByName(values, context);
    if (!area.ok) householdReasons.push(area.reason);
    const kecamatanRef = area.ok ? area.value.kecamatan : null;
    const kelurahanId = area.ok ? area.value.id : null;
    if (kecamatanRef && kelurahanId) {
      const region = nikRegionCode(kecamatanRef.code);
      if (noKk.slice(0, 6) !== region) {
        householdReasons.push(wordsMessage("RegistryImport.input.noKkOtherKecamatan", { code: noKk.slice(0, 6), kecamatan: kecamatanRef.name, region }));
      }
    }
    if (householdReasons.length > 0 || !kecamatanRef || !kelurahanId) {
      for (const row of accepted) addReasons(row, ...householdReasons);
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

/** The kelurahan a Kemendagri code names (P3KE's kode_kemdagri); names beside it are not read. */
function areaByCode(code: string, context: ValidateContext): CellResult<KelurahanRef> {
  const { found } = context.areas.kelurahan(code, null);
  return found
    ? { ok: true, value: found }
    : { ok: false, reason: wordsMessage("RegistryImport.input.areaCodeUnknown", { column: FIELD_HEADER.areaCode, code, city: context.cityName }) };
}

/** The kelurahan named so, within the KECAMATAN named when one is. */
function areaByName(values: HouseholdFields, context: ValidateContext): CellResult<KelurahanRef> {
  const kecamatan = values.kecamatan ? context.areas.kecamatan(values.kecamatan) : null;
  if (values.kecamatan && !kecamatan)
    return { ok: false, reason: wordsMessage("RegistryImport.input.kecamatanUnknown", { kecamatan: values.kecamatan, city: context.cityName }) };
  if (!values.kelurahan) return { ok: false, reason: wordsMessage("RegistryImport.input.kelurahanEmpty") };
  const { found, ambiguous, candidates } = context.areas.kelurahan(values.kelurahan, kecamatan);
  if (found) return { ok: true, value: found };
  if (ambiguous) return { ok: false, reason: ambiguousKelurahanReason(values.kelurahan, candidates) };
  return {
    ok: false,
    reason: kecamatan
      ? wordsMessage("RegistryImport.input.kelurahanNotInKecamatan", { kelurahan: values.kelurahan, kecamatan: kecamatan.name })
      : wordsMessage("RegistryImport.input.kelurahanUnknown", { kelurahan: values.kelurahan, city: context.cityName }),
  };
}

/**
 * A family whose head rows are all refused is refused whole: saved without its head, it would
 * be a family without one (or keep a head the file meant to replace).
 */
function refuseFamilyOfRefusedHead(group: PendingRow[], headRows: number[] | undefined): void {
  if (!headRows || headRows.length === 0) return;
  const heads = group.filter((row) => headRows.includes(row.rowNumber));
  if (heads.some((row) => !row.reasons)) return;
  const reason = wordsMessage("RegistryImport.input.headRefused", { row: headRows[0]! });
  for (const row of group) if (!row.reasons) addReasons(row, reason);
}

function sameFieldValue(field: HouseholdField, a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (field === "kecamatan" || field === "kelurahan") return areaKey(String(a)) === areaKey(String(b));
  if (field === "areaCode") return String(a).replace(/\D/g, "") === String(b).replace(/\D/g, "");
  if (field === "address") return String(a).toUpperCase().replace(/\s+/g, " ") === String(b).toUpperCase().replace(/\s+/g, " ");
  return a === b;
}

function show(value: unknown): string {
  if (value === true) return "YA";
  if (value === false) return "TIDAK";
  return String(value);
}
