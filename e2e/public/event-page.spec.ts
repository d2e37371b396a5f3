import { expect, test } from "@playwright/test";
import { expectAccessible } from "../support/axe";
import { expectBreadcrumbs, insertEvent, nodeOfType, readJsonLd, uniqueSlug } from "./record-fixtures";

const ACCESSION = "/events/kazakhstan-to-join-the-abraham-accords";

test("an event page shows the accession with its date, participants by role, agreement, statements and sources", async ({ page }) => {
  const response = await page.goto(ACCESSION);
  expect(response?.status()).toBe(200);
  expect(response?.headers()["cache-control"]).toContain("public");
  await expect(page.getByRole("heading", { level: 1, name: "Kazakhstan announces it will join the Abraham Accords" })).toBeVisible();
  await expect(page.locator('time[datetime="2025-11-06"]').first()).toHaveText("6 November 2025");

  const participants = page.getByRole("region", { name: "Who took part" });
  await expect(participants.getByRole("heading", { name: "Announcer" })).toBeVisible();
  await expect(participants.getByRole("link", { name: "Donald Trump" })).toHaveAttribute("href", "/people/donald-trump");
  await expect(participants.getByRole("link", { name: "Kazakhstan" })).toHaveAttribute("href", "/countries/kz");

  const details = page.getByRole("complementary", { name: "About this event" });
  await expect(details.getByRole("link", { name: "Abraham Accords" }).first()).toHaveAttribute("href", "/agreements/abraham-accords");
  await expect(page.getByRole("region", { name: "Treaty actions" })).toContainText("Intent announced");

  const statements = page.getByRole("region", { name: "Statements made at this event" });
  await expect(statements.getByRole("link", { name: /first Country of my Second Term/ })).toHaveAttribute(
    "href",
    "/statements/trump-kazakhstan-first-of-many",
  );
  await expect(page.getByRole("region", { name: "Sources" }).getByRole("listitem")).not.toHaveCount(0);

  const cite = page.getByRole("region", { name: "Cite this" });
  await expect(cite).toContainText("“Kazakhstan announces it will join the Abraham Accords.” Chancery");
  await expect(cite).toContainText(`${ACCESSION}`);
  await expect(cite).toContainText(/Accessed \d{1,2} \w+ \d{4}/);

  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", new RegExp(`${ACCESSION}$`));
  await expect(page.locator('meta[name="description"]')).toHaveAttribute("content", /Kazakhstan will join/);
  await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute("content", "summary_large_image");
  await expectAccessible(page);
});

test("the event's JSON-LD is a schema.org Event with status, place, attendees with Wikidata, and breadcrumbs", async ({ page }) => {
  await page.goto(ACCESSION);
  const nodes = await readJsonLd(page);
  const event = nodeOfType(nodes, "Event");
  expect(event.name).toBe("Kazakhstan announces it will join the Abraham Accords");
  expect(event.startDate).toBe("2025-11-06");
  expect(event.eventStatus).toBe("https://schema.org/EventScheduled");
  // The sources give no place for the announcement (a post on Truth Social), so it has none; the summit has one.
  expect(event.location).toBeUndefined();
  const attendees = event.attendee as Array<{ "@type": string; name: string; sameAs?: string }>;
  expect(attendees).toContainEqual(expect.objectContaining({ "@type": "Person", name: "Donald Trump", sameAs: "https://www.wikidata.org/wiki/Q22686" }));
  expect(attendees).toContainEqual(expect.objectContaining({ "@type": "Country", name: "Kazakhstan" }));
  expectBreadcrumbs(nodes, ["Home", "Events", "Kazakhstan announces it will join the Abraham Accords"]);

  await page.goto("/events/c5-plus-1-summit-at-the-white-house");
  const summit = nodeOfType(await readJsonLd(page), "Event");
  expect(summit.location).toMatchObject({ name: "White House, Washington, D.C.", address: { addressCountry: "US" } });
});

test("each event has its own Open Graph image, a PNG drawn on the server", async ({ page, request }) => {
  await page.goto(ACCESSION);
  const image = await page.locator('meta[property="og:image"]').getAttribute("content");
  expect(image).toBeTruthy();
  const response = await request.get(new URL(image!).pathname + new URL(image!).search);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("image/png");
  expect((await response.body()).subarray(1, 4).toString()).toBe("PNG");
  // Drafts and unknown events have no card at all.
  const draft = uniqueSlug("e2e-draft-card");
  await insertEvent({ slug: draft, title: "Draft with no card", summary: "DRAFT-CARD", status: "DRAFT" });
  for (const slug of [draft, "no-such-event"]) {
    const card = await request.get(new URL(image!).pathname.replace("kazakhstan-to-join-the-abraham-accords", slug));
    expect(card.status(), slug).toBe(404);
  }
});

test("a scheduled event with no date says so plainly, in the page and in its JSON-LD", async ({ page }) => {
  await page.goto("/events/kazakhstan-abraham-accords-signing-ceremony");
  await expect(page.getByRole("note")).toContainText("scheduled with no date announced yet");
  await expect(page.getByText("Date to be announced").first()).toBeVisible();
  const event = nodeOfType(await readJsonLd(page), "Event");
  expect(event.eventStatus).toBe("https://schema.org/EventScheduled");
  expect(event.startDate).toBeUndefined();
  await expectAccessible(page);
});

test("unknown slugs and unpublished events answer 404", async ({ page }) => {
  const draft = uniqueSlug("e2e-draft-event");
  await insertEvent({ slug: draft, title: "Secret draft meeting", summary: "DRAFT-ONLY-SUMMARY", status: "DRAFT" });
  const review = uniqueSlug("e2e-review-event");
  await insertEvent({ slug: review, title: "Meeting in review", summary: "REVIEW-ONLY-SUMMARY", status: "IN_REVIEW" });
  const scheduled = uniqueSlug("e2e-scheduled-event");
  await insertEvent({ slug: scheduled, title: "Future meeting", summary: "FUTURE-ONLY", status: "SCHEDULED", scheduledAt: new Date(Date.now() + 86_400_000) });
  for (const slug of ["no-such-event", draft, review, scheduled]) {
    const response = await page.goto(`/events/${slug}`);
    expect(response?.status(), slug).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
    await expect(page.locator("body")).not.toContainText(/ONLY/);
  }
  await expectAccessible(page);
});

test("a retracted event leaves a tombstone with the date and reason, never its text", async ({ page }) => {
  const slug = uniqueSlug("e2e-retracted-event");
  await insertEvent({
    slug,
    title: "A meeting that did not happen",
    summary: "RETRACTED-SUMMARY-TEXT",
    body: "RETRACTED-BODY-TEXT",
    status: "RETRACTED",
    retractionReason: "The meeting was misreported by a single source.",
  });
  const response = await page.goto(`/events/${slug}`);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1, name: "A meeting that did not happen" })).toBeVisible();
  await expect(page.getByText("This event has been retracted")).toBeVisible();
  await expect(page.getByText("The meeting was misreported by a single source.")).toBeVisible();
  await expect(page.locator("html")).not.toContainText("RETRACTED-SUMMARY-TEXT");
  expect(await page.content()).not.toContain("RETRACTED-BODY-TEXT");
  await expectAccessible(page);
});

test("a correction shows on the event as “Corrected on …”", async ({ page }) => {
  const slug = uniqueSlug("e2e-corrected-event");
  await insertEvent({ slug, title: "A corrected meeting", summary: "A meeting.", status: "PUBLISHED", correction: "The meeting took place in Astana, not Almaty." });
  await page.goto(`/events/${slug}`);
  await expect(page.getByRole("region", { name: "Corrections" })).toContainText(/Corrected on \d{1,2} \w+ \d{4}: The meeting took place in Astana, not Almaty\./);
});

test("a keyboard user can move from the breadcrumbs to a participant and follow it", async ({ page }) => {
  await page.goto(ACCESSION);
  const events = page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: "Events" });
  await events.focus();
  await expect(events).toBeFocused();
  const trump = page.getByRole("region", { name: "Who took part" }).getByRole("link", { name: "Donald Trump" });
  for (let i = 0; i < 30 && !(await trump.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
  await expect(trump).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/people\/donald-trump$/);
  await expect(page.getByRole("heading", { level: 1, name: "Donald Trump" })).toBeVisible();
});
