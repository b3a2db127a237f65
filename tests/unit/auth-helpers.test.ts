import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { clientIp } from "@/lib/auth/request";
import { authSecret, localSecret } from "@/lib/auth/secret";
import { homePath } from "@/features/account/routes";
import { safeCallbackUrl } from "@/lib/auth/session-user";
import { lockedErrorCode, signInError } from "@/lib/auth/sign-in-error";

describe("safeCallbackUrl", () => {
  it.each(["/mataram", "/kupang/registri?desil=1#hasil", "/akun/kata-sandi", "/"])("keeps the path %s", (url) => {
    expect(safeCallbackUrl(url)).toBe(url);
  });

  it.each([
    ["another site", "https://evil.example/mataram"],
    ["protocol-relative", "//evil.example"],
    ["backslash", "/\\evil.example"],
    ["backslash later", "/mataram\\..\\@evil.example"],
    ["control character", "/mataram\n"],
    ["javascript", "javascript:alert(1)"],
    ["relative", "mataram"],
    ["the sign-in page", "/masuk?callbackUrl=/masuk"],
    ["next-auth's endpoints", "/api/auth/signout"],
    ["not a string", ["/mataram"]],
    ["too long", `/${"a".repeat(2001)}`],
  ])("refuses %s", (_label, url) => {
    expect(safeCallbackUrl(url)).toBeNull();
  });
});

describe("homePath", () => {
  it("is the city for a tenant's user and /platform for the platform admin", () => {
    expect(homePath({ tenantSlug: "kupang" })).toBe("/kupang");
    expect(homePath({ tenantSlug: null })).toBe("/platform");
  });
});

describe("signInError", () => {
  it("maps next-auth's error values to messages", () => {
    expect(signInError(null)).toBeNull();
    expect(signInError("CredentialsSignin")).toEqual({ key: "invalid" });
    expect(signInError("inactive")).toEqual({ key: "inactive" });
    expect(signInError(lockedErrorCode(12))).toEqual({ key: "locked", minutes: 12 });
    expect(signInError("locked:0")).toEqual({ key: "locked", minutes: 1 });
    expect(signInError("locked:abc")).toEqual({ key: "unavailable" });
    expect(signInError("Configuration")).toEqual({ key: "unavailable" });
  });
});

describe("clientIp", () => {
  it("reads only the address the client-address hook decided, never X-Forwarded-For or X-Real-IP", () => {
    expect(clientIp({ "x-entas-client-ip": "203.0.113.5", "x-forwarded-for": "1.2.3.4" })).toBe("203.0.113.5");
    expect(clientIp(new Headers({ "x-entas-client-ip": "198.51.100.20" }))).toBe("198.51.100.20");
    expect(clientIp({ "x-forwarded-for": "1.2.3.4", "x-real-ip": "192.0.2.1" })).toBeNull();
  });
});

describe("the session secret", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "entas-secret-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("is NEXTAUTH_SECRET (or AUTH_SECRET) when set", () => {
    expect(authSecret({ NEXTAUTH_SECRET: " from-env ", NODE_ENV: "test" })).toBe("from-env");
    expect(authSecret({ AUTH_SECRET: "auth-env", NODE_ENV: "test" })).toBe("auth-env");
  });

  it("is otherwise generated once into a private file and then reused", () => {
    const file = path.join(dir, "nested", "auth-secret");
    const first = localSecret(file);
    expect(first).toMatch(/^[\w-]{43}$/);
    expect(localSecret(file)).toBe(first);
    expect(readFileSync(file, "utf8").trim()).toBe(first);
    expect(statSync(file).mode & 0o077).toBe(0);
    expect(localSecret(path.join(dir, "other"))).not.toBe(first);
  });

  it("refuses a file whose key is too short", () => {
    const file = path.join(dir, "short");
    writeFileSync(file, "short\n");
    expect(() => localSecret(file)).toThrow(/too short/);
  });
});
