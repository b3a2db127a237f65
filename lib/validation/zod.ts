import { z } from "zod";
import { localeFromCookie } from "@/lib/i18n/locales";

// Zod's own messages in Indonesian, for every schema in the app (forms, imports, actions).
z.config(z.locales.id());

export { z };

const englishErrors = z.locales.en().localeError;

/**
 * Parse options that give zod's own messages (those a schema does not write itself) in the
 * request's language: Indonesian is the default above, so only English needs its map.
 */
export function zodParseParams(locale: string | null | undefined): z.core.ParseContext<z.core.$ZodIssue> | undefined {
  return localeFromCookie(locale ?? undefined) === "en" ? { error: englishErrors } : undefined;
}

/** Turns submitted form fields into a plain object; a field sent several times becomes a list. */
export function formDataToObject(formData: FormData): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (const key of new Set(formData.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const values = formData.getAll(key).map((value) => (typeof value === "string" ? value : value));
    object[key] = values.length === 1 ? values[0] : values;
  }
  return object;
}

/** Field messages keyed by field path ("members.0.nik"), for forms. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_form";
    // biome-ignore lint/suspicious/noAssignInExpressions: the first message for a field makes its list
    (fields[key] ??= []).push(issue.message);
  }
  return fields;
}
