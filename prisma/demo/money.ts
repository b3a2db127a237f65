/** Whole Rupiah as BigInt, written the way the articles say it ("Rp 450 juta"). */
export const ribu = (value: number): bigint => BigInt(Math.round(value * 1_000));
export const juta = (value: number): bigint => BigInt(Math.round(value * 1_000_000));
