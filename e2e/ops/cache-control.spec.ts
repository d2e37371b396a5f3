import { expect, test } from "@playwright/test";

/**
 * Who may keep which answer. Public pages a shared cache may keep for a second
 * (next.config.js, headers()); the feeds (the statements' under /statements too), the
 * calendar and the API for thirty seconds; staff pages, sign-in and invitations never;
 * what no rule names keeps Next's own answer (a search or an unknown address: never stored). The rules
 * match a path's sections exactly: `/eventsx` is not under `/events`, and a section in
 * capitals is an unknown address. Read without following redirects, with no session.
 */
const PUBLIC = "public, max-age=0, s-maxage=1, stale-while-revalidate=10, stale-if-error=86400";
const DATA = "public, max-age=0, s-maxage=30, stale-while-revalidate=60";
const STAFF = "private, no-store";
const NEXT_DEFAULT = "private, no-cache, no-store, max-age=0, must-revalidate";

const EXPECTED: Array<[path: string, status: number, cacheControl: string | undefined]> = [
  ["/", 200, PUBLIC],
  ["/events", 200, PUBLIC],
  ["/events?_rsc=1", 200, PUBLIC],
  ["/events/kazakhstan-to-join-the-abraham-accords", 200, PUBLIC],
  ["/events/no-such-event", 404, PUBLIC],
  ["/statements", 200, PUBLIC],
  ["/statements/no-such-statement", 404, PUBLIC],
  ["/feed.xml", 200, DATA],
  ["/atom.xml?country=kz", 200, DATA],
  ["/feed.json", 200, DATA],
  ["/statements/feed.xml", 200, DATA],
  ["/statements/atom.xml?country=kz", 200, DATA],
  ["/statements/feed.json", 200, DATA],
  ["/calendar.ics", 200, DATA],
  ["/api/v1/events?limit=2", 200, DATA],
  ["/api/v1/events.csv", 200, DATA],
  ["/countries/kz", 200, PUBLIC],
  ["/relations/kz-us", 200, PUBLIC],
  ["/agreements", 200, PUBLIC],
  ["/agreements/abraham-accords", 200, PUBLIC],
  ["/corrections", 200, PUBLIC],
  ["/data", 200, PUBLIC],
  ["/events/", 308, undefined],
  ["/corrections/", 308, undefined],
  ["/EVENTS/kazakhstan-to-join-the-abraham-accords", 404, NEXT_DEFAULT],
  ["/eventsx", 404, NEXT_DEFAULT],
  ["/correctionsx", 404, NEXT_DEFAULT],
  ["/Corrections", 404, NEXT_DEFAULT],
  ["/no-such-page", 404, NEXT_DEFAULT],
  ["/search", 200, NEXT_DEFAULT],
  ["/search?q=abraham", 200, NEXT_DEFAULT],
  ["/login", 200, STAFF],
  ["/login/x", 404, NEXT_DEFAULT],
  ["/Login", 404, NEXT_DEFAULT],
  ["/dashboard", 307, STAFF],
  ["/dashboard/events", 307, STAFF],
  ["/admin/users", 307, STAFF],
  ["/account", 307, STAFF],
  ["/invite/not-a-real-token", 200, STAFF],
];

test("each kind of address says who may keep it", async ({ request }) => {
  const seen: Array<[string, number, string | undefined]> = [];
  for (const [path] of EXPECTED) {
    const response = await request.get(path, { maxRedirects: 0 });
    seen.push([path, response.status(), response.headers()["cache-control"]]);
  }
  expect(seen).toEqual(EXPECTED);
});
