import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import v8 from "node:v8";
import vm from "node:vm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BUILD_PLACEHOLDER_TAG } from "./build-placeholder.mjs";
import { ByteLru } from "./lru.mjs";
import PageCache, { sizeOf, stringBytes } from "./page-cache.mjs";
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

  it("does not keep a page that answers 404, so addresses of missing items cannot fill the cache", async () => {
    const handler = new PageCache({});
    const key = unique("/events/no-such-event");
    await handler.set(key, { ...page(["_N_T_/layout"], "<h1>Not found</h1>"), status: 404 }, { kind: "APP_PAGE" });
    expect(await handler.get(key, { kind: "APP_PAGE" })).toBeNull();
    await handler.set(key, page(["_N_T_/layout"], "<h1>Now it exists</h1>"), { kind: "APP_PAGE" });
    expect((await handler.get(key, { kind: "APP_PAGE" }))?.value.html).toBe("<h1>Now it exists</h1>");
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

describe("pages built by `next build` (the not-found page, the home page's stand-in)", () => {
  // A build's output as Next writes it: the prerender manifest, and per page its HTML,
  // RSC payload, segments and a .meta naming the cache key the page is served under.
  const key = "/route-cache/APP_PAGE/0123abcd/$/_not-found";
  const built = "<h1>Page not found</h1>";
  const homeKey = "/route-cache/APP_PAGE/0123abcd/$/";
  let distDir = "";
  let serverDistDir = "";
  beforeAll(() => {
    distDir = mkdtempSync(path.join(os.tmpdir(), "chancery-seeds-"));
    serverDistDir = path.join(distDir, "server");
    const app = path.join(serverDistDir, "app");
    mkdirSync(path.join(app, "_not-found.segments", "_not-found"), { recursive: true });
    writeFileSync(
      path.join(distDir, "prerender-manifest.json"),
      JSON.stringify({
        routes: {
          "/_not-found": { initialRevalidateSeconds: false, srcRoute: "/_not-found", dataRoute: "/_not-found.rsc" },
          "/": { initialRevalidateSeconds: false, srcRoute: "/", dataRoute: "/index.rsc" },
        },
      }),
    );
    // The home page reads the record, so the build rendered a stand-in for it (lib/cache/runtime-page.ts).
    writeFileSync(path.join(app, "index.html"), "<main></main>");
    writeFileSync(path.join(app, "index.rsc"), "stand-in rsc");
    writeFileSync(
      path.join(app, "index.meta"),
      JSON.stringify({
        headers: { "x-nextjs-prerender": "1", "x-next-cache-tags": `_N_T_/layout,_N_T_/(public)/page,_N_T_/,${BUILD_PLACEHOLDER_TAG}` },
        routeCache: { key: homeKey, owner: { kind: "APP_PAGE", sourceRoute: "/(public)/page" }, isFallback: false },
      }),
    );
    writeFileSync(path.join(app, "_not-found.html"), built);
    writeFileSync(path.join(app, "_not-found.rsc"), "built rsc");
    writeFileSync(path.join(app, "_not-found.segments", "_tree.segment.rsc"), "tree");
    writeFileSync(path.join(app, "_not-found.segments", "_not-found", "__PAGE__.segment.rsc"), "page");
    writeFileSync(
      path.join(app, "_not-found.meta"),
      JSON.stringify({
        status: 404,
        headers: { "x-nextjs-prerender": "1", "x-next-cache-tags": "_N_T_/layout,_N_T_/_not-found" },
        segmentPaths: ["/_tree", "/_not-found/__PAGE__"],
        routeCache: { key, owner: { kind: "APP_PAGE", sourceRoute: "/_not-found/page" }, isFallback: false },
      }),
    );
  });
  afterAll(() => rmSync(distDir, { recursive: true, force: true }));

  it("serves every 404 the built page, never one rendered for another reader's address", async () => {
    // Next answers every unknown address, and every notFound() in a route handler,
    // under this one key. A render made for one address carries that address (and its
    // query) in its payload; kept under the shared key, it was served to every later 404.
    const handler = new PageCache({ serverDistDir });
    const renderedForOneAddress = {
      kind: "APP_PAGE",
      html: '<h1>Page not found</h1><script>["","events","a-draft-slug","opengraph-image"]</script>',
      rscData: Buffer.from('["","events","a-draft-slug","opengraph-image"]'),
      headers: { "x-next-cache-tags": "_N_T_/layout,_N_T_/_not-found" },
      status: 404,
    };
    await handler.set(key, renderedForOneAddress, { kind: "APP_PAGE" });
    const served = await handler.get(key, { kind: "APP_PAGE", isFallback: false });
    expect(served?.value.html).toBe(built);
    expect(String(served?.value.rscData)).toBe("built rsc");
    expect(served?.value.status).toBe(404);
    expect(served?.value.segmentData?.get("/_not-found/__PAGE__")?.toString()).toBe("page");
    // Tag expiries do not bring the per-address render back either.
    await handler.revalidateTag(["_N_T_/_not-found"]);
    expect((await handler.get(key, { kind: "APP_PAGE", isFallback: false }))?.value.html).toBe(built);
  });

  it("never serves the stand-in the build rendered for a page that reads the record: its first request renders it, and the render is kept", async () => {
    const handler = new PageCache({ serverDistDir });
    expect(await handler.get(homeKey, { kind: "APP_PAGE", isFallback: false })).toBeNull();
    const tag = unique("events");
    const rendered = { kind: "APP_PAGE", html: "<h1>Latest</h1>", rscData: Buffer.from("rsc"), headers: { "x-next-cache-tags": `_N_T_/,${tag}` }, status: 200 };
    await handler.set(homeKey, rendered, { kind: "APP_PAGE" });
    expect((await handler.get(homeKey, { kind: "APP_PAGE", isFallback: false }))?.value.html).toBe("<h1>Latest</h1>");
    // Like any rendered page, it is kept until a write expires a tag it read.
    await handler.revalidateTag([tag]);
    expect(await handler.get(homeKey, { kind: "APP_PAGE", isFallback: false })).toBeNull();
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

describe("what an entry is counted as", () => {
  it("counts a text with any character beyond Latin-1 at two bytes a character, as V8 stores it", () => {
    expect(stringBytes("Kazakhstan")).toBe(10);
    expect(stringBytes("Zürich")).toBe(6); // Latin-1: one byte each
    expect(stringBytes("“Kazakhstan”")).toBe(24);
    expect(stringBytes("Қазақстан")).toBe(18);
  });

  it("is within a third of the heap the entries really take", () => {
    // Cached reads as unstable_cache stores them: JSON texts of a list page, here with
    // typographic quotes and a Cyrillic name in every item (V8 then keeps the whole text
    // at two bytes a character), and the same in plain ASCII.
    v8.setFlagsFromString("--expose-gc");
    const gc = vm.runInNewContext("gc") as () => void;
    const read = (n: number, text: string) => ({
      kind: "FETCH",
      data: { headers: {}, body: JSON.stringify({ items: Array.from({ length: 20 }, (_, i) => ({ id: `${n}-${i}`, title: `${text} ${n} ${i}`, summary: text.repeat(20) })) }), status: 200, url: "" },
      revalidate: false,
    });
    const measure = (text: string) => {
      gc();
      const before = process.memoryUsage().heapUsed;
      const kept = Array.from({ length: 300 }, (_, n) => read(n, text));
      gc();
      const taken = process.memoryUsage().heapUsed - before;
      const counted = kept.reduce((sum, value) => sum + sizeOf(value), 0);
      return { taken, counted };
    };
    for (const text of ["“Tokayev” meets the Қазақстан delegation", "Tokayev meets the Kazakhstan delegation"]) {
      const { taken, counted } = measure(text);
      expect(taken).toBeGreaterThan(4_000_000);
      expect(counted / taken).toBeGreaterThan(0.75);
      expect(counted / taken).toBeLessThan(1.33);
    }
  });
});
