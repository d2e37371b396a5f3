import { expect, test, type APIRequestContext } from "@playwright/test";
import { createDb } from "@/lib/db/client";
import { e2eDatabaseUrl } from "../support/database";
import { seedEditorialStates, type LeakFixture } from "@/lib/api/public-fixtures";

/**
 * Drafts never leak: one event and one statement in every unpublished state (draft,
 * in review, scheduled for later, retracted) plus a published one with staged edits,
 * each with its own marker word, written straight into the e2e server's database.
 * Then every public surface is read and searched for the markers.
 */
// One seeded set for the file's tests, in one worker: the lists filtered to the fixtures'
// day are cached by that filter, so a second set seeded by another worker would be read
// from the first set's cached copy and miss its own published marker.
test.describe.configure({ mode: "serial" });

let fixtures: LeakFixture[] = [];
let stagedMarker = "";
let publishedMarker = "";

test.beforeAll(async () => {
  const db = createDb(e2eDatabaseUrl(), { max: 1 });
  try {
    // A rerun of the file (after a failure) seeds a set of its own.
    const prefix = `lk${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
    ({ fixtures, stagedMarker, publishedMarker } = await seedEditorialStates(db, prefix));
  } finally {
    await db.$disconnect();
  }
});

const hidden = () => fixtures.filter((f) => f.status !== "STAGED");
/** Everything that must never appear: markers and slugs of unpublished rows, and the staged words. */
const secrets = () => [...hidden().flatMap((f) => [f.marker, ...(f.status === "RETRACTED" ? [] : [f.eventSlug, f.statementSlug])]), stagedMarker];

/** `where` may name a slug (a 404 page echoes its own address); that one is not a leak there. */
function expectClean(text: string, where: string) {
  for (const secret of secrets()) {
    if (where.endsWith(`/${secret}`)) continue;
    expect(text.includes(secret), `${secret} leaked on ${where}`).toBe(false);
  }
}

async function getText(request: APIRequestContext, url: string, expectedStatus = 200) {
  const response = await request.get(url);
  expect(response.status(), url).toBe(expectedStatus);
  return response.text();
}

// Lists are cached by their filters; this filter is only used here, so it is read fresh.
const FRESH = "from=2024-03-05&to=2024-03-05";

test("lists, home and feeds show the published text and nothing unpublished or staged", async ({ request }) => {
  for (const url of ["/", "/events", "/statements", "/events?country=kz", "/statements?country=kz", "/feed.xml", "/atom.xml", "/feed.json", "/statements/feed.xml", "/statements/atom.xml", "/statements/feed.json", "/calendar.ics", "/sitemap.xml"]) {
    expectClean(await getText(request, url), url);
  }
  // The sitemap is an index; every file it lists is read too.
  for (const [, loc] of (await getText(request, "/sitemap.xml")).matchAll(/<loc>[^<]*?(\/sitemaps\/[^<]+)<\/loc>/g)) {
    expectClean(await getText(request, loc!), loc!);
  }
  for (const url of [`/events?${FRESH}`, `/statements?${FRESH}`, `/feed.xml?${FRESH}`, `/atom.xml?${FRESH}`, `/feed.json?${FRESH}`, `/statements/feed.xml?${FRESH}`, `/statements/feed.json?${FRESH}`]) {
    const text = await getText(request, url);
    expectClean(text, url);
    expect(text, url).toContain(publishedMarker);
  }
});

test("detail pages: 404 for unpublished, a tombstone without text for retracted, the published version for staged", async ({ request }) => {
  for (const f of fixtures) {
    for (const path of [`/events/${f.eventSlug}`, `/statements/${f.statementSlug}`]) {
      const response = await request.get(path);
      const text = await response.text();
      if (f.status === "STAGED") {
        expect(response.status(), path).toBe(200);
        expect(text).toContain(publishedMarker);
      } else if (f.status === "RETRACTED") {
        expect([200, 410], path).toContain(response.status());
      } else {
        expect(response.status(), path).toBe(404);
      }
      expectClean(text, path);
    }
    const og = await request.get(`/events/${f.eventSlug}/opengraph-image`);
    expectClean(await og.text(), `OG image of /events/${f.eventSlug}`);
    if (f.status !== "STAGED") expect(og.status(), `OG image for ${f.status}`).toBe(404);
  }
});

test("search finds the published text and none of the hidden markers", async ({ page, request }) => {
  for (const marker of [...hidden().map((f) => f.marker), stagedMarker]) {
    await page.goto(`/search?q=${marker}`);
    await expect(page.getByRole("heading", { level: 1, name: "Search the record" })).toBeVisible();
    await expect(page.getByRole("article")).toHaveCount(0);
    const api = await (await request.get(`/api/v1/search?q=${marker}`)).json();
    expect(api.data, marker).toEqual([]);
  }
  await page.goto(`/search?q=${publishedMarker}`);
  await expect(page.getByRole("article")).toHaveCount(2);
  expectClean(await page.content(), "search for the published marker");
});

test("every API endpoint and the CSV keep unpublished rows out", async ({ request }) => {
  const lists = [
    "/api/v1/events?limit=100",
    `/api/v1/events?${FRESH}`,
    "/api/v1/statements?limit=100",
    `/api/v1/statements?${FRESH}`,
    "/api/v1/events.csv?limit=100",
    `/api/v1/events.csv?${FRESH}`,
    "/api/v1/countries?limit=100",
    "/api/v1/people",
    "/api/v1/organizations",
    "/api/v1/agreements",
    "/api/v1/topics",
    "/api/v1/openapi.json",
  ];
  for (const url of lists) expectClean(await getText(request, url), url);
  for (const url of [`/api/v1/events?${FRESH}`, `/api/v1/statements?${FRESH}`, `/api/v1/events.csv?${FRESH}`]) {
    expect(await getText(request, url), url).toContain(publishedMarker);
  }
  for (const f of fixtures) {
    for (const path of [`/api/v1/events/${f.eventSlug}`, `/api/v1/statements/${f.statementSlug}`]) {
      const expected = f.status === "STAGED" ? 200 : f.status === "RETRACTED" ? 410 : 404;
      const text = await getText(request, path, expected);
      expectClean(text, path);
      if (f.status === "STAGED") expect(text).toContain(publishedMarker);
      if (f.status === "RETRACTED") expect(JSON.parse(text).data).toMatchObject({ retracted: true, retractionReason: "Retracted for the leak test." });
    }
  }
});
