import { describe, expect, it } from "vitest";
import { __testing } from "./cached-read";

describe("cached read encoding", () => {
  it("gives back Dates, nulls and nested values exactly as the query returned them", () => {
    const value = { date: new Date("2025-11-06T00:00:00.000Z"), list: [{ at: new Date(0), n: null }], name: "x" };
    const back = __testing.decode<typeof value>(__testing.encode(value));
    expect(back).toEqual(value);
    expect(back.date).toBeInstanceOf(Date);
    expect(back.list[0]!.at).toBeInstanceOf(Date);
  });
});
