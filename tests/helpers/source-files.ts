import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/** The repository's root directory. */
export const ROOT = path.resolve(__dirname, "../..");

const SKIPPED_DIRS = new Set(["node_modules", "generated", ".next"]);

/**
 * Repository-relative paths ("features/aid/schemas.ts") of the files under `dirs` whose names
 * match `pattern`, skipping node_modules and the generated Prisma client.
 */
export function sourceFiles(dirs: readonly string[], pattern = /\.tsx?$/): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
      const file = `${dir}/${entry.name}`;
      if (entry.isDirectory()) return SKIPPED_DIRS.has(entry.name) ? [] : walk(file);
      return pattern.test(entry.name) ? [file] : [];
    });
  return dirs.flatMap(walk).sort();
}

/** Whether a source's first statement (after comments) is the "use server" directive. */
export const USE_SERVER_FIRST = /^(?:\s+|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*["']use server["']/;

/** The "use server" files of the app: the files that make its server actions. */
export function serverActionFiles(): string[] {
  return sourceFiles(["app", "features", "lib"], /\.ts$/).filter((file) => USE_SERVER_FIRST.test(readSource(file)));
}

/** A repository file's text. */
export function readSource(file: string): string {
  return readFileSync(path.join(ROOT, file), "utf8");
}

// An import or export clause holds no quote and no semicolon, so a clause never runs past its own
// `from "…"`. The second form is a side-effect import (at the start of a line), the third
// `import("…")`: a dynamic import or a type written as `import("…").Name`.
const IMPORT_PATTERNS = [
  /\b(?:import|export)\b[^;"'`]*?\bfrom\s*["']([^"']+)["']/g,
  /^\s*import\s*["']([^"']+)["']/gm,
  /\bimport\s*\(\s*["']([^"']+)["']\s*\)/g,
];

/** Every module specifier a TypeScript source imports: static, `import type`, re-exports and `import()`. */
export function importSpecifiers(text: string): string[] {
  const found = new Set<string>();
  for (const pattern of IMPORT_PATTERNS) for (const match of text.matchAll(pattern)) found.add(match[1]!);
  return [...found];
}
