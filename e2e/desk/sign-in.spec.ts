import { expect, test } from "@playwright/test";
import { expectAccessible } from "../support/axe";
import { signInContext } from "../support/auth";
import { E2E_ADMIN } from "../support/env";

test("a staff member signs in with the form, lands where they were going, and signs out", async ({ page }) => {
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fdashboard/);
  await expect(page.getByRole("heading", { level: 1, name: "Sign in to the desk" })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("Email").fill(E2E_ADMIN.email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "The email or password is not right" })).toBeVisible();

  await page.getByLabel("Password").fill(E2E_ADMIN.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
  await expect(page.getByText(`Signed in as ${E2E_ADMIN.email}`)).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/login/);
});

test("a copied session cookie stops working after sign-out", async ({ browser }) => {
  const context = await browser.newContext();
  await signInContext(context, E2E_ADMIN.email, E2E_ADMIN.password);
  const cookies = await context.cookies();
  const page = await context.newPage();
  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);

  // Replay the old cookie in a fresh context, as a thief who copied it would.
  const replay = await browser.newContext();
  await replay.addCookies(cookies);
  const replayPage = await replay.newPage();
  await replayPage.goto("/dashboard");
  await expect(replayPage).toHaveURL(/\/login/);
  await replay.close();
  await context.close();
});

for (const evil of ["https://evil.example", "//evil.example", "/\\evil.example"]) {
  test(`a callbackUrl of ${evil} lands on our own origin`, async ({ page, baseURL }) => {
    await page.goto(`/login?callbackUrl=${encodeURIComponent(evil)}`);
    await page.getByLabel("Email").fill(E2E_ADMIN.email);
    await page.getByLabel("Password").fill(E2E_ADMIN.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
    expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);

    // next-auth's own endpoint, given the value directly, keeps us home too.
    const request = page.context().request;
    const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const response = await request.post("/api/auth/callback/credentials", {
      form: { csrfToken, email: E2E_ADMIN.email, password: E2E_ADMIN.password, callbackUrl: evil, json: "true" },
      maxRedirects: 0,
    });
    const target = response.status() === 200 ? ((await response.json()) as { url: string }).url : response.headers().location!;
    expect(new URL(target, baseURL).origin).toBe(new URL(baseURL!).origin);
  });
}

test("session cookies are HttpOnly and SameSite=Lax", async ({ context }) => {
  await signInContext(context, E2E_ADMIN.email, E2E_ADMIN.password);
  const cookie = (await context.cookies()).find((c) => c.name.endsWith("next-auth.session-token"));
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax" });
});
