import { describe, expect, it } from "vitest";
import { parseTypedDay, typedDayText } from "@/lib/calendar/typed-day";

describe("parseTypedDay", () => {
  it.each(["21/11/2026", "21-11-2026", "21.11.2026", " 21 / 11 / 2026 ", "21112026", "2026-11-21"])("reads %j as 21 November 2026", (text) => {
    expect(parseTypedDay(text)).toEqual({ ok: true, day: "2026-11-21" });
  });

  it("reads the day first, never the month: 11/12/2026 is 11 December", () => {
    expect(parseTypedDay("11/12/2026")).toEqual({ ok: true, day: "2026-12-11" });
    expect(parseTypedDay("1/2/2026")).toEqual({ ok: true, day: "2026-02-01" });
  });

  it("refuses days the calendar does not have", () => {
    expect(parseTypedDay("31/02/2026")).toEqual({ ok: false, problem: "impossible" });
    expect(parseTypedDay("29/02/2026")).toEqual({ ok: false, problem: "impossible" });
    expect(parseTypedDay("11/21/2026")).toEqual({ ok: false, problem: "impossible" });
    expect(parseTypedDay("00/01/2026")).toEqual({ ok: false, problem: "impossible" });
    expect(parseTypedDay("2026-02-30")).toEqual({ ok: false, problem: "impossible" });
    expect(parseTypedDay("29/02/2024")).toEqual({ ok: true, day: "2024-02-29" });
  });

  it("refuses text that is not a day", () => {
    for (const text of ["", "21/11/26", "21/11-2026", "November 21, 2026", "21 Nov 2026", "2026/11/21", "abc"]) {
      expect(parseTypedDay(text), text).toEqual({ ok: false, problem: "format" });
    }
  });
});

describe("typedDayText", () => {
  it("shows a stored day day-first", () => {
    expect(typedDayText("2026-11-21")).toBe("21/11/2026");
    expect(typedDayText("")).toBe("");
  });

  it("round-trips through parseTypedDay", () => {
    expect(parseTypedDay(typedDayText("2024-03-09"))).toEqual({ ok: true, day: "2024-03-09" });
  });
});
