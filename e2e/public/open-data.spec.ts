import { expect, test } from "@playwright/test";
import { expectAccessible } from "../support/axe";
import { expectNoSidewaysScroll } from "../support/layout";
import { VIEWPORTS } from "../support/viewports";

/**
 * A developer or a data journalist finds, from any page's footer, what the record offers
 * to programs: the feeds, the calendar, the API with its endpoints and parameters, CSV and
 * the terms of reuse; copies the example and gets the answer it promises. Every address the
 * page names answers.
 */
const KEYS: Record<string, string> = {
  "/events/{key}": "kazakhstan-to-join-the-abraham-accords",
  "/countries/{key}": "kz",
  "/agreements/{key}": "abraham-accords",
};

for (const viewport of VIEWPORTS) {
  test(`a developer finds the open data page from the footer and uses what it says (${viewport.name})`, async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: viewport.width, height: viewport.height } });
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    const page = await context.newPage();
    await page.goto("/events");
    await page.getByRole("contentinfo").getByRole("link", { name: "Open data and API" }).click();
    await expect(page).toHaveURL(/\/data$/);
    await expect(page.getByRole("heading", { level: 1, name: "Open data" })).toBeVisible();
    for (const name of ["Feeds", "The API", "Endpoints", "CSV", "Reuse"]) await expect(page.getByRole("region", { name, exact: true })).toBeVisible();
    await expectAccessible(page);
    await expectNoSidewaysScroll(page);
    await page.screenshot({ path: test.info().outputPath(`open-data-${viewport.name}.png`), fullPage: true });

    // The example, copied as it is shown, and its answer: two events involving Kazakhstan and the next page.
    const api = page.getByRole("region", { name: "The API" });
    await api.getByRole("button", { name: "Copy the example" }).click();
    await expect(api.getByRole("status")).toHaveText("Copied.");
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    const exampleUrl = copied.match(/^curl '(http[^']+)'$/)?.[1];
    expect(exampleUrl, copied).toBeTruthy();
    expect(await api.getByRole("link", { name: "Open the answer" }).getAttribute("href")).toBe(exampleUrl);
    const answer = await context.request.get(exampleUrl!);
    expect(answer.status()).toBe(200);
    const body = (await answer.json()) as { data: Array<{ slug: string }>; next: string | null };
    expect(body.data).toHaveLength(2);
    expect(body.next).toContain("/api/v1/events?");

    // The endpoints are the API's own: each one listed answers, with the parameters it lists.
    const endpoints = page.getByRole("region", { name: "Endpoints" });
    const paths = (await endpoints.getByRole("heading", { level: 3 }).allTextContents()).map((text) => text.replace(/^\/api\/v1/, ""));
    expect(paths).toEqual(expect.arrayContaining(["/events", "/events/{key}", "/statements", "/countries/{key}", "/search", "/events.csv"]));
    for (const path of paths) {
      const concrete = path.includes("{key}") ? path.replace("{key}", KEYS[path] ?? "no-such-item") : path;
      const status = (await context.request.get(`/api/v1${concrete}`)).status();
      expect(status, concrete).toBe(KEYS[path] || !path.includes("{key}") ? 200 : 404);
    }
    const events = endpoints.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "/api/v1/events", exact: true }) });
    await events.getByText("Parameters of /events").click();
    await expect(events.getByRole("term")).toHaveText(["country", "topic", "agreement", "from", "to", "type", "cursor", "limit"]);
    await expect(events.getByRole("definition").nth(5)).toContainText(/One of [A-Z_, ]*PHONE_CALL, /);
    await expectAccessible(page);

    // The feeds and the calendar the page links answer, each as what it is.
    const feeds = page.getByRole("region", { name: "Feeds" });
    for (const link of await feeds.getByRole("link").all()) {
      const href = (await link.getAttribute("href"))!;
      const response = await context.request.get(href);
      expect(response.status(), href).toBe(200);
      expect(response.headers()["content-type"], href).toMatch(/xml|json|calendar/);
    }
    await context.close();
  });
}
