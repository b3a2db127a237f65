// A schema's messages name their catalogue words; the field's name inside one (recordId,
// countInput) is catalogue words too, so the whole sentence is in the user's language.
import { describe, expect, it } from "vitest";
import { fieldWordsIn } from "@/lib/actions/error-words";
import { createDistributionSchema } from "@/features/aid/schemas";
import { createFundSchema } from "@/features/revolving-funds/schemas";
import { createTrainingSchema } from "@/features/trainings/schemas";
import { fieldErrorsOf } from "@/lib/validation/zod";

const refusals = (result: { success: boolean; error?: unknown }, locale: "id" | "en") =>
  fieldWordsIn(fieldErrorsOf(result.error as Parameters<typeof fieldErrorsOf>[0]), locale);

describe("a schema's field messages", () => {
  it("name the record to choose and the count to enter, in Indonesian as before and in English", () => {
    const blank = createDistributionSchema.safeParse({ quantity: "-2", kind: "FOOD" });
    expect(refusals(blank, "id")).toMatchObject({
      programmeId: ["Pilih program."],
      householdId: ["Pilih rumah tangga penerima."],
      quantity: ["Jumlah tidak boleh negatif.", "Jumlah paling sedikit 1."],
    });
    expect(refusals(blank, "en")).toMatchObject({
      programmeId: ["Choose the programme."],
      householdId: ["Choose the recipient household."],
      quantity: ["Quantity cannot be negative.", "The quantity is at least 1."],
    });
  });

  it("format a count's limit in the user's language", () => {
    const tooMany = createTrainingSchema.safeParse({ capacity: "5000" });
    expect(refusals(tooMany, "id").capacity).toEqual(["Kapasitas paling banyak 500."]);
    expect(refusals(tooMany, "en").capacity).toEqual(["Capacity: at most 500."]);
    expect(refusals(tooMany, "en").skill).toEqual(["Enter the skill."]);
  });

  it("say a field's own name and limits", () => {
    const fund = createFundSchema.safeParse({ year: "1999", lpmName: "LPM Ampenan", maxLoan: "5.000.000", maxTenorMonths: "61", graceMonths: "0" });
    expect(refusals(fund, "id")).toMatchObject({ year: ["Tahun paling sedikit 2000."], maxTenorMonths: ["Jangka waktu maksimal paling banyak 60."] });
    expect(refusals(fund, "en")).toMatchObject({ year: ["Year: at least 2000."], maxTenorMonths: ["Maximum term: at most 60."] });
  });
});
