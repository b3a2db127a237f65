// A year before the city's current one is shown with a plain "closed" notice, in both languages.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { createTranslator } from "next-intl";
import { describe, expect, it, vi } from "vitest";
import id from "@/messages/id/Dashboards.json";
import en from "@/messages/en/Dashboards.json";

const locale = vi.hoisted(() => ({ current: "id" as "id" | "en" }));
vi.mock("next-intl/server", () => ({
  getTranslations: async (namespace: string) =>
    createTranslator({ locale: locale.current, messages: { [namespace]: locale.current === "id" ? id : en }, namespace }),
}));

const { ClosedYearNotice } = await import("@/components/ui/closed-year-notice");

async function render(year: number, currentYear: number): Promise<string> {
  const element = await ClosedYearNotice({ year, currentYear });
  return element ? renderToStaticMarkup(createElement("div", null, element)) : "";
}

describe("ClosedYearNotice", () => {
  it("says a past fiscal year is closed", async () => {
    locale.current = "id";
    expect(await render(2024, 2026)).toContain("Tahun anggaran 2024 sudah ditutup.");
    locale.current = "en";
    expect(await render(2024, 2026)).toContain("Fiscal year 2024 is closed.");
  });

  it("says nothing for this year or next", async () => {
    expect(await render(2026, 2026)).toBe("");
    expect(await render(2027, 2026)).toBe("");
  });
});
