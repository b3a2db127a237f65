// What an audit row keeps of personal data, read from the table in personal-data.ts: identity
// numbers become their last four digits and a keyed tag; names, addresses, birth details and
// health, and an uploaded file's rows become "[redacted]"; nested records are redacted by their field names, whatever
// entity holds them; and a 16-digit number anywhere else is masked as a NIK would be.
import { Prisma } from "@/lib/generated/prisma/client";
import { keyedTag } from "./keyed-hash";
import { PERSONAL_DATA, type PersonalKind, type PersonalModel, personalKind, REDACTED } from "./personal-data";

export { REDACTED };

const NUMBER_KINDS = new Set<PersonalKind>(["nik", "noKk", "registryId", "insuranceNumber"]);
const HIDDEN_KINDS = new Set<PersonalKind>(["name", "address", "rtRw", "birthDate", "birthPlace", "health", "fileRows"]);
const RECURSED_KINDS = new Set<PersonalKind>(["records"]);

const MODELS = new Set<string>(Object.values(Prisma.ModelName));

/**
 * Field names that are redacted wherever they appear nested (in a JSON payload, a report, an
 * entry of an unknown entity). A name personal in one model and not in another (a member's
 * `name`, a user's `name`) is redacted: nested, no one can tell which it was.
 */
const NESTED_KINDS: ReadonlyMap<string, PersonalKind> = (() => {
  const kinds = new Map<string, PersonalKind>();
  for (const model of Object.values(PERSONAL_DATA) as PersonalModel[]) {
    for (const [field, kind] of Object.entries(model.fields)) {
      if (!NUMBER_KINDS.has(kind) && !HIDDEN_KINDS.has(kind)) continue;
      const earlier = kinds.get(field);
      if (!earlier || !NUMBER_KINDS.has(earlier)) kinds.set(field, kind);
    }
  }
  return kinds;
})();

/** What maskedNumber gives: redacting a redacted row again changes nothing. */
const ALREADY_MASKED = /^\**\d{0,4} #[0-9a-f]+$/;

/** "************1234 #3f2a9c1e0b7d4a55": the last four digits and the keyed tag of a number. */
export function maskedNumber(value: string): string {
  const digits = value.trim();
  return `${"*".repeat(Math.max(0, digits.length - 4))}${digits.slice(-4)} #${keyedTag("personal-number", digits)}`;
}

/**
 * A record as an audit row may hold it. For a model of the schema, its own fields are read
 * from its entry in the table (a programme's `name` stays); everything nested, and every field
 * of an entity that is not a model, by the field-name table.
 */
export function redactRecord(entity: string, record: Record<string, unknown>): Record<string, unknown> {
  const ownFields = MODELS.has(entity);
  return Object.fromEntries(
    Object.entries(record).map(([field, value]) => {
      const kind = ownFields ? personalKind(entity, field) : (NESTED_KINDS.get(field) ?? null);
      return [field, kind ? redactValue(kind, value) : redactNested(value)];
    }),
  );
}

function redactValue(kind: PersonalKind, value: unknown): unknown {
  if (value === null || value === undefined) return value;
  if (NUMBER_KINDS.has(kind)) return typeof value === "string" ? (ALREADY_MASKED.test(value) ? value : maskedNumber(value)) : REDACTED;
  if (HIDDEN_KINDS.has(kind)) return REDACTED;
  if (RECURSED_KINDS.has(kind)) return redactNested(value);
  return value;
}

/** A NIK or No. KK typed where no field says so (a search in an export's query, a note). */
const IDENTITY_NUMBER = /\b\d{16}\b/g;

function redactNested(value: unknown): unknown {
  if (typeof value === "string") return value.replace(IDENTITY_NUMBER, maskedNumber);
  if (Array.isArray(value)) return value.map(redactNested);
  if (value && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(
      Object.entries(value).map(([field, item]) => {
        const kind = NESTED_KINDS.get(field);
        return [field, kind ? redactValue(kind, item) : redactNested(item)];
      }),
    );
  }
  return value;
}
