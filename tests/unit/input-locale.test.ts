// An amount is read in the language of the interface the user typed it in (the language
// cookie the pipeline passes), and its refusal is said in that language.
import { describe, expect, it } from "vitest";
import { fieldWordsIn } from "@/lib/actions/error-words";
import { rupiahInput } from "@/lib/forms/fields";
import { readingInputIn } from "@/lib/validation/input-locale";
import { fieldErrorsOf } from "@/lib/validation/zod";

const amount = rupiahInput();

async function read(locale: string | undefined, text: string) {
  return readingInputIn(locale, () => amount.safeParseAsync(text));
}

describe("an amount typed in a form", () => {
  it("is read in English notation when the interface is English", async () => {
    expect((await read("en", "1.5 million")).data).toBe(1_500_000n);
    expect((await read("en", "25,000,000")).data).toBe(25_000_000n);
    expect((await read("en", "25 juta")).data).toBe(25_000_000n);
  });

  it("is read in Indonesian notation otherwise", async () => {
    expect((await read("id", "1.500.000")).data).toBe(1_500_000n);
    expect((await read(undefined, "1,5 juta")).data).toBe(1_500_000n);
    expect((await read("id", "25,000,000")).success).toBe(false);
  });

  it("refuses an ambiguous amount in the user's language", async () => {
    const refused = await read("en", "1.500");
    expect(refused.success).toBe(false);
    const fields = fieldErrorsOf(refused.error!);
    expect(fieldWordsIn(fields, "en")._form).toEqual([expect.stringMatching(/^A point before three digits/)]);
    expect(fieldWordsIn(fields, "id")._form).toEqual([expect.stringMatching(/^Titik sebelum tiga angka/)]);
  });
});
