import { describe, expect, it } from "vitest";
import { deskListParams, hasDeskFilters, MAX_DESK_QUERY_LENGTH, parseDeskListQuery } from "./list-query";

const MEDIA = { PRESS_CONFERENCE: "Press conference", SOCIAL_POST: "Social post" };

describe("the desk list query", () => {
  it("reads nothing as every item, page 1", () => {
    expect(parseDeskListQuery({})).toEqual({ q: "", page: 1, problems: {} });
    expect(hasDeskFilters(parseDeskListQuery({ page: "3" }))).toBe(false);
  });

  it("reads every filter, and writes the same address back", () => {
    const query = parseDeskListQuery(
      { q: "  Tokayev   White House ", status: "IN_REVIEW", type: "VISIT", kind: "PRESS_CONFERENCE", author: "cmabc123", country: "kz", from: "2025-11", to: "2025-11-30", page: "2", done: "saved" },
      { kinds: MEDIA },
    );
    expect(query).toMatchObject({ q: "Tokayev White House", status: "IN_REVIEW", type: "VISIT", kind: "PRESS_CONFERENCE", author: "cmabc123", country: "KZ", page: 2, problems: {} });
    expect(query.from?.start.toISOString()).toBe("2025-11-01T00:00:00.000Z");
    expect(query.to?.end.toISOString()).toBe("2025-11-30T00:00:00.000Z");
    expect(deskListParams(query, query.page).toString()).toBe("q=Tokayev+White+House&status=IN_REVIEW&type=VISIT&kind=PRESS_CONFERENCE&author=cmabc123&country=KZ&from=2025-11&to=2025-11-30&page=2");
    expect(parseDeskListQuery(deskListParams(query, 2), { kinds: MEDIA })).toEqual(query);
    expect(hasDeskFilters(query)).toBe(true);
  });

  it("drops each value that does not fit, says why, and keeps the rest", () => {
    const query = parseDeskListQuery(
      { q: "sanctions", status: "LIVE", type: "party", kind: "TWEET", author: "not an id!", country: "Kazakhstan", from: "2025-13-01", to: "yesterday", page: "two" },
      { kinds: MEDIA },
    );
    expect(query).toEqual({
      q: "sanctions",
      page: 1,
      problems: {
        status: "Choose a status from the list.",
        type: "Choose an event type from the list.",
        kind: "Choose a kind from the list.",
        author: "Choose an author from the list.",
        country: "Use a two-letter country code such as KZ.",
        from: "Enter a date as YYYY-MM-DD (or YYYY, or YYYY-MM).",
        to: "Enter a date as YYYY-MM-DD (or YYYY, or YYYY-MM).",
        page: "Pages are numbered from 1 to 10,000.",
      },
    });
  });

  it("refuses huge, invisible and repeated input with a sentence", () => {
    expect(parseDeskListQuery({ q: "x".repeat(MAX_DESK_QUERY_LENGTH + 1) })).toEqual({ q: "", page: 1, problems: { q: "Keep the search under 200 characters." } });
    expect(parseDeskListQuery({ q: "x".repeat(100_000) }).problems.q).toBe("Keep the search under 200 characters.");
    expect(parseDeskListQuery({ q: "bad\u0000word" }).problems.q).toMatch(/invisible control character/);
    // Pages are plain digits: Number() read "0x2" as page 2 and "1e1" as page 10.
    for (const page of ["0x2", "1e1", "2.0", "+2"]) expect(parseDeskListQuery({ page }), page).toEqual({ q: "", page: 1, problems: { page: "Pages are numbered from 1 to 10,000." } });
    expect(parseDeskListQuery({ status: ["DRAFT", "PUBLISHED"] })).toEqual({ q: "", page: 1, problems: { status: "Given more than once in the address: choose one." } });
    expect(parseDeskListQuery(new URLSearchParams("page=1&page=2")).problems.page).toBe("Given more than once in the address: choose one.");
    expect(parseDeskListQuery({ page: "0" }).problems.page).toBeDefined();
    expect(parseDeskListQuery({ page: "10001" }).problems.page).toBeDefined();
    expect(parseDeskListQuery({ page: "1.5" }).problems.page).toBeDefined();
  });

  it("refuses a range that ends before it starts, keeping its start", () => {
    const query = parseDeskListQuery({ from: "2025-11-06", to: "2025-01" });
    expect(query.from?.value).toBe("2025-11-06");
    expect(query.to).toBeUndefined();
    expect(query.problems).toEqual({ to: "“To” (2025-01) is before “From” (2025-11-06)." });
  });

  it("reads only its own parameters: prototype keys and strangers are ignored", () => {
    const params = JSON.parse('{"__proto__": {"status": "DRAFT"}, "constructor": "x", "utm_source": "mail"}') as Record<string, string>;
    const query = parseDeskListQuery(params);
    expect(query).toEqual({ q: "", page: 1, problems: {} });
    expect(({} as Record<string, unknown>).status).toBeUndefined();
  });

  it("takes any kind when the list has no vocabulary of its own (the desk search)", () => {
    expect(parseDeskListQuery({ kind: "TREATY" }).kind).toBe("TREATY");
  });
});
