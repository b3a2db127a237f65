// Database migrations without Prisma's native engine (see lib/db/migrate.ts).
//   tsx scripts/db/migrate.ts apply          apply pending migrations to every pod (npm run db:migrate)
//   tsx scripts/db/migrate.ts create <name>  write the next migration (npm run db:migration:new -- <name>):
//                                            the schema's changes, then the changed files of prisma/sql
import path from "node:path";
import type { DatabaseTarget } from "../../lib/db/adapter";
import { applyMigrations, createMigration } from "../../lib/db/migrate";
import { podTargets } from "../../lib/db/pods";

const usage = "usage: migrate.ts apply | migrate.ts create <name>";

async function main(args: string[]): Promise<number> {
  const [command, name, ...rest] = args;
  if (command === "apply" && name === undefined) {
    // Never through PgBouncer: the schema engine holds a session advisory lock while it works.
    // Every pod holds the whole schema, so each gets every migration, the main pod first.
    for (const [pod, target] of podTargets(process.env, { direct: true })) {
      console.log(`Applying migrations to pod ${pod}: ${describe(target)}`);
      const started = Date.now();
      const applied = await applyMigrations(target, { notice: (message) => console.log(`  ${message}`) });
      for (const migration of applied) console.log(`  applied ${migration}`);
      console.log(applied.length ? `  ${applied.length} migration(s) applied in ${Date.now() - started} ms` : "  Database is up to date");
    }
    return 0;
  }
  if (command === "create" && name && rest.length === 0) {
    const created = await createMigration(name);
    if (!created) console.log("No changes: the schema and prisma/sql match the migrations");
    else {
      console.log(`Created ${path.relative(process.cwd(), created.file)}`);
      for (const file of created.repeatable) console.log(`  with prisma/sql/${file}`);
    }
    return 0;
  }
  console.error(usage);
  return 2;
}

function describe(target: DatabaseTarget): string {
  if (target.kind === "pglite") {
    const relative = path.relative(process.cwd(), target.dir);
    return `PGlite at ${relative && !relative.startsWith("..") ? relative : target.dir}`;
  }
  const url = new URL(target.url);
  return `PostgreSQL ${url.host}${url.pathname}`;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    // The engine appends its span trace ("   0: schema_engine…") to messages.
    console.error(error instanceof Error ? error.message.split(/\n\s+0: /)[0] : error);
    process.exit(1);
  },
);
