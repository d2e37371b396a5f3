import { describe, expect, it } from "vitest";
import { parseEntityListQuery, parseEventListQuery, parseSearchQuery, QueryParameterError } from "./list-query";

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
