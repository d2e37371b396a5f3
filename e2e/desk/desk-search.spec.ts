import { expect, test } from "@playwright/test";
import { expectAccessible } from "../support/axe";
import { createEventViaApi, eventInput, staffContext, unique } from "./helpers/staff";
import { VIEWPORTS } from "../support/viewports";

for (const viewport of VIEWPORTS) {
  test(`the header's search box finds records of every kind, drafts included (${viewport.name})`, async ({ browser, playwright, baseURL }) => {
    const { context } = await staffContext(browser, "CONTRIBUTOR");
    const tag = unique();
    const created = await createEventViaApi(context.request, eventInput(`Tokayev at the White House ${tag}`));
    const page = await context.newPage();
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    await page.goto("/dashboard");

    const box = page.getByRole("banner").getByRole("searchbox", { name: "Search the desk" });
    await box.fill(tag);
    await box.press("Enter");
    await expect(page.getByRole("heading", { level: 1, name: `Search: ${tag}` })).toBeVisible();
    const events = page.getByRole("region", { name: /Events/ });
    await expect(events.getByRole("link", { name: `Tokayev at the White House ${tag}` })).toHaveAttribute("href", `/dashboard/events/${created.id}`);
    await expect(events).toContainText("Draft");
    await expectAccessible(page);

    const field = page.getByRole("main").getByRole("searchbox", { name: "Search the desk" });
    const button = page.getByRole("button", { name: "Search", exact: true });
    // The button sits beside the field's box, its foot on the box's foot (not the field's margin below it).
    const [fieldBox, buttonBox] = [(await field.boundingBox())!, (await button.boundingBox())!];
    expect(buttonBox.x, "beside the field").toBeGreaterThan(fieldBox.x + fieldBox.width);
    expect(Math.abs(buttonBox.y + buttonBox.height - (fieldBox.y + fieldBox.height)), "bottoms in line").toBeLessThanOrEqual(1);
    await field.fill("Tokayev");
    await button.click();
    await expect(page.getByRole("region", { name: /People/ }).getByRole("link", { name: /Kassym-Jomart Tokayev/ })).toBeVisible();
    await page.screenshot({ path: test.info().outputPath(`desk-search-${viewport.name}.png`), fullPage: true });

    // Staff only: a visitor is sent to sign in and sees nothing.
    const anonymous = await playwright.request.newContext({ baseURL });
    const answer = await anonymous.get(`/dashboard/search?q=${tag}`, { maxRedirects: 0 });
    expect([302, 303, 307]).toContain(answer.status());
    expect(answer.headers().location).toMatch(/\/login/);
    expect(await answer.text()).not.toContain("Tokayev at the White House");
    await anonymous.dispose();
    await context.close();
  });

  test(`a misspelt name that finds no event or statement offers the search put right, in the desk's search and its lists (${viewport.name})`, async ({ browser }) => {
    const { context } = await staffContext(browser, "CONTRIBUTOR");
    const page = await context.newPage();
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    await page.goto("/dashboard/search?q=kazakstan");
    await expect(page.getByRole("region", { name: /Events/ })).toContainText("Nothing found.");
    const offer = page.getByText(/^Did you mean “kazakhstan”\? It finds \d+ events? and \d+ statements?\.$/);
    await expect(offer).toBeVisible();
    await expectAccessible(page);
    await page.screenshot({ path: test.info().outputPath(`desk-search-corrected-${viewport.name}.png`), fullPage: true });
    await offer.getByRole("link", { name: "kazakhstan" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Search: kazakhstan" })).toBeVisible();
    await expect(page.getByRole("region", { name: /Events/ }).getByRole("listitem").first()).toBeVisible();
    // Spelt right, or naming nothing: nothing offered.
    await page.goto("/dashboard/search?q=zzqqxx");
    await expect(page.getByText(/Did you mean/)).toHaveCount(0);

    // The events list offers the same, keeping its other filters.
    await page.goto("/dashboard/events?q=kazakstan&status=PUBLISHED");
    await expect(page.getByText("No events match these filters.")).toBeVisible();
    const inList = page.getByText(/^Did you mean “kazakhstan”\? It finds \d+ events?\.$/);
    await expect(inList).toBeVisible();
    await expectAccessible(page);
    await inList.getByRole("link", { name: "kazakhstan" }).click();
    await expect(page).toHaveURL(/[?&]q=kazakhstan(&|$)/);
    await expect(page).toHaveURL(/[?&]status=PUBLISHED(&|$)/);
    await expect(page.getByRole("searchbox", { name: "Search events" })).toHaveValue("kazakhstan");
    await expect(page.getByText(/^\d+ events? match/)).toBeVisible();
    await context.close();
  });
}
