import { recordId, recordVersion } from "@/lib/forms/fields";
import { z } from "@/lib/validation/zod";
import { wordsMessage } from "@/lib/errors/words-message";

const areaId = recordId("Validation.labels.area");

const name = z
  .string({ error: wordsMessage("Areas.input.nameRequired") })
  .trim()
  .transform((value) => value.replace(/\s+/g, " "))
  .pipe(z.string().min(2, wordsMessage("Areas.input.nameShort")).max(100, wordsMessage("Areas.input.nameLong")));

/** The city admin's correction of an area's display name; its code never changes. */
export const renameAreaSchema = z.object({ areaId, version: recordVersion, name });
