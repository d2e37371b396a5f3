import { describe, expect, it } from "vitest";
import { formatClock, formatDate, formatTimestamp, isoDate, UNREADABLE_DATE } from "./date";

describe("date formatters", () => {
  const day = new Date("2025-11-06T14:30:15Z");

  it("show a date no more precisely than it is known", () => {
    expect(formatDate(day, "DAY")).toBe("6 November 2025");
    expect(formatDate(day, "MONTH")).toBe("November 2025");
    expect(formatDate(day, "YEAR")).toBe("2025");
    expect(formatDate(null)).toBe("Date to be announced");
    expect(isoDate(day, "MONTH")).toBe("2025-11");
    expect(formatTimestamp(day)).toBe("2025-11-06 14:30 UTC");
    expect(formatTimestamp(day, true)).toBe("2025-11-06 14:30:15 UTC");
    expect(formatClock(day)).toBe("14:30 UTC");
    expect(formatClock(new Date("2025-11-06T04:05:00+03:00"))).toBe("01:05 UTC");
  });

  it("never throw on a date the database held but JavaScript cannot read", () => {
    // PostgreSQL keeps year 10000; its driver hands it back as an Invalid Date.
    const unreadable = new Date(Number.NaN);
    expect(formatDate(unreadable)).toBe(UNREADABLE_DATE);
    expect(isoDate(unreadable)).toBe("");
    expect(formatTimestamp(unreadable)).toBe(UNREADABLE_DATE);
  });

  it("render far-off but readable years", () => {
    const far = new Date(Date.UTC(10000, 0, 1));
    expect(formatDate(far)).toBe("1 January 10000");
    expect(isoDate(far)).toBe("10000-01-01");
    expect(formatTimestamp(far)).toBe("10000-01-01 00:00 UTC");
    const early = new Date(Date.UTC(2000, 2, 15));
    early.setUTCFullYear(44);
    expect(isoDate(early)).toBe("0044-03-15");
  });
});
