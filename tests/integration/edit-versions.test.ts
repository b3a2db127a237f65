// Every server action that edits a record someone loaded into a form must carry the version
// the form showed, else two people's saves silently undo each other. Read from the code: a
// new edit action that forgets the version fails here.
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import type { AnyActionDefinition } from "@/lib/actions/define";
import { ROOT, sourceFiles } from "@/tests/helpers/source-files";

vi.mock("server-only", () => ({}));

/**
 * The last word of an action's name when it saves an edit form of an existing record, or a
 * form that replaces a record when it exists (`save`: a setting, a year's figures).
 */
const EDIT_VERBS = /\.(update|rename|edit|save)$/;

const definitionFiles = sourceFiles(["features"], /^action-definitions\.ts$/);
const modules = await Promise.all(definitionFiles.map(async (file) => (await import(path.join(ROOT, file))) as Record<string, unknown>));
const definitions = new Map<string, AnyActionDefinition>();
for (const exports of modules) {
  for (const value of Object.values(exports)) {
    const candidate = value as Partial<AnyActionDefinition> | null;
    if (candidate && typeof candidate === "object" && typeof candidate.name === "string" && candidate.schema && typeof candidate.run === "function") {
      definitions.set(candidate.name, candidate as AnyActionDefinition);
    }
  }
}
const editActions = [...definitions.values()].filter((definition) => EDIT_VERBS.test(definition.name));

describe("edit actions carry the record's version", () => {
  it("finds the edit actions of every feature that has edit forms", () => {
    expect(editActions.map((definition) => definition.name).sort()).toEqual(
      expect.arrayContaining([
        "budget.realisations.update",
        "opds.rename",
        "programmes.budgetLines.update",
        "programmes.update",
        "areas.rename",
        "audit.retention.save",
        "revolvingFunds.funds.update",
        "statistics.save",
        "statistics.targets.save",
        "trainings.update",
        "users.update",
      ]),
    );
  });

  it.each(editActions.map((definition) => [definition.name, definition] as const))("%s refuses a save without the version", async (_name, definition) => {
    const result = await definition.schema.safeParseAsync({});
    expect(result.success).toBe(false);
    const paths = result.error.issues.map((issue: { path: PropertyKey[] }) => issue.path.join("."));
    expect(paths).toContain("version");
  });
});
