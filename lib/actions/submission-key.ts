// The key a form sends with each submission (shared by the browser's forms and the pipeline).

/** The form field that carries it. */
export const SUBMISSION_KEY_FIELD = "submissionKey";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/**
 * A fresh random key (UUID v4). Built from getRandomValues, which browsers offer on plain
 * http too, unlike crypto.randomUUID.
 */
export function newSubmissionKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function isSubmissionKey(value: unknown): value is string {
  return typeof value === "string" && UUID.test(value);
}
