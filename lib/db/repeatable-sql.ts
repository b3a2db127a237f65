// Repeatable SQL files (prisma/sql): the database's functions and triggers, each defined once,
// in a file that can run again and again (CREATE OR REPLACE FUNCTION, DROP TRIGGER IF EXISTS +
// CREATE TRIGGER). A file reaches the database only through a migration that includes it:
// `createMigration` appends every file whose content differs from the copy the migrations last
// included, between marker lines, so a migration stays a plain migration.sql that the native
// Prisma CLI can apply and checksum.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

/** A repeatable file: its path under the folder (with "/"), and its content. */
export type RepeatableFile = { name: string; sql: string };

/**
 * The folder's `.sql` files in the order migrations include them: the files at its top (shared
 * helpers) before those of its subfolders, each level by name.
 */
export async function readRepeatableFiles(dir: string): Promise<RepeatableFile[]> {
  const walk = async (sub: string): Promise<RepeatableFile[]> => {
    const entries = await readdir(path.join(dir, sub), { withFileTypes: true }).catch(() => []);
    const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
    const files = await Promise.all(
      entries
        .filter((e) => e.isFile() && e.name.endsWith(".sql"))
        .sort(byName)
        .map(async (e) => ({ name: path.posix.join(sub, e.name), sql: await readFile(path.join(dir, sub, e.name), "utf8") })),
    );
    const folders = entries.filter((e) => e.isDirectory()).sort(byName);
    for (const folder of folders) files.push(...(await walk(path.posix.join(sub, folder.name))));
    return files;
  };
  return walk("");
}

const begin = (name: string) => `-- ─── begin repeatable ${name} ───`;
const end = (name: string) => `-- ─── end repeatable ${name} ───`;
const BLOCK = /^-- ─── begin repeatable (\S+) ───\n([\s\S]*?)^-- ─── end repeatable \1 ───$/gm;

const withNewline = (sql: string) => (sql.endsWith("\n") ? sql : `${sql}\n`);

/** A file as a migration includes it: its content verbatim between two marker lines. */
export function repeatableBlock(file: RepeatableFile): string {
  return `${begin(file.name)}\n${withNewline(file.sql)}${end(file.name)}\n`;
}

/** The content of each file as the last of the migrations (in order) to include it has it. */
export function lastIncluded(migrations: readonly string[]): Map<string, string> {
  const last = new Map<string, string>();
  for (const sql of migrations) for (const [, name, content] of sql.matchAll(BLOCK)) last.set(name!, content!);
  return last;
}

/** The files that differ from what the migrations last included (or that none included yet). */
export function changedRepeatableFiles(files: readonly RepeatableFile[], migrations: readonly string[]): RepeatableFile[] {
  const last = lastIncluded(migrations);
  return files.filter((file) => last.get(file.name) !== withNewline(file.sql));
}
