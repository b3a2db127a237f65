// A box that scrolls sideways clips only what it is the containing block of: an absolutely
// placed child (a screen reader's `sr-only` label, a marker on a bar) inside a table escapes a
// scroll box that is not positioned, and widens the whole page on a phone. Every sideways
// scroll box is therefore `relative` too.
import { describe, expect, it } from "vitest";
import { readSource, sourceFiles } from "@/tests/helpers/source-files";

function unpositionedScrollBoxes(source: string): string[] {
  const found: string[] = [];
  for (const match of source.matchAll(/className=(?:"([^"]*)"|\{cx\("([^"]*)")/g)) {
    const classes = match[1] ?? match[2]!;
    const tokens = classes.split(/\s+/);
    const scrolls = tokens.some((token) => /^(overflow-x-(auto|scroll)|overflow-(auto|scroll))$/.test(token));
    const positioned = tokens.some((token) => /^(relative|absolute|fixed|sticky)$/.test(token));
    if (scrolls && !positioned) found.push(classes);
  }
  return found;
}

describe("sideways scroll boxes", () => {
  it("finds a scroll box that is not positioned, and accepts one that is", () => {
    expect(unpositionedScrollBoxes('<div className="overflow-x-auto" />')).toEqual(["overflow-x-auto"]);
    expect(unpositionedScrollBoxes('<div className={cx("overflow-x-auto", framed && "border")} />')).toEqual(["overflow-x-auto"]);
    expect(unpositionedScrollBoxes('<div className="relative overflow-x-auto" />')).toEqual([]);
    expect(unpositionedScrollBoxes('<div className="overflow-hidden" />')).toEqual([]);
  });

  it("are positioned on every page, so nothing inside them widens a phone's page", () => {
    const offenders = sourceFiles(["app", "features", "components"], /\.tsx$/).flatMap((file) =>
      unpositionedScrollBoxes(readSource(file)).map((classes) => `${file}: ${classes}`),
    );
    expect(offenders).toEqual([]);
  });
});
