import { describe, expect, it } from "vitest";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, hashPassword, passwordProblems, verifyPassword } from "@/lib/auth/password";

describe("hashPassword / verifyPassword", () => {
  it("hashes with argon2id at the chosen cost, salted", async () => {
    const [first, second] = await Promise.all([hashPassword("rahasia kota 2024"), hashPassword("rahasia kota 2024")]);
    expect(first).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(first).not.toBe(second);
    expect(first).not.toContain("rahasia");
  });

  it("accepts the password and nothing else", async () => {
    const stored = await hashPassword("Sasambo-Mataram 52.71");
    expect(await verifyPassword(stored, "Sasambo-Mataram 52.71")).toBe(true);
    expect(await verifyPassword(stored, "sasambo-mataram 52.71")).toBe(false);
    expect(await verifyPassword(stored, "Sasambo-Mataram 52.71 ")).toBe(false);
    expect(await verifyPassword(stored, "")).toBe(false);
  });

  it("handles non-ASCII passwords", async () => {
    const stored = await hashPassword("kata sandi — ꦲꦏ꧀ꦱꦫ 🌾");
    expect(await verifyPassword(stored, "kata sandi — ꦲꦏ꧀ꦱꦫ 🌾")).toBe(true);
    expect(await verifyPassword(stored, "kata sandi - ꦲꦏ꧀ꦱꦫ 🌾")).toBe(false);
  });

  it("says false, never throws, for a malformed or foreign hash", async () => {
    expect(await verifyPassword("", "whatever-password")).toBe(false);
    expect(await verifyPassword("not a hash", "whatever-password")).toBe(false);
    expect(await verifyPassword("$2b$10$abcdefghijklmnopqrstuuJ4b7nQ0Y6mJ3k0uL1mFz8a2s9yXx7eW", "whatever-password")).toBe(false);
  });
});

describe("passwordProblems", () => {
  it(`needs at least ${PASSWORD_MIN_LENGTH} characters, counted as characters not bytes`, () => {
    expect(passwordProblems("kopi susu")).toEqual(["tooShort"]);
    expect(passwordProblems("kopi susu!")).toEqual([]);
    // 9 emoji are 18 UTF-16 units but 9 characters.
    expect(passwordProblems("🌾🌾🌾🐟🐟🐟🥥🥥🥥")).toEqual(["tooShort"]);
  });

  it(`allows at most ${PASSWORD_MAX_LENGTH} characters`, () => {
    expect(passwordProblems("ab".repeat(PASSWORD_MAX_LENGTH / 2))).toEqual([]);
    expect(passwordProblems(`${"ab".repeat(PASSWORD_MAX_LENGTH / 2)}c`)).toEqual(["tooLong"]);
  });

  it("refuses the email, its name part, common passwords and one repeated character", () => {
    const email = "siti.rahmawati@mataramkota.go.id";
    expect(passwordProblems("Siti.Rahmawati@mataramkota.go.id", { email })).toEqual(["sameAsEmail"]);
    expect(passwordProblems("siti.rahmawati", { email })).toEqual(["sameAsEmail"]);
    expect(passwordProblems("1234567890")).toEqual(["tooCommon"]);
    expect(passwordProblems("Password123")).toEqual(["tooCommon"]);
    expect(passwordProblems("zzzzzzzzzzzz")).toEqual(["tooCommon"]);
    expect(passwordProblems("siti rahmawati tenun ikat", { email })).toEqual([]);
  });
});
