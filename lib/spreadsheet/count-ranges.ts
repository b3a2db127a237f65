// The exact range a reader can narrow each hidden count to: the smallest and largest value
// it can take while every sum of the table holds and every hidden count stays in the range its
// marker stands for. Two linear programmes per hidden count (simplex, Bland's rule). A table's
// sums tie rows and columns like a network, so these optima are whole numbers: a count whose
// smallest and largest values agree is known to the reader.
import { type CountGrid, members } from "./count-relations";

type Bounds = { lo: number; hi: number };

const EPS = 1e-9;

/** The hidden counts (keys of `bounds`) that take one value only. */
export function pinnedByProgramme(grid: CountGrid, bounds: ReadonlyMap<number, Bounds>): number[] {
  const vars = [...bounds.keys()];
  const column = new Map(vars.map((cell, j) => [cell, j]));
  const n = vars.length;
  const capped = vars.map((cell) => Number.isFinite(bounds.get(cell)!.hi));
  const slackOf: number[] = [];
  let width = n;
  capped.forEach((isCapped, j) => {
    slackOf[j] = isCapped ? width++ : -1;
  });
  const equalities: { coefs: Map<number, number>; rhs: number }[] = [];
  for (const relation of grid.relations) {
    if (!relation.exact || !members(relation).some((cell) => column.has(cell))) continue;
    const coefs = new Map<number, number>();
    let rhs = 0;
    for (const [cell, sign] of [...relation.parts.map((cell) => [cell, 1] as const), [relation.whole, -1] as const]) {
      const j = column.get(cell);
      if (j === undefined) rhs -= sign * grid.cells[cell]!.value;
      else {
        coefs.set(j, (coefs.get(j) ?? 0) + sign);
        rhs -= sign * bounds.get(cell)!.lo;
      }
    }
    equalities.push({ coefs, rhs });
  }
  const artificial = width;
  const cols = width + equalities.length;
  // Rows: each equality with an artificial start; each capped count's y + s = hi − lo with its slack.
  const rows: number[][] = [];
  const basis: number[] = [];
  equalities.forEach((equality, i) => {
    const sign = equality.rhs < 0 ? -1 : 1;
    const row = new Array<number>(cols + 1).fill(0);
    for (const [j, coef] of equality.coefs) row[j] = sign * coef;
    row[artificial + i] = 1;
    row[cols] = sign * equality.rhs;
    rows.push(row);
    basis.push(artificial + i);
  });
  vars.forEach((cell, j) => {
    if (!capped[j]) return;
    const row = new Array<number>(cols + 1).fill(0);
    row[j] = 1;
    row[slackOf[j]!] = 1;
    row[cols] = bounds.get(cell)!.hi - bounds.get(cell)!.lo;
    rows.push(row);
    basis.push(slackOf[j]!);
  });

  const phaseOne = new Array<number>(cols).fill(0);
  for (let i = 0; i < equalities.length; i += 1) phaseOne[artificial + i] = 1;
  const start = { rows, basis };
  if (minimise(start, phaseOne, cols) > EPS) return []; // the shown table is not consistent: nothing to learn
  // Drive artificials out of the basis; a row that cannot lose its artificial is redundant.
  for (let i = start.rows.length - 1; i >= 0; i -= 1) {
    if (start.basis[i]! < artificial) continue;
    const j = start.rows[i]!.findIndex((value, k) => k < artificial && Math.abs(value) > EPS);
    if (j >= 0) pivot(start, i, j);
    else {
      start.rows.splice(i, 1);
      start.basis.splice(i, 1);
    }
  }

  const pinned: number[] = [];
  vars.forEach((cell, j) => {
    const value = grid.cells[cell]!.value - bounds.get(cell)!.lo;
    const objective = new Array<number>(artificial).fill(0);
    objective[j] = -1;
    const max = -minimise(copy(start), objective, artificial);
    if (max > value + 0.5) return;
    objective[j] = 1;
    const min = minimise(copy(start), objective, artificial);
    if (min < value - 0.5) return;
    pinned.push(cell);
  });
  return pinned;
}

type Tableau = { rows: number[][]; basis: number[] };

function copy(tableau: Tableau): Tableau {
  return { rows: tableau.rows.map((row) => [...row]), basis: [...tableau.basis] };
}

function pivot(tableau: Tableau, r: number, j: number) {
  const row = tableau.rows[r]!;
  const factor = row[j]!;
  for (let k = 0; k < row.length; k += 1) row[k]! /= factor;
  tableau.rows.forEach((other, i) => {
    if (i === r) return;
    const f = other[j]!;
    if (Math.abs(f) < EPS) return;
    for (let k = 0; k < other.length; k += 1) other[k]! -= f * row[k]!;
  });
  tableau.basis[r] = j;
}

/** Minimises cost · z over the tableau's feasible set, entering only columns below `enter`; −∞ when unbounded. */
function minimise(tableau: Tableau, cost: readonly number[], enter: number): number {
  const rhs = tableau.rows[0]?.length ? tableau.rows[0].length - 1 : 0;
  for (;;) {
    // Bland's rule: the first column whose reduced cost is negative enters.
    let entering = -1;
    for (let j = 0; j < enter && entering < 0; j += 1) {
      if (tableau.basis.includes(j)) continue;
      let reduced = cost[j] ?? 0;
      tableau.rows.forEach((row, i) => {
        reduced -= (cost[tableau.basis[i]!] ?? 0) * row[j]!;
      });
      if (reduced < -EPS) entering = j;
    }
    if (entering < 0) break;
    let leaving = -1;
    let best = Number.POSITIVE_INFINITY;
    tableau.rows.forEach((row, i) => {
      if (row[entering]! <= EPS) return;
      const ratio = row[rhs]! / row[entering]!;
      if (ratio < best - EPS || (Math.abs(ratio - best) <= EPS && tableau.basis[i]! < tableau.basis[leaving]!)) {
        best = ratio;
        leaving = i;
      }
    });
    if (leaving < 0) return Number.NEGATIVE_INFINITY;
    pivot(tableau, leaving, entering);
  }
  return tableau.rows.reduce((total, row, i) => total + (cost[tableau.basis[i]!] ?? 0) * row[rhs]!, 0);
}
