import type { NextConfig } from "next";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { INLINE_STYLES } from "@/lib/http/inline-styles";
import { styleHash } from "@/lib/http/security-headers";
import { proxy } from "@/proxy";

// The config is plain JavaScript (Next.js loads it before any TypeScript).
const CONFIG_FILE: string = "../../next.config.js";
const headerRules = async () => (await ((await import(/* @vite-ignore */ CONFIG_FILE)).default as NextConfig).headers?.()) ?? [];

async function page(path: string, headers: Record<string, string> = {}) {
  return proxy(new NextRequest(`http://localhost:3000${path}`, { headers }));
}

/** The policy's directives by name. */
function directives(policy: string | null): Record<string, string> {
  return Object.fromEntries(
    (policy ?? "")
      .split(";")
      .map((part) => part.trim())
      .filter(Boolean)
      .map((part) => {
        const [name, ...values] = part.split(/\s+/);
        return [name, values.join(" ")];
      }),
  );
}

describe("the Content-Security-Policy proxy.ts puts on every page", () => {
  it("lets only this request's scripts run, frames nothing and posts forms only here", async () => {
    const policy = directives((await page("/mataram")).headers.get("content-security-policy"));
    const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(policy["script-src"] ?? "")?.[1];
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(policy).toEqual({
      "default-src": "'self'",
      "script-src": `'self' 'nonce-${nonce}' 'strict-dynamic'`,
      "style-src": `'self' 'nonce-${nonce}' ${INLINE_STYLES.map(styleHash).join(" ")}`,
      "style-src-attr": "'unsafe-inline'",
      "img-src": "'self' data: blob:",
      "font-src": "'self'",
      "connect-src": "'self'",
      "object-src": "'none'",
      "base-uri": "'self'",
      "form-action": "'self'",
      "frame-ancestors": "'none'",
    });
  });

  it("admits the app's own inline style elements by the SHA-256 of their text", () => {
    expect(styleHash("@media print { @page { size: A4 landscape; margin: 8mm; } }")).toBe("'sha256-NiM2qf89p93L0p62PPr96H1XH2JR4VjT1Dk6ysmVcfk='");
    expect(INLINE_STYLES).toHaveLength(2);
  });

  it("gives every request a nonce of its own, and hands the policy to Next.js in the request", async () => {
    const [first, second] = [await page("/masuk"), await page("/masuk")];
    const nonceOf = (response: Response) => /'nonce-([^']+)'/.exec(response.headers.get("content-security-policy") ?? "")?.[1];
    expect(nonceOf(first)).not.toBe(nonceOf(second));
    // NextResponse.next passes changed request headers on as x-middleware-request-*.
    expect(first.headers.get("x-middleware-request-content-security-policy")).toBe(first.headers.get("content-security-policy"));
  });

  it("sends HSTS and upgrades requests only when the client came over HTTPS", async () => {
    const plain = await page("/masuk", { "x-forwarded-proto": "https" });
    expect(plain.headers.get("strict-transport-security")).toBeNull();
    expect(plain.headers.get("content-security-policy")).not.toContain("upgrade-insecure-requests");
    const secure = await page("/masuk", { "x-entas-client-proto": "https" });
    expect(secure.headers.get("strict-transport-security")).toBe("max-age=63072000; includeSubDomains");
    expect(secure.headers.get("content-security-policy")).toContain("upgrade-insecure-requests");
  });
});

describe("the headers next.config.js puts on every response", () => {
  it("forbids framing and sniffing, and trims the referrer, on every path", async () => {
    const rules = await headerRules();
    const all = rules.find((rule) => rule.source === "/:path*");
    expect(Object.fromEntries((all?.headers ?? []).map(({ key, value }) => [key, value]))).toMatchObject({
      "X-Frame-Options": "DENY",
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "strict-origin-when-cross-origin",
    });
  });

  it("gives the upload route, which proxy.ts skips, a policy that runs and frames nothing", async () => {
    const rules = await headerRules();
    const upload = rules.find((rule) => rule.source === "/:tenant/registri/impor/unggah");
    expect(upload?.headers).toEqual([{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }]);
  });
});
