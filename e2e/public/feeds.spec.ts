import { XMLParser, XMLValidator } from "fast-xml-parser";
import { expect, test } from "@playwright/test";
import { expectAccessible } from "../support/axe";
import { VIEWPORTS } from "../support/viewports";
import { createEventViaApi, eventInput, staffContext, unique, workflowViaApi } from "../desk/helpers/staff";

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@" });
const ACCESSION_PATH = "/events/kazakhstan-to-join-the-abraham-accords";
const asArray = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

test("RSS 2.0 at /feed.xml parses, has the required elements and absolute links", async ({ request, baseURL }) => {
  const response = await request.get("/feed.xml");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/rss+xml; charset=utf-8");
  const xml = await response.text();
  expect(XMLValidator.validate(xml)).toBe(true);
  const channel = parser.parse(xml).rss.channel;
  expect(channel.title).toBeTruthy();
  expect(channel.link).toBe(`${baseURL}/events`);
  expect(channel.description).toBeTruthy();
  expect(channel["atom:link"]["@rel"]).toBe("self");
  const items = asArray(channel.item) as Array<{ title: string; link: string; guid: { "#text": string }; pubDate: string }>;
  expect(items.length).toBeGreaterThan(5);
  for (const item of items) {
    expect(item.link.startsWith(`${baseURL}/events/`)).toBe(true);
    expect(item.guid["#text"]).toBe(item.link);
    expect(Number.isNaN(Date.parse(item.pubDate))).toBe(false);
  }
  expect(items.map((i) => i.link)).toContain(`${baseURL}${ACCESSION_PATH}`);
});

test("Atom at /atom.xml takes the /events filters", async ({ request, baseURL }) => {
  const response = await request.get("/atom.xml?country=kz&type=intent_announced");
  expect(response.headers()["content-type"]).toBe("application/atom+xml; charset=utf-8");
  const xml = await response.text();
  expect(XMLValidator.validate(xml)).toBe(true);
  const feed = parser.parse(xml).feed;
  expect(feed["@xmlns"]).toBe("http://www.w3.org/2005/Atom");
  // Its title says what it follows, as a feed reader lists it.
  expect(feed.title["#text"]).toBe("Chancery: intent announced events involving Kazakhstan");
  expect(feed.id).toBeTruthy();
  expect(Number.isNaN(Date.parse(feed.updated))).toBe(false);
  expect(feed.author.name).toBeTruthy();
  const entries = asArray(feed.entry) as Array<{ id: string; title: { "#text": string }; updated: string; link: { "@href": string } }>;
  expect(entries.map((e) => e.link["@href"])).toEqual([`${baseURL}${ACCESSION_PATH}`]);
  for (const entry of entries) {
    expect(entry.id).toBeTruthy();
    expect(Number.isNaN(Date.parse(entry.updated))).toBe(false);
  }
});

test("JSON Feed 1.1 at /feed.json", async ({ request, baseURL }) => {
  const response = await request.get("/feed.json?agreement=abraham-accords");
  expect(response.headers()["content-type"]).toBe("application/feed+json; charset=utf-8");
  const feed = await response.json();
  expect(feed.version).toBe("https://jsonfeed.org/version/1.1");
  expect(feed.title).toBe("Chancery: events on the Abraham Accords");
  expect(feed.feed_url).toBe(`${baseURL}/feed.json?agreement=abraham-accords`);
  expect(feed.items.length).toBeGreaterThan(0);
  for (const item of feed.items) {
    expect(typeof item.id).toBe("string");
    expect(item.url.startsWith(`${baseURL}/events/`)).toBe(true);
    expect(typeof item.content_html).toBe("string");
  }
  expect(feed.items.map((i: { url: string }) => i.url)).toContain(`${baseURL}${ACCESSION_PATH}`);
});

test("a bad feed filter is a 400 naming the parameter", async ({ request }) => {
  const response = await request.get("/feed.xml?country=zz");
  expect(response.status()).toBe(400);
  expect((await response.json()).error.parameter).toBe("country");
});

test("/calendar.ics is RFC 5545 text with CRLF line ends, and leaves out the dateless signing ceremony", async ({ request }) => {
  const response = await request.get("/calendar.ics");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("text/calendar; charset=utf-8");
  const text = await response.text();
  expect(text.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")).toBe(true);
  expect(text.endsWith("END:VCALENDAR\r\n")).toBe(true);
  expect(text.replaceAll("\r\n", "")).not.toContain("\n");
  for (const line of text.split("\r\n")) expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
  expect(text).toContain("PRODID:");
  expect(text).not.toContain("Signing ceremony for Kazakhstan");
  const events = text.split("BEGIN:VEVENT").slice(1);
  for (const event of events) {
    expect(event).toMatch(/\r\nUID:/);
    expect(event).toMatch(/\r\nDTSTAMP:\d{8}T\d{6}Z/);
    expect(event).toMatch(/\r\nDTSTART(;VALUE=DATE:\d{8}|:\d{8}T\d{6}Z)/);
  }
});

test("/calendar.ics takes the events list's filters: named after them, and a bad one is a 400 naming it", async ({ request, baseURL }) => {
  const whole = await (await request.get("/calendar.ics")).text();
  expect(whole).toContain("X-WR-CALNAME:Chancery: upcoming diplomatic events\r\n");
  expect(whole).toContain(`\r\nURL:${baseURL}/calendar.ics\r\n`);
  const summits = (await (await request.get("/calendar.ics?type=summit&country=us")).text()).replaceAll("\r\n ", "");
  expect(summits).toContain("X-WR-CALNAME:Chancery: upcoming summit events involving the United States\r\n");
  for (const [query, parameter] of [
    ["country=zz", "country"],
    ["type=picnic", "type"],
    ["topic=no-such-topic", "topic"],
    ["from=2026-13", "from"],
  ]) {
    const response = await request.get(`/calendar.ics?${query}`);
    expect(response.status(), query).toBe(400);
    expect((await response.json()).error.parameter, query).toBe(parameter);
  }
});

test("a reader adds a scheduled event to a calendar from its page, on a desktop and a phone; a draft's and a dateless event's files are 404s", async ({ browser, baseURL }) => {
  const { context: desk } = await staffContext(browser, "EDITOR");
  const title = `Summit to be held ${unique()}`;
  const input = eventInput(title, { type: "SUMMIT", occurrence: "SCHEDULED", date: "2019-08-01", localTime: "10:30", timeZone: "Asia/Almaty", placeName: "Astana" });
  const scheduled = await createEventViaApi(desk.request, input);
  expect((await workflowViaApi(desk.request, "events", scheduled.id, { action: "publish", baseVersion: 1 })).body.ok).toBe(true);
  const draft = await createEventViaApi(desk.request, eventInput(`Draft summit ${unique()}`, { occurrence: "SCHEDULED", date: "2019-08-02" }));
  await desk.close();

  for (const viewport of VIEWPORTS) {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    await page.goto(`/events/${scheduled.slug}`);
    const add = page.getByRole("note").getByRole("link", { name: "Add it to a calendar" });
    await expect(add).toBeVisible();
    await expect(add).toHaveAttribute("href", `/events/${scheduled.slug}/calendar.ics`);
    await expectAccessible(page);
    const file = await page.request.get((await add.getAttribute("href"))!);
    expect(file.status()).toBe(200);
    expect(file.headers()["content-type"]).toBe("text/calendar; charset=utf-8");
    const ics = (await file.text()).replaceAll("\r\n ", "");
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(1);
    expect(ics).toContain(`\r\nSUMMARY:${title}\r\n`);
    expect(ics).toContain("\r\nDTSTART:20190801T043000Z\r\n"); // 10:30 in Almaty, UTC+6 in 2019
    expect(ics).toContain(`\r\nURL:${baseURL}/events/${scheduled.slug}\r\n`);
    expect(ics).toContain(`X-WR-CALNAME:Chancery: ${title}\r\n`);
    await context.close();
  }
  // The promised signing ceremony has no day yet: no link, and no file.
  const ceremony = await browser.newPage();
  await ceremony.goto("/events/kazakhstan-abraham-accords-signing-ceremony");
  await expect(ceremony.getByRole("note").first()).toContainText("scheduled with no date announced yet");
  await expect(ceremony.getByRole("link", { name: "Add it to a calendar" })).toHaveCount(0);
  for (const path of ["/events/kazakhstan-abraham-accords-signing-ceremony/calendar.ics", `/events/${draft.slug}/calendar.ics`, "/events/no-such-event/calendar.ics", "/events/Bad%20Slug/calendar.ics"]) {
    expect((await ceremony.request.get(path)).status(), path).toBe(404);
  }
  await ceremony.close();
});

test("sitemap.xml is an index of files that list published records with absolute URLs; robots.txt points to it", async ({ request, baseURL }) => {
  const index = await (await request.get("/sitemap.xml")).text();
  expect(XMLValidator.validate(index)).toBe(true);
  const files = asArray(parser.parse(index).sitemapindex.sitemap).map((s) => (s as { loc: string }).loc);
  expect(files[0]).toBe(`${baseURL}/sitemaps/pages.xml`);
  const urls: string[] = [];
  for (const file of files) {
    expect(file.startsWith(`${baseURL}/sitemaps/`)).toBe(true);
    const response = await request.get(file.slice(baseURL!.length));
    expect(response.status(), file).toBe(200);
    expect(response.headers()["content-type"]).toContain("application/xml");
    const xml = await response.text();
    expect(XMLValidator.validate(xml), file).toBe(true);
    const locs = asArray(parser.parse(xml).urlset.url).map((u) => (u as { loc: string }).loc);
    expect(locs.length, file).toBeLessThanOrEqual(50_000);
    urls.push(...locs);
  }
  expect(new Set(urls).size).toBe(urls.length);
  expect(urls).toContain(`${baseURL}${ACCESSION_PATH}`);
  expect(urls).toContain(`${baseURL}/statements/trump-kazakhstan-first-of-many`);
  expect(urls).toContain(`${baseURL}/countries/kz`);
  expect(urls).toContain(`${baseURL}/agreements/abraham-accords`);
  expect(urls).toContain(`${baseURL}/people/donald-trump`);
  expect(urls).toContain(`${baseURL}/organizations/c5-plus-1`);
  expect(urls).toContain(`${baseURL}/topics/energy`);
  expect((await request.get("/sitemaps/events-999.xml")).status()).toBe(404);
  expect((await request.get("/sitemaps/events-0.xml")).status()).toBe(404);
  const robots = await (await request.get("/robots.txt")).text();
  for (const path of ["/dashboard", "/admin", "/account", "/api/auth"]) expect(robots).toContain(`Disallow: ${path}`);
  expect(robots).toContain(`Sitemap: ${baseURL}/sitemap.xml`);
});

test("a reader follows a country's, a topic's, an agreement's and a person's events and statements from their pages, on a desktop and a phone", async ({ browser, baseURL }) => {
  for (const viewport of VIEWPORTS) {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    const pages = [
      { path: "/countries/kz", feeds: [["events", "country=kz", "Chancery: events involving Kazakhstan"], ["statements", "country=kz", "Chancery: statements concerning Kazakhstan"]] },
      { path: "/topics/normalization", feeds: [["events", "topic=normalization", "Chancery: events on Normalization"], ["statements", "topic=normalization", "Chancery: statements on Normalization"]] },
      { path: "/agreements/abraham-accords", feeds: [["events", "agreement=abraham-accords", "Chancery: events on the Abraham Accords"]] },
      { path: "/people/donald-trump", feeds: [["statements", "speaker=donald-trump", "Chancery: statements by Donald Trump"]] },
    ] as const;
    for (const { path, feeds } of pages) {
      await page.goto(path);
      for (const [list, filter, title] of feeds) {
        const dir = list === "events" ? "" : "/statements";
        // A feed reader given the page's address finds its feeds in the head, named.
        await expect(page.locator(`head link[rel="alternate"][type="application/rss+xml"][title="${title}"]`)).toHaveAttribute("href", `${baseURL}${dir}/feed.xml?${filter}`);
        await expect(page.locator(`head link[rel="alternate"][type="application/atom+xml"][title="${title}"]`)).toHaveAttribute("href", `${baseURL}${dir}/atom.xml?${filter}`);
        // A person finds them on the page, under its events or statements.
        const follow = page.getByText(`Follow these ${list}:`);
        await follow.scrollIntoViewIfNeeded();
        await expect(follow.getByRole("link", { name: "JSON Feed" })).toHaveAttribute("href", `${dir}/feed.json?${filter}`);
        const rss = await page.request.get(await follow.getByRole("link", { name: "RSS" }).getAttribute("href").then((href) => href!));
        expect(rss.headers()["content-type"]).toBe("application/rss+xml; charset=utf-8");
        const channel = parser.parse(await rss.text()).rss.channel;
        expect(channel.title).toBe(title);
        const items = asArray(channel.item) as Array<{ link: string }>;
        expect(items.length, `${list} of ${path}`).toBeGreaterThan(0);
        for (const item of items) expect(item.link.startsWith(`${baseURL}/${list}/`)).toBe(true);
        if (list === "events") {
          // And the calendar of the upcoming ones, for a calendar app, named as the feed is.
          const calendarLink = follow.getByRole("link", { name: "Calendar of upcoming ones" });
          await expect(calendarLink).toHaveAttribute("href", `/calendar.ics?${filter}`);
          const calendar = await page.request.get((await calendarLink.getAttribute("href"))!);
          expect(calendar.headers()["content-type"]).toBe("text/calendar; charset=utf-8");
          const ics = (await calendar.text()).replaceAll("\r\n ", ""); // unfolded
          expect(ics).toContain(`X-WR-CALNAME:${title.replace("Chancery: ", "Chancery: upcoming ")}\r\n`);
          expect(ics).toContain(`\r\nURL:${baseURL}/calendar.ics?${filter}\r\n`);
        }
      }
      await expectAccessible(page);
    }
    await page.goto("/countries/kz");
    await page.getByText("Follow these events:").scrollIntoViewIfNeeded();
    await page.screenshot({ path: test.info().outputPath(`follow-${viewport.name}.png`), fullPage: false });
    await context.close();
  }
});

test("statements have feeds of their own, which take the statements list's filters", async ({ request, baseURL }) => {
  const rss = await request.get("/statements/feed.xml");
  expect(rss.headers()["content-type"]).toBe("application/rss+xml; charset=utf-8");
  const xml = await rss.text();
  expect(XMLValidator.validate(xml)).toBe(true);
  const channel = parser.parse(xml).rss.channel;
  expect(channel.title).toBe("Chancery: statements");
  expect(channel.link).toBe(`${baseURL}/statements`);
  const items = asArray(channel.item) as Array<{ title: string; link: string; description: string }>;
  const trump = items.find((i) => i.link === `${baseURL}/statements/trump-kazakhstan-first-of-many`);
  expect(trump, JSON.stringify(items.map((i) => i.link))).toBeTruthy();
  expect(trump!.description).toContain("<strong>Donald Trump, President of the United States</strong>");
  expect(trump!.description).toContain("<blockquote><p>“");

  const atom = parser.parse(await (await request.get("/statements/atom.xml?speaker=donald-trump")).text()).feed;
  expect(atom.title["#text"]).toBe("Chancery: statements by Donald Trump");
  const json = await (await request.get("/statements/feed.json?country=kz")).json();
  expect(json.title).toBe("Chancery: statements concerning Kazakhstan");
  expect(json.feed_url).toBe(`${baseURL}/statements/feed.json?country=kz`);
  expect(json.items.length).toBeGreaterThan(0);
  // A bad filter is refused, naming it, as the events' feeds refuse one.
  const bad = await request.get("/statements/feed.xml?country=zz");
  expect(bad.status()).toBe(400);
  expect(await bad.text()).toContain("country");
});
