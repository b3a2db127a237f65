// Puts the client's address on every request before Next.js sees it. Next.js gives pages,
// route handlers and proxy.ts no access to the socket, and it keeps a client-sent
// X-Forwarded-For as is, so without this the address would be whatever the client claims.
// Node's `http.server.request.start` channel runs before the server's request handler,
// with the socket in hand: no custom server needed.
import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";
import type { Socket } from "node:net";
import { CLIENT_IP_HEADER, CLIENT_PROTO_HEADER, clientAddressFrom, clientProtocolFrom, trustedProxyHops } from "./client-address";

type RequestStart = { request: IncomingMessage; socket: Socket };

const single = (value: string | string[] | undefined) => (Array.isArray(value) ? value.join(",") : value);

/** Overwrites the internal headers of one request from its socket and the trusted hops. */
export function markClientAddress(request: IncomingMessage, socket: Socket, hops = trustedProxyHops()): void {
  const address = clientAddressFrom(socket.remoteAddress, single(request.headers["x-forwarded-for"]), hops);
  const encrypted = Boolean((socket as Socket & { encrypted?: boolean }).encrypted);
  if (address) request.headers[CLIENT_IP_HEADER] = address;
  else delete request.headers[CLIENT_IP_HEADER];
  request.headers[CLIENT_PROTO_HEADER] = clientProtocolFrom(encrypted, single(request.headers["x-forwarded-proto"]), hops);
}

let installed = false;

/** Marks every request this process serves from now on (idempotent). */
export function installClientAddressHook(): void {
  if (installed) return;
  installed = true;
  subscribe("http.server.request.start", (message) => {
    const { request, socket } = message as RequestStart;
    markClientAddress(request, socket);
  });
}
