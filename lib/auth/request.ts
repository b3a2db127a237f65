import { CLIENT_IP_HEADER, CLIENT_PROTO_HEADER } from "./client-address";

/** Request headers as a plain object (next-auth) or a Headers instance (next/headers). */
export type HeaderSource = Headers | Record<string, string | string[] | undefined>;

function header(headers: HeaderSource, name: string): string | undefined {
  const value = headers instanceof Headers ? headers.get(name) : headers[name];
  return (Array.isArray(value) ? value.join(",") : value) ?? undefined;
}

/**
 * The client's address for throttling and the audit log, as client-address-hook.ts decided
 * it from the socket and the trusted proxy hops (TRUSTED_PROXY_HOPS); never read from a
 * header the client controls. Null when the request did not pass the hook.
 */
export function clientIp(headers: HeaderSource): string | null {
  return header(headers, CLIENT_IP_HEADER)?.trim() || null;
}

/** Whether the client's connection (to us, or to the first trusted proxy) was HTTPS. */
export function clientUsesHttps(headers: HeaderSource): boolean {
  return header(headers, CLIENT_PROTO_HEADER) === "https";
}

/** The request id a proxy (or proxy.ts) put on the request, for the audit log. */
export function requestId(headers: HeaderSource): string | null {
  return header(headers, "x-request-id")?.slice(0, 100) ?? null;
}

/** The request header proxy.ts fills with the path and query being requested. */
export const PATH_HEADER = "x-entas-path";
