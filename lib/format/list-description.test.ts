import { describe, expect, it } from "vitest";
import type { PublicFilterOptions } from "@/lib/api/filter-options";
import { parseEventListQuery, parseStatementListQuery } from "@/lib/api/list-query";
import { eventFeedPaths, recordEventFeeds } from "@/lib/feeds/follow";
import { describeEventsOf, describeListFilters, lowerFirst } from "./list-description";

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
  it("says what the filters keep, with the names the record gives them", () => {
    expect(events("")).toBeNull();
    expect(events("limit=20")).toBeNull();
    expect(events("country=kz")).toBe("Events involving Kazakhstan");
    expect(events("country=us&type=meeting")).toBe("Meeting events involving the United States");
    expect(events("topic=normalization&agreement=abraham-accords")).toBe("Events on Normalization, on the Abraham Accords");
    expect(statements("speaker=donald-trump&country=kz")).toBe("Statements by Donald Trump, concerning Kazakhstan");
    // A country on no published record is still named, from the countries' list.
    expect(events("country=is")).toBe("Events involving Iceland");
  });

  it("gives dates as they were written", () => {
    expect(events("from=2025")).toBe("Events from 2025");
    expect(events("to=2025-03")).toBe("Events until March 2025");
    expect(events("from=2025-11-06&to=2025-11-06")).toBe("Events on 6 November 2025");
    expect(events("from=2025-03&to=2025-03")).toBe("Events in March 2025");
    expect(events("from=2020&to=2025-06")).toBe("Events from 2020 to June 2025");
  });

  it("leaves out a filter that names nothing the record has", () => {
    expect(events("topic=no-such-topic")).toBeNull();
    expect(events("topic=no-such-topic&country=kz")).toBe("Events involving Kazakhstan");
    // A speaker does not filter events.
    expect(describeListFilters("events", { speaker: "donald-trump" }, options)).toBeNull();
  });

  it("titles a record page's events and their feeds", () => {
    expect(describeEventsOf({ country: { iso2: "US", name: "United States" } })).toBe("Events involving the United States");
    expect(describeEventsOf({ topic: { slug: "normalization", name: "Normalization" } })).toBe("Events on Normalization");
    expect(describeEventsOf({ agreement: { slug: "abraham-accords", name: "Abraham Accords" } })).toBe("Events on the Abraham Accords");
    expect(lowerFirst("Events involving Kazakhstan")).toBe("events involving Kazakhstan");
    const kz = recordEventFeeds({ country: { iso2: "KZ", name: "Kazakhstan" } });
    expect(kz.filters).toBe("country=kz");
    expect(kz.alternates["application/rss+xml"]).toEqual([{ url: "/feed.xml?country=kz", title: "Chancery: events involving Kazakhstan" }]);
    expect(recordEventFeeds({ topic: { slug: "trade & energy", name: "Trade" } }).filters).toBe("topic=trade%20%26%20energy");
    expect(eventFeedPaths("")).toEqual({ rss: "/feed.xml", atom: "/atom.xml", json: "/feed.json", csv: "/api/v1/events.csv" });
  });
});
