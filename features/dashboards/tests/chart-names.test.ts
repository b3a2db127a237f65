// A programme's name above its bars on a phone: whole words on lines of the chart's width.
import { describe, expect, it } from "vitest";
import { wrapName } from "@/features/dashboards/ui/chart-text";

describe("a category name above its bars", () => {
  it("keeps a short name on one line", () => {
    expect(wrapName("Pelatihan Barista", 340)).toEqual(["Pelatihan Barista"]);
  });

  it("breaks a long name between words, each line within the width", () => {
    const lines = wrapName("Iuran BPJS Ketenagakerjaan Pekerja Informal dan Bukan Penerima Upah", 340);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(" ")).toBe("Iuran BPJS Ketenagakerjaan Pekerja Informal dan Bukan Penerima Upah");
    for (const line of lines) expect(line.length * 14 * 0.56).toBeLessThanOrEqual(340);
  });

  it("ends a name longer than three lines with an ellipsis", () => {
    const lines = wrapName("Bantuan Biaya Pendidikan Anak Keluarga Miskin Ekstrem di Kelurahan Pesisir Kota", 120);
    expect(lines).toHaveLength(3);
    expect(lines[2]).toMatch(/…$/);
  });
});
