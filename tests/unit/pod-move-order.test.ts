import { describe, expect, it } from "vitest";
import { inForeignKeyOrder } from "@/lib/db/pod-move/catalog";

const names = (tables: { name: string }[]) => tables.map((table) => table.name);

describe("the order a city's tables are copied in", () => {
  it("puts every parent before its children, by name among equals", () => {
    const tables = ["Repayment", "Loan", "Household", "Area", "Member"].map((name) => ({ name }));
    const edges = [
      { child: "Repayment", parent: "Loan" },
      { child: "Loan", parent: "Household" },
      { child: "Member", parent: "Household" },
      { child: "Household", parent: "Area" },
    ];
    expect(names(inForeignKeyOrder(tables, edges))).toEqual(["Area", "Household", "Loan", "Member", "Repayment"]);
  });

  it("refuses keys that form a cycle", () => {
    const tables = [{ name: "A" }, { name: "B" }];
    expect(() =>
      inForeignKeyOrder(tables, [
        { child: "A", parent: "B" },
        { child: "B", parent: "A" },
      ]),
    ).toThrow(/cycle among A, B/);
  });
});
