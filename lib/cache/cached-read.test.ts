import { describe, expect, it } from "vitest";
import { __testing } from "./cached-read";

const { encode, decode, withDateMarkers } = __testing;

describe("cached read encoding", () => {
  it("gives back Dates, nulls and nested values exactly as the query returned them", () => {
    const value = { date: new Date("2025-11-06T00:00:00.000Z"), list: [{ at: new Date(0), n: null }], name: "x" };
    const back = decode<typeof value>(encode(value));
    expect(back).toEqual(value);
    expect(back.date).toBeInstanceOf(Date);
    expect(back.list[0]!.at).toBeInstanceOf(Date);
  });

  it("stores what JSON.stringify stores for a value without Dates, sharing it rather than copying it", () => {
    const value = { data: [{ slug: "a", participants: [{ role: "host", name: "A" }] }], next: null, count: 3, flag: false };
    expect(withDateMarkers(value)).toBe(value);
    expect(encode(value)).toBe(JSON.stringify(value));
    expect(decode(encode(value))).toEqual(value);
  });

  it("copies only the objects on a Date's path and never changes the read's own value", () => {
    const untouched = { name: "kept" };
    const value = { a: untouched, b: [untouched, { at: new Date("2024-01-02T03:04:05.000Z") }] };
    const marked = withDateMarkers(value) as { a: unknown; b: unknown[] };
    expect(marked).not.toBe(value);
    expect(marked.a).toBe(untouched);
    expect(marked.b[0]).toBe(untouched);
    expect(marked.b[1]).toEqual({ at: { $date: "2024-01-02T03:04:05.000Z" } });
    expect(value.b[1]).toEqual({ at: new Date("2024-01-02T03:04:05.000Z") });
  });

  it("revives only an object that is exactly a date marker", () => {
    const text = JSON.stringify({ a: { $date: "2024-01-02T00:00:00.000Z" }, b: { $date: "2024-01-02T00:00:00.000Z", other: 1 }, c: { $date: 5 }, d: ["$date"] });
    const back = decode<Record<string, unknown>>(text);
    expect(back.a).toEqual(new Date("2024-01-02T00:00:00.000Z"));
    expect(back.b).toEqual({ $date: "2024-01-02T00:00:00.000Z", other: 1 });
    expect(back.c).toEqual({ $date: 5 });
    expect(back.d).toEqual(["$date"]);
  });

  it("refuses a value that JSON would change (a Map, a class instance), so a miss and a hit cannot differ", () => {
    expect(() => encode({ byId: new Map([["a", 1]]) })).toThrow(/Map/);
    class Row {
      id = "x";
    }
    expect(() => encode([new Row()])).toThrow(/Row/);
    expect(encode(Object.assign(Object.create(null) as object, { id: "x" }))).toBe('{"id":"x"}');
  });
});
