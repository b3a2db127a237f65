// Every action's success message is a key of the Success namespace with words in both
// languages, so the pipeline can say it in the user's language. A new action with its
// message written out, or with words in one catalogue only, fails here.
import { describe, expect, it, vi } from "vitest";
import { successWordsIn } from "@/lib/actions/error-words";
import { registeredActions } from "@/lib/actions/server";
import { catalogues } from "@/lib/i18n/catalogues";
import { readSource, ROOT, sourceFiles } from "../helpers/source-files";

vi.mock("server-only", () => ({}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("next/headers", () => ({ headers: async () => new Headers(), cookies: async () => ({ getAll: () => [], set: () => {} }) }));
vi.mock("next/navigation", () => ({ redirect: () => {}, notFound: () => {} }));
vi.mock("next-intl/server", () => ({ getTranslations: async () => (key: string) => key, getLocale: async () => "id" }));
vi.mock("@/lib/auth/session", () => ({ getSessionUser: async () => null }));

const USE_SERVER_FIRST = /^(?:\s+|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*["']use server["']/;
const serverFiles = sourceFiles(["app", "features", "lib"], /\.ts$/).filter((file) => USE_SERVER_FIRST.test(readSource(file)));
await Promise.all(serverFiles.map((file) => import(`${ROOT}/${file}`)));
const { tenant, platform } = registeredActions();
const definitions = [...tenant, ...platform];

/** The words at a dotted key of a catalogue, or undefined when the key names no string. */
function wordsAt(messages: unknown, key: string): unknown {
  return key.split(".").reduce<unknown>((node, part) => (node && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined), messages);
}

describe("success messages", () => {
  it("finds the actions of the code, most with a success message", () => {
    expect(definitions.filter((definition) => definition.successMessage).length).toBeGreaterThan(50);
  });

  it("are catalogue keys with words in Indonesian and English", () => {
    const wrong = definitions.flatMap((definition) => {
      const key = definition.successMessage;
      if (key === undefined) return [];
      const missing = (["id", "en"] as const).filter((locale) => typeof wordsAt(catalogues[locale], key) !== "string");
      return missing.length > 0 || !key.startsWith("Success.") ? [`${definition.name}: ${key} (missing in ${missing.join(", ") || "-"})`] : [];
    });
    expect(wrong).toEqual([]);
  });

  it("say different words in English than in Indonesian", () => {
    const same = definitions.flatMap((definition) => {
      const key = definition.successMessage;
      return key && successWordsIn(key, "en") === successWordsIn(key, "id") ? [`${definition.name}: ${key}`] : [];
    });
    expect(same).toEqual([]);
  });

  it("are said in the request's language, Indonesian by default", () => {
    expect(successWordsIn("Success.users.create", "en")).toBe("User added.");
    expect(successWordsIn("Success.users.create", "id")).toBe("Pengguna ditambahkan.");
    expect(successWordsIn("Success.users.create", null)).toBe("Pengguna ditambahkan.");
    expect(successWordsIn(undefined, "en")).toBeUndefined();
  });
});
