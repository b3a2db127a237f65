// An action's result as JSON and back, for the answer a repeated submission gets: money is
// bigint and days are Dates, which JSON alone would lose.

export function encodeResult(value: unknown): unknown {
  if (typeof value === "bigint") return { $bigint: value.toString() };
  if (value instanceof Date) return { $date: value.toISOString() };
  if (Array.isArray(value)) return value.map(encodeResult);
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, encodeResult(inner)]));
  return value === undefined ? null : value;
}

export function decodeResult(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decodeResult);
  if (value && typeof value === "object") {
    const tagged = value as { $bigint?: unknown; $date?: unknown };
    const keys = Object.keys(value);
    if (keys.length === 1 && typeof tagged.$bigint === "string") return BigInt(tagged.$bigint);
    if (keys.length === 1 && typeof tagged.$date === "string") return new Date(tagged.$date);
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, decodeResult(inner)]));
  }
  return value;
}
