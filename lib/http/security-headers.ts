// The headers that depend on the request: proxy.ts sets the Content-Security-Policy with a
// fresh nonce per request (Next.js reads the nonce from the request's policy header and puts
// it on its own scripts) and HSTS over HTTPS. The fixed ones (X-Frame-Options, nosniff,
// Referrer-Policy) are set on every response by next.config.js.
import { createHash } from "node:crypto";
import { INLINE_STYLES } from "./inline-styles";

/** A fresh, unguessable nonce: 16 random bytes in base64. */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}

/** The CSP source that admits one inline style element by its content. */
export function styleHash(css: string): string {
  return `'sha256-${createHash("sha256").update(css, "utf8").digest("base64")}'`;
}

const INLINE_STYLE_HASHES = INLINE_STYLES.map(styleHash).join(" ");

/**
 * The Content-Security-Policy of a page. Scripts run only with this request's nonce (and
 * what they load: 'strict-dynamic'); a style element only with the nonce or as one of the
 * app's own (inline-styles.ts, by hash). Style attributes stay
 * allowed: React renders `style={…}` as attributes (chart and bar sizes, recharts' layout)
 * and an attribute cannot carry a nonce; CSS cannot run script, so this keeps the point of
 * the policy. Nothing may frame a page, and forms post only here.
 */
export function contentSecurityPolicy(nonce: string, options: { https: boolean }): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
    `style-src 'self' 'nonce-${nonce}' ${INLINE_STYLE_HASHES}`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(options.https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/** Two years, subdomains included: sent only over HTTPS, where browsers heed it. */
export const HSTS = "max-age=63072000; includeSubDomains";

/** Whether the client reached us over HTTPS: its connection (client-address.ts), or the configured public URL. */
export function servedOverHttps(clientUsesHttps: boolean, publicUrl: string | undefined = process.env.NEXTAUTH_URL): boolean {
  return clientUsesHttps || Boolean(publicUrl?.startsWith("https://"));
}
