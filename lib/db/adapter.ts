import { mkdirSync } from "node:fs";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";

/** Where the embedded database lives when no DATABASE_URL is set. */
export function pgliteDir(): string {
  // The hint stops Turbopack from tracing the whole project into the server bundle.
  return path.resolve(/* turbopackIgnore: true */ process.cwd(), process.env.PGLITE_DIR ?? ".data/pglite");
}

export type DatabaseTarget =
  | { kind: "postgres"; url: string }
  | { kind: "pglite"; dir: string };

/** PostgreSQL when DATABASE_URL is set, otherwise the embedded PGlite folder. */
export function databaseTarget(env: NodeJS.ProcessEnv = process.env): DatabaseTarget {
  const url = env.DATABASE_URL?.trim();
  return url ? { kind: "postgres", url } : { kind: "pglite", dir: pgliteDir() };
}

/**
 * The driver adapter for a target. PGlite is one connection in one process: callers must
 * keep a single instance per folder (see lib/db/index.ts) and close it before another
 * process opens the folder.
 */
export function createAdapter(target: DatabaseTarget): {
  adapter: SqlMigrationAwareDriverAdapterFactory;
  close: () => Promise<void>;
} {
  if (target.kind === "postgres") {
    const adapter = new PrismaPg({ connectionString: target.url, max: poolSize() });
    return { adapter, close: async () => {} };
  }
  // PGlite cannot create a folder whose parent is missing (a fresh checkout has no .data/).
  mkdirSync(target.dir, { recursive: true });
  const pglite = new PGlite(target.dir);
  return { adapter: new PrismaPGlite(pglite), close: () => pglite.close() };
}

function poolSize(): number {
  const size = Number(process.env.DATABASE_POOL_SIZE);
  return Number.isInteger(size) && size > 0 ? size : 10;
}
