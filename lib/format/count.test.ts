import { describe, expect, it } from "vitest";
import { formatCount, formatPageOf, plural, roundEstimate } from "./count";

describe("formatCount", () => {
  it("writes thousands with separators, and an estimate with 'about' and two significant figures", () => {
    expect(formatCount(0)).toBe("0");
    expect(formatCount(99_993)).toBe("99,993");
    expect(formatCount(99_993, true)).toBe("about 100,000");
    expect(formatCount(196_970, true)).toBe("about 200,000");
    expect(formatCount(1_546, true)).toBe("about 1,500");
    expect(formatCount(87, true)).toBe("about 87");
    expect(formatCount(1_546, true, { atStart: true })).toBe("About 1,500");
    expect(formatCount(1_546, false, { atStart: true })).toBe("1,546");
    expect(roundEstimate(12_345)).toBe(12_000);
    expect(roundEstimate(150)).toBe(150);
    expect(formatPageOf(2, 5)).toBe("page 2 of 5");
    expect(formatPageOf(1, 4_000, true)).toBe("page 1 of about 4,000");
  });
});

describe("plural", () => {
  it("puts a count before its noun, singular for one", () => {
    expect(plural(1, "row")).toBe("1 row");
    expect(plural(0, "row")).toBe("0 rows");
    expect(plural(1_200, "other session")).toBe("1,200 other sessions");
    expect(plural(2, "entry", "entries")).toBe("2 entries");
  });
});
