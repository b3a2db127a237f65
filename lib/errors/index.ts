/**
 * The one error type that carries a message for the user. Anything else thrown inside a
 * server action is logged and answered with a generic message, never shown as is.
 */
export type AppErrorCode =
  | "NOT_FOUND"
  | "FORBIDDEN"
  | "INVALID"
  | "CONFLICT"
  | "UNAUTHENTICATED"
  /** The user still signs in with the password an admin gave them. */
  | "PASSWORD_CHANGE_REQUIRED"
  | "RATE_LIMITED"
  /** Someone else saved the record after the form was shown. */
  | "STALE"
  /** A business number (receipt, proof) already recorded where it may appear once. */
  | "NUMBER_TAKEN"
  /** An id, number or code holding NUL or a lone surrogate, which cannot be stored. */
  | "BAD_CHARACTERS"
  /** An upload past one of its limits (size, unpacked size, cell, columns, rows, time, memory). */
  | "UPLOAD_LIMIT"
  /** The city is being moved to another database server: its data is read-only until the move ends. */
  | "CITY_MOVING";

/** A message param that is itself catalogue words (a field's name), said in the message's language; `capital` starts it with a capital. */
export type WordsParam = { words: string; capital?: boolean };

/** The params of a message that names its words (wordsMessage): values, or words of their own. */
export type MessageParams = Record<string, string | number | WordsParam>;

/** Where an error's words live in messages/<locale>/*.json, with the values they name. */
export type ErrorWords = { key: string; params: MessageParams };

export class AppError extends Error {
  readonly code: AppErrorCode;
  /** Indonesian text safe to show to the user. */
  readonly userMessage: string;
  /** Field-level messages for forms, keyed by field name. */
  readonly fieldErrors?: Record<string, string[]>;
  /** The catalogue key and params of userMessage, so the pipeline can answer in the user's language. */
  readonly words?: ErrorWords;

  constructor(code: AppErrorCode, userMessage: string, fieldErrors?: Record<string, string[]>, words?: ErrorWords) {
    super(`${code}: ${userMessage}`);
    this.name = "AppError";
    this.code = code;
    this.userMessage = userMessage;
    this.fieldErrors = fieldErrors;
    this.words = words;
  }
}

// The things notFound names, with their words in messages/<locale>/Error.json ("notFound").
// Another thing keeps its Indonesian words in every language until it is listed here.
const NOT_FOUND_KEYS: Partial<Record<string, string>> = {
  Data: "data",
  "Anggota keluarga": "householdMember",
  Kelurahan: "kelurahan",
  Keluarga: "household",
  Program: "programme",
  Peserta: "participant",
  "Penyaluran bantuan": "aidDelivery",
  Penyaluran: "delivery",
  Pelatihan: "training",
  OPD: "opd",
  "Entri realisasi": "realisation",
  "Dana PEM": "revolvingFund",
  Wilayah: "area",
  "Usulan perubahan": "changeRequest",
  "Tindak lanjut": "followUp",
  Target: "target",
  "Pos anggaran": "budgetLine",
  Pinjaman: "loan",
  "Pinjaman berjalan dengan NIK ini": "runningLoanOfNik",
  Pengguna: "user",
  Kota: "city",
  Kecamatan: "kecamatan",
  "Dugaan data ganda": "suspectedDuplicate",
  "Data statistik": "statistics",
  "Anggota registri": "registryMember",
};

/** The catalogue words of a thing notFound names, if it has them. */
export function notFoundWords(what: string): ErrorWords | undefined {
  const key = NOT_FOUND_KEYS[what];
  return key ? { key: `Error.notFound.${key}`, params: {} } : undefined;
}

/** Another tenant's record, or one the caller may not know exists, is "not found". */
export function notFound(what = "Data"): AppError {
  return new AppError("NOT_FOUND", `${what} tidak ditemukan.`, undefined, notFoundWords(what));
}

/**
 * The record changed since the form was rendered (its version moved on): the save is
 * refused rather than silently undoing the other person's edit.
 */
export function stale(): AppError {
  return new AppError("STALE", "Data ini sudah diubah oleh pengguna lain", undefined, { key: "Error.codes.STALE", params: {} });
}

export function forbidden(): AppError {
  return new AppError("FORBIDDEN", "Anda tidak berwenang melakukan tindakan ini.", undefined, { key: "Error.common.forbidden", params: {} });
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
