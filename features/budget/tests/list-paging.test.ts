// The budget and programme lists a page at a time by key, and the city's budget per OPD summed
// from the same lines as the page's totals.
import { describe, expect, it } from "vitest";
import { budgetByOpd } from "@/features/budget/by-opd";
import { pageAfter } from "@/features/budget/page-after";

const rows = Array.from({ length: 7 }, (_, i) => ({ id: `r${i}` }));

describe("pageAfter", () => {
  it("pages by the key of the last row shown, and starts over when that row is gone", () => {
    const first = pageAfter(rows, null, 3);
    expect(first).toMatchObject({ nextAfter: "r2", isFirstPage: true, from: 1, to: 3, total: 7 });
    const second = pageAfter(rows, first.nextAfter, 3);
    expect(second.rows.map((row) => row.id)).toEqual(["r3", "r4", "r5"]);
    const last = pageAfter(rows, second.nextAfter, 3);
    expect(last).toMatchObject({ rows: [{ id: "r6" }], nextAfter: null, isFirstPage: false, from: 7, to: 7 });
    expect(pageAfter(rows, "gone", 3).isFirstPage).toBe(true);
  });
});

describe("budgetByOpd", () => {
  it("sums each OPD's lines, counts those behind the calendar, and adds up to the city", () => {
    const line = (opd: string, pagu: bigint, realised: bigint, pendingCount = 0) => ({
      pagu,
      realised,
      pendingCount,
      pendingAmount: BigInt(pendingCount) * 10n,
      programme: { fiscalYear: 2025, opd: { id: opd, shortName: opd.toUpperCase() } },
    });
    const lines = [line("a", 1_000n, 900n), line("a", 1_000n, 100n, 2), line("b", 500n, 0n, 1)];
    const today = { year: 2026, month: 1 };
    const [a, b] = budgetByOpd(lines, 2025, today);
    expect(a).toMatchObject({ id: "a", shortName: "A", lines: 2, linesBehind: 1, pendingCount: 2, pendingAmount: 20n });
    expect(a!.absorption).toMatchObject({ pagu: 2_000n, realised: 1_000n, absorption: 50, gap: -50 });
    expect(b).toMatchObject({ id: "b", lines: 1, linesBehind: 1, pendingCount: 1 });
    expect(a!.absorption.pagu + b!.absorption.pagu).toBe(2_500n);
  });
});
