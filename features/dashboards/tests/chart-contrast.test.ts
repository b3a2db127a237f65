// Every word a chart writes reads at 4.5:1 or better (WCAG 1.4.3): dark text on white, and a
// figure inside a bar in white or black, whichever its bar's colour allows.
import { createElement, type ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { CHART_COLORS, CHART_TEXT, contrastRatio, TARGET_COLOR, textColorOn } from "@/features/dashboards/ui/chart-colors";
import { chartTickFormatter } from "@/features/dashboards/ui/chart-format";
import { barValueLabel, fitsInBar, legendText, TOOLTIP_ITEM_STYLE } from "@/features/dashboards/ui/chart-text";

const WHITE = "#ffffff";
// Colours the dashboard pages give their series, besides the palette.
const PAGE_COLORS = ["#566273", TARGET_COLOR];

describe("the contrast ratio", () => {
  it("is WCAG's: 21 for black on white, 1 for a colour on itself, 4.48 for #777", () => {
    expect(contrastRatio("#000000", WHITE)).toBeCloseTo(21, 5);
    expect(contrastRatio("#1f5a8e", "#1f5a8e")).toBe(1);
    expect(contrastRatio("#777777", WHITE)).toBeCloseTo(4.48, 2);
    expect(contrastRatio("#c9962f", WHITE)).toBeCloseTo(2.66, 2);
    expect(contrastRatio("red", WHITE)).toBeNull();
  });
});

describe("the words of a chart on its white ground", () => {
  it("tick labels, legend, tooltip and target label reach 4.5:1", () => {
    const legendColor = (legendText("KK") as ReactElement<{ style: { color: string } }>).props.style.color;
    for (const color of [CHART_TEXT, legendColor, TOOLTIP_ITEM_STYLE.color, TARGET_COLOR]) {
      expect(contrastRatio(color, WHITE), color).toBeGreaterThanOrEqual(4.5);
    }
  });

  it("are not written in the series colours, several of which do not", () => {
    const short = CHART_COLORS.filter((color) => contrastRatio(color, WHITE)! < 4.5);
    expect(short).toEqual(["#c9962f", "#4f8dc3", "#82b1d9"]);
    expect(renderToStaticMarkup(legendText("KK") as ReactElement)).toBe(`<span style="color:${CHART_TEXT}">KK</span>`);
  });
});

describe("a figure inside a bar", () => {
  it("reads at 4.5:1 or better on every series colour", () => {
    for (const fill of [...CHART_COLORS, ...PAGE_COLORS]) {
      expect(contrastRatio(textColorOn(fill)!, fill), fill).toBeGreaterThanOrEqual(4.5);
    }
  });

  it("reads at 4.5:1 or better on any grey a bar might take", () => {
    for (let level = 0; level < 256; level += 5) {
      const grey = `#${level.toString(16).padStart(2, "0").repeat(3)}`;
      expect(contrastRatio(textColorOn(grey)!, grey), grey).toBeGreaterThanOrEqual(4.5);
    }
  });

  const label = barValueLabel(chartTickFormatter("rupiah", "id"), true, "#82b1d9");
  const draw = (width: number, fill = "#1f5a8e") =>
    renderToStaticMarkup(createElement("svg", null, label({ value: 15_000_000, fill, viewBox: { x: 10, y: 20, width, height: 24 } }) as ReactElement));

  it("is written, short and in white, at the end of a bar long enough for it", () => {
    expect(draw(200)).toContain('fill="#ffffff"');
    expect(draw(200)).toContain("Rp\u00a015\u00a0juta</text>");
    expect(draw(200, "#c9962f")).toContain('fill="#000000"');
  });

  it("reads on the series' colour when recharts hands it no fill (no Cell colours the bar)", () => {
    const html = renderToStaticMarkup(
      createElement("svg", null, label({ value: 15_000_000, viewBox: { x: 10, y: 20, width: 200, height: 24 } }) as ReactElement),
    );
    expect(html).toContain('fill="#000000"');
  });

  it("is left out of a bar too short or too thin for it", () => {
    expect(draw(40)).toBe("<svg></svg>");
    expect(fitsInBar("1.234", 60, 24, true)).toBe(true);
    expect(fitsInBar("1.234", 60, 12, true)).toBe(false);
    expect(fitsInBar("1.234", 30, 24, true)).toBe(false);
    // A column holds its figure across its width, with room at its top.
    expect(fitsInBar("121", 32, 60, false)).toBe(true);
    expect(fitsInBar("121", 32, 20, false)).toBe(false);
    expect(fitsInBar("121", 24, 60, false)).toBe(false);
  });

  it("is left out for a hidden figure, which has no bar", () => {
    const html = renderToStaticMarkup(
      createElement("svg", null, label({ value: undefined, fill: "#1f5a8e", viewBox: { x: 0, y: 0, width: 200, height: 24 } }) as ReactElement),
    );
    expect(html).toBe("<svg></svg>");
  });
});
