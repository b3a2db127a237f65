import { readFileSync } from "node:fs";
import { expect, it } from "vitest";

// `npm ci` (CI, `npm start` on a fresh clone) refuses a lockfile that lacks any optional
// dependency, and npm leaves out the platform binaries our registry does not serve.
it("lists every optional platform binary, so npm ci accepts the lockfile", () => {
  const lock = JSON.parse(readFileSync(new URL("../../package-lock.json", import.meta.url), "utf8"));
  const packages: Record<string, { optionalDependencies?: Record<string, string> }> = lock.packages;
  const missing = Object.values(packages)
    .flatMap((meta) => Object.keys(meta.optionalDependencies ?? {}))
    .filter((name) => !packages[`node_modules/${name}`]);
  expect(missing, "run `npm run lockfile:complete`").toEqual([]);
});
