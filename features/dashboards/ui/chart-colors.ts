/** Series colours: the brand blue, the gold accent, then colours that stay apart in grey print. */
export const CHART_COLORS = ["#1f5a8e", "#c9962f", "#4f8dc3", "#8a6417", "#82b1d9", "#566273"] as const;

/** The target line and the gap to it; its label is text too (6.6:1 on white). */
export const TARGET_COLOR = "#b42318";

/**
 * The words of a chart (ticks, legend, tooltip) are dark, whatever the series colour: the gold
 * and light blue that tell series apart give text of 2.3–2.7:1 on white. The legend's swatch
 * carries the colour.
 */
export const CHART_TEXT = "#1b2430";

/** WCAG 2 contrast ratio of two "#rrggbb" colours, from 1 to 21; null when one is not such a colour. */
export function contrastRatio(a: string, b: string): number | null {
  const [first, second] = [luminance(a), luminance(b)];
  if (first === null || second === null) return null;
  return (Math.max(first, second) + 0.05) / (Math.min(first, second) + 0.05);
}

/**
 * Text drawn inside a bar: white or black, whichever stands out more from the bar's colour.
 * One of the two always reaches 4.58:1. Null for a fill that is not "#rrggbb".
 */
export function textColorOn(fill: string): "#ffffff" | "#000000" | null {
  const [white, black] = [contrastRatio(fill, "#ffffff"), contrastRatio(fill, "#000000")];
  if (white === null || black === null) return null;
  return white >= black ? "#ffffff" : "#000000";
}

function luminance(hex: string): number | null {
  const match = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!match) return null;
  const value = Number.parseInt(match[1]!, 16);
  const [r, g, b] = [value >> 16, (value >> 8) & 255, value & 255].map((channel) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
