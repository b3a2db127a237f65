// HouseholdAreaCount (prisma/sql/summaries/household-area-counts.sql) against a recount from the
// registry, after random multi-row statements: imports of several households at once, upserts,
// moves, desil and flag changes, status changes and deletions.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Tx } from "@/lib/db";
import { openTestDb, type TestDb } from "@/tests/helpers/db";
import { createTestTenant } from "@/tests/helpers/factories";
import { attempt, inDiscardedWorld, index, indices, picks, type World, runs } from "./world";

let t: TestDb;

beforeAll(async () => {
  t = await openTestDb();
});
afterAll(async () => {
  await t?.close();
});

const kept = (tx: Tx) =>
  tx.$queryRaw<unknown[]>`SELECT "kecamatanId", "kelurahanId", desil, "isExtremePoor", status::text, households FROM "HouseholdAreaCount"
                           WHERE households <> 0 ORDER BY 1, 2, 3, 4, 5`;
const recount = (tx: Tx) =>
  tx.$queryRaw<unknown[]>`SELECT "kecamatanId", "kelurahanId", coalesce(desil, 0) AS desil, "isExtremePoor", status::text, count(*)::int AS households
                            FROM "Household" GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5`;

const desil = fc.option(fc.integer({ min: 1, max: 10 }), { nil: null });
const status = fc.constantFrom("ACTIVE", "GRADUATED", "MOVED", "DECEASED");
const row = fc.record({ area: index, desil, extreme: fc.boolean(), status, existing: fc.option(index, { nil: null }) });

type Row = { area: number; desil: number | null; extreme: boolean; status: string; existing: number | null };
type Command =
  | { kind: "import"; rows: Row[] }
  | { kind: "update"; households: number[]; desil: number | null; extreme: boolean; status: string; move: boolean }
  | { kind: "delete"; households: number[] };

const command: fc.Arbitrary<Command> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant("import" as const), rows: fc.array(row, { minLength: 1, maxLength: 8 }) }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant("update" as const), households: indices, desil, extreme: fc.boolean(), status, move: fc.boolean() }), weight: 3 },
  fc.record({ kind: fc.constant("delete" as const), households: indices }),
);

let serial = 0;

/** Each command is one statement. An import upserts by No. KK: some rows are new, some update households already there. */
async function run(tx: Tx, w: World, c: Command) {
  await attempt(tx, async () => {
    const households = await tx.$queryRaw<{ id: string; noKk: string }[]>`SELECT id, "noKk" FROM "Household" ORDER BY id`;
    switch (c.kind) {
      case "import": {
        const byKk = new Map<string, Row>();
        for (const r of c.rows) {
          const existing = r.existing === null || !households.length ? undefined : households[r.existing % households.length];
          byKk.set(existing?.noKk ?? `9${String(Date.now()).slice(-9)}${String(++serial).padStart(6, "0")}`, r);
        }
        const rows = [...byKk.entries()].map(([noKk, r]) => {
          const area = w.areas[r.area % w.areas.length] as World["areas"][number];
          return [noKk, area.kecamatanId, area.kelurahanId, r.desil, r.extreme, r.status] as const;
        });
        return tx.$executeRawUnsafe(
          `INSERT INTO "Household" ("tenantId", id, "noKk", address, "kecamatanId", "kelurahanId", desil, "isExtremePoor", status, "updatedAt")
             SELECT $1, gen_random_uuid()::text, kk, 'Jl. Uji', kec, kel, d, e, s::"HouseholdStatus", now()
               FROM unnest($2::text[], $3::text[], $4::text[], $5::int[], $6::boolean[], $7::text[]) AS x(kk, kec, kel, d, e, s)
             ON CONFLICT ("tenantId", "noKk") DO UPDATE
               SET "kecamatanId" = EXCLUDED."kecamatanId", "kelurahanId" = EXCLUDED."kelurahanId", desil = EXCLUDED.desil,
                   "isExtremePoor" = EXCLUDED."isExtremePoor", status = EXCLUDED.status`,
          w.tenantId,
          ...[0, 1, 2, 3, 4, 5].map((i) => rows.map((r) => r[i])),
        );
      }
      case "update": {
        const [a, b] = w.areas as [World["areas"][number], World["areas"][number]];
        return tx.$executeRawUnsafe(
          `UPDATE "Household" SET desil = CASE WHEN $7 THEN desil ELSE $8::int END, "isExtremePoor" = $9, status = $10::"HouseholdStatus",
                    "kecamatanId" = CASE WHEN NOT $7 THEN "kecamatanId" WHEN "kecamatanId" = $2 THEN $4 ELSE $2 END,
                    "kelurahanId" = CASE WHEN NOT $7 THEN "kelurahanId" WHEN "kecamatanId" = $2 THEN $5 ELSE $3 END
              WHERE "tenantId" = $1 AND id = ANY($6::text[])`,
          w.tenantId,
          a.kecamatanId,
          a.kelurahanId,
          b.kecamatanId,
          b.kelurahanId,
          picks(
            households.map((h) => h.id),
            c.households,
          ),
          c.move,
          c.desil,
          c.extreme,
          c.status,
        );
      }
      case "delete":
        // Households with members are refused (a foreign key): the statement then changes nothing.
        return tx.$executeRawUnsafe(
          `DELETE FROM "Household" WHERE "tenantId" = $1 AND id = ANY($2::text[])`,
          w.tenantId,
          picks(
            households.map((h) => h.id),
            c.households,
          ),
        );
    }
  });
}

describe("the household counts per area", () => {
  it("stay equal to a recount from the registry after random multi-row statements", async () => {
    const city = await createTestTenant(t.db, t.withTenant);
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 4, maxLength: 14 }), (commands) =>
        inDiscardedWorld(t, city, 2, async (tx, w) => {
          for (const c of commands) await run(tx, w, c);
          expect(await kept(tx)).toEqual(await recount(tx));
        }),
      ),
      { numRuns: runs },
    );
  }, 240_000);
});
