// The README's first-run words against what `npm start` (scripts/start.mjs) and its packages do.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "../..");
const read = (file: string) => readFileSync(path.join(ROOT, file), "utf8");
const readme = read("README.md");
const start = read("scripts/start.mjs");
const engines = (file: string) => (JSON.parse(read(file)) as { engines?: { node?: string } }).engines?.node ?? "";

describe("the README's first run", () => {
  it("names the README section the start script sends the reader to", () => {
    const section = /README\.md \(bagian "([^"]+)"\)/.exec(start)?.[1];
    expect(section).toBeDefined();
    expect(readme).toMatch(new RegExp(`^#+ ${section}$`, "m"));
  });

  it("asks for the Node.js the project and Prisma ask for", () => {
    const stated = /needs only Node\.js (\d+\.\d+) or newer \((\d+\.\d+) or newer on Node 22/.exec(readme);
    expect(stated, "the README's Node.js sentence").not.toBeNull();
    const [, node20, node22] = stated!;
    expect(engines("package.json")).toBe(`^${node20} || ^${node22} || >=24.0`);
    expect(engines("node_modules/prisma/package.json")).toBe(engines("package.json"));
  });

  it("says the start seeds only an empty database, as the script does", () => {
    expect(start).toContain('"db:seed", "--", "--if-empty"');
    expect(readme).toContain("`npm run db:seed` (run by `npm start` when the database is empty)");
  });
});
