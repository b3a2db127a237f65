// The registry's own cell readings (sex, relation, education, disability, desil, flags,
// RT/RW); the generic ones (text, IDs, dates, numbers, formulas) are in lib/spreadsheet/cells.
import type { Disability, Education, FamilyRelation, Sex } from "@/lib/generated/prisma/enums";
import { cellCode, cellInteger, matchKey as key, truncate, type Cell, type CellResult } from "@/lib/spreadsheet/cells";
import { wordsMessage } from "@/lib/errors/words-message";

const ok = <T>(value: T): CellResult<T> => ({ ok: true, value });
const fail = <T>(reason: string): CellResult<T> => ({ ok: false, reason });

export function cellDesil(cell: Cell): CellResult<number | null> {
  const value = cellInteger(cell, "DESIL");
  if (!value.ok || value.value === null) return value;
  return value.value >= 1 && value.value <= 10 ? value : fail(wordsMessage("RegistryImport.input.desilRange", { written: value.value }));
}

/** Words compared without case, spaces or punctuation. */

function lookup<T>(table: Record<string, T>, cell: Cell, column: string, what: string): CellResult<T | null> {
  const text = cellCode(cell, column);
  if (!text.ok) return text;
  if (text.value === "" || text.value === "-") return ok(null);
  const found = table[key(text.value)];
  return found === undefined ? fail(wordsMessage("RegistryImport.input.unknownValue", { column: what, written: truncate(text.value) })) : ok(found);
}

const SEXES: Record<string, Sex> = {
  L: "MALE",
  LK: "MALE",
  LAKILAKI: "MALE",
  LAKI: "MALE",
  PRIA: "MALE",
  M: "MALE",
  MALE: "MALE",
  "1": "MALE",
  P: "FEMALE",
  PR: "FEMALE",
  PEREMPUAN: "FEMALE",
  WANITA: "FEMALE",
  W: "FEMALE",
  F: "FEMALE",
  FEMALE: "FEMALE",
  "2": "FEMALE",
};

export function cellSex(cell: Cell): CellResult<Sex | null> {
  return lookup(SEXES, cell, "JENIS KELAMIN", "Jenis kelamin");
}

// SHDK as printed on the kartu keluarga, and the DTKS numeric codes 1–10.
const RELATIONS: Record<string, FamilyRelation> = {
  KEPALAKELUARGA: "HEAD",
  KEPALA: "HEAD",
  KK: "HEAD",
  KRT: "HEAD",
  KEPALARUMAHTANGGA: "HEAD",
  "1": "HEAD",
  ISTRI: "SPOUSE",
  ISTERI: "SPOUSE",
  SUAMI: "SPOUSE",
  SUAMIISTRI: "SPOUSE",
  ISTRISUAMI: "SPOUSE",
  PASANGAN: "SPOUSE",
  "2": "SPOUSE",
  ANAK: "CHILD",
  ANAKKANDUNG: "CHILD",
  ANAKTIRI: "CHILD",
  ANAKANGKAT: "CHILD",
  "3": "CHILD",
  MENANTU: "CHILD_IN_LAW",
  "4": "CHILD_IN_LAW",
  CUCU: "GRANDCHILD",
  "5": "GRANDCHILD",
  ORANGTUA: "PARENT",
  AYAH: "PARENT",
  IBU: "PARENT",
  "6": "PARENT",
  MERTUA: "PARENT_IN_LAW",
  "7": "PARENT_IN_LAW",
  FAMILILAIN: "OTHER_RELATIVE",
  FAMILI: "OTHER_RELATIVE",
  KELUARGALAIN: "OTHER_RELATIVE",
  "8": "OTHER_RELATIVE",
  PEMBANTU: "HOUSEHOLD_HELPER",
  PEMBANTURUMAHTANGGA: "HOUSEHOLD_HELPER",
  ART: "HOUSEHOLD_HELPER",
  "9": "HOUSEHOLD_HELPER",
  LAINNYA: "OTHER",
  LAIN: "OTHER",
  LAINLAIN: "OTHER",
  "10": "OTHER",
};

export function cellRelation(cell: Cell): CellResult<FamilyRelation | null> {
  return lookup(RELATIONS, cell, "HUB KELUARGA", "Hubungan keluarga");
}

// Dukcapil's education labels and the usual short forms.
const EDUCATION: Record<string, Education> = {
  TIDAKBELUMSEKOLAH: "NONE",
  TIDAKSEKOLAH: "NONE",
  BELUMSEKOLAH: "NONE",
  TIDAKPERNAHSEKOLAH: "NONE",
  TIDAKADA: "NONE",
  BELUMTAMATSDSEDERAJAT: "NOT_FINISHED_SD",
  BELUMTAMATSD: "NOT_FINISHED_SD",
  TIDAKTAMATSD: "NOT_FINISHED_SD",
  TAMATSDSEDERAJAT: "SD",
  SD: "SD",
  SDSEDERAJAT: "SD",
  TAMATSD: "SD",
  SDMI: "SD",
  SLTPSEDERAJAT: "SMP",
  SMP: "SMP",
  SLTP: "SMP",
  SMPSEDERAJAT: "SMP",
  SMPMTS: "SMP",
  TAMATSMP: "SMP",
  SLTASEDERAJAT: "SMA",
  SMA: "SMA",
  SLTA: "SMA",
  SMK: "SMA",
  SMASEDERAJAT: "SMA",
  SMASMKMA: "SMA",
  SMASMK: "SMA",
  TAMATSMA: "SMA",
  DIPLOMAIII: "DIPLOMA",
  DIPLOMA: "DIPLOMA",
  D1: "DIPLOMA",
  D2: "DIPLOMA",
  D3: "DIPLOMA",
  DIPLOMAI: "DIPLOMA",
  DIPLOMAII: "DIPLOMA",
  AKADEMIDIPLOMAIIISMUDA: "DIPLOMA",
  DIPLOMAIVSTRATAI: "BACHELOR",
  S1: "BACHELOR",
  D4: "BACHELOR",
  STRATAI: "BACHELOR",
  SARJANA: "BACHELOR",
  DIPLOMAIV: "BACHELOR",
  STRATAII: "POSTGRADUATE",
  STRATAIII: "POSTGRADUATE",
  S2: "POSTGRADUATE",
  S3: "POSTGRADUATE",
  PASCASARJANA: "POSTGRADUATE",
};

export function cellEducation(cell: Cell): CellResult<Education | null> {
  return lookup(EDUCATION, cell, "PENDIDIKAN", "Pendidikan");
}

const NO_DISABILITY = new Set(["TIDAK", "TIDAKADA", "BUKAN", "NON", "N", "T", "0", "TIDAKDISABILITAS", "BUKANDISABILITAS"]);
const DISABILITIES: Record<string, Disability> = {
  FISIK: "PHYSICAL",
  DISABILITASFISIK: "PHYSICAL",
  TUNADAKSA: "PHYSICAL",
  DAKSA: "PHYSICAL",
  INTELEKTUAL: "INTELLECTUAL",
  DISABILITASINTELEKTUAL: "INTELLECTUAL",
  TUNAGRAHITA: "INTELLECTUAL",
  GRAHITA: "INTELLECTUAL",
  MENTAL: "MENTAL",
  DISABILITASMENTAL: "MENTAL",
  JIWA: "MENTAL",
  PSIKOSOSIAL: "MENTAL",
  SENSORIK: "SENSORY",
  DISABILITASSENSORIK: "SENSORY",
  TUNANETRA: "SENSORY",
  NETRA: "SENSORY",
  TUNARUNGU: "SENSORY",
  RUNGU: "SENSORY",
  TUNAWICARA: "SENSORY",
  WICARA: "SENSORY",
  TUNARUNGUWICARA: "SENSORY",
  GANDA: "MULTIPLE",
  MULTI: "MULTIPLE",
  DISABILITASGANDA: "MULTIPLE",
  GANDAMULTI: "MULTIPLE",
};

export function cellDisability(cell: Cell): CellResult<Disability | null> {
  const text = cellCode(cell, "DISABILITAS");
  if (text.ok && NO_DISABILITY.has(key(text.value))) return ok(null);
  return lookup(DISABILITIES, cell, "DISABILITAS", "Disabilitas");
}

const YES = new Set(["YA", "Y", "1", "TRUE", "BENAR", "X", "V", "YES", "ADA", "MISKINEKSTREM", "MISKINEKSTRIM", "EKSTREM", "EKSTRIM", "P3KE"]);
/** The ticks of a checklist column, which have no letters to compare. */
const TICKS = new Set(["✓", "✔", "√", "☑", "✅"]);
const NO = new Set(["TIDAK", "T", "0", "FALSE", "BUKAN", "SALAH", "N", "NO", "TIDAKMISKINEKSTREM", "BUKANMISKINEKSTREM"]);

/** The extreme-poverty flag; empty means "not stated" and keeps what the registry has. */
export function cellFlag(cell: Cell, column: string): CellResult<boolean | null> {
  if (typeof cell === "boolean") return ok(cell);
  const text = cellCode(cell, column);
  if (!text.ok) return text;
  if (text.value === "" || text.value === "-") return ok(null);
  if (TICKS.has(text.value)) return ok(true);
  const value = key(text.value);
  if (YES.has(value)) return ok(true);
  if (NO.has(value)) return ok(false);
  return fail(wordsMessage("RegistryImport.input.yesNo", { column, written: truncate(text.value) }));
}

/** RT and RW as three digits ("1" → "001"), so a re-import of either form changes nothing. */
export function cellRtRw(cell: Cell, column: string): CellResult<string | null> {
  if (typeof cell === "number")
    return Number.isInteger(cell) && cell >= 0 && cell < 1000
      ? ok(String(cell).padStart(3, "0"))
      : fail(wordsMessage("RegistryImport.input.invalid", { column, written: cell }));
  const text = cellCode(cell, column);
  if (!text.ok) return text;
  const value = text.value;
  if (value === "" || value === "-") return ok(null);
  if (/^\d{1,3}$/.test(value)) return ok(value.padStart(3, "0"));
  if (value.length > 10) return fail(wordsMessage("RegistryImport.input.invalid", { column, written: truncate(value) }));
  return ok(value.toUpperCase());
}

/** "001/002", "1 / 2" → RT and RW. */
export function splitRtRw(cell: Cell): CellResult<{ rt: string | null; rw: string | null }> {
  const text = cellCode(cell, "RT/RW");
  if (!text.ok) return text;
  if (text.value === "" || text.value === "-") return ok({ rt: null, rw: null });
  const match = /^(\d{1,3})\s*[/\\-]\s*(\d{1,3})$/.exec(text.value);
  if (!match) return fail(wordsMessage("RegistryImport.input.rtRw", { written: truncate(text.value) }));
  return ok({ rt: match[1]!.padStart(3, "0"), rw: match[2]!.padStart(3, "0") });
}
