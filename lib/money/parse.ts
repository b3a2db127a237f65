// The Money namespace only: this runs in the browser (Rupiah fields), and the whole
// catalogue would ship with every form.
import money from "../../messages/id/Money.json" with { type: "json" };
import { MAX_RUPIAH, type Rupiah } from "./rupiah";

export type ParseRupiahErrorCode = keyof typeof money.parseError;

export type ParseRupiahResult =
  | { ok: true; value: Rupiah }
  | {
      ok: false;
      code: ParseRupiahErrorCode;
      /** Indonesian, for the user; other languages translate `Money.parseError.<code>`. */
      message: string;
    };

export type ParseRupiahOptions = {
  /** Only reversals are negative; forms reject a minus sign unless they allow it. */
  allowNegative?: boolean;
};

const scaleWords: Record<string, bigint> = {
  ribu: 10n ** 3n,
  rb: 10n ** 3n,
  juta: 10n ** 6n,
  jt: 10n ** 6n,
  miliar: 10n ** 9n,
  milyar: 10n ** 9n,
  triliun: 10n ** 12n,
};

// Indonesian notation only: '.' groups thousands (in threes), ',' marks decimals.
const INDONESIAN_NUMBER = /^(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?$/;
// "1.5 juta": an English decimal point, which in Indonesian would mean 15 juta or 1.500 juta.
const DECIMAL_POINT = /^\d+\.\d{1,2}$/;

/**
 * Reads an amount as people type it: "1.500.000", "1500000", "Rp 1.500.000", "Rp1,5 juta",
 * "1,5 juta", "2 miliar", "Rp 1.500.000,00", "Rp 1.500.000,-" (a receipt's closing dash). The result is whole Rupiah or an error with a
 * code and an Indonesian message. Never goes through a float.
 */
export function parseRupiah(input: string, options: ParseRupiahOptions = {}): ParseRupiahResult {
  let text = input.normalize("NFKC").trim().toLowerCase().replace(/\s+/g, " ");
  if (text === "") return failure("empty");

  let negative = false;
  const takeSign = () => {
    const match = /^[-−]\s*/.exec(text);
    if (match) {
      negative = true;
      text = text.slice(match[0].length);
    }
  };
  takeSign();
  text = text.replace(/^(?:rp\.?|idr)\s*/, "");
  if (!negative) takeSign();
  // Receipts close an amount with a dash so nothing can be written after it: "Rp 1.500.000,-".
  text = text.replace(/(\d)\s*[,.]\s*-+$/, "$1");

  let factor = 1n;
  const word = /\s*([a-z]+)$/.exec(text);
  if (word) {
    const wordFactor = scaleWords[word[1]!];
    if (wordFactor === undefined) return failure("invalid");
    factor = wordFactor;
    text = text.slice(0, word.index);
  }

  const number = INDONESIAN_NUMBER.exec(text);
  if (!number) return failure(factor > 1n && DECIMAL_POINT.test(text) ? "decimalPoint" : "invalid");

  const whole = BigInt(number[1]!.replaceAll(".", ""));
  const fraction = number[2] ?? "";
  const fractionScale = 10n ** BigInt(fraction.length);
  const exact = (whole * fractionScale + BigInt(fraction || "0")) * factor;
  if (exact % fractionScale !== 0n) return failure("notWhole");

  const value = exact / fractionScale;
  if (negative && value !== 0n && !options.allowNegative) return failure("negative");
  if (value > MAX_RUPIAH) return failure("tooLarge");
  return { ok: true, value: negative ? -value : value };
}

function failure(code: ParseRupiahErrorCode): ParseRupiahResult {
  return { ok: false, code, message: money.parseError[code] };
}
