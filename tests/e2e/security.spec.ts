import { expect } from "@playwright/test";
import { signInAs } from "./auth";
import { test } from "./fixtures";

test("signing out ends the session on the server: a copy of the cookie taken before opens nothing", async ({ page, browser, baseURL }) => {
  await signInAs(page, "bapeda.mataram@entas.test");
  await page.goto("/mataram");
  await expect(page.getByRole("heading", { level: 1, name: "Kota Mataram" })).toBeVisible();
  expect((await page.request.get("/mataram/bantuan/ekspor")).status()).toBe(200);
  const copied = await page.context().cookies();

  await page.getByRole("button", { name: "Keluar" }).click();
  await expect(page).toHaveURL(/\/masuk/);

  const thief = await browser.newContext({ baseURL });
  await thief.addCookies(copied);
  const stolen = await thief.newPage();
  await stolen.goto("/mataram");
  await expect(stolen).toHaveURL(/\/masuk\?callbackUrl=%2Fmataram$/);
  expect((await stolen.request.get("/mataram/bantuan/ekspor")).status()).toBe(404);
  await thief.close();
});

test("to a visitor who has not signed in, a city and a slug that is none answer alike", async ({ page }) => {
  const answers = [];
  for (const slug of ["mataram", "kota-tidak-ada"]) {
    const response = await page.request.get(`/${slug}`, { maxRedirects: 0 });
    const body = await response.text();
    // The same redirect to sign in, and not a word of the city: its name is "Kota Mataram".
    expect(body).toContain(`NEXT_REDIRECT;replace;/masuk?callbackUrl=%2F${slug};307;`);
    expect(body).not.toContain("Kota Mataram");
    answers.push({ status: response.status(), location: response.headers().location?.replace(slug, "SLUG") });
  }
  expect(answers[0]).toEqual(answers[1]);

  await page.goto("/mataram");
  await expect(page).toHaveURL(/\/masuk\?callbackUrl=%2Fmataram$/);
  const cityTitle = await page.title();
  await page.goto("/kota-tidak-ada");
  await expect(page).toHaveURL(/\/masuk\?callbackUrl=%2Fkota-tidak-ada$/);
  expect(await page.title()).toBe(cityTitle);
  expect(cityTitle).not.toContain("Mataram");
});

test("every response carries the security headers: pages, route handlers, files and not-found", async ({ page }) => {
  await signInAs(page, "bapeda.mataram@entas.test");
  const paths = ["/masuk", "/mataram", "/mataram/tidak-ada", "/api/auth/csrf", "/mataram/bantuan/ekspor", "/icon.svg"];
  for (const path of paths) {
    const response = await page.request.get(path, { maxRedirects: 0 });
    const headers = response.headers();
    expect(headers["x-frame-options"], path).toBe("DENY");
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
    if (path !== "/icon.svg") expect(headers["content-security-policy"], path).toContain("frame-ancestors 'none'");
    // Served over plain HTTP here: no HSTS, which browsers would ignore anyway.
    expect(headers["strict-transport-security"], path).toBeUndefined();
  }
  expect((await page.request.get("/mataram/tidak-ada")).status()).toBe(404);
});

test("the browser runs no script injected into a page, and no other site frames one", async ({ browser, baseURL }) => {
  // A page of its own: the violations below are the point, and would fail the shared page.
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/.test(message.text())) violations.push(message.text());
  });
  await page.goto("/masuk");
  await expect(page.getByRole("heading", { level: 1, name: "Masuk" })).toBeVisible();
  // Markup smuggled into the page, the way a stored cross-site script arrives.
  await page.evaluate(() => {
    document.body.insertAdjacentHTML("beforeend", '<img alt="" src="/tidak-ada.png" onerror="window.injected = true">');
  });
  await expect.poll(() => violations.some((text) => /script-src/.test(text))).toBe(true);
  expect(await page.evaluate(() => (window as unknown as { injected?: boolean }).injected)).toBeUndefined();

  // Another site's page framing the sign-in page: the browser shows its error page instead.
  await page.goto("about:blank");
  await page.setContent(`<iframe src="${baseURL}/masuk" title="bingkai"></iframe>`, { waitUntil: "load" });
  const framed = page.frames().find((frame) => frame !== page.mainFrame());
  expect(framed?.url()).toMatch(/^chrome-error:/);
  expect(await framed?.getByRole("heading", { name: "Masuk" }).count()).toBe(0);
  await context.close();
});
