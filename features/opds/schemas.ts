import { recordVersion } from "@/lib/forms/fields";
import { codeInput } from "@/lib/validation/free-text";
import { z } from "@/lib/validation/zod";

const opdId = codeInput(z.string({ error: "Pilih OPD." }).trim().min(1, "Pilih OPD.").max(64));

/** Kode urusan/unit as the city numbers its agencies, e.g. "2.07" or "2.07.01". */
const code = z
  .string({ error: "Isi kode OPD." })
  .trim()
  .min(1, "Isi kode OPD.")
  .max(20, "Kode OPD maksimal 20 karakter.")
  .regex(/^[0-9A-Za-z][0-9A-Za-z.-]*$/, "Kode hanya boleh berisi huruf, angka, titik dan tanda hubung, contoh: 2.07.");

const name = z.string({ error: "Isi nama OPD." }).trim().min(3, "Nama OPD minimal 3 karakter.").max(160, "Nama OPD maksimal 160 karakter.");

const shortName = z.string({ error: "Isi singkatan." }).trim().min(2, "Singkatan minimal 2 karakter.").max(40, "Singkatan maksimal 40 karakter.");

export const createOpdSchema = z.object({ code, name, shortName });
export const renameOpdSchema = z.object({ opdId, version: recordVersion, name, shortName });
export const opdIdSchema = z.object({ opdId });

/** A ticked checkbox arrives as "on"; an unticked one does not arrive at all. */
const ticked = z.preprocess((value) => value === "on" || value === "true" || value === true, z.boolean());
export const opdRegistryRoleSchema = z.object({ opdId, decidesRegistryChanges: ticked });
