import { describe, expect, it } from "vitest";
import type { PublicFilterOptions } from "@/lib/api/filter-options";
import { parseEventListQuery, parseStatementListQuery } from "@/lib/api/list-query";
import { feedAlternates, feedPaths, recordFeed } from "@/lib/feeds/follow";
import { describeListFilters, describeListOf, lowerFirst } from "./list-description";

const options: PublicFilterOptions = {
  countries: [
    { iso2: "KZ", name: "Kazakhstan" },
    { iso2: "US", name: "United States" },
  ],
  speakers: { choices: [{ slug: "donald-trump", name: "Donald Trump" }], total: 1 },
  topics: { choices: [{ slug: "normalization", name: "Normalization" }], total: 1 },
  agreements: { choices: [{ slug: "abraham-accords", name: "Abraham Accords" }], total: 1 },
};
const events = (query: string) => describeListFilters("events", parseEventListQuery(new URLSearchParams(query)), options);
const statements = (query: string) => describeListFilters("statements", parseStatementListQuery(new URLSearchParams(query)), options);

describe("a filtered list in words", () => {
  // Each filter as an address gives it, and the words it is described in (null: the whole list).
  const cases: Array<[string, string | null, string]> = [
    ["events", null, ""],
    ["events", null, "limit=20"],
    ["events", "Events involving Kazakhstan", "country=kz"],
    ["events", "Meeting events involving the United States", "country=us&type=meeting"],
    ["events", "Events on Normalization, on the Abraham Accords", "topic=normalization&agreement=abraham-accords"],
    ["statements", "Statements by Donald Trump, concerning Kazakhstan", "speaker=donald-trump&country=kz"],
    // A country on no published record is still named, from the countries' list.
    ["events", "Events involving Iceland", "country=is"],
    // Dates as they were written.
    ["events", "Events from 2025", "from=2025"],
    ["events", "Events until March 2025", "to=2025-03"],
    ["events", "Events on 6 November 2025", "from=2025-11-06&to=2025-11-06"],
    ["events", "Events in March 2025", "from=2025-03&to=2025-03"],
    ["events", "Events from 2020 to June 2025", "from=2020&to=2025-06"],
    // A filter that names nothing the record has is left out.
    ["events", null, "topic=no-such-topic"],
    ["events", "Events involving Kazakhstan", "topic=no-such-topic&country=kz"],
  ];
  it.each(cases)("%s: %s for ?%s", (kind, words, query) => {
    expect(kind === "events" ? events(query) : statements(query)).toBe(words);
  });

  it("leaves out a speaker for events, which it does not filter", () => {
    expect(describeListFilters("events", { speaker: "donald-trump" }, options)).toBeNull();
  });

  it("titles a record page's events and statements and their feeds", () => {
    expect(describeListOf("events", { country: { iso2: "US", name: "United States" } })).toBe("Events involving the United States");
    expect(describeListOf("statements", { country: { iso2: "US", name: "United States" } })).toBe("Statements concerning the United States");
    expect(describeListOf("events", { topic: { slug: "normalization", name: "Normalization" } })).toBe("Events on Normalization");
    expect(describeListOf("events", { agreement: { slug: "abraham-accords", name: "Abraham Accords" } })).toBe("Events on the Abraham Accords");
    expect(describeListOf("statements", { speaker: { slug: "donald-trump", name: "Donald Trump" } })).toBe("Statements by Donald Trump");
    expect(lowerFirst("Events involving Kazakhstan")).toBe("events involving Kazakhstan");
    const kz = recordFeed("events", { country: { iso2: "KZ", name: "Kazakhstan" } });
    expect(kz).toEqual({ list: "events", filters: "country=kz", title: "Chancery: events involving Kazakhstan" });
    expect(feedAlternates([kz, recordFeed("statements", { speaker: { slug: "donald-trump", name: "Donald Trump" } })])["application/rss+xml"]).toEqual([
      { url: "/feed.xml?country=kz", title: "Chancery: events involving Kazakhstan" },
      { url: "/statements/feed.xml?speaker=donald-trump", title: "Chancery: statements by Donald Trump" },
    ]);
    expect(recordFeed("events", { topic: { slug: "trade & energy", name: "Trade" } }).filters).toBe("topic=trade%20%26%20energy");
    expect(feedPaths("events")).toEqual({ rss: "/feed.xml", atom: "/atom.xml", json: "/feed.json", calendar: "/calendar.ics", csv: "/api/v1/events.csv" });
    expect(feedPaths("events", "country=kz").calendar).toBe("/calendar.ics?country=kz");
    expect(feedPaths("statements", "topic=normalization")).toEqual({
      rss: "/statements/feed.xml?topic=normalization",
      atom: "/statements/atom.xml?topic=normalization",
      json: "/statements/feed.json?topic=normalization",
      calendar: null,
      csv: null,
    });
  });
});
