import { expect, test } from "@playwright/test";
import { expectAccessible } from "../support/axe";
import { VIEWPORTS } from "../support/viewports";

test("the home page lists the Kazakhstan accession from the database, and is accessible", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "The diplomatic record" })).toBeVisible();
  const latest = page.getByRole("region", { name: "Latest events" });
  const accession = latest.getByRole("link", { name: "Kazakhstan announces it will join the Abraham Accords" });
  await expect(accession).toBeVisible();
  await expect(accession).toHaveAttribute("href", "/events/kazakhstan-to-join-the-abraham-accords");
  // Dates are shown with the precision that is known; the promised ceremony has none yet and waits under "Upcoming".
  await expect(latest.locator('time[datetime="2025-11-06"]').first()).toHaveText("6 November 2025");
  await expect(latest.getByText("Date to be announced")).toHaveCount(0);
  const upcoming = page.getByRole("region", { name: "Upcoming" });
  await expect(upcoming.getByRole("link", { name: "Signing ceremony for Kazakhstan's accession to the Abraham Accords" })).toBeVisible();
  await expect(upcoming.getByText("Date to be announced")).toBeVisible();
  await expectAccessible(page);
});

test("a keyboard user can skip to the content and reach the search box", async ({ page }) => {
  await page.goto("/");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator("main#main")).toBeFocused();
  await page.getByRole("searchbox", { name: "Search" }).focus();
  await expect(page.getByRole("searchbox", { name: "Search" })).toBeFocused();
});

test("a reader subscribes to the upcoming events from the home page, on a desktop and a phone", async ({ browser, baseURL }) => {
  for (const viewport of VIEWPORTS) {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    await page.goto("/");
    const upcoming = page.getByRole("region", { name: "Upcoming" });
    const subscribe = upcoming.getByRole("link", { name: "Subscribe in a calendar app" });
    await subscribe.scrollIntoViewIfNeeded();
    await expect(subscribe).toBeInViewport();
    // A subscription (webcal:), which the calendar app keeps up to date; the https link to the
    // file was a one-off import, and on a phone a download that never learnt of later events.
    const host = new URL(baseURL!).host;
    await expect(subscribe).toHaveAttribute("href", `webcal://${host}/calendar.ics`);
    // An app that asks for an address (Google Calendar's "From URL") takes the file's.
    const address = upcoming.getByRole("link", { name: "calendar.ics" });
    await expect(address).toHaveAttribute("href", "/calendar.ics");
    const calendar = await page.request.get((await address.getAttribute("href"))!);
    expect(calendar.headers()["content-type"]).toBe("text/calendar; charset=utf-8");
    expect(await calendar.text()).toContain("X-WR-CALNAME:Chancery: upcoming diplomatic events\r\n");
    await expectAccessible(page);
    await context.close();
  }
});
