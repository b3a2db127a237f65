import { expect, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "@/prisma/demo/demo-accounts";

/**
 * Signs a page's browser context in through next-auth's credentials endpoint, as the form
 * does, without typing: tests other than the sign-in form's own start signed in.
 */
export async function signInAs(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  const { csrfToken } = await (await page.request.get("/api/auth/csrf")).json();
  const response = await page.request.post("/api/auth/callback/credentials", {
    form: { email, password, csrfToken, json: "true" },
  });
  expect(response.ok(), `sign-in of ${email}`).toBe(true);
  const cookies = await page.context().cookies();
  expect(
    cookies.some((cookie) => cookie.name.includes("session-token")),
    `session cookie for ${email}`,
  ).toBe(true);
}
