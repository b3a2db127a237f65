// The two actions of a returnable entry kind, declared once for all of them: the head's
// return with a note, and the clerk's resubmission.
import { z } from "@/lib/validation/zod";
import { defineAction } from "@/lib/actions/define";
import { returnNote } from "@/lib/entries/return-note";
import { type ReturnableKind, resubmitEntry, returnEntry } from "@/lib/entries/returns";

/**
 * `name`: the kind's action prefix ("budget.realisations"); `idField` and `id`: the field
 * and schema its other actions use for the entry's id; `revalidate`: the pages showing it.
 */
export function returnActions<Field extends string>(options: {
  kind: ReturnableKind;
  name: string;
  idField: Field;
  id: z.ZodType<string>;
  revalidate: (slug: string, id: string) => string[];
}) {
  const { kind, name, idField, id, revalidate } = options;
  const idOnly = z.object({ [idField]: id } as Record<Field, z.ZodType<string>>);
  const withNote = z.object({ [idField]: id, note: returnNote } as Record<Field | "note", z.ZodType<string>>);
  return {
    return: defineAction({
      name: `${name}.return`,
      permission: "entry:verify",
      schema: withNote,
      run: (ctx, input) => returnEntry(ctx, kind, { id: (input as Record<string, string>)[idField]!, note: (input as { note: string }).note }),
      revalidate: (slug, result) => revalidate(slug, result.id),
      successMessage: "Success.entries.return",
    }),
    resubmit: defineAction({
      name: `${name}.resubmit`,
      permission: "entry:write",
      schema: idOnly,
      run: (ctx, input) => resubmitEntry(ctx, kind, { id: (input as Record<string, string>)[idField]! }),
      revalidate: (slug, result) => revalidate(slug, result.id),
      successMessage: "Success.entries.resubmit",
    }),
  };
}
