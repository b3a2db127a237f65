import { PGlite } from "@electric-sql/pglite";
import { inject } from "vitest";
import { openDb, type Db } from "@/lib/db";
import { applyMigrations } from "@/lib/db/migrate";

export type TestDb = { db: Db; close: () => Promise<void> };

/**
 * A migrated database for one test file: the run's PostgreSQL database when the suite
 * runs against a server (shared; tests isolate themselves by building their own tenant),
 * otherwise a private in-memory PGlite.
 */
export async function openTestDb(): Promise<TestDb> {
  const url = inject("testDatabaseUrl");
  if (url) {
    const handle = openDb({ kind: "postgres", url });
    return { db: handle.client, close: handle.close };
  }

  const pglite = new PGlite();
  await applyMigrations(pglite);
  const handle = openDb(pglite);
  return {
    db: handle.client,
    close: async () => {
      await handle.close();
      await pglite.close();
    },
  };
}

/** A short unique suffix for slugs, codes and emails made by tests. */
export function uniqueSuffix(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}
