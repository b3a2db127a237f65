import type { Page } from "@playwright/test";

/** The city's menu; on a phone opened first, and with `group` (e.g. "Registri") opened too. */
export async function openCityMenu(page: Page, city: string, group?: string) {
  const menu = page.getByRole("navigation", { name: `Menu ${city}` });
  const toggle = menu.getByRole("button", { name: "Menu", exact: true });
  if (await toggle.isVisible()) await toggle.click();
  if (group) await menu.getByRole("button", { name: group }).click();
  return menu;
}
