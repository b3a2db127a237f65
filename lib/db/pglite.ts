import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";

/**
 * An embedded database with the contrib extensions the migrations use (pg_trgm: the
 * registry's "contains" name search). The migrations still run on a PGlite without them,
 * and the search then scans, as it would on a server without pg_trgm.
 */
export function openPGlite(dir?: string): PGlite {
  // The options-only form: `new PGlite(undefined, options)` silently drops the extensions.
  return new PGlite({ ...(dir ? { dataDir: dir } : {}), extensions: { pg_trgm } });
}
