import { expect } from "@playwright/test";
import { tenantPageHref, visibleNavGroups } from "@/features/shell/ui/nav-items";
import { pageAccess } from "@/lib/auth/gate";
import { TENANT_PAGES, type TenantPageKey } from "@/lib/auth/pages";
import { povertyOpds } from "@/prisma/demo/cities/opds";
import { demoAccountsFor } from "@/prisma/demo/demo-accounts";
import id from "@/messages/id";
import { signInAs } from "./auth";
import { saveScreenshot } from "./screenshots";
import { test } from "./fixtures";

// What the seed marks on each demo account's OPD, as the session would carry it.
const seededOpds = povertyOpds({ name: "Bapeda", shortName: "Bapeda" });
const opdOf = (code: string | undefined) => {
  const spec = seededOpds.find((opd) => opd.code === code);
  return spec ? { decidesRegistryChanges: spec.decidesRegistryChanges ?? false } : null;
};

const builtPages = Object.keys(TENANT_PAGES) as TenantPageKey[];

// Each role of Kota Mataram: its menu is exactly what the permission table allows, each
// built page answers as the table says, and Kota Kupang does not exist for it.
for (const account of demoAccountsFor("mataram", "Ampenan Tengah")) {
  test(`${account.email} (${account.role}) sees only its own menu and pages`, async ({ page }, testInfo) => {
    // Nearly forty page loads, each a full server render: more than the default 30 s on a busy machine.
    test.setTimeout(180_000);
    await signInAs(page, account.email);
    await page.goto("/mataram");
    await expect(page.getByRole("heading", { level: 1, name: "Kota Mataram" })).toBeVisible();

    const menu = page.getByRole("navigation", { name: "Menu Kota Mataram" });
    const user = { role: account.role, opd: opdOf(account.opdCode), tenantSlug: "mataram" };
    // Every page the role may open, in the menu's groups (closed ones too), and the phone's account link.
    const expected = visibleNavGroups(user).flatMap((group) => group.items.map((item) => id.Nav[item.key]));
    await expect(menu.getByRole("link", { includeHidden: true })).toHaveText([...expected, id.Nav.menu.account]);
    await saveScreenshot(
      page,
      testInfo,
      `role-${account.email
        .split("@")[0]!
        .replace(/\.mataram$/, "")
        .replace(/\./g, "-")}`,
    );

    for (const key of builtPages) {
      const allowed = pageAccess(user, "mataram", key) === "allow";
      // Each page the role may open is opened in the browser, so the fixture sees any blocked
      // script or style and any message missing in the user's language.
      const response = allowed
        ? await page.goto(tenantPageHref("mataram", key), { waitUntil: "load" })
        : await page.request.get(tenantPageHref("mataram", key));
      expect(response?.status(), `${account.role} → ${key}`).toBe(allowed ? 200 : 404);
      const foreign = await page.request.get(tenantPageHref("kupang", key));
      expect(foreign.status(), `${account.role} → kupang ${key}`).toBe(404);
    }
  });
}

test("the platform admin works on /platform and no city exists for it", async ({ page }) => {
  await signInAs(page, "platform@entas.test");
  await page.goto("/");
  await expect(page).toHaveURL(/\/platform$/);
  for (const key of builtPages) {
    expect((await page.request.get(tenantPageHref("mataram", key))).status()).toBe(404);
  }
});
