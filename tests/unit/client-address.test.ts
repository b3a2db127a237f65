import { request as httpRequest, createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientAddressFrom, clientProtocolFrom, trustedProxyHops } from "@/lib/auth/client-address";
import { installClientAddressHook } from "@/lib/auth/client-address-hook";
import { clientIp, clientUsesHttps } from "@/lib/auth/request";

describe("trustedProxyHops", () => {
  it("trusts no forwarded header unless TRUSTED_PROXY_HOPS says how many proxies are in front", () => {
    expect(trustedProxyHops({})).toBe(0);
    expect(trustedProxyHops({ TRUSTED_PROXY_HOPS: "0" })).toBe(0);
    expect(trustedProxyHops({ TRUSTED_PROXY_HOPS: "2" })).toBe(2);
    expect(trustedProxyHops({ TRUSTED_PROXY_HOPS: "-1" })).toBe(0);
    expect(trustedProxyHops({ TRUSTED_PROXY_HOPS: "satu" })).toBe(0);
  });
});

describe("clientAddressFrom", () => {
  it("takes the socket's peer without a trusted proxy, whatever X-Forwarded-For claims", () => {
    expect(clientAddressFrom("203.0.113.7", "198.51.100.1", 0)).toBe("203.0.113.7");
    expect(clientAddressFrom("::ffff:127.0.0.1", undefined, 0)).toBe("127.0.0.1");
    expect(clientAddressFrom("::1", "10.0.0.1", 0)).toBe("::1");
  });

  it("takes the entry the Nth proxy appended, never one the client wrote further left", () => {
    // client → proxy A (appends the client) → proxy B (appends A) → us (the socket is B).
    expect(clientAddressFrom("10.0.0.2", "6.6.6.6, 198.51.100.9", 1)).toBe("198.51.100.9");
    expect(clientAddressFrom("10.0.0.2", "6.6.6.6, 198.51.100.9, 10.0.0.1", 2)).toBe("198.51.100.9");
  });

  it("gives the leftmost of a chain shorter than the hops, and null with nothing at all", () => {
    expect(clientAddressFrom("10.0.0.2", undefined, 1)).toBe("10.0.0.2");
    expect(clientAddressFrom(undefined, undefined, 0)).toBeNull();
  });
});

describe("clientProtocolFrom", () => {
  it("believes X-Forwarded-Proto only from a trusted proxy", () => {
    expect(clientProtocolFrom(false, "https", 0)).toBe("http");
    expect(clientProtocolFrom(true, undefined, 0)).toBe("https");
    expect(clientProtocolFrom(false, "https", 1)).toBe("https");
    expect(clientProtocolFrom(false, "https, http", 1)).toBe("http");
    expect(clientProtocolFrom(false, undefined, 1)).toBe("http");
  });
});

describe("the client-address hook, on a real HTTP server", () => {
  let port = 0;
  const server = createServer((request, response) => {
    response.setHeader("content-type", "application/json");
    response.end(JSON.stringify({ ip: clientIp(request.headers), https: clientUsesHttps(request.headers) }));
  });

  beforeAll(async () => {
    installClientAddressHook();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  function get(headers: IncomingHttpHeaders): Promise<{ ip: string | null; https: boolean }> {
    return new Promise((resolve, reject) => {
      const request = httpRequest({ host: "127.0.0.1", port, path: "/", headers: headers as Record<string, string> }, (response) => {
        let body = "";
        response.on("data", (chunk) => {
          body += chunk;
        });
        response.on("end", () => resolve(JSON.parse(body)));
      });
      request.on("error", reject);
      request.end();
    });
  }

  it("gives the socket's address, whatever the client puts in the forwarded headers or in the internal one", async () => {
    const answers = await Promise.all([
      get({}),
      get({ "x-forwarded-for": "198.51.100.23", "x-real-ip": "198.51.100.24", "x-forwarded-proto": "https" }),
      get({ "x-entas-client-ip": "198.51.100.25", "x-entas-client-proto": "https" }),
    ]);
    expect(answers).toEqual([
      { ip: "127.0.0.1", https: false },
      { ip: "127.0.0.1", https: false },
      { ip: "127.0.0.1", https: false },
    ]);
  });
});
