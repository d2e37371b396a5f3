import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import nextConfig from "../next.config.js";

/**
 * next.config.js's header rules, run through Next's own matcher with the options Next
 * builds them with (next/dist/server/lib/router-utils/filesystem.js: strict, not
 * case-sensitive, the same regex modifier), against what they are meant to say, written
 * plainly: a public section is the section's index and everything under it, `/` and
 * `/corrections` exactly; a staff section likewise, `/login` exactly; the statements' three
 * feeds, under the statements' section, the feeds' header (the later rule, which Next lets
 * win over the section's). Each rule used to
 * name one section; they now share a pattern (docs/performance.md, "Fewer header rules, and the request line's own clock").
 */
const require = createRequire(import.meta.url);
const { getPathMatch } = require("next/dist/shared/lib/router/utils/path-match") as {
  getPathMatch: (source: string, options: object) => (pathname: string) => false | object;
};
const { modifyRouteRegex } = require("next/dist/lib/redirect-status") as { modifyRouteRegex: (regex: string, restricted?: string[]) => string };

const PUBLIC_SECTIONS = ["events", "statements", "countries", "relations", "people", "organizations", "agreements", "topics"];
const STAFF_SECTIONS = ["dashboard", "admin", "account", "invite"];

type Kind = "public" | "data" | "staff" | "none";

/** What a path's Cache-Control should come from, said without patterns. */
function intended(path: string): Kind {
  const trimmed = path.length > 1 && path.endsWith("/") ? path.slice(0, -1) : path; // strict: one trailing slash allowed
  const lower = trimmed.toLowerCase();
  if (lower === "/" || lower === "/corrections") return "public";
  if (["/statements/feed.xml", "/statements/atom.xml", "/statements/feed.json"].includes(lower)) return "data";
  if (lower === "/login") return "staff";
  const section = /^\/([^/]+)(\/.+)?$/.exec(lower);
  if (section && !section[2]?.includes("//")) {
    if (PUBLIC_SECTIONS.includes(section[1]!)) return "public";
    if (STAFF_SECTIONS.includes(section[1]!)) return "staff";
  }
  return "none";
}

async function rules() {
  const headers = await nextConfig.headers!();
  const matcher = (source: string) =>
    getPathMatch(source, { strict: true, removeUnnamedParams: true, sensitive: false, regexModifier: (regex: string) => modifyRouteRegex(regex, undefined) });
  return headers.map((rule) => ({
    match: matcher(rule.source),
    kind: ((value) => (value.includes("s-maxage=30") ? "data" : value.startsWith("public") ? "public" : "staff"))(
      rule.headers.find((h) => h.key === "Cache-Control")?.value ?? "",
    ) as Kind,
  }));
}

function paths(): string[] {
  const words = ["", "events", "Events", "EVENTS", "eventsx", "xevents", "corrections", "Corrections", "correctionsx", "login", "LOGIN", "loginx",
    ...PUBLIC_SECTIONS, ...STAFF_SECTIONS, "Dashboard", "search", "api", "_next", "kz", "kz-us", "a.b", "%2E", "feed.xml", "atom.xml", "feed.json", "FEED.XML", "feed.xmlx"];
  const all = new Set(["/", "/x/y/z/w", "/events/a/b/c/d/e"]);
  for (const a of words) {
    all.add(`/${a}`).add(`/${a}/`);
    for (const b of words) for (const c of ["", "/", "/x", "/y/z", "/y/z/"]) all.add(`/${a}/${b}${c}`);
  }
  return [...all];
}

describe("next.config.js header rules", () => {
  it("are five, each kind of address answered by the rule meant for it", async () => {
    const compiled = await rules();
    expect(compiled).toHaveLength(5);
    const wrong: string[] = [];
    let counted: Record<Kind, number> = { public: 0, data: 0, staff: 0, none: 0 };
    for (const path of paths()) {
      const kinds = compiled.filter((rule) => rule.match(path) !== false).map((rule) => rule.kind);
      // Of two rules setting one header, Next keeps the last; only a statements' feed is meant to meet two.
      const got = kinds.length === 0 ? "none" : kinds.length === 1 || kinds.join() === "public,data" ? kinds.at(-1)! : "several";
      const want = intended(path);
      counted = { ...counted, [want]: counted[want] + 1 };
      if (got !== want) wrong.push(`${path}: ${got}, meant ${want}`);
    }
    expect(wrong).toEqual([]);
    // Every kind is exercised, many times over.
    expect(Math.min(counted.public, counted.staff, counted.none)).toBeGreaterThan(200);
    expect(counted.data).toBeGreaterThanOrEqual(6);
  });
});
