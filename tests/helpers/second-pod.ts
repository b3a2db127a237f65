import pg from "pg";
import { applyMigrations } from "@/lib/db/migrate";
import { withDatabase } from "./global-setup";

/**
 * A second pod for a test file: a fresh database beside the run's own on the same server, with
 * every migration applied, as on every pod. `drop` removes it.
 */
export async function createSecondPod(testUrl: string, name: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const database = `${new URL(testUrl).pathname.slice(1)}_${name}`;
  const url = withDatabase(testUrl, database);
  await onServer(testUrl, `CREATE DATABASE "${database}"`);
  await applyMigrations({ kind: "postgres", url });
  return { url, drop: () => onServer(testUrl, `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`) };
}

async function onServer(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
