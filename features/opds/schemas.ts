import { recordId, recordVersion } from "@/lib/forms/fields";
import { z } from "@/lib/validation/zod";
import { wordsMessage } from "@/lib/errors/words-message";

const opdId = recordId("Validation.labels.opd");

/** Kode urusan/unit as the city numbers its agencies, e.g. "2.07" or "2.07.01". */
const code = z
  .string({ error: wordsMessage("Opds.input.codeRequired") })
  .trim()
  .min(1, wordsMessage("Opds.input.codeRequired"))
  .max(20, wordsMessage("Opds.input.codeLong"))
  .regex(/^[0-9A-Za-z][0-9A-Za-z.-]*$/, wordsMessage("Opds.input.codeFormat"));

const name = z
  .string({ error: wordsMessage("Opds.input.nameRequired") })
  .trim()
  .min(3, wordsMessage("Opds.input.nameShort"))
  .max(160, wordsMessage("Opds.input.nameLong"));

const shortName = z
  .string({ error: wordsMessage("Opds.input.shortNameRequired") })
  .trim()
  .min(2, wordsMessage("Opds.input.shortNameShort"))
  .max(40, wordsMessage("Opds.input.shortNameLong"));

export const createOpdSchema = z.object({ code, name, shortName });
export const renameOpdSchema = z.object({ opdId, version: recordVersion, name, shortName });
export const opdIdSchema = z.object({ opdId });

/** A ticked checkbox arrives as "on"; an unticked one does not arrive at all. */
const ticked = z.preprocess((value) => value === "on" || value === "true" || value === true, z.boolean());
export const opdRegistryRoleSchema = z.object({ opdId, decidesRegistryChanges: ticked });
