// NUL and lone surrogates, handled once: what the shared parsing does with them in form
// fields, page queries and spreadsheet cells, and that every page reads its query through it.
// tests/integration/bad-bytes.test.ts sends them to every action and route handler.
import { inIndonesian } from "@/tests/helpers/import-words";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { NextConfig } from "next";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { createDistributionSchema } from "@/features/aid/schemas";
import { createLoanSchema } from "@/features/revolving-funds/schemas";
import { parseStatisticRow } from "@/features/statistics/import";
import { cellDate, cellDisplay, cellId, cellInteger, cellRupiah, cellText } from "@/lib/spreadsheet/cells";
import { ACTION_BODY_MAX_BYTES, PROXY_BODY_MAX_BYTES, TABLE_FILE_MAX_BYTES } from "@/lib/spreadsheet/table-file-limit";
import { cleanInput, hasBadBytes, stripBadBytes } from "@/lib/validation/bad-bytes";
import { isFreeTextAt } from "@/lib/validation/free-text";
import { readSearchParams, searchParam } from "@/lib/validation/search-params";
import { z } from "@/lib/validation/zod";
import { proxy } from "@/proxy";
import { ROOT, sourceFiles } from "../helpers/source-files";

const NUL = "Ab\u0000cd";
const HIGH = "Ab\uD800cd";
const LOW = "\uDC00Ab";

describe("bad bytes", () => {
  it("are NUL and a surrogate without its pair; a pair (an emoji) is a character", () => {
    for (const text of [NUL, HIGH, LOW, "\uD800", "a\uDBFF"]) expect(hasBadBytes(text), JSON.stringify(text)).toBe(true);
    for (const text of ["Siti Aminah", "Rp 1.500.000", "😀 Jl. Melati", ""]) expect(hasBadBytes(text), text).toBe(false);
    expect(stripBadBytes(`${NUL} ${HIGH} ${LOW} 😀`)).toBe("Abcd Abcd Ab 😀");
  });

  it("are taken out of every string of an input, whose paths are named; a file keeps its bytes and loses them from its name", () => {
    const file = new File(["NIK\n"], "data\u0000.csv", { type: "text/csv" });
    const { value, dirty } = cleanInput({ name: NUL, ids: ["a", HIGH], nested: { note: LOW }, count: 3, file });
    expect(value).toMatchObject({ name: "Abcd", ids: ["a", "Abcd"], nested: { note: "Ab" }, count: 3 });
    expect((value as { file: File }).file.name).toBe("data.csv");
    expect(dirty).toEqual([["name"], ["ids", 1], ["nested", "note"]]);
  });

  it("in a free-text field are stripped; in an id, amount, count, date, choice or pattern-checked field the input is refused", () => {
    const free = ["items", "handedOverBy", "note", "partnerName", "proofRef"];
    const codes = ["programmeId", "budgetLineId", "householdId", "memberId", "kind", "quantity", "value", "distributedAt", "acknowledgeDuplicate"];
    for (const field of free) expect(isFreeTextAt(createDistributionSchema, [field]), field).toBe(true);
    for (const field of codes) expect(isFreeTextAt(createDistributionSchema, [field]), field).toBe(false);
    expect(isFreeTextAt(createLoanSchema, ["borrowerNik"])).toBe(false);
    expect(isFreeTextAt(createLoanSchema, ["purpose"])).toBe(true);
    expect(isFreeTextAt(z.object({ email: z.email(), code: z.string().regex(/^\d+$/) }), ["email"])).toBe(false);
    expect(isFreeTextAt(z.object({ email: z.email(), code: z.string().regex(/^\d+$/) }), ["code"])).toBe(false);
    // A field the schema does not read is dropped by zod: nothing to refuse.
    expect(isFreeTextAt(createDistributionSchema, ["somethingElse"])).toBe(true);
  });
});

describe("page search parameters", () => {
  it("drop a filter holding bad bytes (no filter, as any malformed one) and strip them from a search box's text", () => {
    const raw = { opd: "abc\u0000", tahun: ["2025", "20\u000026"], q: `Siti${NUL}`, status: "VERIFIED", "x\u0000": "1", empty: undefined };
    expect(readSearchParams(raw, ["q"])).toEqual({ tahun: ["2025"], q: "SitiAbcd", status: "VERIFIED" });
    expect(readSearchParams({ q: NUL })).toEqual({});
    const filter = z.object({ opd: searchParam(z.string().max(64)), q: searchParam(z.string().max(100)) });
    expect(filter.parse(readSearchParams({ opd: "\uD800", q: `a${HIGH}` }, ["q"]))).toEqual({ opd: undefined, q: "aAbcd" });
  });

  // Read as text: a page's searchParams reach its parsers only through readSearchParams.
  const pages = sourceFiles(["app"], /^page\.tsx$/).filter((file) => readFileSync(join(ROOT, file), "utf8").includes("searchParams"));
  it("are read by more than fifteen pages", () => expect(pages.length).toBeGreaterThan(15));
  for (const file of pages) {
    it(`${file} reads its search parameters through readSearchParams`, () => {
      const source = readFileSync(join(ROOT, file), "utf8");
      const reads = [...source.matchAll(/await searchParams\b/g)].length;
      expect(reads, "awaits its searchParams").toBeGreaterThan(0);
      expect([...source.matchAll(/readSearchParams\(await searchParams\b/g)].length, "every `await searchParams` is wrapped").toBe(reads);
    });
  }
});

describe("spreadsheet cells", () => {
  it("of free text lose bad bytes; what a cell shows (the rejected-rows file, the header) too", () => {
    expect(cellText(`Siti${NUL}`, "NAMA")).toEqual({ ok: true, value: "SitiAbcd" });
    expect(cellDisplay(`x${HIGH}`)).toBe("xAbcd");
  });

  it("holding an id, a number, an amount or a date with bad bytes are refused with the column named", () => {
    const refusals = [
      cellId("3201\u00000101900001", "NIK"),
      cellInteger("3\u0000", "DESIL"),
      cellRupiah("1.500\u0000.000", "NILAI"),
      cellDate("12-01-1980\uD800", "TANGGAL LAHIR"),
    ];
    for (const result of refusals.map(inIndonesian))
      expect(result).toMatchObject({ ok: false, reason: expect.stringMatching(/^Kolom .+ berisi karakter tak terlihat/) });
  });

  it("of an official statistic's figures with bad bytes reject the row; its source loses them", () => {
    const row = {
      year: "2025",
      kecamatan: null,
      povertyRatePct: "8,6\u0000",
      poorPeople: "1200",
      extremeRatePct: "",
      extremePoorPeople: "",
      p1: "",
      p2: "",
      povertyLineRupiah: "612.345",
      source: "BPS\u0000",
    };
    expect(inIndonesian(parseStatisticRow(row))).toEqual({ ok: false, reasons: [expect.stringMatching(/^Kolom .+ berisi karakter tak terlihat/)] });
    expect(parseStatisticRow({ ...row, povertyRatePct: "8,6" })).toMatchObject({ ok: true, value: { source: "BPS", povertyLineRupiah: 612_345n } });
    expect(inIndonesian(parseStatisticRow({ ...row, povertyRatePct: "8,6", povertyLineRupiah: "612.345\u0000" }))).toEqual({
      ok: false,
      reasons: [expect.stringMatching(/^Kolom GARIS KEMISKINAN berisi karakter tak terlihat/)],
    });
  });
});

describe("an import's file past the limit", () => {
  const configFile: string = "../../next.config.js";
  const config = async () => (await import(/* @vite-ignore */ configFile)).default as NextConfig & { experimental: Record<string, unknown> };
  const megabytes = (value: unknown) => Number(/^(\d+)mb$/.exec(String(value))?.[1]) * 1024 * 1024;

  it("fits, with its form, in what Next.js lets a server action and the proxy read", async () => {
    const { experimental } = await config();
    expect(megabytes((experimental.serverActions as { bodySizeLimit: string }).bodySizeLimit)).toBe(ACTION_BODY_MAX_BYTES);
    // The proxy reads a megabyte past the action's limit: a body it cut short still shows it was too large.
    expect(megabytes(experimental.proxyClientMaxBodySize)).toBe(PROXY_BODY_MAX_BYTES);
    expect(PROXY_BODY_MAX_BYTES - ACTION_BODY_MAX_BYTES).toBe(1024 * 1024);
    expect(ACTION_BODY_MAX_BYTES - TABLE_FILE_MAX_BYTES).toBeGreaterThanOrEqual(512 * 1024);
  });

  it("is refused in words (413) when its request declares more than an action may take, before Next.js fails on it", async () => {
    const post = (length: number, cookie = "") =>
      proxy(
        new NextRequest("http://localhost/kota/bantuan", {
          method: "POST",
          headers: { "next-action": "abc", "content-length": String(length), cookie },
        }),
      );
    const refused = await post(ACTION_BODY_MAX_BYTES + 1);
    expect(refused.status).toBe(413);
    expect(await refused.text()).toMatch(/terlalu besar/);
    expect(await (await post(ACTION_BODY_MAX_BYTES + 1, "NEXT_LOCALE=en")).text()).toMatch(/too large/);
    expect((await post(TABLE_FILE_MAX_BYTES)).status).toBe(200);
  });

  /** A POST whose body comes in pieces without a declared length (Transfer-Encoding: chunked), `bytes` long. */
  const chunkedPost = (bytes: number, headers: Record<string, string> = { "next-action": "abc" }) => {
    const piece = new Uint8Array(64 * 1024);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= bytes) return controller.close();
        const next = piece.subarray(0, Math.min(piece.length, bytes - sent));
        sent += next.length;
        controller.enqueue(next);
      },
    });
    return proxy(
      new NextRequest("http://localhost/kota/bantuan", { method: "POST", headers, body, duplex: "half" } as ConstructorParameters<typeof NextRequest>[1]),
    );
  };

  it("is refused in words (413) when it comes in pieces without a declared length and passes the limit", async () => {
    for (const bytes of [12 * 1024 * 1024, PROXY_BODY_MAX_BYTES]) {
      const refused = await chunkedPost(bytes);
      expect(refused.status, `${bytes} bytes`).toBe(413);
      expect(await refused.text()).toMatch(/terlalu besar/);
    }
    // Next.js hands the proxy only the first PROXY_BODY_MAX_BYTES of a longer body: what is left still shows it.
    expect((await chunkedPost(ACTION_BODY_MAX_BYTES + 64 * 1024 + 1)).status).toBe(413);
    expect((await chunkedPost(ACTION_BODY_MAX_BYTES)).status).toBe(200);
    expect((await chunkedPost(TABLE_FILE_MAX_BYTES, {})).status).toBe(200);
  });
});
