import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { createAdapter, databaseTarget, type DatabaseTarget } from "./adapter";

export type Db = PrismaClient;

type Handle = { client: PrismaClient; close: () => Promise<void> };

/**
 * Opens a Prisma client on a database target, or on a PGlite instance the caller owns
 * (tests use an in-memory one). Tests and scripts use this directly.
 */
export function openDb(target: DatabaseTarget | PGlite = databaseTarget()): Handle {
  const { adapter, close } =
    target instanceof PGlite ? { adapter: new PrismaPGlite(target), close: async () => {} } : createAdapter(target);
  const client = new PrismaClient({ adapter });
  return {
    client,
    close: async () => {
      await client.$disconnect();
      await close();
    },
  };
}

// One client per process, kept across hot reloads in development. It is opened on first
// use, never at import, so `next build` and other tooling never touch the database.
const globalForDb = globalThis as unknown as { entasDb?: Handle };

function handle(): Handle {
  globalForDb.entasDb ??= openDb();
  return globalForDb.entasDb;
}

/** The application's database client. */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const client = handle().client;
    const value = Reflect.get(client, property, client);
    return typeof value === "function" ? value.bind(client) : value;
  },
});

/** Closes the process-wide client (scripts call this before exiting). */
export async function closeDb(): Promise<void> {
  const current = globalForDb.entasDb;
  globalForDb.entasDb = undefined;
  await current?.close();
}
