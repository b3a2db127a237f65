import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";

// Client components ship to the browser with everything they import. The message
// catalogues (every namespace, both languages) are ~45 kB gzip: a client module that
// reaches messages/<locale>/index.ts put them in every form page's first-load JavaScript.
// Client code takes its messages from NextIntlClientProvider, or imports the one
// namespace JSON it needs.
const root = path.resolve(__dirname, "../..");
const catalogueIndex = /^messages\/[a-z]+\/index\.ts$/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (name === "node_modules" || name === "generated" || name.startsWith(".")) return [];
    return statSync(file).isDirectory() ? sourceFiles(file) : /\.(ts|tsx)$/.test(name) ? [file] : [];
  });
}

function resolveImport(from: string, specifier: string): string | null {
  const base = specifier.startsWith("@/")
    ? path.join(root, specifier.slice(2))
    : specifier.startsWith(".")
      ? path.resolve(path.dirname(from), specifier)
      : null;
  if (!base) return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts"), path.join(base, "index.tsx")]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** The project files a module imports at run time (type-only imports are erased). */
function runtimeImports(file: string): string[] {
  if (!/\.tsx?$/.test(file)) return [];
  const text = readFileSync(file, "utf8");
  const specifiers = [...text.matchAll(/^\s*(?:import|export)\s+(?!type\b)(?:[^"';]*?\sfrom\s+)?["']([^"']+)["']/gm)].map((m) => m[1]!);
  return specifiers.map((s) => resolveImport(file, s)).filter((f): f is string => f !== null);
}

function reachesCatalogue(start: string): string[] | null {
  const seen = new Set<string>();
  const walk = (file: string, trail: string[]): string[] | null => {
    const relative = path.relative(root, file);
    if (catalogueIndex.test(relative)) return [...trail, relative];
    if (seen.has(file)) return null;
    seen.add(file);
    for (const next of runtimeImports(file)) {
      const found = walk(next, [...trail, relative]);
      if (found) return found;
    }
    return null;
  };
  return walk(start, []);
}

it("no client component imports the whole message catalogues", () => {
  const clientFiles = ["app", "components", "features", "lib"]
    .flatMap((dir) => sourceFiles(path.join(root, dir)))
    .filter((file) => /^\s*["']use client["']/.test(readFileSync(file, "utf8")));
  expect(clientFiles.length).toBeGreaterThan(10);
  const offenders = clientFiles
    .map(reachesCatalogue)
    .filter((trail): trail is string[] => trail !== null)
    .map((trail) => trail.join(" → "));
  expect(offenders).toEqual([]);
});
