// Runs `prisma generate` offline.
// Prisma's CLI insists on locating its native schema engine before any command, even
// though generation never executes it; on machines that cannot download it we point the
// CLI at a stand-in file. Users online with the real engine are unaffected.
import { spawnSync } from "node:child_process";
import { existsSync, writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const prismaBin = join(root, "node_modules", ".bin", "prisma");
if (!existsSync(prismaBin) || !existsSync(join(root, "prisma", "schema.prisma"))) {
  console.log("prisma-generate: prisma or schema not installed yet, skipping");
  process.exit(0);
}

const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY) {
  const standIn = join(root, "node_modules", ".cache", "entas", "schema-engine-stand-in");
  mkdirSync(join(standIn, ".."), { recursive: true });
  if (!existsSync(standIn)) writeFileSync(standIn, "#!/bin/sh\nexit 1\n", { mode: 0o755 });
  env.PRISMA_SCHEMA_ENGINE_BINARY = standIn;
}

const result = spawnSync(prismaBin, ["generate"], { cwd: root, env, stdio: "inherit" });
process.exit(result.status ?? 1);
