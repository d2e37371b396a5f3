import { expect, type APIRequestContext, type Browser, type BrowserContext, type BrowserContextOptions } from "@playwright/test";

/**
 * Signs in through next-auth's own endpoints (not the form), the way every spec
 * but the sign-in spec does. The session cookie lands in the context's jar.
 */
export async function signIn(request: APIRequestContext, email: string, password: string): Promise<void> {
  const csrf = await request.get("/api/auth/csrf");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password, callbackUrl: "/dashboard", json: "true" },
    maxRedirects: 0,
  });
  expect([200, 302], `sign-in for ${email}`).toContain(response.status());
  const session = await request.get("/api/auth/session");
  expect((await session.json()) as object, `session for ${email}`).toHaveProperty("user.id");
}

/** Signs a browser context in (its pages share the cookie). */
export async function signInContext(context: BrowserContext, email: string, password: string) {
  await signIn(context.request, email, password);
}

/** A new browser context (made with `options`) signed in as `who`, and a page in it. */
export async function signedInPage(browser: Browser, who: { email: string; password: string }, options: BrowserContextOptions = {}) {
  const context = await browser.newContext(options);
  await signInContext(context, who.email, who.password);
  return { context, page: await context.newPage() };
}
