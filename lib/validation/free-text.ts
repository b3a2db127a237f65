// Which fields of a schema are free text (a name, a note, a reason), read from the schema
// itself: a plain string with no format or pattern. Everything else (ids, numbers, amounts,
// dates, choices, e-mail addresses, anything matched by a pattern) is a code, and so is a
// string schema marked with `codeInput` (a record id is a plain string to zod).
import type { z } from "zod";
import type { InputPath } from "./bad-bytes";

const codes = new WeakSet<object>();

/** Marks a string schema as an identifier or code, not free text. */
export function codeInput<Schema extends z.ZodType>(schema: Schema): Schema {
  codes.add(schema);
  return schema;
}

type Def = {
  type: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  getter?: () => z.ZodType;
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
  element?: z.ZodType;
  valueType?: z.ZodType;
  options?: z.ZodType[];
  format?: string;
  checks?: { _zod: { def: { check: string } } }[];
};

const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** Whether the input at `path` is free text for `schema`. A field the schema does not read counts as free text: it is dropped. */
export function isFreeTextAt(schema: z.ZodType, path: InputPath): boolean {
  let current: z.ZodType | undefined = schema;
  const rest = [...path];
  for (let depth = 0; current && depth < 64; depth += 1) {
    if (codes.has(current)) return false;
    const def = defOf(current);
    switch (def.type) {
      case "optional":
      case "nullable":
      case "default":
      case "prefault":
      case "catch":
      case "readonly":
      case "nonoptional":
        current = def.innerType;
        continue;
      case "pipe":
        // z.preprocess(fn, schema) reads its input with `schema`; schema.transform(fn) with its
        // own; a.pipe(b) with both (a string piped into a date is a date).
        if (defOf(def.in!).type === "transform") current = def.out;
        else if (defOf(def.out!).type === "transform") current = def.in;
        else return isFreeTextAt(def.in!, rest) && isFreeTextAt(def.out!, rest);
        continue;
      case "lazy":
        current = def.getter!();
        continue;
      case "object": {
        if (rest.length === 0) return false;
        const key = String(rest.shift());
        current = Object.hasOwn(def.shape!, key) ? def.shape![key] : def.catchall;
        if (!current) return true;
        continue;
      }
      case "array":
        if (rest.length === 0) return false;
        rest.shift();
        current = def.element;
        continue;
      case "record":
        if (rest.length === 0) return false;
        rest.shift();
        current = def.valueType;
        continue;
      case "union":
        return def.options!.every((option) => isFreeTextAt(option, rest));
      case "string":
        return rest.length === 0 && !def.format && !(def.checks ?? []).some((check) => check._zod.def.check === "string_format");
      default:
        return false;
    }
  }
  return false;
}
