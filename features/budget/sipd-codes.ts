// SIPD codes (Permendagri 90/2019 nomenclature). A programme carries its sub-kegiatan code in
// full, U.BB.PP.K.KK.SSSS (1.06.04.2.01.0001): the SIPD realisation report is per sub-kegiatan,
// and the programme (1.06.04) and kegiatan (1.06.04.2.01) are its prefixes. A budget line carries
// its account code (kode rekening): 4, 5 or 6, then parts of 1, 2, 2, 2 and 4 digits; the first
// three parts are required, as a DPA may stop at the object (5.1.06) or go down to the sub-rincian.
// The migration's CHECK constraints repeat both patterns.
import { blankToUndefined } from "@/lib/forms/fields";
import { wordsMessage } from "@/lib/errors/words-message";
import { z } from "@/lib/validation/zod";

export const SUB_KEGIATAN_CODE = /^\d\.\d{2}\.\d{2}\.\d\.\d{2}\.\d{4}$/;
export const ACCOUNT_CODE = /^[4-6]\.\d\.\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/;

/** A programme (U.BB.PP) or kegiatan (U.BB.PP.K.KK) code: what a sub-kegiatan code starts with. */
export const SIPD_GROUP_CODE = /^\d\.\d{2}\.\d{2}(\.\d\.\d{2})?$/;

export const isSubKegiatanCode = (value: string) => SUB_KEGIATAN_CODE.test(value);
export const isSipdGroupCode = (value: string) => SIPD_GROUP_CODE.test(value);
export const isAccountCode = (value: string) => ACCOUNT_CODE.test(value);

/** The programme (U.BB.PP) and kegiatan (U.BB.PP.K.KK) a sub-kegiatan code belongs to. */
export function sipdCodeParts(code: string): { programme: string; kegiatan: string } | null {
  if (!isSubKegiatanCode(code)) return null;
  const parts = code.split(".");
  return { programme: parts.slice(0, 3).join("."), kegiatan: parts.slice(0, 5).join(".") };
}

/** The lengths of a programme code (1.06.04) and a kegiatan code (1.06.04.2.01) inside a sub-kegiatan code. */
export const SIPD_PREFIX_LENGTH = { programme: 7, kegiatan: 12 } as const;
export type SipdLevel = keyof typeof SIPD_PREFIX_LENGTH;

/** Spaces around and inside are typing slips, so "1.06.04 .2.01.0001" reads as the code. */
export const compactCode = (value: string) => value.replace(/\s+/g, "");
const squeezed = (value: unknown) => (typeof value === "string" ? compactCode(value) : value);

/** Optional on the forms: blank stores null. */
export const sipdCodeInput = z
  .preprocess((value) => blankToUndefined(squeezed(value)), z.string().regex(SUB_KEGIATAN_CODE, wordsMessage("Programmes.input.sipdCodeFormat")).optional())
  .transform((value) => value ?? null);

export const accountCodeInput = z
  .preprocess((value) => blankToUndefined(squeezed(value)), z.string().regex(ACCOUNT_CODE, wordsMessage("Programmes.input.accountCodeFormat")).optional())
  .transform((value) => value ?? null);
