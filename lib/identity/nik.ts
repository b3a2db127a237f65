/**
 * NIK (Nomor Induk Kependudukan) and No. KK (kartu keluarga number): 16 digits each.
 *
 * NIK:   PPKKCC DDMMYY SSSS — region (province, kota/kabupaten, kecamatan), birth date with
 *        day + 40 for women, serial.
 * No. KK: PPKKCC DDMMYY SSSS — region, issue date (no sex offset), serial.
 *
 * A refusal names its catalogue words (Validation.nik, Validation.noKk), said in the reader's language.
 */
import type { Sex } from "@/lib/generated/prisma/enums";
import { existingDate } from "@/lib/calendar/days";

const FEMALE_DAY_OFFSET = 40;

/** A refusal's `key` names its words in both languages. */
export type ParseResult<T> = { ok: true; value: T } | { ok: false; key: string };

export type ParsedNik = {
  /** Kecamatan digits, e.g. "527101". */
  regionCode: string;
  birthDate: Date;
  sex: Sex;
  serial: number;
};

export type ParsedNoKk = {
  regionCode: string;
  issueDate: Date;
  serial: number;
};

export const NIK_REASONS = {
  format: "Validation.nik.format",
  region: "Validation.nik.region",
  birthDate: "Validation.nik.birthDate",
  serial: "Validation.nik.serial",
} as const;

export const NO_KK_REASONS = {
  format: "Validation.noKk.format",
  region: "Validation.noKk.region",
  issueDate: "Validation.noKk.issueDate",
  serial: "Validation.noKk.serial",
} as const;

/**
 * The six NIK region digits from a Kemendagri code of a kecamatan or kelurahan
 * ("52.71.01" or "52.71.01.1001" → "527101").
 */
export function nikRegionCode(areaCode: string): string {
  const digits = areaCode.split(".").slice(0, 3).join("");
  if (!/^\d{6}$/.test(digits)) throw new Error(`Not a kecamatan or kelurahan code: ${areaCode}`);
  return digits;
}

/**
 * Reads a NIK. The two-digit year gives the latest birth date not after `today`, so people
 * aged 100 and over are read a century too young: the NIK cannot tell them apart.
 */
export function parseNik(nik: string, today: Date = new Date()): ParseResult<ParsedNik> {
  const value = nik.trim();
  if (!/^\d{16}$/.test(value)) return fail(NIK_REASONS.format);
  const regionCode = value.slice(0, 6);
  if (!isValidRegion(regionCode)) return fail(NIK_REASONS.region);

  const encodedDay = Number(value.slice(6, 8));
  const sex: Sex = encodedDay > FEMALE_DAY_OFFSET ? "FEMALE" : "MALE";
  const day = sex === "FEMALE" ? encodedDay - FEMALE_DAY_OFFSET : encodedDay;
  const birthDate = dateFromParts(day, Number(value.slice(8, 10)), Number(value.slice(10, 12)), today);
  if (!birthDate) return fail(NIK_REASONS.birthDate);

  const serial = Number(value.slice(12));
  if (serial === 0) return fail(NIK_REASONS.serial);
  return { ok: true, value: { regionCode, birthDate, sex, serial } };
}

/** Reads a No. KK; the issue year is resolved like a NIK's birth year. */
export function parseNoKk(noKk: string, today: Date = new Date()): ParseResult<ParsedNoKk> {
  const value = noKk.trim();
  if (!/^\d{16}$/.test(value)) return fail(NO_KK_REASONS.format);
  const regionCode = value.slice(0, 6);
  if (!isValidRegion(regionCode)) return fail(NO_KK_REASONS.region);

  const issueDate = dateFromParts(Number(value.slice(6, 8)), Number(value.slice(8, 10)), Number(value.slice(10, 12)), today);
  if (!issueDate) return fail(NO_KK_REASONS.issueDate);

  const serial = Number(value.slice(12));
  if (serial === 0) return fail(NO_KK_REASONS.serial);
  return { ok: true, value: { regionCode, issueDate, serial } };
}

/**
 * Whether the NIK's date digits fit a birth date (and, when given, the sex). Compares the
 * digits rather than a parsed date, so it holds for any age.
 */
export function nikMatchesBirthDate(nik: string, birthDate: Date, sex?: Sex): boolean {
  const digits = nik.trim().slice(6, 12);
  if (sex) return digits === encodeDate(birthDate, sex === "FEMALE" ? FEMALE_DAY_OFFSET : 0);
  return digits === encodeDate(birthDate, 0) || digits === encodeDate(birthDate, FEMALE_DAY_OFFSET);
}

export type GenerateNikInput = {
  /** Six digits ("527101") or a kecamatan/kelurahan code ("52.71.01.1001"). */
  regionCode: string;
  birthDate: Date;
  sex: Sex;
  /** 1–9999, unique among people of the same region, birth date and sex. */
  serial: number;
};

export function generateNik({ regionCode, birthDate, sex, serial }: GenerateNikInput): string {
  const offset = sex === "FEMALE" ? FEMALE_DAY_OFFSET : 0;
  return normaliseRegion(regionCode) + encodeDate(birthDate, offset) + encodeSerial(serial);
}

export type GenerateNoKkInput = {
  regionCode: string;
  issueDate: Date;
  /** 1–9999, unique among cards of the same region and issue date. */
  serial: number;
};

export function generateNoKk({ regionCode, issueDate, serial }: GenerateNoKkInput): string {
  return normaliseRegion(regionCode) + encodeDate(issueDate, 0) + encodeSerial(serial);
}

/** The one mask of a NIK or No. KK (lib/privacy/person-view.ts): the last four digits only. */
export { maskNumber as maskNik } from "@/lib/privacy/person-view";

function fail<T>(key: string): ParseResult<T> {
  return { ok: false, key };
}

function isValidRegion(regionCode: string): boolean {
  const province = Number(regionCode.slice(0, 2));
  return province >= 11 && regionCode.slice(2, 4) !== "00" && regionCode.slice(4, 6) !== "00";
}

function normaliseRegion(regionCode: string): string {
  const digits = /^\d{6}$/.test(regionCode) ? regionCode : nikRegionCode(regionCode);
  if (!isValidRegion(digits)) throw new Error(`Invalid region code: ${regionCode}`);
  return digits;
}

function encodeDate(date: Date, dayOffset: number): string {
  return pad(date.getUTCDate() + dayOffset, 2) + pad(date.getUTCMonth() + 1, 2) + pad(date.getUTCFullYear() % 100, 2);
}

function encodeSerial(serial: number): string {
  if (!Number.isInteger(serial) || serial < 1 || serial > 9999) throw new Error(`Serial out of range: ${serial}`);
  return pad(serial, 4);
}

/**
 * A UTC date from day, month and two-digit year, or null when no such date exists. The
 * century is the one giving the latest date not after `today`.
 */
function dateFromParts(day: number, month: number, twoDigitYear: number, today: Date): Date | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const currentYear = today.getUTCFullYear();
  const year = currentYear - (currentYear % 100) + twoDigitYear;
  const thisCentury = existingDate(year, month, day);
  if (thisCentury && thisCentury.getTime() <= today.getTime()) return thisCentury;
  return existingDate(year - 100, month, day);
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, "0");
}
