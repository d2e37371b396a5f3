import { describe, expect, it } from "vitest";
import { etagOf } from "./etag";
import { WholePages } from "./whole-pages";

const text = (n: number, size = 100) => `<p>${String(n).padEnd(size, "·")}</p>`;

describe("WholePages", () => {
  it("gives a text its UTF-8 bytes and the ETag of those bytes, once", () => {
    const pages = new WholePages({ entries: 8, bytes: 1_000_000 });
    const page = pages.get(text(1));
    expect(page.body.equals(Buffer.from(text(1), "utf8"))).toBe(true);
    expect(page.etag).toBe(etagOf(Buffer.from(text(1), "utf8")));
    expect(pages.get(text(1))).toBe(page);
    // The same text in another string (as a cache handler may read it again) is the same page.
    expect(pages.get(["<p>1", text(1).slice(4)].join(""))).toBe(page);
  });

  it("never answers for another text, even one of the same length", () => {
    const pages = new WholePages({ entries: 8, bytes: 1_000_000 });
    const a = pages.get(text(1));
    const b = pages.get(text(2));
    expect(text(1).length).toBe(text(2).length);
    expect(b).not.toBe(a);
    expect(b.body.toString()).toBe(text(2));
    expect(b.etag).not.toBe(a.etag);
  });

  it("keeps at most its number of pages, the least recently sent going first", () => {
    const pages = new WholePages({ entries: 2, bytes: 1_000_000 });
    const one = pages.get(text(1));
    pages.get(text(2));
    expect(pages.get(text(1))).toBe(one); // 1 is now the most recent
    pages.get(text(3)); // 2 goes
    expect(pages.size).toBe(2);
    expect(pages.get(text(1))).toBe(one);
    const three = pages.get(text(3));
    expect(pages.get(text(3))).toBe(three);
    expect(pages.size).toBe(2);
  });

  it("keeps at most its bytes, and does not keep a page larger than they are", () => {
    const size = Buffer.byteLength(text(1, 1_000));
    const pages = new WholePages({ entries: 100, bytes: 3 * size * 2 });
    for (let n = 0; n < 5; n++) pages.get(text(n, 1_000));
    expect(pages.size).toBe(2);
    const small = new WholePages({ entries: 100, bytes: size });
    const big = small.get(text(1, 1_000));
    expect(big.body.toString()).toBe(text(1, 1_000));
    expect(small.size).toBe(0);
    expect(small.get(text(1, 1_000))).not.toBe(big);
  });
});
