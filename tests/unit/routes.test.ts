// The route maps (each feature's routes.ts, and lib/auth/routes.ts for sign-in) against the
// app/ tree: every builder reaches a real page or route handler, every page is reached by a
// builder, each URL section belongs to one map, and no other source file writes a segment.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { queryString, withQuery } from "@/lib/paths";
import { ROOT, importSpecifiers, readSource, sourceFiles } from "../helpers/source-files";

// Pages and handlers no route map builds: the front door (it only redirects) and next-auth's own.
const UNBUILT = new Set(["/", "/api/auth/[...nextauth]"]);

type Builder = { file: string; name: string; build: (...args: string[]) => string };

// A feature's map, or one of its parts' (features/reports/annual/routes.ts).
const routeMapFiles = [...sourceFiles(["features"]).filter((file) => /^features\/[^/]+\/([^/]+\/)?routes\.ts$/.test(file)), "lib/auth/routes.ts"];

/** Every builder of every route map, attributed to the file that defines its object. */
async function loadBuilders(): Promise<Builder[]> {
  const builders: Builder[] = [];
  for (const file of routeMapFiles) {
    const source = readSource(file);
    const module = (await import(path.join(ROOT, file))) as Record<string, unknown>;
    for (const [exported, value] of Object.entries(module)) {
      // A re-export (account's authRoutes) is checked where it is defined.
      if (!exported.endsWith("Routes") || !source.includes(`export const ${exported} =`)) continue;
      for (const [name, build] of Object.entries(value as Record<string, unknown>)) {
        expect(typeof build, `${file} ${exported}.${name}`).toBe("function");
        builders.push({ file, name: `${exported}.${name}`, build: build as Builder["build"] });
      }
    }
  }
  return builders;
}

/** The path of every page.tsx and route.ts under app/, as its segments ("[tenant]" for dynamic ones). */
function appRoutes(): string[][] {
  return sourceFiles(["app"], /^(page\.tsx|route\.ts)$/).map((file) =>
    path.posix
      .dirname(file)
      .split("/")
      .slice(1)
      .filter((segment) => !/^\(.*\)$/.test(segment)),
  );
}

const routeText = (segments: readonly string[]) => `/${segments.join("/")}`;
const isDynamic = (segment: string) => /^\[.+\]$/.test(segment);

// Builders are called with placeholders: each argument must land on a dynamic segment, and
// a fixed segment of the app tree must come from the builder's own text.
const placeholder = (i: number) => `arg${i}`;
const isPlaceholder = (segment: string) => /^arg\d+$/.test(segment);

function call(builder: Builder): string[] {
  const args = Array.from({ length: builder.build.length }, (_, i) => placeholder(i));
  const url = builder.build(...args);
  expect(url, builder.name).toMatch(/^\//);
  return (url.split(/[?#]/)[0] ?? "").split("/").filter(Boolean);
}

function matches(route: readonly string[], segments: readonly string[]): boolean {
  if (route.length !== segments.length) return false;
  return route.every((part, i) => (isDynamic(part) ? isPlaceholder(segments[i]!) : part === segments[i]));
}

/** The part of a URL a map owns: its fixed segments after the city, up to the first id. */
function section(segments: readonly string[]): string {
  const rest = isPlaceholder(segments[0] ?? "") ? segments.slice(1) : segments;
  const end = rest.findIndex(isPlaceholder);
  return (end === -1 ? rest : rest.slice(0, end)).join("/");
}

describe("route maps", () => {
  it("build only paths of real pages and route handlers", async () => {
    const routes = appRoutes();
    const missing = (await loadBuilders())
      .map((builder) => ({ builder, segments: call(builder) }))
      .filter(({ segments }) => !routes.some((route) => matches(route, segments)))
      .map(({ builder, segments }) => `${builder.file} ${builder.name} → /${segments.join("/")}`);
    expect(missing).toEqual([]);
  });

  it("reach every page and route handler of the app tree", async () => {
    const built = (await loadBuilders()).map(call);
    const unreached = appRoutes()
      .filter((route) => !UNBUILT.has(routeText(route)))
      .filter((route) => !built.some((segments) => matches(route, segments)))
      .map(routeText);
    expect(unreached).toEqual([]);
  });

  it("write each URL section in one routes.ts only", async () => {
    const sections = new Map<string, Set<string>>();
    for (const builder of await loadBuilders()) {
      const owned = section(call(builder));
      if (owned) sections.set(builder.file, (sections.get(builder.file) ?? new Set()).add(owned));
    }
    const clashes: string[] = [];
    for (const [file, owned] of sections) {
      for (const [other, theirs] of sections) {
        if (other <= file) continue;
        for (const a of owned) {
          for (const b of theirs) {
            if (a === b || a.startsWith(`${b}/`) || b.startsWith(`${a}/`)) clashes.push(`${file} "${a}" ~ ${other} "${b}"`);
          }
        }
      }
    }
    expect(clashes).toEqual([]);
  });

  it("are the only source files that write a URL segment", async () => {
    const words = new Set((await loadBuilders()).flatMap(call).filter((segment) => !isPlaceholder(segment)));
    const escaped = [...words].map((word) => word.replace(/[-/\\^$*+?.()|[\]{}]/g, "\\$&"));
    // A segment right after an interpolation or a quote, as in `/${slug}/bantuan` or "/masuk".
    const handBuilt = new RegExp(`[}"'\`]/(${escaped.join("|")})(?=[/?#"'\`])`);
    const maps = new Set(routeMapFiles);
    const offenders = sourceFiles(["app", "features", "lib", "components"])
      .filter((file) => !maps.has(file) && !file.includes("/tests/"))
      .flatMap((file) =>
        readSource(file)
          .split("\n")
          .flatMap((line, i) => (handBuilt.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : [])),
      );
    expect(offenders).toEqual([]);
  });

  it("import only lib/paths and other route maps, so any feature may import any of them", () => {
    const allowed = (specifier: string) => specifier === "@/lib/paths" || /^@\/(features\/[^/]+(\/[^/]+)?|lib\/auth)\/routes$/.test(specifier);
    const imports = routeMapFiles.flatMap((file) =>
      importSpecifiers(readSource(file))
        .filter((specifier) => !allowed(specifier))
        .map((specifier) => `${file} → ${specifier}`),
    );
    expect(imports).toEqual([]);
  });
});

describe("withQuery", () => {
  it("appends a query in its key order, leaving out undefined and null but keeping empty text", () => {
    expect(withQuery("/kupang/bantuan", { tahun: 2026, opd: undefined, program: null, q: "", peserta: "a b/c" })).toBe(
      "/kupang/bantuan?tahun=2026&q=&peserta=a+b%2Fc",
    );
  });

  it("takes encoded text and URLSearchParams as they are, and drops an empty query", () => {
    expect(withQuery("/kupang/registri", "after=x%2Fy")).toBe("/kupang/registri?after=x%2Fy");
    expect(withQuery("/kupang/registri", new URLSearchParams({ view: "decided" }))).toBe("/kupang/registri?view=decided");
    expect(withQuery("/kupang/registri", "")).toBe("/kupang/registri");
    expect(withQuery("/kupang/registri", {})).toBe("/kupang/registri");
    expect(queryString(undefined)).toBe("");
  });
});
