import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";

// Prisma 7 turns a `_count: { select: { relation: true } }` selection into a join on
// `SELECT …, count(*) FROM <related table> GROUP BY …` over the whole table, and only then picks
// the parent's row. On a city of a million households that made recording one aid hand-over take
// over a second (the programme's count of aid rows). Relations to the big tables are counted by
// a filtered count() or groupBy instead; small ones (an OPD's users) may keep `_count`.
const BIG_RELATIONS = [
  "members",
  "participations",
  "aidDistributions",
  "aidReceived",
  "trainings",
  "loans",
  "installments",
  "repayments",
  "realisations",
  "statusEvents",
  "desilChanges",
  "attendances",
  "followUps",
];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return name === "generated" ? [] : sources(file);
    return /\.tsx?$/.test(name) ? [file] : [];
  });
}

it("counts no relation to a big table through a Prisma _count selection", () => {
  const offenders: string[] = [];
  for (const file of [...sources("lib"), ...sources("features"), ...sources("app")]) {
    const text = readFileSync(file, "utf8");
    for (const match of text.matchAll(/_count:\s*\{\s*select:\s*\{([^}]*)\}/g)) {
      const counted = [...match[1]!.matchAll(/(\w+)\s*:/g)].map((m) => m[1]!);
      const big = counted.filter((relation) => BIG_RELATIONS.includes(relation));
      if (big.length > 0) offenders.push(`${file}: ${big.join(", ")}`);
    }
  }
  expect(offenders).toEqual([]);
});
