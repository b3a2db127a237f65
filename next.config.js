import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Database drivers and the embedded PostgreSQL load their own wasm/native files at run time.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "pg", "@prisma/adapter-pg"],
  // Small-table imports (lib/spreadsheet/table-import.ts) send their file to a server action.
  experimental: { serverActions: { bodySizeLimit: "11mb" } },
};

export default withNextIntl(nextConfig);
