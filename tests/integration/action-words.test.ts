// The pipeline answers in the request's language: an English user reads English words for
// an action's success and for the errors every action shares.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runAction } from "@/lib/actions/run";
import type { SessionUser } from "@/lib/auth/session-user";
import { createOpdDefinition } from "@/features/opds/action-definitions";
import { actionDeps, sessionUser, submitted } from "../helpers/actions";
import { openTestDb, type TestDb } from "../helpers/db";
import { createTestTenant, type TestTenant } from "../helpers/factories";

let t: TestDb;
let city: TestTenant;

beforeAll(async () => {
  t = await openTestDb();
  city = await createTestTenant(t.db, t.withTenant);
});

afterAll(async () => {
  await t?.close();
});

const depsIn = (user: SessionUser | null, locale?: string) => ({
  ...actionDeps(t, user),
  requestMeta: async () => ({ requestId: "req-test", ip: "127.0.0.1", locale }),
});

describe("the pipeline's words", () => {
  it("says an action's success in English to an English request", async () => {
    const admin = sessionUser(city, "CITY_ADMIN");
    const result = await runAction(
      depsIn(admin, "en"),
      createOpdDefinition,
      city.slug,
      submitted({ code: "DINSOS", name: "Dinas Sosial", shortName: "Dinsos" }),
    );
    expect(result).toMatchObject({ ok: true, message: "OPD added." });
  });

  it("says it in Indonesian to an Indonesian request, and without a language", async () => {
    const admin = sessionUser(city, "CITY_ADMIN");
    const id = await runAction(
      depsIn(admin, "id"),
      createOpdDefinition,
      city.slug,
      submitted({ code: "DINKES", name: "Dinas Kesehatan", shortName: "Dinkes" }),
    );
    expect(id).toMatchObject({ ok: true, message: "OPD ditambahkan." });
    const none = await runAction(
      depsIn(admin),
      createOpdDefinition,
      city.slug,
      submitted({ code: "BAPPEDA", name: "Badan Perencanaan", shortName: "Bappeda" }),
    );
    expect(none).toMatchObject({ ok: true, message: "OPD ditambahkan." });
  });
});
