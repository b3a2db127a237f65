/** Latency figures of one measured thing, in milliseconds. */
export type Timing = { n: number; p50: number; p95: number; max: number; mean: number };

export function summarise(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? 0;
  const round = (ms: number) => Math.round(ms * 10) / 10;
  return {
    n: sorted.length,
    p50: round(at(0.5)),
    p95: round(at(0.95)),
    max: round(sorted[sorted.length - 1] ?? 0),
    mean: round(sorted.reduce((s, x) => s + x, 0) / Math.max(1, sorted.length)),
  };
}

/**
 * Runs `fn` `warmup` times unmeasured, then `iterations` times one after another; returns the
 * timing and the last result. A thing slower than `slowMs` is timed once (warm-up included)
 * rather than `iterations` times, so that a city-scale miss does not take the run's hour.
 */
export async function measure<T>(fn: () => Promise<T>, iterations: number, warmup = 1, slowMs = 3_000): Promise<{ timing: Timing; result: T }> {
  let result!: T;
  const samples: number[] = [];
  for (let i = 0; i < warmup; i++) {
    const started = performance.now();
    result = await fn();
    const ms = performance.now() - started;
    if (ms > slowMs) return { timing: summarise([ms]), result };
  }
  for (let i = 0; i < iterations; i++) {
    const started = performance.now();
    result = await fn();
    samples.push(performance.now() - started);
    if (samples[samples.length - 1]! > slowMs) break;
  }
  return { timing: summarise(samples), result };
}

/**
 * Times several ways of answering one question in turns: each round runs every one of them
 * once, in a rotating order, so that a slow second on the machine (another process, a
 * checkpoint, the collector) falls on all of them alike and their ratio holds. Measured one
 * after another instead, thirty runs of one and then thirty of the other compare different
 * half-minutes. Warm-up and `slowMs` as in `measure`.
 */
export async function measureInTurns<K extends string>(
  fns: Record<K, () => Promise<unknown>>,
  iterations: number,
  warmup = 1,
  slowMs = 3_000,
): Promise<Record<K, { timing: Timing; result: unknown }>> {
  const keys = Object.keys(fns) as K[];
  const samples = Object.fromEntries(keys.map((key) => [key, [] as number[]])) as Record<K, number[]>;
  const results = {} as Record<K, unknown>;
  const time = async (key: K) => {
    const started = performance.now();
    results[key] = await fns[key]();
    return performance.now() - started;
  };
  let rounds = iterations;
  for (let i = 0; i < warmup; i++) {
    for (const key of keys) {
      const ms = await time(key);
      if (ms > slowMs) {
        samples[key].push(ms);
        rounds = 0;
      }
    }
  }
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < keys.length; k++) {
      const key = keys[(round + k) % keys.length]!;
      samples[key].push(await time(key));
    }
    if (keys.some((key) => samples[key].at(-1)! > slowMs)) break;
  }
  return Object.fromEntries(keys.map((key) => [key, { timing: summarise(samples[key]), result: results[key] }])) as Record<
    K,
    { timing: Timing; result: unknown }
  >;
}
