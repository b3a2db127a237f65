// `npm run replica`: a primary and its streaming replica on this machine (pair.mjs), the
// primary migrated and seeded with the demo, to run Entas with its dashboards on the replica:
//
//   DATABASE_URL=<primary> DATABASE_REPLICA_URL=<replica> npm run serve
//
// It prints both URLs and keeps the pair running until Ctrl-C, which stops and removes it.
// REPLICA_PRIMARY_PORT / REPLICA_PORT choose the ports (5442, 5443).
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { startReplicaPair } from "./pair.mjs";

const root = fileURLToPath(new URL("../..", import.meta.url));
const pair = startReplicaPair({ primaryPort: Number(process.env.REPLICA_PRIMARY_PORT ?? 5442), replicaPort: Number(process.env.REPLICA_PORT ?? 5443) });
const env = { ...process.env, DATABASE_URL: pair.primaryUrl, DATABASE_DIRECT_URL: pair.primaryUrl };
for (const [title, args] of [
  ["migrating the primary", ["run", "--silent", "db:migrate"]],
  ["seeding the demo on the primary", ["run", "--silent", "db:seed"]],
]) {
  console.log(`[replica] ${title}`);
  const result = spawnSync("npm", args, { cwd: root, env, stdio: "inherit" });
  if (result.status !== 0) {
    pair.stop();
    process.exit(result.status ?? 1);
  }
}
console.log(
  `[replica] running in ${pair.dir}\n\n  DATABASE_URL=${pair.primaryUrl} DATABASE_REPLICA_URL=${pair.replicaUrl} npm run serve\n\nCtrl-C stops both.`,
);
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    pair.stop();
    process.exit(0);
  });
}
setInterval(() => {}, 1 << 30);
