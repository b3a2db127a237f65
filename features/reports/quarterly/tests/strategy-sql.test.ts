// The strategy of each programme kind is named twice: in TypeScript for the report's rows and in
// SQL for the counts kept per strategy (entas_programme_strategy). They must agree.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ProgrammeKind } from "@/lib/generated/prisma/enums";
import { openTestDb, type TestDb } from "@/tests/helpers/db";
import { strategyOfKind } from "../strategy";

let t: TestDb;
beforeAll(async () => {
  t = await openTestDb();
});
afterAll(async () => {
  await t?.close();
});

describe("a programme kind's strategy", () => {
  it("is the same in the report and in the database's counts, for every kind", async () => {
    const kinds = Object.values(ProgrammeKind);
    const rows = await t.db.$queryRaw<{ kind: ProgrammeKind; strategy: string }[]>`
      SELECT k AS kind, entas_programme_strategy(k::"ProgrammeKind") AS strategy FROM unnest(${kinds}::text[]) AS k`;
    expect(Object.fromEntries(rows.map((row) => [row.kind, row.strategy]))).toEqual(Object.fromEntries(kinds.map((kind) => [kind, strategyOfKind(kind)])));
  });
});
