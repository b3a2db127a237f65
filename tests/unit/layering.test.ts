import path from "node:path";
import { describe, expect, it } from "vitest";
import { importSpecifiers, readSource, sourceFiles } from "../helpers/source-files";

// Who may import whom. `lib/` is shared by every feature and knows none of them; `components/` is
// shared UI and knows no feature either; a feature uses `lib/`, `components/` and the features
// below it, never `app/`; pages in `app/` may use anything. A feature's URL map (`routes.ts`) is the
// exception: any feature may link to any page, so any feature may import any map (a map imports
// only `lib/paths` and other maps; tests/unit/routes.test.ts keeps it so). Production code never
// reaches the demo seed (`prisma/demo`) or test helpers (`tests/`).

/**
 * Features from the lowest to the highest: a feature may import only those before it. A new
 * feature folder fails the test until it is placed here.
 */
const FEATURE_ORDER = [
  "areas",
  "users",
  "opds",
  "audit",
  "account",
  "registry",
  "budget",
  "programmes",
  "trainings",
  "aid",
  "revolving-funds",
  "statistics",
  "dashboards",
  "reports",
  "home",
  "public-page",
  "platform",
  "shell",
];

/**
 * Feature imports that break the order today, to be removed, not added to. The test fails when one
 * is no longer needed, so that it is struck from this list.
 */
const KNOWN_FEATURE_EXCEPTIONS: readonly FeatureException[] = [];

/**
 * Files that break the other rules today, each with the folder it reaches into; as above, to be
 * removed, and struck from here once they are.
 */
const KNOWN_FILE_EXCEPTIONS: readonly FileException[] = [];

type FeatureException = { from: string; to: string };
type FileException = { file: string; reaches: string };
type Rules = { order: readonly string[]; featureExceptions: readonly FeatureException[]; fileExceptions: readonly FileException[] };
type Place = { area: string; feature?: string };

const SCANNED_DIRS = ["app", "features", "lib", "components", "prisma", "scripts"];
const PRODUCTION_AREAS = new Set(["app", "features", "lib", "components"]);

/** The repository path a specifier names ("features/aid/schemas"), or null for a package. */
function resolveSpecifier(fromFile: string, specifier: string): string | null {
  if (specifier.startsWith("@/")) return path.posix.normalize(specifier.slice(2));
  if (specifier.startsWith("./") || specifier.startsWith("../")) return path.posix.join(path.posix.dirname(fromFile), specifier);
  return null;
}

function placeOf(file: string): Place {
  const [top, second] = file.split("/");
  if (top === "features") return { area: "features", feature: second };
  if (top === "prisma" && second === "demo") return { area: "prisma/demo" };
  return { area: top ?? "" };
}

/** A feature's URL map, `features/<feature>/routes(.ts)`. */
function isRouteMap(file: string): boolean {
  return /^features\/[^/]+\/routes(\.ts)?$/.test(file);
}

/** Test code: a feature's `tests/` folder, the top-level `tests/`, or a *.test / *.spec file. */
function isTestFile(file: string): boolean {
  return file.startsWith("tests/") || file.includes("/tests/") || /\.(test|spec)\.tsx?$/.test(file);
}

/** Why an import from `from` to `to` breaks the layering, or null when it is allowed. */
function breach(from: string, to: string, rules: Rules): string | null {
  if (rules.fileExceptions.some((e) => e.file === from && to.startsWith(e.reaches))) return null;
  const source = placeOf(from);
  const target = placeOf(to);
  if (PRODUCTION_AREAS.has(source.area) && !isTestFile(from) && (target.area === "prisma/demo" || target.area === "tests")) {
    return `production code imports ${target.area}`;
  }
  if (source.area === "lib" && ["features", "app", "components"].includes(target.area)) return `lib imports ${target.area}`;
  if (source.area === "components" && ["features", "app"].includes(target.area)) return `components import ${target.area}`;
  if (source.area !== "features" || !source.feature) return null;
  if (target.area === "app") return "a feature imports app";
  if (target.area !== "features" || !target.feature || target.feature === source.feature) return null;
  if (isRouteMap(to)) return null;
  const [low, high] = [rules.order.indexOf(target.feature), rules.order.indexOf(source.feature)];
  if (high < 0) return `feature ${source.feature} is not in FEATURE_ORDER`;
  if (low < 0) return `feature ${target.feature} is not in FEATURE_ORDER`;
  if (low < high) return null;
  if (rules.featureExceptions.some((e) => e.from === source.feature && e.to === target.feature)) return null;
  return `feature ${source.feature} imports ${target.feature}, which is not below it`;
}

/**
 * Every import in `imports` (file → the specifiers it imports) that breaks the layering, as
 * "file → specifier: reason". Packages are ignored; `@/` and relative specifiers are resolved.
 */
function layeringViolations(imports: Readonly<Record<string, readonly string[]>>, rules: Rules): string[] {
  return Object.entries(imports).flatMap(([file, specifiers]) =>
    specifiers.flatMap((specifier) => {
      const target = resolveSpecifier(file, specifier);
      const reason = target === null ? null : breach(file, target, rules);
      return reason ? [`${file} → ${specifier}: ${reason}`] : [];
    }),
  );
}

/** The feature → feature imports in `imports`, as "from → to", each once. */
function featureEdges(imports: Readonly<Record<string, readonly string[]>>): Set<string> {
  const edges = new Set<string>();
  for (const [file, specifiers] of Object.entries(imports)) {
    for (const specifier of specifiers) {
      const target = resolveSpecifier(file, specifier);
      const [from, to] = [placeOf(file).feature, target && placeOf(target).feature];
      if (from && to && from !== to) edges.add(`${from} → ${to}`);
    }
  }
  return edges;
}

const RULES: Rules = { order: FEATURE_ORDER, featureExceptions: KNOWN_FEATURE_EXCEPTIONS, fileExceptions: KNOWN_FILE_EXCEPTIONS };
const STRICT: Rules = { order: FEATURE_ORDER, featureExceptions: [], fileExceptions: [] };

function projectImports(): Record<string, string[]> {
  return Object.fromEntries(sourceFiles(SCANNED_DIRS).map((file) => [file, importSpecifiers(readSource(file))]));
}

describe("layering", () => {
  const imports = projectImports();

  it("reads the imports of every source file under app, features, lib, components, prisma and scripts", () => {
    const files = Object.keys(imports);
    expect(SCANNED_DIRS.filter((dir) => !files.some((file) => file.startsWith(`${dir}/`)))).toEqual([]);
    const local = Object.values(imports)
      .flat()
      .filter((specifier) => specifier.startsWith("@/") || specifier.startsWith("."));
    expect(local.length).toBeGreaterThan(1000);
  });

  it("has no import that breaks the layering", () => {
    expect(layeringViolations(imports, RULES)).toEqual([]);
  });

  it("places every feature folder in the order", () => {
    const features = new Set(sourceFiles(["features"]).map((file) => file.split("/")[1]!));
    expect([...features].filter((feature) => !FEATURE_ORDER.includes(feature))).toEqual([]);
    expect(FEATURE_ORDER.filter((feature) => !features.has(feature))).toEqual([]);
  });

  it("lists only exceptions still in use, so a removed one is struck from the list", () => {
    const edges = featureEdges(imports);
    const breaches = layeringViolations(imports, STRICT);
    const unused = [
      ...KNOWN_FEATURE_EXCEPTIONS.filter((e) => !edges.has(`${e.from} → ${e.to}`)).map((e) => `${e.from} → ${e.to}`),
      ...KNOWN_FILE_EXCEPTIONS.filter((e) => !breaches.some((b) => b.startsWith(`${e.file} → `))).map((e) => `${e.file} → ${e.reaches}`),
    ];
    expect(unused).toEqual([]);
  });
});

describe("the layering check", () => {
  const check = (imports: Record<string, string[]>) => layeringViolations(imports, STRICT);

  it("fails when lib imports a feature, an app page or a component", () => {
    expect(
      check({
        "lib/money/index.ts": ["@/features/aid/schemas"],
        "lib/format/dates.ts": ["../../app/[tenant]/page"],
        "lib/forms/fields.tsx": ["@/components/ui/button"],
      }),
    ).toEqual([
      "lib/money/index.ts → @/features/aid/schemas: lib imports features",
      "lib/format/dates.ts → ../../app/[tenant]/page: lib imports app",
      "lib/forms/fields.tsx → @/components/ui/button: lib imports components",
    ]);
  });

  it("fails when a shared component imports a feature or app", () => {
    expect(check({ "components/ui/table.tsx": ["@/features/registry/ui/filters", "@/app/layout"] })).toHaveLength(2);
  });

  it("fails when a feature imports app or a feature that is not below it", () => {
    expect(
      check({
        "features/registry/ui/import.tsx": ["@/app/[tenant]/registri/impor/page"],
        "features/registry/search.ts": ["../aid/schemas"],
        "features/aid/distributions.ts": ["@/features/registry/schemas", "./schemas", "@/lib/db"],
      }),
    ).toEqual([
      "features/registry/ui/import.tsx → @/app/[tenant]/registri/impor/page: a feature imports app",
      "features/registry/search.ts → ../aid/schemas: feature registry imports aid, which is not below it",
    ]);
  });

  it("lets any feature import any feature's URL map, and nothing else of it", () => {
    expect(
      check({
        "features/registry/ui/results.tsx": ["@/features/aid/routes", "../../aid/routes.ts"],
        "features/registry/ui/links.tsx": ["@/features/aid/routes-extra", "@/features/aid/ui/routes"],
      }),
    ).toEqual([
      "features/registry/ui/links.tsx → @/features/aid/routes-extra: feature registry imports aid, which is not below it",
      "features/registry/ui/links.tsx → @/features/aid/ui/routes: feature registry imports aid, which is not below it",
    ]);
  });

  it("lets a listed exception through, and only that one", () => {
    const imports = {
      "features/budget/queries.ts": ["@/features/programmes/queries", "@/features/aid/queries"],
      "lib/money/index.ts": ["@/features/aid/schemas"],
    };
    const rules: Rules = {
      ...STRICT,
      featureExceptions: [{ from: "budget", to: "programmes" }],
      fileExceptions: [{ file: "lib/money/index.ts", reaches: "features/" }],
    };
    expect(layeringViolations(imports, rules)).toEqual([
      "features/budget/queries.ts → @/features/aid/queries: feature budget imports aid, which is not below it",
    ]);
    expect(layeringViolations(imports, STRICT)).toHaveLength(3);
  });

  it("fails when a feature is missing from the order", () => {
    expect(check({ "features/loans/loans.ts": ["@/features/registry/schemas"] })).toEqual([
      "features/loans/loans.ts → @/features/registry/schemas: feature loans is not in FEATURE_ORDER",
    ]);
  });

  it("fails when production code imports the demo seed or test helpers, and lets tests and the seed do so", () => {
    expect(
      check({
        "features/revolving-funds/schedule.ts": ["@/prisma/demo/dates"],
        "lib/db/index.ts": ["../../tests/helpers/db"],
        "features/revolving-funds/tests/loans.test.ts": ["@/prisma/demo/dates", "@/tests/helpers/db"],
        "prisma/seed.ts": ["./demo/run", "@/features/registry/schemas"],
      }),
    ).toEqual([
      "features/revolving-funds/schedule.ts → @/prisma/demo/dates: production code imports prisma/demo",
      "lib/db/index.ts → ../../tests/helpers/db: production code imports tests",
    ]);
  });

  it("reads static, type-only, side-effect, re-exported and dynamic imports, over several lines", () => {
    const source = [
      'import { a,\n  type B,\n} from "@/lib/one";',
      'import type { C } from "../two";',
      'import "./three.css";',
      'export { d } from "@/features/four";',
      'export * from "./five";',
      'const six = await import("@/features/six");',
      'type Seven = import("@/lib/seven").Seven;',
      'const text = "import nothing; from here";',
      't("import"); const eight = "./not-an-import";',
    ].join("\n");
    expect(importSpecifiers(source).sort()).toEqual(["../two", "./five", "./three.css", "@/features/four", "@/features/six", "@/lib/one", "@/lib/seven"]);
  });
});
