import { NBSP, numberFormat, type LocaleOption } from "./locale";
import { formatNumber } from "./number";
import type { AppLocale } from "../i18n/locales";

/**
 * Whole Rupiah in full: `formatRupiah(10_400_000_000n)` → "Rp 10.400.000.000"
 * (no-break space after "Rp"; a minus sign goes before "Rp", as Intl writes it).
 */
export function formatRupiah(amount: bigint, options: LocaleOption = {}): string {
  const sign = amount < 0n ? "-" : "";
  return `${sign}Rp${NBSP}${formatNumber(abs(amount), options)}`;
}

type ScaleWord = { factor: bigint; word: Record<AppLocale, string> };

const scales: readonly ScaleWord[] = [
  { factor: 10n ** 12n, word: { id: "triliun", en: "trillion" } },
  { factor: 10n ** 9n, word: { id: "miliar", en: "billion" } },
  { factor: 10n ** 6n, word: { id: "juta", en: "million" } },
];

export type RupiahShortOptions = LocaleOption & {
  /** Decimals kept on the scaled figure; defaults to 1 ("Rp 10,4 miliar"). */
  maximumFractionDigits?: number;
};

/**
 * Rupiah in words for headlines and stat cards: `formatRupiahShort(10_400_000_000n)` →
 * "Rp 10,4 miliar". Uses juta / miliar / triliun from one million up; smaller amounts are
 * written in full. Rounds half away from zero on exact integers (1.250.000 → "Rp 1,3 juta")
 * and moves up a word when rounding reaches 1.000 (999.960.000 → "Rp 1 miliar").
 */
export function formatRupiahShort(amount: bigint, options: RupiahShortOptions = {}): string {
  const { locale = "id", maximumFractionDigits = 1 } = options;
  const magnitude = abs(amount);
  const precision = 10n ** BigInt(maximumFractionDigits);

  const index = scales.findIndex((scale) => magnitude >= scale.factor);
  if (index === -1) return formatRupiah(amount, { locale });

  let scaleIndex = index;
  let scaled = roundHalfUp(magnitude * precision, scales[scaleIndex]!.factor);
  if (scaleIndex > 0 && scaled >= 1000n * precision) {
    scaleIndex -= 1;
    scaled = roundHalfUp(magnitude * precision, scales[scaleIndex]!.factor);
  }

  // Intl formats a decimal string exactly, so the figure never passes through a float.
  const decimal = `${scaled / precision}.${(scaled % precision).toString().padStart(maximumFractionDigits, "0")}`;
  const figure = numberFormat(locale, { maximumFractionDigits }).format(decimal as `${number}`);
  const sign = amount < 0n ? "-" : "";
  return `${sign}Rp${NBSP}${figure}${NBSP}${scales[scaleIndex]!.word[locale]}`;
}

function abs(value: bigint): bigint {
  return value < 0n ? -value : value;
}

function roundHalfUp(numerator: bigint, denominator: bigint): bigint {
  return (numerator * 2n + denominator) / (denominator * 2n);
}
