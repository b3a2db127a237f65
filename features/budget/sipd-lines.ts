// A SIPD realisation extract names its spending by code, not by Entas's ids or names: the
// sub-kegiatan code a programme carries (Programme.sipdCode) and the account code (kode rekening)
// of one of its budget lines. The line is looked for among the writer's own OPD's programmes of
// one fiscal year only: another OPD's programme with the code gets the same words as no programme
// at all, so an upload tells nothing of what other OPDs plan.
import type { ActionContext } from "@/lib/actions/define";
import { writerOpdId } from "@/lib/auth/scope";
import { wordedError } from "@/lib/errors/worded";

export type SipdCodes = { subKegiatanCode: string; accountCode: string | null; fiscalYear: number };

/** How many account codes a refusal lists, of the lines a sub-kegiatan has. */
const LISTED_ACCOUNTS = 5;

/**
 * The budget line the codes name: with an account code, the programme's line carrying it;
 * without one, the programme's only line. Refused in words (Budget.errors.sipd*) when the
 * codes name no line of the writer's OPD, or more than one.
 */
export async function budgetLineBySipdCodes(ctx: Pick<ActionContext, "tx" | "user">, codes: SipdCodes): Promise<{ id: string; accountCode: string | null }> {
  const { subKegiatanCode: code, accountCode: account, fiscalYear } = codes;
  const programme = { opdId: writerOpdId(ctx.user), fiscalYear, sipdCode: code };
  const lines = await ctx.tx.budgetLine.findMany({ where: { programme }, select: { id: true, accountCode: true }, orderBy: { id: "asc" } });
  if (lines.length === 0) {
    const programmes = await ctx.tx.programme.count({ where: programme });
    throw wordedError("NOT_FOUND", programmes > 0 ? "Budget.errors.sipdNoLines" : "Budget.errors.sipdCodeNotFound", { code, fiscalYear });
  }
  const accounts = [...new Set(lines.map((line) => line.accountCode).filter((value): value is string => value !== null))].sort();
  if (account) {
    const matching = lines.filter((line) => line.accountCode === account);
    if (matching.length === 1) return matching[0]!;
    if (matching.length === 0) {
      const listed = accounts.slice(0, LISTED_ACCOUNTS).join(", ") + (accounts.length > LISTED_ACCOUNTS ? ", …" : "");
      throw wordedError("NOT_FOUND", "Budget.errors.sipdAccountNotFound", { code, account, accounts: listed || "-" });
    }
    throw wordedError("INVALID", "Budget.errors.sipdLineAmbiguous", { code, account, count: matching.length });
  }
  if (lines.length === 1) return lines[0]!;
  // An account code chooses only when the lines carry different ones.
  if (accounts.length === lines.length) throw wordedError("INVALID", "Budget.errors.sipdAccountRequired", { code, count: lines.length });
  throw wordedError("INVALID", "Budget.errors.sipdLinesAmbiguous", { code, count: lines.length });
}

/**
 * The reference of a row of a SIPD extract that carries no SP2D number: the sub-kegiatan, the
 * account and the month, "SIPD 1.06.04.2.01.0001 5.1.06.01.01.0001 2026-03". A SIPD extract
 * without SP2D numbers gives one sum per sub-kegiatan, account and month, so this key is unique
 * as an SP2D number is, and the city's reference index refuses the same extract imported twice,
 * or a row repeated in it (Budget.errors.sipdReferenceTaken). The line's own account code stands
 * in for a row without one, so the file read with or without its KODE REKENING column gives the
 * same key. Longest: 4 + 17 + 17 + 7 + 3 spaces = 48 characters, within the 60 of a reference.
 */
export function sipdReference(codes: SipdCodes & { month: number }): string {
  const month = `${codes.fiscalYear}-${String(codes.month).padStart(2, "0")}`;
  return ["SIPD", codes.subKegiatanCode, codes.accountCode, month].filter(Boolean).join(" ");
}
