// Prisma's schema engine (the one behind `prisma migrate`) as WebAssembly. The CLI's native
// engine must be downloaded from binaries.prisma.sh, which is not always reachable; this one
// ships on npm and drives the database through a driver adapter instead.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import * as bindings from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { SchemaEngine } from "@prisma/schema-engine-wasm/schema_engine_bg";
import { bindMigrationAwareSqlAdapterFactory, type SqlDriverAdapter, type SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";

export type * from "@prisma/schema-engine-wasm/schema_engine_bg";

let ready: Promise<void> | undefined;

// The package's default entry imports the .wasm file as an ES module, which Node refuses,
// so we instantiate it ourselves. The bindings keep one module-wide instance: load it once.
function loadWasm(): Promise<void> {
  ready ??= (async () => {
    const entry = createRequire(import.meta.url).resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const bytes = await readFile(path.join(path.dirname(entry), "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": withUnrefTimers(bindings) });
    const exports = instance.exports as unknown as { __wbindgen_start: () => void };
    bindings.__wbg_set_wasm(exports);
    exports.__wbindgen_start();
  })();
  return ready;
}

// The engine races its advisory-lock wait against a 10 s timer that it never clears, which
// would keep every process that migrated alive for 10 s; an unref'd timer still fires.
function withUnrefTimers(imports: WebAssembly.ModuleImports): WebAssembly.ModuleImports {
  const patched = { ...imports };
  for (const name of Object.keys(patched).filter((key) => key.startsWith("__wbg_setTimeout_"))) {
    patched[name] = (callback: () => void, ms: number) => setTimeout(callback, ms >>> 0).unref();
  }
  return patched;
}

export type EngineOptions = {
  /** Prisma schema files as [path, content]; needed only by commands that read a schema. */
  datamodels?: [string, string][];
  /** Receives the engine's log lines (JSON). */
  log?: (line: string) => void;
};

/**
 * Runs `work` with a schema engine on the database behind `factory`. The engine never
 * disposes the connections it opens (a pg pool would keep the process alive), so we do.
 */
export async function withSchemaEngine<T>(
  factory: SqlMigrationAwareDriverAdapterFactory,
  { datamodels, log }: EngineOptions,
  work: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  await loadWasm();
  const connections: SqlDriverAdapter[] = [];
  const track = async (connecting: Promise<SqlDriverAdapter>) => {
    const connection = await connecting;
    connections.push(connection);
    return connection;
  };
  const tracked: SqlMigrationAwareDriverAdapterFactory = {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: () => track(factory.connect()),
    connectToShadowDb: () => track(factory.connectToShadowDb()),
  };
  const engine = await bindings.SchemaEngine.new({ datamodels }, (line: string) => log?.(line), bindMigrationAwareSqlAdapterFactory(tracked));
  try {
    return await work(engine);
  } finally {
    engine.free();
    await Promise.allSettled(connections.map((connection) => connection.dispose()));
  }
}
