import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { NOT_PERSONAL, PERSONAL_DATA, type PersonalModel } from "@/lib/privacy/personal-data";

/** Field names that suggest a person: identity numbers, names, where and when they were born, how to reach them. */
const LOOKS_PERSONAL = /nik|^noKk$|kk$|name|address|alamat|phone|telp|birth|email|^rt$|^rw$|disab|religion|ktp|npwp|bpjs|gender/i;

/** The scalar fields of every model in the schema (relations and block attributes left out). */
function schemaFields(): Map<string, string[]> {
  const schema = readFileSync(new URL("../../prisma/schema.prisma", import.meta.url), "utf8");
  const models = new Map<string, string[]>();
  for (const match of schema.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)) {
    const fields = match[2]!
      .split("\n")
      .map((line) => line.trim())
      .filter((line) => /^\w/.test(line))
      .map((line) => line.split(/\s+/))
      .filter(([, type]) => !/^[A-Z]/.test(type ?? "") || /^(String|Int|BigInt|Boolean|DateTime|Decimal|Json|Float|Bytes)\b/.test(type ?? "") || isEnum(type!))
      .map(([name]) => name!);
    models.set(match[1]!, fields);
  }
  return models;

  function isEnum(type: string): boolean {
    return new RegExp(`^enum ${type.replace(/[?[\]]/g, "")} \\{`, "m").test(schema);
  }
}

describe("the table of personal data", () => {
  const models = schemaFields();

  it("classifies every field of the schema that looks personal, as personal or as not", () => {
    const unclassified = [...models].flatMap(([model, fields]) =>
      fields
        .filter((field) => LOOKS_PERSONAL.test(field))
        .filter((field) => !((PERSONAL_DATA as Record<string, PersonalModel>)[model]?.fields[field] || NOT_PERSONAL[model]?.includes(field)))
        .map((field) => `${model}.${field}`),
    );
    expect(unclassified).toEqual([]);
  });

  it("names only models and fields the schema has", () => {
    const tabled = [...Object.entries(PERSONAL_DATA).map(([model, entry]) => [model, Object.keys(entry.fields)] as const), ...Object.entries(NOT_PERSONAL)];
    const missing = tabled.flatMap(([model, fields]) => fields.filter((field) => !models.get(model)?.includes(field)).map((field) => `${model}.${field}`));
    expect(models.size).toBeGreaterThan(20);
    expect(missing).toEqual([]);
  });
});
