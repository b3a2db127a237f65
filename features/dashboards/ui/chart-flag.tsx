"use client";

// A mark on some bars of a chart (the programmes furthest behind the calendar): a hatched
// dark red, the word at the bar's end where the chart is wide enough, and an entry in the
// legend, so the mark reads without colour too (grey print, colour-blind readers).
import { type RefObject, useEffect, useId, useRef, useState } from "react";

/** Dark red, apart from the series blues and greys; 6.5:1 on white. */
export const FLAGGED_COLOR = "#b42318";

/** Room right of the plot for the word at a marked bar's end. */
export const FLAG_LABEL_ROOM = 96;

export type ChartFlag = {
  /** The datum's field holding the word written at a marked bar's end (null: not marked). */
  key: string;
  /** The series whose bars are marked. */
  series: string;
  /** The legend entry: what the mark means. */
  legend: string;
};

const HATCH = `repeating-linear-gradient(45deg, ${FLAGGED_COLOR} 0 4px, white 4px 6px)`;

/** A unique id for the chart's hatching pattern, usable in `url(#…)`. */
export function useFlagPatternId(): string {
  return `flag-${useId().replace(/[^a-zA-Z0-9_-]/g, "")}`;
}

/** The hatching, for the chart's `<defs>`: dark red with white stripes. */
export function FlagPattern({ id }: { id: string }) {
  return (
    <pattern id={id} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
      <rect width="6" height="6" fill={FLAGGED_COLOR} />
      <line x1="5" y1="0" x2="5" y2="6" stroke="white" strokeWidth="2" />
    </pattern>
  );
}

/** The chart's legend: one swatch and name per series, then the mark's. */
export function FlaggedLegend({ series, flag }: { series: { label: string; color: string }[]; flag: ChartFlag }) {
  const items = [...series.map((one) => ({ label: one.label, background: one.color })), { label: flag.legend, background: HATCH }];
  return (
    <ul className="flex flex-wrap justify-center gap-x-5 gap-y-1 text-sm text-ink" data-chart-legend="">
      {items.map((item) => (
        <li key={item.label} className="flex items-center gap-1.5">
          <span aria-hidden="true" className="inline-block size-3.5 shrink-0" style={{ background: item.background }} />
          {item.label}
        </li>
      ))}
    </ul>
  );
}

/** The element's width in CSS pixels, 0 until measured (on the server). */
export function useElementWidth<T extends HTMLElement>(): [RefObject<T | null>, number] {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => setWidth(entry?.contentRect.width ?? 0));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}
