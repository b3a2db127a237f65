// A dashboard's figures, each loaded on its own so one that fails or runs out of time costs
// its own panel and nothing else. After a large import left the planner without statistics,
// one slow query made the whole poverty dashboard, filter bar included, answer 500 after a
// minute. Each figure now runs in a transaction of its own (a statement cancelled by the
// statement timeout aborts its transaction, and would take every later query of a shared one
// with it), a few at a time so that one page does not take the pool's every connection.
import type { Tx } from "@/lib/db";

export type PanelFailure = "timeout" | "failed";

/** A figure, or why it is missing. */
export type PanelResult<T> = { ok: true; value: T } | { ok: false; reason: PanelFailure };

type WithTenant = <T>(tenantId: string, fn: (tx: Tx) => Promise<T>) => Promise<T>;

/** Transactions one page runs at once: pages used one before, and the pool has ten. */
export const PAGE_CONCURRENCY = 2;

/**
 * Runs each query of one page in a read transaction of its own, `concurrency` at a time; a query
 * that fails rejects as it would alone.
 */
export function pageReader(tenantId: string, withTenant: WithTenant, concurrency = PAGE_CONCURRENCY) {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async function read<T>(query: (tx: Tx) => Promise<T>): Promise<T> {
    if (running >= concurrency) await new Promise<void>((resolve) => waiting.push(resolve));
    running += 1;
    try {
      return await withTenant(tenantId, query);
    } finally {
      running -= 1;
      waiting.shift()?.();
    }
  };
}

/** A function that runs a query in a transaction of its own (pageReader), or in one shared. */
export type Reader = <T>(query: (tx: Tx) => Promise<T>) => Promise<T>;

/** The reader of one transaction already open: every query in it, one after the other. */
export const readerOf =
  (tx: Tx): Reader =>
  (query) =>
    query(tx);

/**
 * Loads figures for one page: `load(name, query)` starts at once (or when one of the page's
 * slots frees up) and never rejects; a failure is logged with the figure's name and the page
 * shows the panel's own message instead.
 */
export function panelLoader(tenantId: string, withTenant: WithTenant, concurrency = PAGE_CONCURRENCY) {
  const read = pageReader(tenantId, withTenant, concurrency);
  return function load<T>(name: string, query: (tx: Tx) => Promise<T>): Promise<PanelResult<T>> {
    return read(query).then(
      (value) => ({ ok: true as const, value }),
      (error: unknown) => {
        const reason = failureOf(error);
        console.error(`[dashboard panel ${name}] ${reason}`, error);
        return { ok: false as const, reason };
      },
    );
  };
}

/** A statement cancelled by the statement timeout, or a transaction past its own limit: "timeout". */
export function failureOf(error: unknown): PanelFailure {
  const text = `${error instanceof Error ? error.message : String(error)} ${JSON.stringify((error as { cause?: unknown })?.cause ?? "")}`;
  return /statement timeout|57014|Transaction already closed|expired|timed out/i.test(text) ? "timeout" : "failed";
}

/** Several figures one panel needs, all or nothing: the first failure stands for them all. */
export async function allOf<R extends Record<string, Promise<PanelResult<unknown>>>>(
  parts: R,
): Promise<PanelResult<{ [K in keyof R]: Awaited<R[K]> extends PanelResult<infer T> ? T : never }>> {
  const entries = await Promise.all(Object.entries(parts).map(async ([key, promise]) => [key, await promise] as const));
  const failed = entries.find(([, result]) => !result.ok);
  if (failed) return failed[1] as { ok: false; reason: PanelFailure };
  return { ok: true, value: Object.fromEntries(entries.map(([key, result]) => [key, (result as { value: unknown }).value])) as never };
}

/** A figure turned into what its panel shows; a failure of either stays the panel's own. */
export async function mapPanel<T, U>(data: Promise<PanelResult<T>>, build: (value: T) => U | Promise<U>): Promise<PanelResult<U>> {
  const result = await data;
  if (!result.ok) return result;
  try {
    return { ok: true, value: await build(result.value) };
  } catch (error) {
    console.error("[dashboard panel] building the panel failed", error);
    return { ok: false, reason: "failed" };
  }
}
