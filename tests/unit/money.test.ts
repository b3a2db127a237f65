import { describe, expect, it } from "vitest";
import { catalogues } from "@/lib/i18n/catalogues";
import { MAX_RUPIAH, applyBasisPoints, divideRoundHalfUp, parseRupiah, percentOf, splitEvenly, sumRupiah, toRupiah } from "@/lib/money";

function parsed(input: string, options?: Parameters<typeof parseRupiah>[1]) {
  const result = parseRupiah(input, options);
  if (!result.ok) throw new Error(`"${input}" was rejected: ${result.code}`);
  return result.value;
}

function rejection(input: string, options?: Parameters<typeof parseRupiah>[1]) {
  const result = parseRupiah(input, options);
  if (result.ok) throw new Error(`"${input}" was accepted as ${result.value}`);
  return result;
}

describe("parseRupiah", () => {
  it.each([
    ["1.500.000", 1_500_000n],
    ["1500000", 1_500_000n],
    ["Rp 1.500.000", 1_500_000n],
    ["Rp1.500.000", 1_500_000n],
    ["Rp. 1.500.000", 1_500_000n],
    ["IDR 1.500.000", 1_500_000n],
    ["Rp1,5 juta", 1_500_000n],
    ["1,5 juta", 1_500_000n],
    ["1,5juta", 1_500_000n],
    ["1,5 jt", 1_500_000n],
    ["1,25 juta", 1_250_000n],
    ["2 miliar", 2_000_000_000n],
    ["Rp 10,4 Miliar", 10_400_000_000n],
    ["10,4 milyar", 10_400_000_000n],
    ["1.500 juta", 1_500_000_000n],
    ["1 triliun", 1_000_000_000_000n],
    ["250 ribu", 250_000n],
    ["250rb", 250_000n],
    ["Rp 1.500.000,00", 1_500_000n],
    ["0", 0n],
    ["Rp 0", 0n],
    ["  Rp\u00a01.500.000  ", 1_500_000n],
    ["007", 7n],
    ["Rp 1.500.000,-", 1_500_000n],
    ["Rp1.500.000,00", 1_500_000n],
    ["1.500.000,-", 1_500_000n],
    ["Rp. 1.500.000,--", 1_500_000n],
    ["Rp 1.500.000.-", 1_500_000n],
    ["Rp 1.500.000, -", 1_500_000n],
  ])("reads %j", (input, expected) => {
    expect(parsed(input)).toBe(expected);
  });

  it("takes the receipt dash only after an amount", () => {
    expect(rejection(",-").code).toBe("invalid");
    expect(rejection("Rp ,-").code).toBe("invalid");
    expect(rejection("1,5,- juta").code).toBe("invalid");
  });

  it("reads the output of formatRupiah back", () => {
    expect(parsed("Rp\u00a010.400.000.000")).toBe(10_400_000_000n);
    expect(parsed("Rp\u00a010,4\u00a0miliar")).toBe(10_400_000_000n);
  });

  it("keeps exact values beyond float precision", () => {
    expect(parsed("9.007.199.254.740.993")).toBe(9_007_199_254_740_993n);
    expect(parsed("1,000000001 miliar")).toBe(1_000_000_001n);
  });

  it("rejects negative amounts unless allowed", () => {
    expect(rejection("-1.500.000").code).toBe("negative");
    expect(parsed("-1.500.000", { allowNegative: true })).toBe(-1_500_000n);
    expect(parsed("-Rp 1,5 juta", { allowNegative: true })).toBe(-1_500_000n);
    expect(parsed("Rp -1,5 juta", { allowNegative: true })).toBe(-1_500_000n);
    expect(parsed("-0")).toBe(0n);
  });

  it("rejects amounts with cents", () => {
    expect(rejection("Rp 1.500.000,50").code).toBe("notWhole");
    expect(rejection("1,2345675 juta").code).toBe("notWhole");
  });

  it("explains an English decimal point before a scale word", () => {
    expect(rejection("1.5 juta").code).toBe("decimalPoint");
    expect(rejection("2.25 miliar").code).toBe("decimalPoint");
  });

  it.each(["", "   ", "abc", "Rp", "juta", "1.5", "1.50.000", "1,500,000", "1 500 000", "1,5 jutaan", "1e6", "Rp 1.500.000 juta rupiah", "--5", "+5"])(
    "rejects %j",
    (input) => {
      expect(parseRupiah(input).ok).toBe(false);
    },
  );

  it("tells an empty field from a malformed one", () => {
    expect(rejection(" ").code).toBe("empty");
    expect(rejection("abc").code).toBe("invalid");
  });

  it("rejects what a bigint column cannot hold", () => {
    expect(parsed(MAX_RUPIAH.toString())).toBe(MAX_RUPIAH);
    expect(rejection((MAX_RUPIAH + 1n).toString()).code).toBe("tooLarge");
    expect(rejection("10.000.000 triliun").code).toBe("tooLarge");
  });

  it("gives the user an Indonesian message", () => {
    expect(rejection("1.5 juta").message).toBe("Gunakan koma untuk desimal, misalnya 1,5 juta.");
    expect(rejection("-1").message).toBe("Jumlah tidak boleh negatif.");
  });
});

describe("parseRupiah in English", () => {
  const en = { locale: "en" } as const;

  it.each([
    ["25,000,000", 25_000_000n],
    ["Rp 25,000,000", 25_000_000n],
    ["25000000", 25_000_000n],
    ["25 million", 25_000_000n],
    ["25m", 25_000_000n],
    ["1.5 million", 1_500_000n],
    ["Rp1.5 million", 1_500_000n],
    ["1.5m", 1_500_000n],
    ["2 billion", 2_000_000_000n],
    ["2.25 bn", 2_250_000_000n],
    ["250 thousand", 250_000n],
    ["250k", 250_000n],
    ["1,500", 1_500n],
    ["1,500,000.00", 1_500_000n],
    ["1 trillion", 1_000_000_000_000n],
    ["Rp 1,500,000.-", 1_500_000n],
  ])("reads %j", (input, expected) => {
    expect(parsed(input, en)).toBe(expected);
  });

  it("reads an amount copied from an Indonesian document, whose points can only group thousands", () => {
    expect(parsed("Rp 25.000.000", en)).toBe(25_000_000n);
    expect(parsed("1.500.000,00", en)).toBe(1_500_000n);
    expect(parsed("Rp 1.500.000,-", en)).toBe(1_500_000n);
  });

  it("reads Indonesian scale words the Indonesian way", () => {
    expect(parsed("25 juta", en)).toBe(25_000_000n);
    expect(parsed("Rp1,5 juta", en)).toBe(1_500_000n);
    expect(rejection("1.5 juta", en).code).toBe("decimalPoint");
  });

  it("refuses a point before three digits, which English and Indonesian read a thousand times apart", () => {
    expect(rejection("1.500", en).code).toBe("ambiguous");
    expect(rejection("Rp 1.500", en).code).toBe("ambiguous");
    expect(rejection("1.500 million", en).code).toBe("ambiguous");
    expect(rejection("1.500 million").code).toBe("ambiguous");
  });

  it("explains an Indonesian decimal comma before an English scale word", () => {
    expect(rejection("1,5 million", en).code).toBe("decimalComma");
    expect(rejection("1,5 million").code).toBe("decimalComma");
  });

  it("rejects what is malformed or not whole", () => {
    expect(rejection("1.5", en).code).toBe("notWhole");
    expect(rejection("1,50,000", en).code).toBe("invalid");
    expect(rejection("25 millions", en).code).toBe("invalid");
    expect(rejection("-1,500", en).code).toBe("negative");
  });

  it("keeps Indonesian notation for Indonesian", () => {
    expect(parsed("1.500")).toBe(1_500n);
    expect(parsed("1.500", { locale: "id" })).toBe(1_500n);
    expect(rejection("25,000,000").code).toBe("invalid");
    expect(parsed("1.5 million")).toBe(1_500_000n);
  });

  it("has words for every refusal in both languages, the English examples English", () => {
    for (const code of Object.keys(catalogues.id.Money.parseError)) {
      expect(catalogues.en.Money.parseError, code).toHaveProperty(code);
    }
    for (const example of ["1,500,000", "Rp 1.5 million", "2 billion", "1.5 million", "1,500", "1500"]) {
      expect(parseRupiah(example, en).ok, example).toBe(true);
    }
    expect(catalogues.en.Money.parseError.invalid).toContain("1,500,000, Rp 1.5 million or 2 billion");
    expect(catalogues.en.RevolvingFunds.fundForm.maxLoanExample).toBe("E.g. 25 million or 25,000,000");
  });
});

describe("toRupiah", () => {
  it("accepts integers", () => {
    expect(toRupiah(1_500_000)).toBe(1_500_000n);
    expect(toRupiah(-5n)).toBe(-5n);
  });

  it("refuses fractions and unsafe numbers", () => {
    expect(() => toRupiah(1.5)).toThrow(RangeError);
    expect(() => toRupiah(2 ** 60)).toThrow(RangeError);
    expect(() => toRupiah(Number.NaN)).toThrow(RangeError);
  });
});

describe("sumRupiah", () => {
  it("adds exactly, including reversals", () => {
    expect(sumRupiah([5_900_000_000n, 4_500_000_000n])).toBe(10_400_000_000n);
    expect(sumRupiah([1_000_000n, -1_000_000n])).toBe(0n);
    expect(sumRupiah([])).toBe(0n);
    expect(sumRupiah([MAX_RUPIAH, 1n])).toBe(MAX_RUPIAH + 1n);
  });
});

describe("percentOf", () => {
  it("gives absorption in percent units", () => {
    expect(percentOf(6_500_000_000n, 10_400_000_000n)).toBe(62.5);
    expect(percentOf(0n, 10_400_000_000n)).toBe(0);
    expect(percentOf(10_400_000_000n, 10_400_000_000n)).toBe(100);
  });

  it("rounds half away from zero at the requested precision", () => {
    expect(percentOf(1n, 3n)).toBe(33.33);
    expect(percentOf(2n, 3n)).toBe(66.67);
    expect(percentOf(1n, 8n, 2)).toBe(12.5);
    expect(percentOf(1n, 8n, 1)).toBe(12.5);
    expect(percentOf(1n, 8n, 0)).toBe(13);
    expect(percentOf(-1n, 8n, 0)).toBe(-13);
  });

  it("returns null when there is no ceiling", () => {
    expect(percentOf(5n, 0n)).toBeNull();
  });

  it("handles over-absorption and amounts beyond float precision", () => {
    expect(percentOf(11_000_000_000n, 10_000_000_000n)).toBe(110);
    expect(percentOf(9_007_199_254_740_993n, 9_007_199_254_740_993n * 4n)).toBe(25);
  });
});

describe("applyBasisPoints", () => {
  it("takes a share in basis points", () => {
    expect(applyBasisPoints(2_000_000n, 150)).toBe(30_000n);
    expect(applyBasisPoints(2_000_000n, 0)).toBe(0n);
    expect(applyBasisPoints(333n, 150)).toBe(5n); // 4,995 → 5
    expect(applyBasisPoints(-333n, 150)).toBe(-5n);
  });

  it("refuses fractional basis points", () => {
    expect(() => applyBasisPoints(100n, 1.5)).toThrow(RangeError);
  });
});

describe("splitEvenly", () => {
  it("splits without losing a Rupiah", () => {
    const parts = splitEvenly(10_000_000n, 3);
    expect(parts).toEqual([3_333_334n, 3_333_333n, 3_333_333n]);
    expect(sumRupiah(parts)).toBe(10_000_000n);
    expect(splitEvenly(0n, 2)).toEqual([0n, 0n]);
    expect(splitEvenly(2n, 5)).toEqual([1n, 1n, 0n, 0n, 0n]);
  });

  it("refuses impossible splits", () => {
    expect(() => splitEvenly(10n, 0)).toThrow(RangeError);
    expect(() => splitEvenly(10n, 1.5)).toThrow(RangeError);
    expect(() => splitEvenly(-10n, 2)).toThrow(RangeError);
  });
});

describe("divideRoundHalfUp", () => {
  it("rounds halves away from zero for every sign", () => {
    expect(divideRoundHalfUp(5n, 2n)).toBe(3n);
    expect(divideRoundHalfUp(-5n, 2n)).toBe(-3n);
    expect(divideRoundHalfUp(5n, -2n)).toBe(-3n);
    expect(divideRoundHalfUp(7n, 3n)).toBe(2n);
    expect(() => divideRoundHalfUp(1n, 0n)).toThrow(RangeError);
  });
});
