// The cursor of a list paged by key in the URL: `setelah` / `sebelum`, or, for one of two lists
// of one page, its own pair, so paging one list leaves the other where it is.
import { describe, expect, it } from "vitest";
import { keyCursorOf, keyCursorQuery } from "@/lib/paging/key-page";

describe("a list's cursor in the URL", () => {
  it("reads and writes setelah / sebelum, after winning over before", () => {
    expect(keyCursorOf({ setelah: "abc1", sebelum: "xyz9" })).toEqual({ after: "abc1" });
    expect(keyCursorOf({ sebelum: "xyz9" })).toEqual({ before: "xyz9" });
    expect(keyCursorQuery({ after: "abc1", before: "xyz9" })).toEqual({ setelah: "abc1", sebelum: undefined });
  });

  it("gives a named list a pair of its own, and ignores the other list's", () => {
    const query = { akhirSetelah: "e1", gandaSebelum: "m2", setelah: "x3" };
    expect(keyCursorOf(query, "akhir")).toEqual({ after: "e1" });
    expect(keyCursorOf(query, "ganda")).toEqual({ before: "m2" });
    expect(keyCursorQuery({ before: "m2" }, "ganda")).toEqual({ gandaSetelah: undefined, gandaSebelum: "m2" });
    expect(keyCursorOf({ akhirSetelah: "bad id!" }, "akhir")).toEqual({});
  });
});
