import type { ReactElement, ReactNode } from "react";
import type { LabelProps } from "recharts";
import { CHART_TEXT, textColorOn } from "./chart-colors";

/** Size of the figures written inside bars. */
const VALUE_SIZE = 13;
/** Room left between a figure and the end of its bar. */
const VALUE_PAD = 6;

/** A legend entry's words, dark: recharts would write them in the series colour. */
export function legendText(value: ReactNode): ReactNode {
  return <span style={{ color: CHART_TEXT }}>{value}</span>;
}

/** The tooltip's lines, dark for the same reason. */
export const TOOLTIP_ITEM_STYLE = { color: CHART_TEXT };

/**
 * Whether a figure fits inside a bar of this size, with room at the bar's end (its right end
 * when horizontal, its top when a column). Figures are digits and a few letters; 0.62 em a
 * character errs on the wide side, so a figure left out never would have crowded.
 */
export function fitsInBar(text: string, width: number, height: number, horizontal: boolean, fontSize = VALUE_SIZE): boolean {
  const [along, across] = horizontal ? [width, height] : [height, width];
  const [length, thickness] = horizontal ? [text.length * fontSize * 0.62, fontSize] : [fontSize, text.length * fontSize * 0.62];
  return along >= length + 2 * VALUE_PAD && across >= thickness + 2;
}

/**
 * Room a horizontal chart keeps at its right for its last tick's label, centred on the axis's
 * end: half the label and a little more ("Rp 50 juta" would otherwise lose its last letters,
 * and recharts leaves out a label it finds running past the edge), 16 px at least.
 */
export function lastTickRoom(text: string, fontSize = 14): number {
  return Math.max(16, Math.ceil((text.length * fontSize * 0.62) / 2) + 8);
}

/**
 * Draws a bar's figure inside its end (the right end of a horizontal bar, the top of a column)
 * in white or black, whichever reads on the bar's colour; a bar too short for it gets none,
 * the axis and the table carry it then. recharts hands the label a fill only when a Cell
 * colours the bar: `barColor` is the series' own.
 */
export function barValueLabel(format: (value: unknown) => string, horizontal: boolean, barColor: string) {
  return (props: LabelProps): ReactElement | null => {
    const { value, fill, viewBox } = props;
    if (typeof value !== "number" || !viewBox || !("width" in viewBox)) return null;
    const { x, y, width, height } = viewBox;
    const text = format(value);
    const color = textColorOn(typeof fill === "string" ? fill : barColor);
    if (!color || !fitsInBar(text, width, height, horizontal)) return null;
    return (
      <text
        x={horizontal ? x + width - VALUE_PAD : x + width / 2}
        y={horizontal ? y + height / 2 : y + VALUE_PAD + VALUE_SIZE / 2}
        fill={color}
        fontSize={VALUE_SIZE}
        textAnchor={horizontal ? "end" : "middle"}
        dominantBaseline="central"
      >
        {text}
      </text>
    );
  };
}

/**
 * A category's name broken into lines of at most `width` px (0.56 em a character, ordinary
 * words), at most `maxLines` of them, the last cut with an ellipsis when the name runs on.
 */
export function wrapName(name: string, width: number, maxLines = 3, fontSize = 14): string[] {
  const perLine = Math.max(8, Math.floor(width / (fontSize * 0.56)));
  const lines: string[] = [];
  let line = "";
  for (const word of name.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (next.length <= perLine || !line) line = next;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  const cut = lines.slice(0, maxLines).map((one) => (one.length > perLine ? `${one.slice(0, perLine - 1)}…` : one));
  if (lines.length > maxLines) cut[maxLines - 1] = `${cut[maxLines - 1]!.slice(0, perLine - 1).trimEnd()}…`;
  return cut;
}
