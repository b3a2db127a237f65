// The errors every action shares say the user's language: each thing the code names in
// notFound("…") has words in both catalogues, the same Indonesian words it always had.
import { describe, expect, it } from "vitest";
import { appErrorWordsIn } from "@/lib/actions/error-words";
import { forbidden, notFound, stale } from "@/lib/errors";
import { catalogues } from "@/lib/i18n/catalogues";
import { readSource, sourceFiles } from "../helpers/source-files";

const namedThings = [
  ...new Set(
    sourceFiles(["app", "features", "lib"])
      .filter((file) => !file.includes("/tests/"))
      .flatMap((file) => [...readSource(file).matchAll(/\bnotFound\("([^"]+)"\)/g)].map((match) => match[1]!)),
  ),
].sort();

describe("the common errors' words", () => {
  it("finds the things the code names", () => {
    expect(namedThings).toEqual(expect.arrayContaining(["OPD", "Keluarga", "Pinjaman"]));
  });

  it.each(namedThings)("notFound(%j) has its Indonesian words in the catalogue, and English ones", (what) => {
    const error = notFound(what);
    expect(error.words, `list ${what} in lib/errors (NOT_FOUND_KEYS) with words in messages/*/Error.json`).toBeDefined();
    expect(appErrorWordsIn(error, "id")).toBe(`${what} tidak ditemukan.`);
    expect(appErrorWordsIn(error, "en")).toMatch(/ not found\.$/);
  });

  it("says forbidden, stale and plain not found in English, the same Indonesian as before", () => {
    expect(appErrorWordsIn(notFound(), "en")).toBe("Record not found.");
    expect(appErrorWordsIn(notFound(), "id")).toBe("Data tidak ditemukan.");
    expect(appErrorWordsIn(forbidden(), "en")).toBe("You are not authorised to do this.");
    expect(appErrorWordsIn(forbidden(), "id")).toBe(forbidden().userMessage);
    expect(appErrorWordsIn(stale(), "en")).toBe("Someone else has changed this record");
    expect(appErrorWordsIn(stale(), "id")).toBe(stale().userMessage);
  });
});

/** The text of each `new AppError(…)` call in a source, up to its closing parenthesis. */
function appErrorCalls(source: string): string[] {
  const calls: string[] = [];
  for (let start = source.indexOf("new AppError("); start >= 0; start = source.indexOf("new AppError(", start + 1)) {
    let depth = 0;
    let quote: string | null = null;
    for (let i = start + "new AppError".length; i < source.length; i++) {
      const c = source[i]!;
      if (quote) {
        if (c === "\\") i++;
        else if (c === quote) quote = null;
      } else if (c === '"' || c === "'" || c === "`") quote = c;
      else if (c === "(") depth++;
      else if (c === ")" && --depth === 0) {
        calls.push(source.slice(start, i + 1));
        break;
      }
    }
  }
  return calls;
}

// Errors raised with their words written out in Indonesian (no catalogue key), which an
// English user reads in Indonesian. Convert them to catalogue words (lib/errors/worded.ts);
// none is left, and none may come back.
const HARD_CODED_ERRORS = 0;

// Codes whose words are the same wherever they are raised (Error.codes): said in the user's language already.
const SAID_BY_CODE = new Set(Object.keys(catalogues.id.Error.codes));

describe("errors written out in Indonesian", () => {
  const hardCoded = sourceFiles(["app", "features", "lib"])
    .filter((file) => !file.includes("/tests/"))
    .flatMap((file) =>
      appErrorCalls(readSource(file))
        .filter((call) => !/\bkey:|words|Words\(/.test(call) && !SAID_BY_CODE.has(call.match(/^new AppError\(\s*"([A-Z_]+)"/)?.[1] ?? ""))
        .map((call) => `${file}: ${call.replace(/\s+/g, " ").slice(0, 100)}`),
    );

  it(`are no more than ${HARD_CODED_ERRORS}`, () => {
    expect(hardCoded.length, hardCoded.join("\n")).toBeLessThanOrEqual(HARD_CODED_ERRORS);
  });

  it("are counted exactly, so the number above goes down with them", () => {
    expect(hardCoded.length).toBe(HARD_CODED_ERRORS);
  });
});

describe("errors with catalogue words", () => {
  const keys = [
    ...new Set(
      sourceFiles(["app", "features", "lib"])
        .filter((file) => !file.includes("/tests/"))
        .flatMap((file) =>
          [
            ...readSource(file).matchAll(
              /"((?:[A-Z][A-Za-z]+\.(?:errors|input)|Error\.common|Error\.notFound|Validation\.[a-zA-Z]+|Money\.parseError)\.[A-Za-z]+)"/g,
            ),
          ].map((match) => match[1]!),
        ),
    ),
  ].sort();

  it("find the keys the code names", () => {
    expect(keys).toEqual(expect.arrayContaining(["Trainings.errors.cancelled", "RevolvingFunds.errors.overCash", "Error.common.checkFields"]));
  });

  it.each(keys)("%s has words in Indonesian and English", (key) => {
    for (const locale of ["id", "en"] as const) {
      const words = key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], catalogues[locale]);
      expect(typeof words, `${key} in messages/${locale}`).toBe("string");
    }
  });
});

// Words for the user written out in Indonesian where input is read and refused: schemas,
// actions and imports (their row reasons). Each is read in Indonesian by an English user
// until it names catalogue words (wordsMessage / wordedError). The number may only go down.
const INDONESIAN_LITERALS = 0;

const INDONESIAN_WORD =
  /\b(?:Isi|isi|Pilih|pilih|tidak|Tidak|harus|wajib|Wajib|belum|sudah|Sudah|yang|dengan|untuk|Tuliskan|minimal|paling|kosong|ditemukan|dikenali|Muat ulang)\b/;
const STRING_LITERAL = /"((?:[^"\\\n]|\\.)*)"|`((?:[^`\\]|\\.)*)`/g;
const READS_INPUT = /(?:schemas?|-schema|action-definitions|actions|import|cells|columns|validate|fields|nik|birth-date|fiscal-year|return-note)\.ts$/;
// The spreadsheet layer reads every uploaded table and writes every file: all of it, not by name.
const READS_FILES = /^lib\/spreadsheet\//;

describe("words written out in Indonesian in schemas, actions and imports", () => {
  const literals = sourceFiles(["features", "lib"])
    .filter((file) => !file.includes("/tests/") && !file.includes("/ui/") && (READS_INPUT.test(file) || READS_FILES.test(file)))
    .flatMap((file) =>
      [...readSource(file).matchAll(STRING_LITERAL)]
        .map((match) => match[1] ?? match[2] ?? "")
        .filter((text) => INDONESIAN_WORD.test(text))
        .map((text) => `${file}: ${text.slice(0, 80)}`),
    );

  it("finds one where it is written", () => {
    expect(INDONESIAN_WORD.test("Pilih program.")).toBe(true);
    expect(INDONESIAN_WORD.test("Aid.errors.kindRequired")).toBe(false);
  });

  it("reads every file of the spreadsheet layer", () => {
    expect(sourceFiles(["lib"]).filter((file) => READS_FILES.test(file))).toContain("lib/spreadsheet/table-import-job.ts");
  });

  it(`are no more than ${INDONESIAN_LITERALS}, counted exactly`, () => {
    expect(literals.length, literals.join("\n")).toBe(INDONESIAN_LITERALS);
  });
});
