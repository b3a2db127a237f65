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
      /** Indonesian; other languages say `Money.parseError.<code>`. */
      message: string;
    };

export type ParseRupiahOptions = {
  /** Only reversals are negative; forms reject a minus sign unless they allow it. */
  allowNegative?: boolean;
  /**
   * The notation of a bare number: Indonesian ("1.500.000", "1,5 juta") by default, English
   * ("1,500,000", "1.5 million") for an English interface. A scale word brings its own
   * language's notation: "1,5 juta" is read the Indonesian way in English too.
   */
  locale?: "id" | "en";
};

type Notation = "id" | "en";

const scaleWords: Record<string, { factor: bigint; notation: Notation }> = {
  ribu: { factor: 10n ** 3n, notation: "id" },
  rb: { factor: 10n ** 3n, notation: "id" },
  juta: { factor: 10n ** 6n, notation: "id" },
  jt: { factor: 10n ** 6n, notation: "id" },
  miliar: { factor: 10n ** 9n, notation: "id" },
  milyar: { factor: 10n ** 9n, notation: "id" },
  triliun: { factor: 10n ** 12n, notation: "id" },
  thousand: { factor: 10n ** 3n, notation: "en" },
  k: { factor: 10n ** 3n, notation: "en" },
  million: { factor: 10n ** 6n, notation: "en" },
  mn: { factor: 10n ** 6n, notation: "en" },
  m: { factor: 10n ** 6n, notation: "en" },
  billion: { factor: 10n ** 9n, notation: "en" },
  bn: { factor: 10n ** 9n, notation: "en" },
  trillion: { factor: 10n ** 12n, notation: "en" },
  tn: { factor: 10n ** 12n, notation: "en" },
};

// Indonesian notation: '.' groups thousands (in threes), ',' marks decimals.
const INDONESIAN_NUMBER = /^(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?$/;
// English notation: ',' groups thousands (in threes), '.' marks decimals.
const ENGLISH_NUMBER = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/;
// "1.5 juta": an English decimal point, which in Indonesian would mean 15 juta or 1.500 juta.
const DECIMAL_POINT = /^\d+\.\d{1,2}$/;
// "1,5 million": an Indonesian decimal comma, which in English would group thousands.
const DECIMAL_COMMA = /^\d+,\d{1,2}$/;
// "1.500" in English notation: one and a half to an English reader, fifteen hundred to an
// Indonesian one. Refused rather than guessed.
const POINT_BEFORE_THREE = /^\d{1,3}\.\d{3}$/;
// "1.500.000" or "1.500.000,00" in English notation: more than one point can only group
// thousands, so an amount copied from an Indonesian document reads as written.
const INDONESIAN_GROUPS = /^\d{1,3}(?:\.\d{3}){2,}(?:,\d+)?$/;

/**
 * Reads an amount as people type it: "1.500.000", "1500000", "Rp 1.500.000", "Rp1,5 juta",
 * "1,5 juta", "2 miliar", "Rp 1.500.000,00", "Rp 1.500.000,-" (a receipt's closing dash); in
 * English also "1,500,000", "1.5 million", "25m", "2 billion". The result is whole Rupiah or an
 * error with a code (its words in Money.parseError). Never goes through a float.
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
  let notation: Notation = options.locale ?? "id";
  const word = /\s*([a-z]+)$/.exec(text);
  if (word) {
    const scale = scaleWords[word[1]!];
    if (scale === undefined) return failure("invalid");
    factor = scale.factor;
    notation = scale.notation;
    text = text.slice(0, word.index);
  }

  const number = readNumber(text, notation, factor > 1n);
  if (!number.ok) return number;

  const fractionScale = 10n ** BigInt(number.fraction.length);
  const exact = (number.whole * fractionScale + BigInt(number.fraction || "0")) * factor;
  if (exact % fractionScale !== 0n) return failure("notWhole");

  const value = exact / fractionScale;
  if (negative && value !== 0n && !options.allowNegative) return failure("negative");
  if (value > MAX_RUPIAH) return failure("tooLarge");
  return { ok: true, value: negative ? -value : value };
}

type ReadNumber = { ok: true; whole: bigint; fraction: string } | (ParseRupiahResult & { ok: false });

/** The whole and decimal digits of a number written in `notation`. */
function readNumber(text: string, notation: Notation, scaled: boolean): ReadNumber {
  if (notation === "en" && INDONESIAN_GROUPS.test(text)) return readNumber(text, "id", scaled);
  if (notation === "en" && POINT_BEFORE_THREE.test(text)) return failure("ambiguous");
  const number = (notation === "en" ? ENGLISH_NUMBER : INDONESIAN_NUMBER).exec(text);
  if (!number) {
    if (notation === "id" && scaled && DECIMAL_POINT.test(text)) return failure("decimalPoint");
    if (notation === "en" && DECIMAL_COMMA.test(text)) return failure("decimalComma");
    return failure("invalid");
  }
  return { ok: true, whole: BigInt(number[1]!.replaceAll(notation === "en" ? "," : ".", "")), fraction: number[2] ?? "" };
}

function failure(code: ParseRupiahErrorCode): ParseRupiahResult & { ok: false } {
  return { ok: false, code, message: money.parseError[code] };
}
