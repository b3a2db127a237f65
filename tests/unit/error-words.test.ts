// The errors every action shares say the user's language: each thing the code names in
// notFound("…") has words in both catalogues, the same Indonesian words it always had.
import { describe, expect, it } from "vitest";
import { appErrorWordsIn } from "@/lib/actions/error-words";
import { forbidden, notFound, stale } from "@/lib/errors";
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
