// A query that selects a kelurahan's bare name shows "Tanjung Karang" twice in a city that has
// two of them; what a user sees or exports names a kelurahan by its label (features/areas/labels.ts).
import { describe, expect, it } from "vitest";
import { readSource, sourceFiles } from "@/tests/helpers/source-files";

/** A Prisma select or include of the kelurahan relation with its name, on one line or several. */
const PLAIN_NAME = /\bkelurahan:\s*(?:true\b|\{\s*select:\s*\{[^}]*\bname:\s*true)/g;

/** Where the bare name is shown beside its kecamatan's name, and why that is enough there. */
const BESIDE_KECAMATAN: Record<string, string> = {
  "features/registry/household/get-household.ts": "the household page's address line: '· Ampenan Tengah, Kec. Ampenan'",
  "features/users/queries.ts": "a kelurahan officer's scope: 'Kel. Ampenan Tengah, Kec. Ampenan'",
};

function plainKelurahanNames(source: string): number {
  return [...source.matchAll(PLAIN_NAME)].length;
}

describe("kelurahan named by their label", () => {
  it("the check finds a bare name, selected on one line or on several", () => {
    expect(plainKelurahanNames(`select: { kelurahan: { select: { name: true } } }`)).toBe(1);
    expect(plainKelurahanNames(`include: {\n  kelurahan: {\n    select: { id: true,\n name: true },\n  },\n}`)).toBe(1);
    expect(plainKelurahanNames(`include: { kelurahan: true }`)).toBe(1);
    expect(plainKelurahanNames(`select: { kelurahanId: true, kecamatan: { select: { name: true } } }`)).toBe(0);
  });

  it("no query of the app selects a kelurahan's bare name to show it", () => {
    const files = sourceFiles(["app", "features", "lib"]).filter((file) => !file.includes("/tests/"));
    const found = files.filter((file) => !(file in BESIDE_KECAMATAN) && plainKelurahanNames(readSource(file)) > 0);
    expect(found).toEqual([]);
    for (const file of Object.keys(BESIDE_KECAMATAN)) expect(plainKelurahanNames(readSource(file)), file).toBeGreaterThan(0);
  });
});
