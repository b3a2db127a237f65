import { recordVersion } from "@/lib/forms/fields";
import { codeInput } from "@/lib/validation/free-text";
import { z } from "@/lib/validation/zod";

const areaId = codeInput(z.string({ error: "Pilih wilayah." }).trim().min(1, "Pilih wilayah.").max(64));

const name = z
  .string({ error: "Isi nama wilayah." })
  .trim()
  .transform((value) => value.replace(/\s+/g, " "))
  .pipe(z.string().min(2, "Nama wilayah minimal 2 karakter.").max(100, "Nama wilayah maksimal 100 karakter."));

/** The city admin's correction of an area's display name; its code never changes. */
export const renameAreaSchema = z.object({ areaId, version: recordVersion, name });
