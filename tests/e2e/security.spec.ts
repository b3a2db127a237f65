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
    answers.push({ status: response.status(), location: response.headers().location?.replace(slug, "SLUG") });
    expect(await response.text()).not.toMatch(/Mataram/i);
  }
  expect(answers[0]).toEqual(answers[1]);
  expect(answers[0]).toMatchObject({ location: "/masuk?callbackUrl=%2FSLUG" });

  await page.goto("/mataram");
  const cityTitle = await page.title();
  await page.goto("/kota-tidak-ada");
  expect(await page.title()).toBe(cityTitle);
  expect(cityTitle).not.toMatch(/Mataram/i);
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

test("the browser runs no script the page did not send", async ({ browser, baseURL }) => {
  // A page of its own: the violation below is the point, and would fail the shared page.
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  const refused = new Promise<string>((resolve) => page.on("console", (message) => /Content Security Policy/.test(message.text()) && resolve(message.text())));
  await page.goto("/masuk");
  await expect(page.getByRole("heading", { level: 1, name: "Masuk" })).toBeVisible();
  const ran = await page.evaluate(() => {
    const script = document.createElement("script");
    script.textContent = "window.injected = true";
    document.body.append(script);
    return (window as unknown as { injected?: boolean }).injected === true;
  });
  expect(ran).toBe(false);
  expect(await refused).toMatch(/script-src/);
  await context.close();
});
