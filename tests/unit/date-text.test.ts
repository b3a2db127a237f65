import { describe, expect, it } from "vitest";
import { readSource, sourceFiles } from "../helpers/source-files";

// Dates are read and written one way (lib/format/date.ts, lib/calendar/typed-day.ts): a date
// the browser formats or reads follows the browser's language (11/21/2026 in an English browser)
// and the page then mixes "10 Nov 2026" with "20 November 2026".
const code = sourceFiles(["app", "components", "features", "lib"]).filter((file) => !file.includes("/tests/"));

// Where a formatter of dates may be built: the format helpers, and the calendar's own arithmetic.
const DATE_TEXT_HOMES = /^lib\/(format|calendar)\//;
const BROWSER_DATE_TEXT = /\.toLocale(Date|Time)String\(|Intl\.DateTimeFormat\(/;

// On paper the month is written in full; everywhere else short (lib/format/date.ts).
const PAPER = new Set([
  "app/[tenant]/dana-pem/pinjaman/[loanId]/kuitansi/[repaymentId]/page.tsx",
  "app/[tenant]/dasbor/kemiskinan/belum-terjangkau/cetak/page.tsx",
  "features/dashboards/export-route.ts",
  "features/dashboards/poverty/unreached-export.ts",
  "features/reports/quarterly/annex.ts",
  "features/reports/quarterly/export.ts",
  "features/reports/quarterly/ui/report-print.tsx",
  "features/reports/annual/download.ts",
  "features/revolving-funds/ui/loan-agreement.tsx",
]);

const calling = (name: string) => code.filter((file) => !DATE_TEXT_HOMES.test(file) && new RegExp(`\\b${name}\\(`).test(readSource(file)));

describe("dates in the interface", () => {
  it("are formatted only by the format helpers, never by the browser's or the server's own locale", () => {
    const offenders = code.filter((file) => !DATE_TEXT_HOMES.test(file) && BROWSER_DATE_TEXT.test(readSource(file)));
    expect(offenders).toEqual([]);
  });

  it("write the month in full only on paper: prints, agreements, receipts, exports", () => {
    expect(calling("formatDateLong").sort()).toEqual([...PAPER].sort());
  });

  it("never mix the short and the long month in one file", () => {
    const short = new Set(calling("formatDateShort"));
    expect(calling("formatDateLong").filter((file) => short.has(file))).toEqual([]);
  });

  it("are typed in DateField, day first, months in MonthField, and files chosen in FileField, in the interface's language", () => {
    const forms = code.filter((file) => file.endsWith(".tsx"));
    const nativeDate = forms.filter((file) => file !== "components/ui/date-field.tsx" && /type(=|:\s*)["']date["']/.test(readSource(file)));
    const nativeMonth = forms.filter((file) => /type(=|:\s*)["'](month|week|datetime-local)["']/.test(readSource(file)));
    const nativeFile = forms.filter((file) => file !== "components/ui/file-field.tsx" && /type(=|:\s*)["']file["']/.test(readSource(file)));
    expect({ nativeDate, nativeMonth, nativeFile }).toEqual({ nativeDate: [], nativeMonth: [], nativeFile: [] });
  });
});
