import { describe, expect, it } from "vitest";
import { parseTypedMonth, typedMonthText } from "@/lib/calendar/typed-month";

describe("parseTypedMonth", () => {
  it.each(["03/2026", "3/2026", "03-2026", "03.2026", " 03 / 2026 ", "032026", "2026-03", "2026-3"])("reads %j as March 2026", (text) => {
    expect(parseTypedMonth(text)).toEqual({ ok: true, month: "2026-03" });
  });

  it.each([
    ["Maret 2026", "2026-03"],
    ["maret 2026", "2026-03"],
    ["March 2026", "2026-03"],
    ["Mar 2026", "2026-03"],
    ["Agustus 2026", "2026-08"],
    ["Agt 2026", "2026-08"],
    ["August 2026", "2026-08"],
    ["Mei 2026", "2026-05"],
    ["May 2026", "2026-05"],
    ["Okt 2026", "2026-10"],
    ["Desember 2026", "2026-12"],
  ])("reads the month's name %j in either language", (text, month) => {
    expect(parseTypedMonth(text)).toEqual({ ok: true, month });
  });

  it("refuses months the calendar does not have", () => {
    for (const text of ["13/2026", "00/2026", "2026-13", "12/1800"]) expect(parseTypedMonth(text), text).toEqual({ ok: false, problem: "impossible" });
  });

  it("refuses text that is not a month", () => {
    for (const text of ["", "03/26", "2026/03", "21/11/2026", "Ma 2026", "Foo 2026", "Maret", "abc"]) {
      expect(parseTypedMonth(text), text).toEqual({ ok: false, problem: "format" });
    }
  });
});

describe("typedMonthText", () => {
  it("names the month in the interface's language, whatever the browser's", () => {
    expect(typedMonthText("2026-08", "id")).toBe("Agustus 2026");
    expect(typedMonthText("2026-08", "en")).toBe("August 2026");
    expect(typedMonthText("2026-03")).toBe("Maret 2026");
  });

  it("shows a name it reads back as the same month", () => {
    for (const locale of ["id", "en"] as const) {
      for (let month = 1; month <= 12; month += 1) {
        const iso = `2026-${String(month).padStart(2, "0")}`;
        expect(parseTypedMonth(typedMonthText(iso, locale))).toEqual({ ok: true, month: iso });
      }
    }
  });

  it("leaves text that is no month as it is", () => {
    expect(typedMonthText("")).toBe("");
    expect(typedMonthText("13/2026")).toBe("13/2026");
  });
});
