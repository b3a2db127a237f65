// Where a request came from, decided once per request from what cannot be forged: the
// socket's peer, and the X-Forwarded-* entries that the configured proxies in front added.
// The result travels to proxy.ts, pages, actions, route handlers and next-auth in request
// headers that only this code sets (client-address-hook.ts overwrites whatever a client sent).

/** The client's address, as decided from the socket and the trusted hops. */
export const CLIENT_IP_HEADER = "x-entas-client-ip";
/** "https" or "http": how the client reached the first trusted hop (for HSTS). */
export const CLIENT_PROTO_HEADER = "x-entas-client-proto";

/**
 * How many proxies in front of the app append to X-Forwarded-For: `TRUSTED_PROXY_HOPS`,
 * 0 (no proxy: the socket's peer is the client, every forwarded header is the client's
 * own claim) unless set. A proxy in front must be configured here, or every request seems
 * to come from the proxy.
 */
export function trustedProxyHops(env: Record<string, string | undefined> = process.env): number {
  const hops = Number(env.TRUSTED_PROXY_HOPS);
  return Number.isInteger(hops) && hops > 0 ? Math.min(hops, 10) : 0;
}

const entries = (header: string | undefined) =>
  (header ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);

/**
 * The client's address: the socket's peer with no trusted proxy; with N, the address the
 * Nth proxy from us saw, i.e. the Nth X-Forwarded-For entry from the right (each proxy
 * appends its peer). Entries further left are the client's to invent and never count. A
 * chain shorter than N (someone reaching the app around its proxy) gives its leftmost
 * entry; the proxy must be the only way in.
 */
export function clientAddressFrom(socketAddress: string | undefined, forwardedFor: string | undefined, hops: number): string | null {
  const chain = [...entries(hops > 0 ? forwardedFor : undefined), ...(socketAddress ? [socketAddress] : [])];
  const address = chain[Math.max(0, chain.length - 1 - hops)];
  if (!address) return null;
  // IPv4-mapped IPv6 (::ffff:10.0.0.1) is the same client as 10.0.0.1.
  return address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "").slice(0, 64);
}

/**
 * "https" when the client's connection was encrypted: our own socket's, or with trusted
 * proxies the X-Forwarded-Proto the nearest one set (proxies overwrite it, so the last entry).
 */
export function clientProtocolFrom(encrypted: boolean, forwardedProto: string | undefined, hops: number): "https" | "http" {
  if (encrypted) return "https";
  if (hops === 0) return "http";
  return entries(forwardedProto).at(-1)?.toLowerCase() === "https" ? "https" : "http";
}
