// The keyboard focus ring is a non-text contrast (WCAG 1.4.11): at least 3:1 against what it is
// drawn on. Computed from the colours in app/globals.css: the light pages (white, paper, the
// brand-50 of a hovered row) and, on the dark header, the header's own blue.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const css = readFileSync(new URL("../../app/globals.css", import.meta.url), "utf8");

function colour(name: string): string {
  const value = new RegExp(`--color-${name}:\\s*(#[0-9a-f]{6})\\s*;`, "i").exec(css)?.[1];
  if (!value) throw new Error(`no --color-${name} in globals.css`);
  return value;
}

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const channel = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}

describe("the focus ring", () => {
  it("computes contrast as WCAG does", () => {
    expect(contrast("#ffffff", "#000000")).toBeCloseTo(21, 5);
    // The ring the audit measured: gold on white.
    expect(contrast("#dcae4a", "#ffffff")).toBeCloseTo(2.06, 2);
  });

  it("is drawn in the focus colour, which a dark surface swaps for its own", () => {
    expect(css).toMatch(/:focus-visible\s*\{\s*outline:\s*3px solid var\(--focus-ring\)/);
    expect(css).toMatch(/:root\s*\{\s*--focus-ring:\s*var\(--color-focus\)/);
    expect(css).toMatch(/\[data-surface="dark"\]\s*\{\s*--focus-ring:\s*var\(--color-focus-on-dark\)/);
  });

  it.each([
    ["white", "#ffffff"],
    ["paper", colour("paper")],
    ["brand-50", colour("brand-50")],
  ])("stands out 3:1 against %s", (_name, background) => {
    expect(contrast(colour("focus"), background)).toBeGreaterThanOrEqual(3);
  });

  it("stands out 3:1 against the dark header", () => {
    const header = readFileSync(new URL("../../features/shell/ui/site-header.tsx", import.meta.url), "utf8");
    expect(header).toMatch(/<header data-surface="dark" className="[^"]*\bbg-brand-800\b/);
    expect(contrast(colour("focus-on-dark"), colour("brand-800"))).toBeGreaterThanOrEqual(3);
    // The language switch's darker group inside the header.
    expect(contrast(colour("focus-on-dark"), colour("brand-900"))).toBeGreaterThanOrEqual(3);
  });
});
