import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { changePassword } from "@/features/account/change-password";
import { createUserDefinition, resetUserPasswordDefinition } from "@/features/users/action-definitions";
import { runAction } from "@/lib/actions/run";
import { admit, signedInGate } from "@/lib/auth/gate";
import { loadSessionUser, type SessionClaims } from "@/lib/auth/session-user";
import { authenticate } from "@/lib/auth/sign-in";
import { actionDeps, runSubmitted, sessionUser } from "../helpers/actions";
import { openTestDb, uniqueSuffix, type TestDb } from "../helpers/db";
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

const cityAdmin = () => sessionUser(city, "CITY_ADMIN");

async function signIn(email: string, password: string): Promise<SessionClaims> {
  const result = await authenticate(t, { email, password, ip: null });
  if (!result.ok) throw new Error(`sign-in refused: ${result.reason}`);
  const { id, tenantId, role, sessionVersion, sessionId } = result.user;
  return { userId: id, tenantId, role, sessionVersion, signedInAt: Date.now(), sessionId };
}

async function createdByAdmin(passwordMode: "generate" | "manual") {
  const email = `baru-${uniqueSuffix()}@uji.go.id`;
  const password = passwordMode === "manual" ? "gili trawangan biru 9" : undefined;
  const result = await runSubmitted(actionDeps(t, cityAdmin()), createUserDefinition, city.slug, {
    name: "Lalu Pegawai Baru",
    email,
    role: "KELURAHAN",
    kelurahanId: city.kelurahanId,
    passwordMode,
    password,
  });
  if (!result.ok) throw new Error(result.message);
  const data = result.data as { user: { id: string }; password: string | null };
  return { id: data.user.id, email, password: password ?? data.password! };
}

describe("a password an admin gave", () => {
  it("must be changed before any page or action: the session says so and the gate sends the user to change it", async () => {
    for (const mode of ["generate", "manual"] as const) {
      const account = await createdByAdmin(mode);
      const user = await loadSessionUser(t, await signIn(account.email, account.password));
      expect(user?.mustChangePassword).toBe(true);
      expect(admit(user, city.slug, null)).toEqual({ ok: false, denial: "password-change" });
      // Their own account's page stays open, so they can change it.
      expect((await signedInGate({ currentUser: async () => user })).ok).toBe(true);
    }
  });

  it("refuses every action in the user's language until the password is changed", async () => {
    const account = await createdByAdmin("generate");
    const user = await loadSessionUser(t, await signIn(account.email, account.password));
    const deps = { ...actionDeps(t, user), requestMeta: async () => ({ requestId: "req-test", ip: "127.0.0.1", locale: "en" }) };
    const result = await runAction(deps, resetUserPasswordDefinition, city.slug, { userId: account.id, passwordMode: "generate" });
    expect(result).toMatchObject({ ok: false, code: "PASSWORD_CHANGE_REQUIRED" });
    expect(result.ok ? "" : result.message).toMatch(/change the password the admin gave you/i);
  });

  it("stops counting once the user chooses their own, and counts again after an admin resets it", async () => {
    const account = await createdByAdmin("generate");
    const ownPassword = "sate rembiga pedas 7";
    const changed = await changePassword(
      t,
      { id: account.id, tenantId: city.id, email: account.email },
      {
        currentPassword: account.password,
        newPassword: ownPassword,
        confirmPassword: ownPassword,
      },
    );
    expect(changed).toEqual({ ok: true });
    const user = await loadSessionUser(t, await signIn(account.email, ownPassword));
    expect(user?.mustChangePassword).toBe(false);
    expect(admit(user, city.slug, null).ok).toBe(true);

    const reset = await runAction(actionDeps(t, cityAdmin()), resetUserPasswordDefinition, city.slug, { userId: account.id, passwordMode: "generate" });
    if (!reset.ok) throw new Error(reset.message);
    const again = await loadSessionUser(t, await signIn(account.email, (reset.data as { password: string }).password));
    expect(again?.mustChangePassword).toBe(true);
  });
});
