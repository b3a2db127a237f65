// The poverty dashboard's target card says where the city stands on the city's calendar year: in
// 2026 a 2024 target is no longer something the city is "on the way" to.
import { createElement, type ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { createTranslator } from "next-intl";
import { describe, expect, it, vi } from "vitest";
import id from "@/messages/id";
import en from "@/messages/en";

const locale = vi.hoisted(() => ({ current: "id" as "id" | "en" }));
vi.mock("next-intl/server", () => ({
  getTranslations: async (namespace?: string) =>
    createTranslator({ locale: locale.current, messages: locale.current === "id" ? id : en, namespace: namespace as never }),
  getLocale: async () => locale.current,
}));

const { PovertySummary } = await import("@/features/dashboards/poverty/ui/poverty-summary");

async function card(currentYear: number, current: number, inLocale: "id" | "en" = "id"): Promise<string> {
  locale.current = inLocale;
  const element = await PovertySummary({
    coverage: { extremePoor: current, reached: 0, unreached: current, coverage: 0 },
    registry: { households: 10_000, extremePoor: current },
    targetingTotal: { accuracy: 0.9 },
    summary: { current, gap: current, exclusion: 0.1, eligibleUnreached: 3 },
    target: { year: 2024, value: 0, note: null },
    currentYear,
  });
  return renderToStaticMarkup(createElement("div", null, element as ReactElement)).replace(/\u00a0/g, " ");
}

describe("the poverty dashboard's target card", () => {
  it("in 2026 says the 2024 target has passed and how many households are still above it", async () => {
    const html = await card(2026, 1_234);
    expect(html).not.toContain("Menuju target 2024");
    expect(html).toContain("Target 2024 sudah lewat");
    expect(html).toContain("masih 1.234 KK di atas target 0 KK");
    expect(await card(2026, 1_234, "en")).toContain("The 2024 target date has passed");
  });

  it("up to the target year says the city is on the way", async () => {
    expect(await card(2023, 1_234)).toContain("Menuju target 2024");
    expect(await card(2024, 1_234)).toContain("Menuju target 2024");
  });

  it("says a reached target is reached", async () => {
    const html = await card(2026, 0);
    expect(html).toContain("Target 2024 tercapai");
    expect(html).not.toContain("sudah lewat");
  });
});
