import { describe, expect, it } from "vitest";
import { dataEnvelope, jsonResponse, jsonTextResponse } from "./respond";

describe("dataEnvelope", () => {
  it("is exactly JSON.stringify({ data, ...rest }) with data given as its JSON text", () => {
    const datas: unknown[] = [
      [],
      [{ id: "e1", title: 'A "quoted" title — with \\ and \u2028 and emoji 🇰🇿', date: "2025-11-06", tags: ["a", "b"], n: 1.5, none: null }],
      { id: "one", nested: { deep: [1, 2, { x: "y" }] } },
      "a string",
      0,
      null,
    ];
    const rests: Array<Record<string, unknown>> = [
      {},
      { next: null, nextCursor: null, prev: null },
      { next: "https://example.org/api/v1/events?cursor=abc", nextCursor: "abc", prev: null },
      { total: 3, totalIsAtLeast: false, next: null },
      { dropped: undefined, kept: 1 },
    ];
    for (const data of datas) {
      for (const rest of rests) {
        const text = dataEnvelope(JSON.stringify(data), rest);
        expect(text).toBe(JSON.stringify({ data, ...rest }));
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify({ data, ...rest })));
      }
    }
  });

  it("answers what jsonResponse answers for the same body: headers, ETag, and a 304 for a matching If-None-Match", async () => {
    const data = [{ id: "e1" }];
    const rest = { next: null, nextCursor: null, prev: null };
    const request = new Request("https://example.org/api/v1/events");
    const objects = jsonResponse(request, { data, ...rest });
    const text = jsonTextResponse(request, dataEnvelope(JSON.stringify(data), rest));
    expect(await text.text()).toBe(await objects.text());
    expect([...text.headers.entries()]).toEqual([...objects.headers.entries()]);
    const again = jsonTextResponse(new Request(request.url, { headers: { "If-None-Match": text.headers.get("etag")! } }), dataEnvelope(JSON.stringify(data), rest));
    expect(again.status).toBe(304);
  });
});
