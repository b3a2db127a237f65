import { expect, test } from "@playwright/test";
import { visibleNavItems } from "@/components/shell/nav-items";
import { TENANT_PAGES, pageAccess, tenantPagePath, type TenantPageKey } from "@/lib/auth/pages";
import { demoAccountsFor } from "@/lib/seed/demo-accounts";
import id from "@/messages/id.json" with { type: "json" };
import { signInAs } from "./auth";
import { saveScreenshot } from "./screenshots";

const builtPages = (Object.keys(TENANT_PAGES) as TenantPageKey[]).filter((page) => TENANT_PAGES[page].available);

// Each role of Kota Mataram: its menu is exactly what the permission table allows, each
// built page answers as the table says, and Kota Kupang does not exist for it.
for (const account of demoAccountsFor("mataram", "Ampenan Tengah")) {
  test(`${account.role} sees only its own menu and pages`, async ({ page }, testInfo) => {
    await signInAs(page, account.email);
    await page.goto("/mataram");
    await expect(page.getByRole("heading", { level: 1, name: "Kota Mataram" })).toBeVisible();

    const menu = page.getByRole("navigation", { name: "Menu Kota Mataram" });
    const expected = visibleNavItems(account.role).map((item) => id.Nav[item.key]);
    await expect(menu.getByRole("link")).toHaveText(expected);
    await saveScreenshot(page, testInfo, `role-${account.role.toLowerCase()}`);

    for (const key of builtPages) {
      const response = await page.request.get(tenantPagePath("mataram", key));
      const allowed = pageAccess({ role: account.role, tenantSlug: "mataram" }, "mataram", key) === "allow";
      expect(response.status(), `${account.role} → ${key}`).toBe(allowed ? 200 : 404);
      const foreign = await page.request.get(tenantPagePath("kupang", key));
      expect(foreign.status(), `${account.role} → kupang ${key}`).toBe(404);
    }
  });
}

test("the platform admin works on /platform and no city exists for it", async ({ page }) => {
  await signInAs(page, "platform@entas.test");
  await page.goto("/");
  await expect(page).toHaveURL(/\/platform$/);
  for (const key of builtPages) {
    expect((await page.request.get(tenantPagePath("mataram", key))).status()).toBe(404);
  }
});
