import type { PGlite } from "@electric-sql/pglite";
import { inject } from "vitest";
import { openDb, openOwnerDb, type Db, type ScopedClient } from "@/lib/db";
import type { DatabaseTarget } from "@/lib/db/adapter";
import { applyMigrations } from "@/lib/db/migrate";
import { openPGlite } from "@/lib/db/pglite";
import { scopesFor } from "@/lib/db/tenant-scope";

/** The app's view: the row-level-security role, scoped by tenant. */
export type TestDb = { db: ScopedClient; close: () => Promise<void>; target: DatabaseTarget | PGlite } & ReturnType<typeof scopesFor>;
/** The owner's view, which row-level security does not restrict: for the seed and fixtures. */
export type TestOwnerDb = { db: Db; close: () => Promise<void> };

/**
 * A migrated database for one test file, connected as the app: the run's PostgreSQL
 * database when the suite runs against a server (shared; each test builds its own
 * tenant), otherwise a private in-memory PGlite.
 */
export async function openTestDb(): Promise<TestDb> {
  const { target, done } = await testTarget();
  const handle = openDb(target);
  return { db: handle.client, ...scopesFor(handle.client), target, close: async () => (await handle.close(), await done()) };
}

/** As openTestDb, connected as the owner. */
export async function openTestOwnerDb(): Promise<TestOwnerDb> {
  const { target, done } = await testTarget();
  const handle = openOwnerDb(target);
  return { db: handle.client, close: async () => (await handle.close(), await done()) };
}

async function testTarget(): Promise<{ target: DatabaseTarget | PGlite; done: () => Promise<void> }> {
  const url = inject("testDatabaseUrl");
  if (url) return { target: { kind: "postgres", url }, done: async () => {} };
  const pglite = openPGlite();
  await applyMigrations(pglite);
  return { target: pglite, done: () => pglite.close() };
}

/** A short unique suffix for slugs, codes and emails made by tests. */
export function uniqueSuffix(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}
