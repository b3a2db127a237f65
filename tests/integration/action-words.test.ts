// The pipeline answers in the request's language: an English user reads English words for
// an action's success and for the errors every action shares.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type AnyActionDefinition, defineAction } from "@/lib/actions/define";
import { runAction } from "@/lib/actions/run";
import { notFound, stale } from "@/lib/errors";
import { z } from "@/lib/validation/zod";
import type { SessionUser } from "@/lib/auth/session-user";
import { createOpdDefinition } from "@/features/opds/action-definitions";
import { actionDeps, sessionUser, submitted } from "../helpers/actions";
import { openTestDb, type TestDb } from "../helpers/db";
import { createTestTenant, type TestTenant } from "../helpers/factories";

// Test actions raising the errors lib builds, and one whose schema keeps zod's own messages.
const raising = (name: string, error: () => Error) =>
  defineAction({ name: `test.${name}`, permission: "opd:manage", schema: z.object({}), run: async (): Promise<null> => Promise.reject(error()) });
const counting = defineAction({
  name: "test.count",
  permission: "opd:manage",
  schema: z.object({ count: z.number(), label: z.string().min(3, "Label minimal 3 karakter.") }),
  run: async () => null,
});
const adding = defineAction({ name: "test.add", createsRecords: true, permission: "opd:manage", schema: z.object({}), run: async () => null });

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

  it("says the errors lib builds in English to an English request, and keeps their Indonesian words", async () => {
    const admin = sessionUser(city, "CITY_ADMIN");
    vi.spyOn(console, "error").mockImplementation(() => {});
    const cases: [AnyActionDefinition, string, string][] = [
      [raising("notFoundOpd", () => notFound("OPD")), "OPD not found.", "OPD tidak ditemukan."],
      [raising("notFoundData", () => notFound()), "Record not found.", "Data tidak ditemukan."],
      [raising("stale", stale), "Someone else has changed this record", "Data ini sudah diubah oleh pengguna lain"],
      [
        raising("internal", () => new Error("boom")),
        "Something went wrong on the server. Reference code: req-test.",
        "Terjadi kesalahan pada server. Kode rujukan: req-test.",
      ],
      [
        adding,
        "This form needs to be reloaded before it is sent. Reload the page, then send it again.",
        "Formulir ini perlu dimuat ulang sebelum dikirim. Muat ulang halaman, lalu kirim lagi.",
      ],
    ];
    for (const [definition, english, indonesian] of cases) {
      expect(await runAction(depsIn(admin, "en"), definition, city.slug, {})).toMatchObject({ ok: false, message: english });
      expect(await runAction(depsIn(admin, "id"), definition, city.slug, {})).toMatchObject({ ok: false, message: indonesian });
    }
  });

  it("refuses a signed-out or unpermitted user in their language", async () => {
    const definition = raising("never", () => new Error("not reached"));
    expect(await runAction(depsIn(null, "en"), definition, city.slug, {})).toMatchObject({
      code: "UNAUTHENTICATED",
      message: "Your session has ended. Please sign in again.",
    });
    expect(await runAction(depsIn(null, "id"), definition, city.slug, {})).toMatchObject({ message: "Sesi Anda telah berakhir. Silakan masuk kembali." });
    const reader = sessionUser(city, "AUDITOR");
    expect(await runAction(depsIn(reader, "en"), definition, city.slug, {})).toMatchObject({
      code: "FORBIDDEN",
      message: "You are not authorised to do this.",
    });
    expect(await runAction(depsIn(reader, "id"), definition, city.slug, {})).toMatchObject({ message: "Anda tidak berwenang melakukan tindakan ini." });
  });

  it("gives zod's own field messages in English to an English request; a schema's own words stay", async () => {
    const admin = sessionUser(city, "CITY_ADMIN");
    const english = await runAction(depsIn(admin, "en"), counting, city.slug, { count: "x", label: "a" });
    expect(english).toMatchObject({ ok: false, code: "INVALID", message: "Check the marked fields." });
    expect(english.ok === false && english.fieldErrors?.count?.[0]).toMatch(/^Invalid input: expected number/);
    expect(english.ok === false && english.fieldErrors?.label).toEqual(["Label minimal 3 karakter."]);
    const indonesian = await runAction(depsIn(admin, "id"), counting, city.slug, { count: "x", label: "a" });
    expect(indonesian).toMatchObject({ ok: false, code: "INVALID", message: "Periksa kembali isian yang ditandai." });
    expect(indonesian.ok === false && indonesian.fieldErrors?.count?.[0]).not.toMatch(/^Invalid input/);
  });
});
