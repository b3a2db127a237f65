import { describe, expect, it } from "vitest";
import { databaseTarget } from "@/lib/db/adapter";

// Behind PgBouncer in transaction mode, DATABASE_URL is the pooler; what needs a session on
// PostgreSQL itself (migrations, the seed) goes to DATABASE_DIRECT_URL (docs/scaling.md).
describe("databaseTarget", () => {
  const pooled = "postgresql://entas_web@127.0.0.1:6432/entas";
  const direct = "postgresql://postgres@127.0.0.1:5432/entas";

  it("gives the app DATABASE_URL, even when a direct URL is set", () => {
    expect(databaseTarget({ DATABASE_URL: pooled, DATABASE_DIRECT_URL: direct })).toEqual({ kind: "postgres", url: pooled });
  });

  it("gives what needs a direct connection DATABASE_DIRECT_URL, and DATABASE_URL without one", () => {
    expect(databaseTarget({ DATABASE_URL: pooled, DATABASE_DIRECT_URL: direct }, { direct: true })).toEqual({ kind: "postgres", url: direct });
    expect(databaseTarget({ DATABASE_URL: direct, DATABASE_DIRECT_URL: " " }, { direct: true })).toEqual({ kind: "postgres", url: direct });
  });

  it("stays on the embedded PGlite without DATABASE_URL", () => {
    expect(databaseTarget({}, { direct: true }).kind).toBe("pglite");
  });
});
