import { describe, expect, it } from "vitest";
import { scopeSettingStatements } from "@/lib/db/scope-settings";

const settings = { role: "entas_app", tenantId: "c0oo1gw3oi3eznres2x6lgs0g", statementTimeoutMs: 15_000, readOnly: false };

describe("a scope's SET LOCAL statements", () => {
  it("set the role, the city and the statement timeout for the transaction only", () => {
    expect(scopeSettingStatements(settings)).toEqual([
      "SET LOCAL ROLE entas_app",
      "SET LOCAL app.tenant_id = 'c0oo1gw3oi3eznres2x6lgs0g'",
      "SET LOCAL statement_timeout = 15000",
    ]);
  });

  it("make a report's transaction read-only, and leave the city empty outside any", () => {
    expect(scopeSettingStatements({ ...settings, tenantId: null, readOnly: true })).toEqual([
      "SET LOCAL ROLE entas_app",
      "SET LOCAL app.tenant_id = ''",
      "SET LOCAL statement_timeout = 15000",
      "SET LOCAL transaction_read_only = on",
    ]);
  });

  it.each([["x'; RESET ROLE; --"], ["a b"], [""], ["x".repeat(65)]])("refuse a tenant id that could leave its quotes: %s", (tenantId) => {
    expect(() => scopeSettingStatements({ ...settings, tenantId })).toThrow(/tenant id/);
  });

  it("refuse a timeout or role that is not one", () => {
    expect(() => scopeSettingStatements({ ...settings, statementTimeoutMs: 1.5 })).toThrow(/timeout/);
    expect(() => scopeSettingStatements({ ...settings, role: "entas_app; RESET ROLE" })).toThrow(/role/);
  });
});
