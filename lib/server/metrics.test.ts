import { describe, expect, it } from "vitest";
import { routeGroup } from "./metrics";

describe("routeGroup", () => {
  it("counts every feed as a feed, and a statement's page as a public page", () => {
    const groups = ["/feed.xml", "/atom.xml", "/statements/feed.xml", "/statements/feed.json", "/calendar.ics", "/statements/a-feed-xml-statement", "/statements", "/dashboard/events", "/api/v1/events"].map(routeGroup);
    expect(groups).toEqual(["feeds", "feeds", "feeds", "feeds", "feeds", "public", "public", "desk", "api"]);
  });
});
