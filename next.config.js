import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

// Headers that never vary; proxy.ts adds a page's Content-Security-Policy and HSTS (lib/http/security-headers.ts).
const FIXED_SECURITY_HEADERS = [
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
];
const NON_PAGE_CSP = "default-src 'none'; frame-ancestors 'none'";

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Database drivers and the embedded PostgreSQL load their own wasm/native files at run time.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "pg", "@prisma/adapter-pg", "pg-boss"],
  // Small-table imports (lib/spreadsheet/table-import.ts) send their file to a server action:
  // ACTION_BODY_MAX_BYTES of lib/spreadsheet/table-file-limit.ts. The proxy must not cut the
  // body shorter (its default is 10 MB), or a file just under the limit arrives truncated. It
  // buffers a megabyte more (PROXY_BODY_MAX_BYTES), so that proxy.ts can tell a body sent without
  // a declared length, and cut here, was too large, and refuse it in words.
  experimental: { serverActions: { bodySizeLimit: "11mb" }, proxyClientMaxBodySize: "12mb" },
  // Every response: pages, route handlers, files, errors. Pages get their Content-Security-Policy,
  // with a nonce, from proxy.ts; the upload route, which proxy.ts skips, gets one from here.
  async headers() {
    return [
      { source: "/:path*", headers: FIXED_SECURITY_HEADERS },
      { source: "/:tenant/registri/impor/unggah", headers: [{ key: "Content-Security-Policy", value: NON_PAGE_CSP }] },
    ];
  },
};

export default withNextIntl(nextConfig);
