// The template's two example rows, named so that the import knows them when they are left in.
export const EXAMPLE_HEAD_NAME = "CONTOH KEPALA";
export const EXAMPLE_SPOUSE_NAME = "CONTOH ISTRI";

const EXAMPLE_NAMES = new Set([EXAMPLE_HEAD_NAME, EXAMPLE_SPOUSE_NAME]);

/** Whether a row's NAMA is one of the template's example rows. */
export function isTemplateExample(name: string | null): boolean {
  return name !== null && EXAMPLE_NAMES.has(name.toUpperCase().replace(/\s+/g, " ").trim());
}
