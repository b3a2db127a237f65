// Raw owner-side SQL for the city generator and the benchmark: plain queries and COPY.
// On PostgreSQL a pool of `pg` connections, COPY through pg-copy-streams; on PGlite (the
// smoke test without a server) the one instance, COPY from a blob.
import { once } from "node:events";
import type { Writable } from "node:stream";
import type { PGlite, Transaction } from "@electric-sql/pglite";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";

export type Row = Record<string, unknown>;

/** One session: settings made on it (session_replication_role) stay for its statements. */
export type Session = {
  query<R extends Row = Row>(sql: string, params?: unknown[]): Promise<R[]>;
  /** A COPY … FROM STDIN (text format) fed chunk by chunk. */
  copy(table: string, columns: readonly string[]): Promise<CopySink>;
  release(): Promise<void>;
};

export type CopySink = {
  /** Adds one row; wait for the promise when one is returned (backpressure). */
  row(values: readonly unknown[]): Promise<void> | undefined;
  end(): Promise<number>;
};

export type Sql = {
  kind: "postgres" | "pglite";
  query<R extends Row = Row>(sql: string, params?: unknown[]): Promise<R[]>;
  session(): Promise<Session>;
  close(): Promise<void>;
};

export function postgresSql(url: string, max = 4): Sql {
  const pool = new pg.Pool({ connectionString: url, max });
  return {
    kind: "postgres",
    query: async <R extends Row>(sql: string, params?: unknown[]) => (await pool.query(sql, params as unknown[])).rows as R[],
    session: async () => {
      const client = await pool.connect();
      return {
        query: async <R extends Row>(sql: string, params?: unknown[]) => (await client.query(sql, params as unknown[])).rows as R[],
        copy: async (table, columns) => {
          const stream = client.query(copyFrom(copySql(table, columns)));
          return streamSink(stream);
        },
        release: async () => {
          await client.query("RESET ALL");
          client.release();
        },
      };
    },
    close: () => pool.end(),
  };
}

/**
 * On PGlite the app's client shares the one session and switches it to the restricted role
 * (lib/db/adapter.ts), so each owner statement runs in its own transaction as the session's
 * own user again (`SET LOCAL ROLE NONE`): otherwise row-level security hides every row from
 * the yardsticks and COPY is refused.
 */
export function pgliteSql(pglite: PGlite): Sql {
  const asOwner = <T>(fn: (tx: Transaction) => Promise<T>) =>
    pglite.transaction(async (tx) => {
      await tx.exec("SET LOCAL ROLE NONE");
      return fn(tx);
    });
  const query = <R extends Row>(sql: string, params?: unknown[]) => asOwner(async (tx) => (await tx.query<R>(sql, params)).rows);
  return {
    kind: "pglite",
    query,
    session: async () => ({
      query,
      copy: async (table, columns) => {
        const chunks: string[] = [];
        let batch: string[] = [];
        let rows = 0;
        return {
          row: (values) => {
            batch.push(copyLine(values));
            rows++;
            if (batch.length >= 5_000) chunks.push(batch.join("")), (batch = []);
            return undefined;
          },
          end: async () => {
            chunks.push(batch.join(""));
            await asOwner((tx) => tx.query(`${copySql(table, columns).replace("STDIN", "'/dev/blob'")}`, [], { blob: new Blob(chunks) }));
            return rows;
          },
        };
      },
      release: () => asOwner(async (tx) => void (await tx.exec("RESET session_replication_role"))),
    }),
    close: async () => {},
  };
}

function copySql(table: string, columns: readonly string[]): string {
  return `COPY "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) FROM STDIN`;
}

function streamSink(stream: Writable): CopySink {
  let batch: string[] = [];
  let rows = 0;
  const flush = (): Promise<void> | undefined => {
    const ok = stream.write(batch.join(""));
    batch = [];
    return ok ? undefined : once(stream, "drain").then(() => undefined);
  };
  return {
    row: (values) => {
      batch.push(copyLine(values));
      rows++;
      return batch.length >= 2_000 ? flush() : undefined;
    },
    end: async () => {
      if (batch.length > 0) await flush();
      stream.end();
      await once(stream, "finish");
      return rows;
    },
  };
}

/** One line of COPY's text format: tab-separated, \N for null, backslash escapes. */
export function copyLine(values: readonly unknown[]): string {
  let line = "";
  for (let i = 0; i < values.length; i++) {
    if (i > 0) line += "\t";
    line += copyValue(values[i]);
  }
  return `${line}\n`;
}

const NEEDS_ESCAPE = /[\\\t\n\r]/;

function copyValue(value: unknown): string {
  if (value === null || value === undefined) return "\\N";
  if (typeof value === "string") return NEEDS_ESCAPE.test(value) ? value.replace(/[\\\t\n\r]/g, escapeChar) : value;
  if (value instanceof Date) return value.toISOString();
  return String(value);
}

function escapeChar(char: string): string {
  return char === "\\" ? "\\\\" : char === "\t" ? "\\t" : char === "\n" ? "\\n" : "\\r";
}
