/**
 * Money in Entas is whole Rupiah held in a bigint, exactly as stored (Prisma BigInt).
 * An alias rather than a brand: every BigInt column in the schema that is money can be
 * used as is, and bigint already keeps money apart from counts (number).
 */
export type Rupiah = bigint;

/** Largest amount a PostgreSQL bigint column holds. */
export const MAX_RUPIAH: Rupiah = 9_223_372_036_854_775_807n;

/** A Rupiah amount from an integer; a fractional or unsafe number is a programming error. */
export function toRupiah(value: bigint | number): Rupiah {
  if (typeof value === "bigint") return value;
  if (!Number.isSafeInteger(value)) throw new RangeError(`Not a whole, safe Rupiah amount: ${value}`);
  return BigInt(value);
}

export function sumRupiah(amounts: Iterable<Rupiah>): Rupiah {
  let total = 0n;
  for (const amount of amounts) total += amount;
  return total;
}

/**
 * `part` as a percentage of `whole`, in percent units (serapan: realisasi over pagu), rounded
 * half away from zero to `fractionDigits` with integer arithmetic. Null when `whole` is zero.
 * `percentOf(6_500_000_000n, 10_400_000_000n)` → 62.5.
 */
export function percentOf(part: Rupiah, whole: Rupiah, fractionDigits = 2): number | null {
  if (whole === 0n) return null;
  const scale = 10n ** BigInt(fractionDigits);
  const scaled = divideRoundHalfUp(part * 100n * scale, whole);
  return Number(scaled) / Number(scale);
}

/**
 * A share of an amount given in basis points (100 = 1 %), e.g. a flat service fee:
 * `applyBasisPoints(2_000_000n, 150)` → 30_000n. Rounded half away from zero.
 */
export function applyBasisPoints(amount: Rupiah, basisPoints: number): Rupiah {
  if (!Number.isInteger(basisPoints)) throw new RangeError(`Basis points must be whole: ${basisPoints}`);
  return divideRoundHalfUp(amount * BigInt(basisPoints), 10_000n);
}

/**
 * Splits a non-negative amount into `parts` whole-Rupiah pieces that add up exactly; the
 * leftover Rupiah go to the first pieces (10.000.000 over 3 → 3.333.334, 3.333.333, 3.333.333).
 */
export function splitEvenly(total: Rupiah, parts: number): Rupiah[] {
  if (!Number.isInteger(parts) || parts < 1) throw new RangeError(`Cannot split into ${parts} parts`);
  if (total < 0n) throw new RangeError("Cannot split a negative amount");
  const count = BigInt(parts);
  const base = total / count;
  const leftover = Number(total % count);
  return Array.from({ length: parts }, (_, index) => (index < leftover ? base + 1n : base));
}

/** Integer division rounding half away from zero, for any signs. */
export function divideRoundHalfUp(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError("Division by zero");
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const quotient = (n * 2n + d) / (d * 2n);
  return negative ? -quotient : quotient;
}
