// A grid that only sets its columns from a breakpoint up has, below it, one implicit column as
// wide as its widest content: a table inside then widens the whole page on a phone instead of
// scrolling in its card. Such grids name their narrow column (`grid-cols-1`, minmax(0, 1fr)).
import { describe, expect, it } from "vitest";
import { readSource, sourceFiles } from "@/tests/helpers/source-files";

const RESPONSIVE_COLUMNS = /^(sm|md|lg|xl|2xl):grid-cols-/;

function gridsWithoutNarrowColumns(source: string): string[] {
  const found: string[] = [];
  for (const [, classes] of source.matchAll(/className="([^"]*)"/g)) {
    const tokens = classes!.split(/\s+/);
    const responsive = tokens.includes("grid") && tokens.some((token) => RESPONSIVE_COLUMNS.test(token));
    if (responsive && !tokens.some((token) => token.startsWith("grid-cols-"))) found.push(classes!);
  }
  return found;
}

describe("responsive grids", () => {
  it("finds a grid whose columns start at a breakpoint, and accepts one with its narrow column", () => {
    expect(gridsWithoutNarrowColumns('<div className="grid gap-4 lg:grid-cols-2" />')).toEqual(["grid gap-4 lg:grid-cols-2"]);
    expect(gridsWithoutNarrowColumns('<div className="grid grid-cols-1 gap-4 lg:grid-cols-2" />')).toEqual([]);
    expect(gridsWithoutNarrowColumns('<div className="flex lg:grid-cols-2" />')).toEqual([]);
  });

  it("give every page a narrow column on a phone", () => {
    const offenders = sourceFiles(["app", "features", "components"], /\.tsx$/).flatMap((file) =>
      gridsWithoutNarrowColumns(readSource(file)).map((classes) => `${file}: ${classes}`),
    );
    expect(offenders).toEqual([]);
  });
});
