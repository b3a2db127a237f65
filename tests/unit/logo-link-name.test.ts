// The logo link is named by the words it shows (WCAG 2.5.3, label in name): someone who says
// "click Entas" to voice control, or hears it read, meets the same words the screen shows.
import { createElement, type ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { createTranslator } from "next-intl";
import { describe, expect, it, vi } from "vitest";
import id from "@/messages/id";
import en from "@/messages/en";

const locale = vi.hoisted(() => ({ current: "id" as "id" | "en" }));
vi.mock("next-intl/server", () => ({
  getTranslations: async () => createTranslator({ locale: locale.current, messages: locale.current === "id" ? id : en }),
}));
vi.mock("@/features/shell/ui/user-menu", () => ({ UserMenu: () => null }));
vi.mock("@/features/shell/ui/language-switch", () => ({ LanguageSwitch: () => null }));

const { SiteHeader } = await import("@/features/shell/ui/site-header");

const words = (html: string) =>
  html
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ")
    .replace(/ ([,.)])/g, "$1")
    .trim();

async function logoLink() {
  const html = renderToStaticMarkup(createElement("div", null, (await SiteHeader()) as ReactElement));
  const link = /<a [^>]*href="\/"[^>]*>([\s\S]*?)<\/a>/.exec(html);
  if (!link) throw new Error("no link to the start page");
  const [whole, inner] = link;
  const opening = whole.slice(0, whole.indexOf(">") + 1);
  // What a screen reader names it by (its content; an aria-label would replace it) and what the screen shows.
  const name = words(inner!);
  const visible = words(inner!.replace(/<span class="sr-only">[^<]*<\/span>/g, ""));
  return { opening, name, visible };
}

describe("the logo link", () => {
  it.each(["id", "en"] as const)("is named by its visible words first (%s)", async (language) => {
    locale.current = language;
    const messages = language === "id" ? id : en;
    const { opening, name, visible } = await logoLink();
    expect(opening).not.toContain("aria-label");
    expect(visible).toBe(`${messages.Brand.name} ${messages.Brand.tagline}`);
    expect(name.startsWith(visible)).toBe(true);
    // And still says where it leads.
    expect(name).toContain(messages.Brand.homeLink);
  });
});
