import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { renderAtom } from "./atom";
import type { PublicStatementListItem } from "@/lib/statements/public-list";
import { statementFeedItem, type FeedItem, type FeedMeta } from "./feed-items";
import { calendarSubscribeUrl } from "./follow";
import { escapeText, foldLine, renderCalendar, zonedToUtc } from "./ical";
import { renderJsonFeed } from "./json-feed";
import { renderRss } from "./rss";

const meta: FeedMeta = {
  title: "Chancery & <friends>",
  description: "Events",
  homeUrl: "https://chancery.example/events",
  selfUrl: "https://chancery.example/feed.xml?country=kz&type=SUMMIT",
  updated: new Date("2025-11-07T10:00:00Z"),
};
const items: FeedItem[] = [
  {
    id: "https://chancery.example/events/a",
    url: "https://chancery.example/events/a",
    title: 'Tom & Jerry say "<hi>" \u0001',
    summary: "A summary",
    contentHtml: "<p>Body &amp; more</p>",
    published: new Date("2025-11-06T12:00:00Z"),
    updated: new Date("2025-11-07T10:00:00Z"),
    categories: ["Summit", "Trade & energy"],
  },
];
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@" });

describe("feeds", () => {
  it("RSS 2.0 is well-formed and has the required channel and item elements", () => {
    const xml = renderRss(meta, items);
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = parser.parse(xml);
    expect(doc.rss["@version"]).toBe("2.0");
    const channel = doc.rss.channel;
    expect(channel.title).toBe("Chancery & <friends>");
    expect(channel.link).toBe(meta.homeUrl);
    expect(channel.description).toBe("Events");
    expect(channel["atom:link"]["@href"]).toBe(meta.selfUrl);
    expect(channel.item.title).toBe('Tom & Jerry say "<hi>"');
    expect(channel.item.guid["#text"]).toBe(items[0]!.url);
    expect(new Date(channel.item.pubDate).toISOString()).toBe("2025-11-06T12:00:00.000Z");
  });

  it("Atom is well-formed with id, title, updated, author and self link", () => {
    const xml = renderAtom(meta, items);
    expect(XMLValidator.validate(xml)).toBe(true);
    const feed = parser.parse(xml).feed;
    expect(feed["@xmlns"]).toBe("http://www.w3.org/2005/Atom");
    expect(feed.id).toBe(meta.selfUrl);
    expect(feed.updated).toBe("2025-11-07T10:00:00.000Z");
    expect(feed.author.name).toBe("Chancery");
    expect(feed.entry.id).toBe(items[0]!.id);
    expect(feed.entry.updated).toBe("2025-11-07T10:00:00.000Z");
    expect(feed.entry.content["#text"]).toBe("<p>Body &amp; more</p>");
  });

  it("JSON Feed 1.1 has version, title and items with ids", () => {
    const feed = JSON.parse(renderJsonFeed(meta, items));
    expect(feed.version).toBe("https://jsonfeed.org/version/1.1");
    expect(feed.feed_url).toBe(meta.selfUrl);
    expect(feed.items[0]).toMatchObject({ id: items[0]!.id, url: items[0]!.url, date_published: "2025-11-06T12:00:00.000Z" });
  });
});

describe("iCalendar", () => {
  it("escapes TEXT and folds long lines at 75 octets without splitting characters", () => {
    expect(escapeText("a,b;c\\d\ne")).toBe("a\\,b\\;c\\\\d\\ne");
    const long = `SUMMARY:${"Қазақстан ".repeat(20)}`;
    const folded = foldLine(long);
    for (const line of folded.split("\r\n")) expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
    expect(folded.split("\r\n").map((l, i) => (i === 0 ? l : l.slice(1))).join("")).toBe(long);
  });

  it("uses all-day DATE values for days and UTC for timed events, with CRLF line ends", () => {
    const ics = renderCalendar({
      name: "Test",
      url: "https://chancery.example/calendar.ics",
      events: [
        { uid: "event-1@chancery.example", url: "https://chancery.example/events/one", title: "Signing, at last", description: "Text", location: "Washington, DC", date: new Date("2026-12-01T00:00:00Z"), endDate: null, localTime: null, timeZone: null, stamp: new Date("2026-11-01T08:00:00Z") },
        { uid: "event-2@chancery.example", url: "https://chancery.example/events/two", title: "Call", description: "Text", location: null, date: new Date("2026-07-01T00:00:00Z"), endDate: null, localTime: "09:30", timeZone: "America/New_York", stamp: new Date("2026-11-01T08:00:00Z") },
      ],
    });
    expect(ics.endsWith("END:VCALENDAR\r\n")).toBe(true);
    expect(ics.replaceAll("\r\n", "")).not.toContain("\n");
    expect(ics).toContain("DTSTART;VALUE=DATE:20261201\r\nDTEND;VALUE=DATE:20261202");
    expect(ics).toContain("SUMMARY:Signing\\, at last");
    expect(ics).toContain("DTSTART:20260701T133000Z");
    expect(ics).toContain("DTSTAMP:20261101T080000Z");
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    // Named, and with how often a subscribed app should look again, as RFC 7986 and older apps read them.
    expect(ics).toContain("\r\nNAME:Test\r\nX-WR-CALNAME:Test\r\nREFRESH-INTERVAL;VALUE=DURATION:PT1H\r\nX-PUBLISHED-TTL:PT1H\r\n");
  });

  it("converts wall-clock times in a zone to UTC across daylight saving", () => {
    expect(zonedToUtc(new Date("2026-01-15T00:00:00Z"), "12:00", "Asia/Almaty")?.toISOString()).toBe("2026-01-15T07:00:00.000Z");
    expect(zonedToUtc(new Date("2026-01-15T00:00:00Z"), "12:00", "America/New_York")?.toISOString()).toBe("2026-01-15T17:00:00.000Z");
    expect(zonedToUtc(new Date("2026-01-15T00:00:00Z"), "12:00", "Not/AZone")).toBeNull();
  });
});

describe("subscribing to the calendar", () => {
  it("is the calendar's public address as webcal:, with the list's filters, from an https or an http origin", () => {
    const before = process.env.NEXTAUTH_URL;
    try {
      process.env.NEXTAUTH_URL = "https://record.example.org/";
      expect(calendarSubscribeUrl()).toBe("webcal://record.example.org/calendar.ics");
      expect(calendarSubscribeUrl("country=kz&type=SUMMIT")).toBe("webcal://record.example.org/calendar.ics?country=kz&type=SUMMIT");
      process.env.NEXTAUTH_URL = "http://127.0.0.1:3300";
      expect(calendarSubscribeUrl(new URLSearchParams({ country: "kz" }))).toBe("webcal://127.0.0.1:3300/calendar.ics?country=kz");
    } finally {
      if (before === undefined) delete process.env.NEXTAUTH_URL;
      else process.env.NEXTAUTH_URL = before;
    }
  });
});

describe("a statement as a feed item", () => {
  const statement = {
    slug: "trump-on-kazakhstan",
    title: "Trump: Kazakhstan joins",
    text: "Kazakhstan is the first <Country> & more",
    translation: null,
    translatedBy: null,
    language: "en",
    quoteType: "DIRECT",
    medium: "SOCIAL_POST",
    saidOn: new Date("2025-11-06T00:00:00Z"),
    saidPrecision: "DAY",
    speaker: { slug: "donald-trump", name: "Donald Trump", offices: [] },
    speakerLabel: null,
    speakerTitle: "President of the United States",
    firstPublishedAt: new Date("2025-11-07T10:00:00Z"),
    publishedAt: new Date("2025-11-08T10:00:00Z"),
    topics: [{ topic: { slug: "normalization", name: "Normalization" } }],
  } as unknown as PublicStatementListItem;

  it("says who said it, in what capacity, how and when, then quotes the words, escaped", () => {
    const item = statementFeedItem(statement, "https://chancery.example");
    expect(item).toMatchObject({
      id: "https://chancery.example/statements/trump-on-kazakhstan",
      url: "https://chancery.example/statements/trump-on-kazakhstan",
      title: "Trump: Kazakhstan joins",
      published: statement.firstPublishedAt,
      updated: statement.publishedAt,
      categories: ["Social post", "Normalization"],
    });
    expect(item.contentHtml).toBe(
      "<p><strong>Donald Trump, President of the United States</strong> · Social post · 6 November 2025</p><blockquote><p>“Kazakhstan is the first &lt;Country&gt; &amp; more”</p></blockquote>",
    );
  });

  it("gives a paraphrase as one, never in quotation marks, and says a translation is one", () => {
    const paraphrase = statementFeedItem({ ...statement, quoteType: "PARAPHRASE", speaker: null, speakerLabel: "A US official", speakerTitle: null }, "https://chancery.example");
    expect(paraphrase.contentHtml).toContain("<strong>A US official</strong>");
    expect(paraphrase.contentHtml).toContain("<p><em>Paraphrase:</em> Kazakhstan is the first");
    expect(paraphrase.contentHtml).not.toMatch(/[“”]|blockquote/);
    const translated = statementFeedItem({ ...statement, language: "ru", text: "Казахстан", translation: "Kazakhstan", translatedBy: "Chancery" }, "https://chancery.example");
    expect(translated.contentHtml).toContain("<blockquote><p>“Kazakhstan”</p></blockquote><p><em>English translation by Chancery.</em></p>");
  });
});
