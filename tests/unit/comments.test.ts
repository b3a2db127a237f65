import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ROOT, readSource, sourceFiles } from "../helpers/source-files";

// A comment says the rule or the reason. A ticket number ("issue 5, item 3") points at a tracker
// that is not in the repository, and tells a reader nothing.
const TICKET = /\bissues?\s*#?\d+/i;

const DIRS = ["app", "features", "lib", "components", "messages", "prisma", "scripts", "tests"];
const CODE = /\.(tsx?|m?js|css|sql|prisma)$/;
// An applied migration is history: the databases that ran it keep its checksum.
const FROZEN = /^prisma\/migrations\/[^/]+\/migration\.sql$/;
// This file's examples are citations.
const SELF = "tests/unit/comments.test.ts";

/** The comment text on each line of a source ("" for a line without one), `--` included for SQL. */
function commentsByLine(text: string, sql: boolean): string[] {
  let inBlock = false;
  return text.split("\n").map((line) => {
    let comment = "";
    let rest = line;
    while (rest) {
      if (inBlock) {
        const end = rest.indexOf("*/");
        comment += end < 0 ? rest : rest.slice(0, end);
        if (end < 0) break;
        inBlock = false;
        rest = rest.slice(end + 2);
        continue;
      }
      const openers = ["//", "/*", ...(sql ? ["--"] : [])].map((o) => [o, rest.indexOf(o)] as const).filter(([, at]) => at >= 0);
      if (openers.length === 0) break;
      const [opener, at] = openers.reduce((a, b) => (b[1] < a[1] ? b : a));
      if (opener === "/*") {
        inBlock = true;
        rest = rest.slice(at + 2);
        continue;
      }
      comment += rest.slice(at);
      break;
    }
    return comment;
  });
}

/** "file:line: text" for every comment in `sources` (file → text) that cites a ticket. */
function ticketCitations(sources: Readonly<Record<string, string>>): string[] {
  return Object.entries(sources).flatMap(([file, text]) =>
    commentsByLine(text, file.endsWith(".sql")).flatMap((comment, i) => (TICKET.test(comment) ? [`${file}:${i + 1}: ${comment.trim()}`] : [])),
  );
}

describe("comments", () => {
  it("cite no ticket number", () => {
    const topLevel = readdirSync(ROOT, { withFileTypes: true }).filter((entry) => entry.isFile() && CODE.test(entry.name));
    const files = [...topLevel.map((entry) => entry.name), ...sourceFiles(DIRS, CODE)].filter((file) => !FROZEN.test(file) && file !== SELF);
    expect(ticketCitations(Object.fromEntries(files.map((file) => [file, readSource(file)])))).toEqual([]);
  });

  it("are told apart from code and strings", () => {
    const sources = {
      "a.ts": '// Imported rows (issue 4, item 2)\nconst label = "issue 5";\nconst x = 1; // see issue #6\n',
      "b.ts": "/**\n * Reach counts (Issue 8)\n */\nexport const y = 2; /* issues 3 and 4 */\n",
      "c.sql": "-- Row-level security (issue 3)\nSELECT 'issue 9';\n",
      "d.ts": "// Issued 12 times; tissue 5\n",
    };
    expect(ticketCitations(sources)).toEqual([
      "a.ts:1: // Imported rows (issue 4, item 2)",
      "a.ts:3: // see issue #6",
      "b.ts:2: * Reach counts (Issue 8)",
      "b.ts:4: issues 3 and 4",
      "c.sql:1: -- Row-level security (issue 3)",
    ]);
  });
});
