import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ByteLru } from "./lru.mjs";
import PageCache from "./page-cache.mjs";
import { expireTags } from "./tag-expirations.mjs";

/** The cache handler Next calls, driven the way Next drives it, in one process. */

// Expiries here are this process's own; listening to the database is tested in revalidate.test.ts.
const databaseUrl = process.env.DATABASE_URL;
beforeAll(() => {
  delete process.env.DATABASE_URL;
});
afterAll(() => {
  process.env.DATABASE_URL = databaseUrl;
});

const unique = (name: string) => `${name}-${Math.random().toString(36).slice(2, 8)}`;

describe("the page cache (rendered pages)", () => {
  const page = (tags: string[], html: string) => ({
    kind: "APP_PAGE",
    html,
    rscData: Buffer.from("rsc"),
    headers: { "x-next-cache-tags": tags.join(",") },
    status: 200,
  });

  it("serves a rendered page until a tag of any read it used expires", async () => {
    const handler = new PageCache({});
    const key = unique("/events/x");
    const tag = unique("event");
    expect(await handler.get(key, { kind: "APP_PAGE" })).toBeNull();
    await handler.set(key, page(["_N_T_/layout", tag, "events"], "<h1>x</h1>"), { kind: "APP_PAGE" });
    const hit = await handler.get(key, { kind: "APP_PAGE" });
    expect(hit?.value.html).toBe("<h1>x</h1>");
    await handler.revalidateTag([tag]);
    expect(await handler.get(key, { kind: "APP_PAGE" })).toBeNull();
  });

  it("serves a cached read (unstable_cache) until one of its tags expires", async () => {
    const handler = new PageCache({});
    const key = unique("fetch");
    const tag = unique("person");
    expect(await handler.get(key, { kind: "FETCH", tags: [tag], softTags: [] })).toBeNull();
    await handler.set(key, { kind: "FETCH", data: { body: "{}", headers: {}, url: "" }, revalidate: false }, { fetchCache: true, tags: [tag] });
    expect((await handler.get(key, { kind: "FETCH", tags: [tag], softTags: [] }))?.value.kind).toBe("FETCH");
    expireTags([tag]);
    expect(await handler.get(key, { kind: "FETCH", tags: [tag], softTags: [] })).toBeNull();
  });

  it("dates a page from when its render began, so a write during the render still expires it", async () => {
    const handler = new PageCache({});
    const key = unique("/events/y");
    const tag = unique("event");
    expect(await handler.get(key, { kind: "APP_PAGE" })).toBeNull(); // the render begins
    expireTags([tag]); // a write lands while it runs
    await handler.set(key, page([tag], "<h1>old</h1>"), { kind: "APP_PAGE" });
    expect(await handler.get(key, { kind: "APP_PAGE" })).toBeNull();
  });
});

describe("the bounded store", () => {
  it("drops the least recently used entries beyond its size", () => {
    const lru = new ByteLru<string>(100);
    lru.set("a", "A", 40);
    lru.set("b", "B", 40);
    lru.get("a");
    lru.set("c", "C", 40);
    expect(lru.get("b")).toBeUndefined();
    expect(lru.get("a")).toBe("A");
    expect(lru.get("c")).toBe("C");
    expect(lru.bytes).toBeLessThanOrEqual(100);
    lru.set("huge", "H", 1000);
    expect(lru.get("huge")).toBeUndefined();
  });
});
