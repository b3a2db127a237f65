/** Request headers as a plain object (next-auth) or a Headers instance (next/headers). */
export type HeaderSource = Headers | Record<string, string | string[] | undefined>;

function header(headers: HeaderSource, name: string): string | undefined {
  const value = headers instanceof Headers ? headers.get(name) : headers[name];
  return (Array.isArray(value) ? value.join(",") : value) ?? undefined;
}

/**
 * The client's address for throttling and the audit log. Next.js fills X-Forwarded-For
 * with the socket's address unless a proxy already set it; a proxy in front appends the
 * address it saw. So the trustworthy entry is the one `TRUSTED_PROXY_HOPS` (default 1)
 * from the right: without a proxy in front, anyone can forge the header (see README).
 */
export function clientIp(headers: HeaderSource, hops = trustedProxyHops()): string | null {
  const entries = (header(headers, "x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const ip = entries[Math.max(0, entries.length - hops)] ?? header(headers, "x-real-ip")?.trim();
  if (!ip) return null;
  // IPv4-mapped IPv6 (::ffff:10.0.0.1) is the same client as 10.0.0.1.
  return ip.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "").slice(0, 64);
}

function trustedProxyHops(): number {
  const hops = Number(process.env.TRUSTED_PROXY_HOPS);
  return Number.isInteger(hops) && hops > 0 ? hops : 1;
}

/** The request id a proxy (or proxy.ts) put on the request, for the audit log. */
export function requestId(headers: HeaderSource): string | null {
  return header(headers, "x-request-id")?.slice(0, 100) ?? null;
}

/** The request header proxy.ts fills with the path and query being requested. */
export const PATH_HEADER = "x-entas-path";
