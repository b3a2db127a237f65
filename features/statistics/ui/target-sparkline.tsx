import type { ObservedFigure } from "@/features/statistics/target-progress";

const WIDTH = 120;
const HEIGHT = 32;
const PAD = 3;

/**
 * A figure's years as a small line, with its target as a dashed line: drawn on the server, no
 * chart library. One image for a screen reader, named by `label` (the table below holds the figures).
 */
export function TargetSparkline({ points, target, label }: { points: readonly ObservedFigure[]; target: number | null; label: string }) {
  if (points.length < 2) return null;
  const values = [...points.map((p) => p.value), ...(target === null ? [] : [target])];
  const low = Math.min(0, ...values);
  const high = Math.max(...values);
  const y = (value: number) => (high === low ? HEIGHT / 2 : PAD + ((high - value) / (high - low)) * (HEIGHT - 2 * PAD));
  const x = (i: number) => PAD + (i / (points.length - 1)) * (WIDTH - 2 * PAD);
  const line = points.map((p, i) => `${x(i).toFixed(1)},${y(p.value).toFixed(1)}`).join(" ");
  const last = points.length - 1;
  return (
    <svg role="img" aria-label={label} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width={WIDTH} height={HEIGHT} className="mt-2 block">
      {target === null ? null : <line x1={0} x2={WIDTH} y1={y(target)} y2={y(target)} className="stroke-[#b42318]" strokeWidth={1.5} strokeDasharray="4 3" />}
      <polyline points={line} fill="none" className="stroke-brand-600" strokeWidth={2} />
      <circle cx={x(last)} cy={y(points[last]!.value)} r={2.5} className="fill-brand-600" />
    </svg>
  );
}
