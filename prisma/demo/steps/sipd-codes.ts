import type { ProgrammeSpec } from "../cities/types";

const pad = (value: number, width: number) => String(value).padStart(width, "0");

/**
 * Plausible SIPD sub-kegiatan codes under each OPD's urusan code (1.06 Dinsos, 2.07 Disnaker):
 * the OPD's n-th programme name (in the city's order) gets programme 02–04, kegiatan 2.0n and
 * sub-kegiatan 000n, the same in every year so a carried programme keeps its code.
 */
export function demoSipdCodes(programmes: readonly ProgrammeSpec[]): Map<string, string> {
  const namesByOpd = new Map<string, string[]>();
  for (const spec of programmes) {
    const names = namesByOpd.get(spec.opdCode) ?? [];
    if (!names.includes(spec.name)) names.push(spec.name);
    namesByOpd.set(spec.opdCode, names);
  }
  const codes = new Map<string, string>();
  for (const [opdCode, names] of namesByOpd) {
    names.forEach((name, n) => {
      codes.set(`${opdCode}|${name}`, `${opdCode}.${pad(2 + (n % 3), 2)}.2.${pad(n + 1, 2)}.${pad(n + 1, 4)}`);
    });
  }
  return codes;
}

/** Account codes the way a DPA books such spending; keys are matched in order against the description. */
const ACCOUNTS: readonly [RegExp, string][] = [
  [/hibah uang/i, "5.1.05.05.01.0001"],
  [/bantuan sosial (uang|pendidikan)/i, "5.1.06.01.01.0001"],
  [/bantuan pangan/i, "5.1.06.01.02.0001"],
  [/diserahkan kepada masyarakat|bahan bangunan/i, "5.1.02.01.01.0039"],
  [/iuran jaminan/i, "5.1.02.02.01.0013"],
  [/pelatihan/i, "5.1.02.02.01.0026"],
  [/rapat|koordinasi/i, "5.1.02.02.01.0063"],
  [/survei|data/i, "5.1.02.02.01.0030"],
];

/** A partner's money (CSR, other) is not in the APBD, so it has no account code. */
export function demoAccountCode(line: { fundingSource: string; description: string }): string | null {
  if (line.fundingSource === "CSR" || line.fundingSource === "OTHER") return null;
  return ACCOUNTS.find(([pattern]) => pattern.test(line.description))?.[1] ?? "5.1.02.01.01.0052";
}
