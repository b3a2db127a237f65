import { describe, expect, it } from "vitest";
import { tableCsv } from "@/lib/dashboards/export";
import { hasSuppressedCells, suppressSmallCells } from "@/lib/dashboards/privacy";
import type { DashboardTable } from "@/lib/dashboards/table";

const table: DashboardTable = {
  id: "coverage",
  title: "Cakupan",
  columns: [
    { key: "name", label: "Kelurahan", kind: "text" },
    { key: "extreme", label: "RT miskin ekstrem", kind: "households" },
    { key: "reached", label: "Terjangkau", kind: "households" },
    { key: "coverage", label: "Cakupan", kind: "percent", basedOn: "extreme" },
    { key: "people", label: "Jiwa", kind: "count" },
  ],
  rows: [
    { name: "Ampenan Tengah", extreme: 12, reached: 3, coverage: 25, people: 2 },
    { name: "Pejeruk", extreme: 4, reached: 0, coverage: 0, people: 1 },
    { name: "=HYPERLINK(\"x\")", extreme: 5, reached: 5, coverage: 100, people: 9 },
  ],
  total: { name: "Jumlah", extreme: 21, reached: 8, coverage: 38.1, people: 12 },
};

describe("small-cell suppression", () => {
  it("hides household counts of 1–4 and the rates over them, keeps 0, 5 and other counts", () => {
    const safe = suppressSmallCells(table);
    expect(safe.rows[0]).toEqual({ name: "Ampenan Tengah", extreme: 12, reached: "<5", coverage: 25, people: 2 });
    expect(safe.rows[1]).toEqual({ name: "Pejeruk", extreme: "<5", reached: 0, coverage: "*", people: 1 });
    expect(safe.rows[2]).toMatchObject({ extreme: 5, reached: 5, coverage: 100 });
    expect(safe.total).toEqual(table.total);
    expect(hasSuppressedCells(safe)).toBe(true);
    expect(hasSuppressedCells(suppressSmallCells({ ...table, rows: [table.rows[2]!] }))).toBe(false);
  });

  it("writes the CSV with hidden cells, a note, and no runnable formula", () => {
    const csv = tableCsv(table, { heading: ["Cakupan — Kota Mataram"], suppressionNote: "Sel < 5 disembunyikan" });
    const lines = csv.replace(/^\uFEFF/, "").split("\r\n");
    expect(lines).toContain("Kelurahan,RT miskin ekstrem,Terjangkau,Cakupan,Jiwa");
    expect(lines).toContain("Ampenan Tengah,12,<5,25,2");
    expect(lines).toContain("Pejeruk,<5,0,*,1");
    expect(lines).toContain(`"'=HYPERLINK(""x"")",5,5,100,9`);
    expect(lines).toContain("Sel < 5 disembunyikan");
  });
});
