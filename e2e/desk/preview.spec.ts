import { expect, test } from "@playwright/test";
import { expectAccessible } from "../support/axe";
import { createEventViaApi, eventInput, eventRow, staffContext, unique, workflowViaApi } from "./helpers/staff";

// Each run's event has a day of its own: the public page tells the story of its day (the
// other published events of that date that share a country), so an event another spec
// publishes meanwhile on the same day would change the page between preview and publish.
for (const viewport of [
  { name: "desktop", width: 1280, height: 900, date: "2013-05-14" },
  { name: "phone", width: 390, height: 844, date: "2013-05-15" },
]) {
  test(`a draft's preview is the public page it will become, for staff only (${viewport.name})`, async ({ browser, playwright, baseURL }) => {
    const { context } = await staffContext(browser, "EDITOR");
    const title = `Tokayev meets Trump at the White House ${unique()}`;
    const created = await createEventViaApi(
      context.request,
      eventInput(title, { date: viewport.date, body: "The leaders met in the **Oval Office** and spoke about [the Abraham Accords](https://www.state.gov/the-abraham-accords)." }),
    );
    const page = await context.newPage();
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    await page.goto(`/dashboard/events/${created.id}`);
    await page.getByRole("link", { name: "Preview" }).click();

    await expect(page.getByRole("note", { name: "Preview" })).toContainText("Preview — not public.");
    const article = page.locator("article").first();
    await expect(article.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await expect(article.locator("strong", { hasText: "Oval Office" })).toBeVisible();
    await expect(article.getByRole("link", { name: "the Abraham Accords", exact: true })).toHaveAttribute("href", "https://www.state.gov/the-abraham-accords");
    await expect(page.locator('meta[name="robots"]').first()).toHaveAttribute("content", /noindex/);
    await expectAccessible(page);
    await page.screenshot({ path: test.info().outputPath(`preview-${viewport.name}.png`), fullPage: true });
    // The citation's access date and copy buttons come with hydration: compare the two pages
    // once each has them, not the server's HTML of one with the hydrated other.
    const hydrated = (p: typeof page) => expect(p.getByRole("button", { name: "Copy the Chicago citation" })).toBeVisible();
    await hydrated(page);
    const previewText = await article.innerText();

    // The preview changed nothing: still a draft, same version, not public.
    expect(await eventRow(created.id)).toMatchObject({ status: "DRAFT", version: 1 });
    expect((await page.request.get(`/events/${created.slug}`)).status()).toBe(404);
    const response = await page.request.get(`/dashboard/events/${created.id}/preview`);
    expect(response.headers()["cache-control"]).toMatch(/no-store|private/);

    // Nobody signed out gets it: the desk sends them to sign in, and shows nothing of the draft.
    const anonymous = await playwright.request.newContext({ baseURL });
    const answer = await anonymous.get(`/dashboard/events/${created.id}/preview`, { maxRedirects: 0 });
    expect([302, 303, 307, 401, 403, 404]).toContain(answer.status());
    expect(await answer.text()).not.toContain(title);
    await anonymous.dispose();

    // Publishing shows exactly what the preview showed.
    expect((await workflowViaApi(context.request, "events", created.id, { action: "publish", baseVersion: 1 })).body.ok).toBe(true);
    const publicPage = await browser.newPage({ viewport: { width: viewport.width, height: viewport.height } });
    await publicPage.goto(`/events/${created.slug}`);
    await hydrated(publicPage);
    expect(await publicPage.locator("article").first().innerText()).toBe(previewText);
    await publicPage.close();
    await context.close();
  });
}

test("staged changes to a published event can be previewed while readers still see the published text", async ({ browser }) => {
  const { context } = await staffContext(browser, "EDITOR");
  const created = await createEventViaApi(context.request, eventInput(`C5+1 summit ${unique()}`, { summary: "The published summary." }));
  expect((await workflowViaApi(context.request, "events", created.id, { action: "publish", baseVersion: 1 })).body.ok).toBe(true);
  const staged = await context.request.put(`/api/desk/events/${created.id}`, {
    data: { baseVersion: 2, input: eventInput(`C5+1 summit staged`, { summary: "The corrected, staged summary." }) },
  });
  expect(staged.status(), await staged.text()).toBe(200);

  const page = await context.newPage();
  await page.goto(`/dashboard/events/${created.id}`);
  await page.getByRole("link", { name: "Preview" }).click();
  await expect(page.locator("article").first()).toContainText("The corrected, staged summary.");
  await expect(page.locator("article").first().getByRole("heading", { level: 1 })).toHaveText("C5+1 summit staged");

  const publicPage = await browser.newPage();
  await publicPage.goto(`/events/${created.slug}`);
  await expect(publicPage.getByText("The published summary.")).toBeVisible();
  await expect(publicPage.getByText("The corrected, staged summary.")).toHaveCount(0);
  expect((await eventRow(created.id))!.summary).toBe("The published summary.");
  await publicPage.close();
  await context.close();
});
