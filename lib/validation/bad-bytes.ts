// Characters no input may carry into the database: NUL (PostgreSQL refuses 0x00 in text and
// in JSON) and a UTF-16 surrogate without its pair (not a character at all; it cannot be
// written as UTF-8). Every way in passes through here: the action pipeline, page and route
// queries, and spreadsheet cells. Free text loses them; an identifier, number or code that
// holds them is refused (`BAD_CHARACTERS`), never answered with a server error.

const BAD = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const BAD_ALL = new RegExp(BAD.source, "g");

export function hasBadBytes(text: string): boolean {
  return BAD.test(text);
}

export function stripBadBytes(text: string): string {
  return hasBadBytes(text) ? text.replace(BAD_ALL, "") : text;
}

export type InputPath = (string | number)[];

/**
 * The input with bad bytes removed from every string (in plain objects, lists and file
 * names), and the paths of the strings that held some.
 */
export function cleanInput(input: unknown): { value: unknown; dirty: InputPath[] } {
  const dirty: InputPath[] = [];
  const walk = (value: unknown, path: InputPath): unknown => {
    if (typeof value === "string") {
      if (!hasBadBytes(value)) return value;
      dirty.push(path);
      return stripBadBytes(value);
    }
    if (typeof File !== "undefined" && value instanceof File) {
      // A file's bytes are the import's to read; its name is free text that may be stored.
      return hasBadBytes(value.name) ? new File([value], stripBadBytes(value.name), { type: value.type, lastModified: value.lastModified }) : value;
    }
    if (Array.isArray(value)) return value.map((item, index) => walk(item, [...path, index]));
    if (isPlainObject(value)) {
      const clean: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(value)) {
        const cleanKey = stripBadBytes(key);
        if (cleanKey !== key) dirty.push([...path, cleanKey]);
        clean[cleanKey] = walk(item, [...path, cleanKey]);
      }
      return clean;
    }
    return value;
  };
  return { value: walk(input, []), dirty };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
