/**
 * Axis ticks a reader can count in: steps of 1, 2 or 5 times a power of ten, from zero up to the
 * first step at or above the largest value (a maximum of 380 gives 0, 100, 200, 300, 400, not
 * recharts' own 95, 190, 285, 380). `count` is the most steps wanted; `integer` keeps steps whole
 * for counts and Rupiah. Values at or below zero give one step of 1.
 */
export function niceTicks(max: number, { count = 5, integer = false }: { count?: number; integer?: boolean } = {}): number[] {
  if (!Number.isFinite(max) || max <= 0) return [0, 1];
  const rough = max / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = Math.max(integer ? 1 : 0, [1, 2, 5, 10].map((multiple) => multiple * power).find((candidate) => candidate >= rough)!);
  const steps = Math.ceil(max / step - 1e-9);
  // toPrecision drops the float noise of 3 × 0.1.
  return Array.from({ length: steps + 1 }, (_, i) => Number((i * step).toPrecision(12)));
}

/**
 * The largest value a chart draws: the longest bar, or the tallest stack when the series are
 * stacked. Text (a suppression marker) and null draw nothing and count as nothing.
 */
export function chartMax(data: Record<string, unknown>[], keys: string[], stacked = false): number {
  let max = 0;
  for (const datum of data) {
    const values = keys.map((key) => datum[key]).filter((value): value is number => typeof value === "number" && Number.isFinite(value));
    const highest = stacked ? values.filter((value) => value > 0).reduce((sum, value) => sum + value, 0) : Math.max(0, ...values);
    max = Math.max(max, highest);
  }
  return max;
}
