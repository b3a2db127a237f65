import { defineConfig } from "prisma/config";

// The CLI is used here only for `prisma generate`; migrations go through
// scripts/db/migrate.ts (Prisma's schema engine as WebAssembly), which works offline.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx prisma/seed.ts" },
});
