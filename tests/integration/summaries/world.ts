// A small city for the summary property tests: two kecamatan, two OPDs, programmes of two
// years, trainings in every state, households with two members each and a Dana PEM fund per
// kelurahan. The tests then run random multi-row statements against it and compare each
// summary with a recount from the base tables.
import fc from "fast-check";
import type { Tx } from "@/lib/db";
import type { TestDb } from "@/tests/helpers/db";
import type { TestTenant } from "@/tests/helpers/factories";
import { addKelurahan, makeHousehold } from "@/features/registry/tests/registry-fixtures";

export type World = {
  tenantId: string;
  areas: { kecamatanId: string; kelurahanId: string }[];
  opds: string[];
  programmes: string[];
  trainings: string[];
  households: string[];
  members: { id: string; householdId: string }[];
  funds: string[];
};

export async function buildWorld(tx: Tx, tenant: TestTenant, households = 6): Promise<World> {
  const tenantId = tenant.id;
  const second = await addKelurahan(tx, tenant);
  const areas = [{ kecamatanId: tenant.kecamatanId, kelurahanId: tenant.kelurahanId }, second];
  const opds = [];
  for (const code of ["1", "2"]) opds.push((await tx.opd.create({ data: { tenantId, code, name: `Dinas ${code}`, shortName: `D${code}` } })).id);
  const programmes = [];
  for (const [i, fiscalYear] of [2024, 2024, 2025].entries()) {
    const opdId = opds[i % 2] as string;
    programmes.push((await tx.programme.create({ data: { tenantId, opdId, fiscalYear, name: `Program ${i}`, kind: "TRAINING" } })).id);
  }
  const trainings = [];
  for (const [i, status] of (["VERIFIED", "VERIFIED", "VERIFIED", "DRAFT"] as const).entries()) {
    const programmeId = programmes[i % programmes.length] as string;
    const opdId = opds[i % 2] as string;
    const training = await tx.training.create({
      data: {
        tenantId,
        programmeId,
        opdId,
        skill: `Keahlian ${i}`,
        place: "BLK",
        capacity: 30,
        status,
        startDate: new Date("2024-03-01"),
        endDate: new Date("2024-03-20"),
      },
    });
    trainings.push(training.id);
  }
  const householdIds = [];
  const members = [];
  for (let i = 0; i < households; i++) {
    const area = areas[i % 2] as World["areas"][number];
    const made = await makeHousehold(tx, tenant, { ...area, desil: (i % 3) + 1, members: [{ name: `Kepala ${i}` }, { name: `Istri ${i}` }] });
    householdIds.push(made.household.id);
    for (const m of made.members) members.push({ id: m.id, householdId: made.household.id });
  }
  const funds = [];
  for (const area of areas) {
    funds.push((await tx.revolvingFund.create({ data: { tenantId, kelurahanId: area.kelurahanId, year: 2024, maxLoan: 10_000_000n, maxTenorMonths: 12 } })).id);
  }
  return { tenantId, areas, opds, programmes, trainings, households: householdIds, members, funds };
}

/** Picks of existing rows are indices, read modulo the rows there are when the statement runs. */
export const pick = (rows: readonly string[], index: number): string | undefined => (rows.length ? rows[index % rows.length] : undefined);
export const picks = (rows: readonly string[], indices: readonly number[]): string[] => [
  ...new Set(indices.map((i) => pick(rows, i)).filter((x): x is string => x !== undefined)),
];

export const index = fc.nat({ max: 40 });
/** Several indices, repeats allowed: several rows of one participant or household in one statement. */
export const indices = fc.array(index, { minLength: 1, maxLength: 6 });
export const entryStatus = fc.constantFrom("DRAFT", "VERIFIED");

/**
 * Runs one statement behind a savepoint; a statement the database refuses (a unique key taken,
 * a row in use) changes nothing, which is what a summary must then show.
 */
export async function attempt(tx: Tx, run: () => Promise<unknown>): Promise<void> {
  await tx.$executeRawUnsafe("SAVEPOINT summary_statement");
  try {
    await run();
    await tx.$executeRawUnsafe("RELEASE SAVEPOINT summary_statement");
  } catch (error) {
    // Only a unique or foreign key refusal is expected; a check constraint of a summary table
    // (counts never below 0) failing is a trigger's bug and must fail the test.
    const text = `${(error as Error).message} ${JSON.stringify((error as { meta?: unknown }).meta ?? {})}`;
    if (/check constraint/i.test(text) || !/23505|23503|unique constraint|foreign key constraint|duplicate key/i.test(text)) throw error;
    await tx.$executeRawUnsafe("ROLLBACK TO SAVEPOINT summary_statement");
  }
}

class Discarded extends Error {}

/**
 * Builds the world in the tenant, hands it to `body` (the statements, then the comparison) and
 * rolls everything back, so each run of a property starts from the same city at the cost of
 * one transaction. Each statement still fires its triggers as in any transaction.
 */
export async function inDiscardedWorld(t: TestDb, tenant: TestTenant, households: number, body: (tx: Tx, w: World) => Promise<void>) {
  try {
    await t.withTenant(tenant.id, async (tx) => {
      await body(tx, await buildWorld(tx, tenant, households));
      throw new Discarded();
    });
  } catch (error) {
    if (!(error instanceof Discarded)) throw error;
  }
}

/** Runs per property: few by default, so the suite stays fast; SUMMARY_RUNS=500 to search harder. */
export const runs = Number(process.env.SUMMARY_RUNS) || 30;
