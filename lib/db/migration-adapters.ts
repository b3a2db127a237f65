// Driver adapters for the schema engine (lib/db/schema-engine.ts) that run a migration the way
// Prisma's native engine does: the whole script as one simple query, i.e. one implicit
// transaction. The stock adapters do not: @prisma/adapter-pg 7.10 splits scripts on every ";"
// (breaking string literals and $$ bodies, and leaving half of a failed migration applied), and
// pglite-prisma-adapter 0.7.2 does not await them (a failed migration is recorded as applied
// and its error goes unhandled).
import type { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { DriverAdapterError, type SqlDriverAdapterFactory, type SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import type pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";

/** Every query on the one pooled connection: the engine's advisory lock is per session. */
export function pgMigrationAdapter(pool: pg.Pool): SqlMigrationAwareDriverAdapterFactory {
  return wholeScripts(new PrismaPg(pool), (script) => pool.query(script));
}

export function pgliteMigrationAdapter(db: PGlite): SqlMigrationAwareDriverAdapterFactory {
  return wholeScripts(new PrismaPGlite(db), (script) => db.exec(script));
}

/** The adapter with `connectToShadowDb` refused: applying migrations never needs one. */
function wholeScripts(factory: SqlDriverAdapterFactory, exec: (script: string) => Promise<unknown>): SqlMigrationAwareDriverAdapterFactory {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => {
      const connection = await factory.connect();
      connection.executeScript = async (script) => {
        await exec(script).catch((error: unknown) => {
          throw asDriverError(error);
        });
      };
      return connection;
    },
    connectToShadowDb: () => Promise.reject(new Error("No shadow database is configured")),
  };
}

/** pg's and PGlite's server errors, in the shape the engine reports (code, message, hint…). */
function asDriverError(error: unknown): unknown {
  if (!(error instanceof Error) || !("code" in error) || !("severity" in error)) return error;
  const { code, severity, message, detail, column, hint } = error as Error & Record<string, string | undefined>;
  return new DriverAdapterError({ kind: "postgres", code: code ?? "", severity: severity ?? "ERROR", message, detail, column, hint });
}
