// The headers that depend on the request: proxy.ts sets the Content-Security-Policy with a
// fresh nonce per request (Next.js reads the nonce from the request's policy header and puts
// it on its own scripts) and HSTS over HTTPS. The fixed ones (X-Frame-Options, nosniff,
// Referrer-Policy) are set on every response by next.config.js.

/** The request header that carries this request's nonce to server components. */
export const NONCE_HEADER = "x-nonce";

/** A fresh, unguessable nonce: 16 random bytes in base64. */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}

/**
 * The Content-Security-Policy of a page. Scripts run only with this request's nonce (and
 * what they load: 'strict-dynamic'); style elements need the nonce too. Style attributes stay
 * allowed: React renders `style={…}` as attributes (chart and bar sizes, recharts' layout)
 * and an attribute cannot carry a nonce; CSS cannot run script, so this keeps the point of
 * the policy. Nothing may frame a page, and forms post only here.
 */
export function contentSecurityPolicy(nonce: string, options: { https: boolean }): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
    `style-src 'self' 'nonce-${nonce}'`,
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
