import { describe, expect, it } from "vitest";
import { casingVariants, escapeLike, isByteOrderCollation, nameMatches, prefixUpperBound } from "@/features/registry/search/name-match";
import { parseRegistrySearchParams, readTextQuery, registrySearchQuery } from "@/features/registry/search/schema";
import { availableTransitions, planTransition } from "@/features/registry/status/transitions";
import { changePayloadSchemas, proposeChangeSchema } from "@/features/registry/change-requests/schemas";
import { generateNik } from "@/lib/identity/nik";
import { todayIn } from "@/lib/calendar/days";

describe("status transitions", () => {
  const extreme = { status: "ACTIVE", isExtremePoor: true } as const;
  const poor = { status: "ACTIVE", isExtremePoor: false } as const;

  it("go one step at a time out of poverty", () => {
    expect(planTransition(extreme, "EXIT_EXTREME")).toEqual({ ok: true, to: poor });
    expect(planTransition(poor, "GRADUATE")).toEqual({ ok: true, to: { status: "GRADUATED", isExtremePoor: false } });
    expect(planTransition(extreme, "GRADUATE")).toMatchObject({ ok: false, reason: expect.stringMatching(/lebih dulu/) });
  });

  it("offer only what the state allows", () => {
    expect(availableTransitions(extreme)).toEqual(["EXIT_EXTREME", "MOVE", "DECEASE"]);
    expect(availableTransitions(poor)).toEqual(["GRADUATE", "ENTER_EXTREME", "MOVE", "DECEASE"]);
    expect(availableTransitions({ status: "GRADUATED", isExtremePoor: false })).toEqual(["REACTIVATE", "MOVE", "DECEASE"]);
    expect(availableTransitions({ status: "MOVED", isExtremePoor: true })).toEqual(["REACTIVATE", "DECEASE"]);
    expect(availableTransitions({ status: "DECEASED", isExtremePoor: false })).toEqual([]);
  });

  it("keep the extreme flag of a household that moves or dies, as history", () => {
    expect(planTransition(extreme, "MOVE")).toEqual({ ok: true, to: { status: "MOVED", isExtremePoor: true } });
  });
});

describe("the search box", () => {
  it("never searches by a number from the URL, and refuses part of one", () => {
    expect(readTextQuery("5271 0101 0190 0001", undefined)).toEqual({ kind: "numberNotHere" });
    expect(readTextQuery("'5271010101900001", undefined)).toEqual({ kind: "numberNotHere" });
    expect(readTextQuery("527101010190", undefined)).toEqual({ kind: "badNumber" });
    expect(readTextQuery("NIK 52710101", undefined)).toEqual({ kind: "badNumber" });
    expect(readTextQuery("  budi   santoso ", "contains")).toEqual({ kind: "name", text: "budi santoso", match: "contains" });
    expect(readTextQuery("b", undefined)).toEqual({ kind: "shortName" });
    expect(readTextQuery("", undefined)).toEqual({ kind: "none" });
  });

  it("drops malformed parameters and keeps one cursor", () => {
    const filter = parseRegistrySearchParams({ desil: "0", status: "ACTIVE", sort: "x", after: "cabc12345", before: "cdef12345", extreme: ["1", "0"] });
    expect(filter).toMatchObject({ desil: undefined, status: "ACTIVE", sort: "desil", dir: "asc", after: "cabc12345", before: undefined, extreme: "1" });
    expect(registrySearchQuery(filter)).toBe("extreme=1&status=ACTIVE");
    const down = parseRegistrySearchParams({ sort: "kk-desc", q: "budi" });
    expect(down).toMatchObject({ sort: "kk", dir: "desc", order: "kk-desc" });
    expect(registrySearchQuery(down, { after: "cabc12345" })).toBe("q=budi&sort=kk-desc&after=cabc12345");
  });
});

describe("name matching", () => {
  it("tries the casings a registry holds names in", () => {
    expect(casingVariants("i gusti ayu")).toEqual(["i gusti ayu", "I Gusti Ayu", "I GUSTI AYU"]);
    expect(casingVariants("BUDI")).toEqual(["BUDI", "Budi", "budi"]);
  });

  it("bounds a prefix range", () => {
    expect(prefixUpperBound("Budi")).toBe("Budj");
    expect("Budi Santoso" < prefixUpperBound("Budi")).toBe(true);
    expect("Budiman" >= "Budi" && "Budiman" < prefixUpperBound("Budi")).toBe(true);
    expect(prefixUpperBound("a\ud7ff")).toBe("a\ue000");
  });

  it("escapes LIKE wildcards and matches like ILIKE", () => {
    expect(escapeLike("50%_\\")).toBe("50\\%\\_\\\\");
    expect(nameMatches("BUDI HARTONO", "budi h", "prefix")).toBe(true);
    expect(nameMatches("Abdul Budi", "budi", "prefix")).toBe(false);
    expect(nameMatches("Abdul Budi", "budi", "contains")).toBe(true);
  });

  it("knows byte-order collations", () => {
    expect(["C", "POSIX", "C.UTF-8", "C.utf8"].map(isByteOrderCollation)).toEqual([true, true, true, true]);
    expect(["en_US.UTF-8", "id_ID.UTF-8", ""].map(isByteOrderCollation)).toEqual([false, false, false]);
  });
});

describe("change request payloads", () => {
  const nik = generateNik({ regionCode: "527101", birthDate: new Date(Date.UTC(2024, 1, 14)), sex: "FEMALE", serial: 7 });

  it("are parsed with their kind's schema and flattened fields", () => {
    const parsed = proposeChangeSchema.safeParse({
      householdId: "c123",
      kind: "NEW_MEMBER",
      nik: nik.replace(/(\d{4})/g, "$1 "),
      name: " Baiq Aulia ",
      sex: "FEMALE",
      birthDate: "2024-02-14",
      relation: "CHILD",
      education: "",
      unrelated: "dropped",
    });
    expect(parsed.success).toBe(true);
    if (!parsed.success) return;
    expect(parsed.data.change).toEqual({
      kind: "NEW_MEMBER",
      payload: { nik, name: "Baiq Aulia", sex: "FEMALE", birthDate: "2024-02-14", relation: "CHILD" },
    });
  });

  it("report the payload's field errors under the form's field names", () => {
    const parsed = proposeChangeSchema.safeParse({
      householdId: "c123",
      kind: "NEW_MEMBER",
      nik,
      name: "X",
      sex: "MALE",
      birthDate: "2024-02-14",
      relation: "CHILD",
    });
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    const paths = parsed.error.issues.map((issue) => issue.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["name", "birthDate"]));
  });

  it("pad RT and RW as the registry writes them", () => {
    expect(changePayloadSchemas.ADDRESS.parse({ address: "Jl. Pejanggik 10", rt: "4", rw: "12" })).toEqual({
      address: "Jl. Pejanggik 10",
      rt: "004",
      rw: "012",
    });
    expect(changePayloadSchemas.ADDRESS.safeParse({ address: "Jl. Pejanggik 10", rt: "RT4" }).success).toBe(false);
  });
});

describe("dates", () => {
  it("gives today's day in the city's zone", () => {
    const lateEvening = new Date("2024-08-01T17:30:00Z");
    expect(todayIn("Asia/Jakarta", lateEvening)).toBe("2024-08-02");
    expect(todayIn("UTC", lateEvening)).toBe("2024-08-01");
  });
});
