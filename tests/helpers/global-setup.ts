import type { TestProject } from "vitest/node";
import pg from "pg";
import { applyMigrations } from "@/lib/db/migrate";

declare module "vitest" {
  export interface ProvidedContext {
    /** A migrated PostgreSQL database for this run, or "" to use in-memory PGlite per file. */
    testDatabaseUrl: string;
    /** A second migrated database on the same server, acting as the pod "pod2"; "" with PGlite. */
    testPod2Url: string;
  }
}

/**
 * With DATABASE_URL set (CI), integration tests run against the PostgreSQL server: one
 * fresh database per run, migrated once, dropped at the end. Each test builds its own
 * tenant inside it, so files run in parallel without wiping anything. A second one beside it
 * is the pod "pod2" of the tests of cities on several pods.
 */
export default async function setup(project: TestProject) {
  const serverUrl = process.env.DATABASE_URL?.trim();
  if (!serverUrl) {
    project.provide("testDatabaseUrl", "");
    project.provide("testPod2Url", "");
    return;
  }
  const name = `entas_test_${Date.now()}_${process.pid}`;
  const names = [name, `${name}_pod2`];
  const testUrl = withDatabase(serverUrl, name);
  const pod2Url = withDatabase(serverUrl, `${name}_pod2`);
  for (const database of names) await admin(serverUrl, `CREATE DATABASE "${database}"`);
  for (const url of [testUrl, pod2Url]) await applyMigrations({ kind: "postgres", url });
  project.provide("testDatabaseUrl", testUrl);
  project.provide("testPod2Url", pod2Url);

  return async () => {
    if (process.env.KEEP_TEST_DATABASE) return;
    for (const database of names) await admin(serverUrl, `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
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
