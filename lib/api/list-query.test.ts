import { describe, expect, it } from "vitest";
import { GIVEN_TWICE, paramsToObject, parseEntityListQuery, parseEventListQuery, parseSearchQuery, QueryParameterError, singleParams } from "./list-query";

const refusal = (read: () => unknown) => {
  try {
    read();
  } catch (error) {
    return error instanceof QueryParameterError ? { parameter: error.parameter, message: error.message } : error;
  }
  return null;
};

describe("the public lists' whole numbers", () => {
  // z.coerce read each of these as a number (16, 10, 16, 16, 16): a limit or a page is plain digits.
  const notWhole = ["0x10", "1e1", "16.0", " 16", "+16"];

  it.each(notWhole)("refuse limit=%j with a 400 naming the parameter", (limit) => {
    expect(refusal(() => parseEventListQuery({ limit }, { strict: true }))).toEqual({ parameter: "limit", message: '"limit" must be a whole number from 1 to 100' });
    expect(refusal(() => parseEntityListQuery({ limit }))).toEqual({ parameter: "limit", message: '"limit" must be a whole number from 1 to 100' });
  });

  it.each(notWhole)("refuse page=%j in a search", (page) => {
    expect(refusal(() => parseSearchQuery({ q: "x", page }, { strict: true }))).toEqual({ parameter: "page", message: '"page" must be a page number from 1 to 50' });
  });

  it("read plain digits, and fall back to the defaults", () => {
    expect(parseEventListQuery({ limit: "16" }).limit).toBe(16);
    expect(parseEventListQuery({}).limit).toBe(20);
    expect(parseEntityListQuery({}).limit).toBe(100);
    expect(parseSearchQuery({ page: "3" }).page).toBe(3);
    expect(parseSearchQuery({}).page).toBe(1);
  });
});

describe("a parameter given twice", () => {
  it("is refused by the API's reader, naming it", () => {
    expect(refusal(() => paramsToObject(new URLSearchParams("status=DRAFT&status=PUBLISHED")))).toEqual({ parameter: "status", message: '"status" was given more than once' });
    expect(refusal(() => parseEventListQuery({ type: ["VISIT", "SUMMIT"] }))).toEqual({ parameter: "type", message: '"type" was given more than once' });
  });

  it("is left out by a page's reader and named, the others read", () => {
    expect(singleParams(new URLSearchParams("role=EDITOR&role=ADMIN&q=ann&status=&other=x"), ["q", "role", "status"])).toEqual({ values: { q: "ann" }, repeated: ["role"] });
    expect(singleParams({ from: ["1", "2"], to: "3", q: undefined }, ["from", "to", "q"])).toEqual({ values: { to: "3" }, repeated: ["from"] });
    // A blank copy (a form's untouched field) is no second value.
    expect(singleParams(new URLSearchParams("role=EDITOR&role="), ["role"])).toEqual({ values: { role: "EDITOR" }, repeated: [] });
    expect(GIVEN_TWICE).toMatch(/more than once/);
  });
});
