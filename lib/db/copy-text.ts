// The text format of COPY … FROM STDIN (lib/db/copy.ts), as pure functions.

/** One COPY text-format field: backslash, tab and line breaks escaped, null as \N. */
export function copyField(value: string | number | boolean | null): string {
  if (value === null) return "\\N";
  const text = typeof value === "string" ? value : String(value);
  return /[\\\t\n\r]/.test(text) ? text.replace(/[\\\t\n\r]/g, (c) => (c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\r")) : text;
}

/** The fields of a COPY text-format line (copyField's inverse). */
export function copyFields(line: string): (string | null)[] {
  return line
    .split("\t")
    .map((field) =>
      field === "\\N"
        ? null
        : field.includes("\\")
          ? field.replace(/\\(.)/g, (_, c: string) => (c === "t" ? "\t" : c === "n" ? "\n" : c === "r" ? "\r" : c))
          : field,
    );
}
