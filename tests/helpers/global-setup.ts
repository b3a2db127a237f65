import type { TestProject } from "vitest/node";
import pg from "pg";
import { applyMigrations } from "@/lib/db/migrate";

declare module "vitest" {
  export interface ProvidedContext {
    /** A migrated PostgreSQL database for this run, or "" to use in-memory PGlite per file. */
    testDatabaseUrl: string;
  }
}

/**
 * With DATABASE_URL set (CI), integration tests run against the PostgreSQL server: one
 * fresh database per run, migrated once, dropped at the end. Each test builds its own
 * tenant inside it, so files run in parallel without wiping anything.
 */
export default async function setup(project: TestProject) {
  const serverUrl = process.env.DATABASE_URL?.trim();
  if (!serverUrl) {
    project.provide("testDatabaseUrl", "");
    return;
  }
  const name = `entas_test_${Date.now()}_${process.pid}`;
  const testUrl = withDatabase(serverUrl, name);
  await admin(serverUrl, `CREATE DATABASE "${name}"`);
  await applyMigrations({ kind: "postgres", url: testUrl });
  project.provide("testDatabaseUrl", testUrl);

  return async () => {
    if (process.env.KEEP_TEST_DATABASE) return;
    await admin(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  };
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function admin(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
