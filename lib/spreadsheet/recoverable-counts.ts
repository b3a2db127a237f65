// Whether a reader can work a hidden count back out of what a table still shows. The reader
// knows the visible counts, the sums tying rows and columns together (count-relations.ts), and
// the range each hidden marker stands for: "<5" is 1–4, any other hidden count at least 5 (with
// the default threshold; "<10" is 1–9 and the others at least 10 with a threshold of 10)
// (zero is never hidden). Cheap checks first, each fast enough for a table of a thousand rows:
// - the sums as linear equations: a hidden count that a combination of them isolates;
// - the ranges pushed through every sum until nothing narrows: a hidden count left with one value;
// then, where rows and columns cross, the exact ranges (count-ranges.ts).
import { type CountGrid, type CountRelation, members } from "./count-relations";
import { pinnedByProgramme } from "./count-ranges";

export type HiddenReason = "small" | "complement";

type Range = { lo: number; hi: number };

/** The hidden counts the reader can work out (from the sums alone first); empty when none can be. */
export function recoverableCounts(grid: CountGrid, hidden: ReadonlyMap<number, HiddenReason>, threshold: number): number[] {
  const isolated = isolatedBySums(grid, hidden);
  if (isolated.length > 0) return isolated;
  const pinned = pinnedByRanges(grid, hidden, threshold);
  if (pinned.length > 0) return pinned;
  // Ranges pushed through one sum at a time are exact while each count is in one sum only;
  // where rows and columns cross, the reader can combine sums, and only the exact ranges tell.
  const tied = [...hidden.keys()].filter((cell) => grid.relations.filter((relation) => relation.exact && members(relation).includes(cell)).length > 1);
  if (tied.length === 0 || tied.length > EXACT_RANGE_LIMIT) return [];
  const bounds = new Map<number, { lo: number; hi: number }>();
  for (const relation of grid.relations) {
    if (!relation.exact) continue;
    for (const cell of members(relation)) {
      const reason = hidden.get(cell);
      if (reason) bounds.set(cell, reason === "small" ? { lo: 1, hi: threshold - 1 } : { lo: threshold, hi: Number.POSITIVE_INFINITY });
    }
  }
  return pinnedByProgramme(grid, bounds);
}

/**
 * Beyond this many hidden counts in crossing sums the exact ranges cost too much to compute
 * on a page view; the dashboards' crossed tables (kelurahan × reached / not reached, OPD ×
 * target group) stay far below it.
 */
const EXACT_RANGE_LIMIT = 400;

function isolatedBySums(grid: CountGrid, hidden: ReadonlyMap<number, HiddenReason>): number[] {
  const exact = grid.relations.filter((relation) => relation.exact);
  const sumsOf = new Map<number, number[]>();
  exact.forEach((relation, i) => {
    for (const cell of members(relation)) if (hidden.has(cell)) sumsOf.set(cell, [...(sumsOf.get(cell) ?? []), i]);
  });
  if ([...sumsOf.values()].every((sums) => sums.length <= 2)) return bridgeCounts(exact.length, sumsOf);
  return isolatedByElimination(exact, hidden);
}

/**
 * When each hidden count is in at most two sums (its column's and its row's), the sums form a
 * graph: a sum is a node, a hidden count an edge between its two sums, or from its one sum to a
 * free node standing for "no other sum". Every cycle of that graph can carry +1/−1 around
 * without changing a sum (the table's sums are signed so that every cycle balances), so a
 * hidden count is determined exactly when its edge lies on no cycle: when it is a bridge.
 */
function bridgeCounts(sumCount: number, sumsOf: ReadonlyMap<number, number[]>): number[] {
  const free = sumCount;
  const edges = [...sumsOf].map(([cell, sums]) => ({ cell, ends: [sums[0]!, sums[1] ?? free] as const }));
  const incident = Array.from({ length: sumCount + 1 }, () => [] as number[]);
  edges.forEach((edge, e) => {
    incident[edge.ends[0]]!.push(e);
    incident[edge.ends[1]]!.push(e);
  });
  const order = new Array<number>(sumCount + 1).fill(-1);
  const low = new Array<number>(sumCount + 1).fill(0);
  let counter = 0;
  const bridges: number[] = [];
  for (let root = 0; root <= sumCount; root += 1) {
    if (order[root] !== -1) continue;
    order[root] = low[root] = counter++;
    const stack: { node: number; via: number; next: number }[] = [{ node: root, via: -1, next: 0 }];
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const e = incident[top.node]![top.next++];
      if (e !== undefined) {
        if (e === top.via) continue;
        const edge = edges[e]!;
        const other = edge.ends[0] === top.node ? edge.ends[1] : edge.ends[0];
        if (order[other] === -1) {
          order[other] = low[other] = counter++;
          stack.push({ node: other, via: e, next: 0 });
        } else low[top.node] = Math.min(low[top.node]!, order[other]!);
        continue;
      }
      stack.pop();
      const parent = stack[stack.length - 1];
      if (!parent) continue;
      low[parent.node] = Math.min(low[parent.node]!, low[top.node]!);
      if (low[top.node]! > order[parent.node]!) bridges.push(edges[top.via]!.cell);
    }
  }
  return bridges;
}

/** Any other shape of sums: reduced row echelon form over the hidden counts. */
function isolatedByElimination(exact: readonly CountRelation[], hidden: ReadonlyMap<number, HiddenReason>): number[] {
  // A hidden count is determined exactly when some row of the reduced form names it alone.
  const pivots = new Map<number, Map<number, number>>();
  for (const relation of exact) {
    const row = new Map<number, number>();
    for (const part of relation.parts) if (hidden.has(part)) row.set(part, (row.get(part) ?? 0) + 1);
    if (hidden.has(relation.whole)) row.set(relation.whole, (row.get(relation.whole) ?? 0) - 1);
    for (const [pivot, pivotRow] of pivots) {
      const factor = row.get(pivot);
      if (factor) subtract(row, pivotRow, factor);
    }
    const pivot = [...row.keys()].sort((a, b) => a - b)[0];
    if (pivot === undefined) continue;
    const scale = row.get(pivot)!;
    for (const [cell, value] of row) row.set(cell, value / scale);
    for (const other of pivots.values()) {
      const factor = other.get(pivot);
      if (factor) subtract(other, row, factor);
    }
    pivots.set(pivot, row);
  }
  return [...pivots].filter(([, row]) => row.size === 1).map(([pivot]) => pivot);
}

function subtract(row: Map<number, number>, pivotRow: ReadonlyMap<number, number>, factor: number) {
  for (const [cell, value] of pivotRow) {
    const next = (row.get(cell) ?? 0) - factor * value;
    if (Math.abs(next) < 1e-9) row.delete(cell);
    else row.set(cell, next);
  }
}

function pinnedByRanges(grid: CountGrid, hidden: ReadonlyMap<number, HiddenReason>, threshold: number): number[] {
  const ranges = grid.cells.map((cell, i): Range => {
    const reason = hidden.get(i);
    if (reason === "small") return { lo: 1, hi: threshold - 1 };
    if (reason === "complement") return { lo: threshold, hi: Number.POSITIVE_INFINITY };
    return { lo: cell.value, hi: cell.value };
  });
  const touched = grid.relations.filter((relation) => members(relation).some((cell) => hidden.has(cell)));
  const sumsOf = new Map<number, number[]>();
  touched.forEach((relation, i) => {
    for (const cell of members(relation)) if (hidden.has(cell)) sumsOf.set(cell, [...(sumsOf.get(cell) ?? []), i]);
  });
  // Work through the sums whose cells narrowed, until none does (or a generous budget is spent).
  // Short sums (a row's) go first, so a long one (a column's) is read again only once they settle.
  const short: number[] = [];
  const long: number[] = [];
  const enqueue = (i: number) => {
    (touched[i]!.parts.length < 8 ? short : long).push(i);
  };
  touched.forEach((_, i) => {
    enqueue(i);
  });
  const queued = touched.map(() => true);
  const narrow = (cell: number, lo: number, hi: number) => {
    const range = ranges[cell]!;
    const next = { lo: Math.max(range.lo, Math.ceil(lo - 1e-9)), hi: Math.min(range.hi, Math.floor(hi + 1e-9)) };
    if (next.lo === range.lo && next.hi === range.hi) return;
    ranges[cell] = next;
    for (const i of sumsOf.get(cell) ?? []) {
      if (queued[i]) continue;
      queued[i] = true;
      enqueue(i);
    }
  };
  for (let budget = 50 * touched.length + 10_000; (short.length > 0 || long.length > 0) && budget > 0; budget -= 1) {
    const i = (short.length > 0 ? short.pop() : long.pop())!;
    queued[i] = false;
    const relation = touched[i]!;
    let lo = 0;
    let hiFinite = 0;
    let unbounded = 0;
    let maxLo = 0;
    for (const part of relation.parts) {
      const range = ranges[part]!;
      lo += range.lo;
      maxLo = Math.max(maxLo, range.lo);
      if (range.hi === Number.POSITIVE_INFINITY) unbounded += 1;
      else hiFinite += range.hi;
    }
    const hi = unbounded > 0 ? Number.POSITIVE_INFINITY : hiFinite;
    const hiWithout = (range: Range) => {
      const open = range.hi === Number.POSITIVE_INFINITY;
      return unbounded - (open ? 1 : 0) > 0 ? Number.POSITIVE_INFINITY : hiFinite - (open ? 0 : range.hi);
    };
    const whole = ranges[relation.whole]!;
    if (relation.exact) {
      // whole = Σ parts: each side bounded by the other; a part by the whole less the rest.
      narrow(relation.whole, lo, hi);
      for (const part of relation.parts) {
        const range = ranges[part]!;
        if (hidden.has(part)) narrow(part, whole.lo - hiWithout(range), whole.hi - (lo - range.lo));
      }
    } else {
      // A household in several parts counts once: max(parts) ≤ whole ≤ Σ parts.
      narrow(relation.whole, maxLo, hi);
      for (const part of relation.parts) {
        const range = ranges[part]!;
        if (hidden.has(part)) narrow(part, whole.lo - hiWithout(range), whole.hi);
      }
    }
  }
  return [...hidden.keys()].filter((cell) => ranges[cell]!.lo >= ranges[cell]!.hi);
}
