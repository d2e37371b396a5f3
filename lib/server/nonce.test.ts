import { describe, expect, it } from "vitest";
import { NonceRewriter, newNonce, placeholderNonce } from "./nonce";

const P = placeholderNonce("a secret of at least thirty-two characters");
const N = newNonce();

const rendered = [
  `<!DOCTYPE html><html><head><link rel="stylesheet" href="/a.css" nonce="${P}"/>`,
  `<script src="/_next/static/chunks/a.js" async="" nonce="${P}"></script>`,
  `<title>Title</title></head><body><p>Text</p>`,
  `<script nonce="${P}">self.__next_f.push([1,"x"])</script>`,
  `<script type="application/ld+json">{"a":1}</script>`,
  `</body></html>`,
].join("");

const prerendered = `<!DOCTYPE html><html><head><link rel="preload" as="script" href="/a.js"/><script src="/a.js" async=""></script><linked></linked></head><body><scripts>no</scripts><script>self.x=1</script></body></html>`;

function whole(html: string, isHtml = true): string {
  return new NonceRewriter({ placeholder: P, nonce: N, html: isHtml }).rewrite(Buffer.from(html)).toString();
}

function streamed(html: string, sizes: number[]): string {
  const rewriter = new NonceRewriter({ placeholder: P, nonce: N, html: true });
  const out: Buffer[] = [];
  let at = 0;
  for (let i = 0; at < html.length; i++) {
    const size = sizes[i % sizes.length]!;
    out.push(rewriter.push(Buffer.from(html.slice(at, at + size))));
    at += size;
  }
  out.push(rewriter.end());
  return Buffer.concat(out).toString();
}

describe("placeholder and nonce", () => {
  it("are equal in length (a cached page keeps its Content-Length) and valid CSP nonces", () => {
    expect(P).toHaveLength(N.length);
    expect(P).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(newNonce()).not.toBe(newNonce());
    expect(placeholderNonce("another secret")).not.toBe(P);
  });

  it("are never repeated, across refills of the pool they are drawn from", () => {
    const nonces = Array.from({ length: 2_000 }, () => newNonce());
    expect(new Set(nonces).size).toBe(nonces.length);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9_-]{22}$/);
    // 16 random bytes each: about 8 bits of every byte position vary, so no position is fixed.
    const distinctAt = (i: number) => new Set(nonces.map((n) => n[i])).size;
    for (let i = 0; i < 21; i++) expect(distinctAt(i)).toBeGreaterThan(32);
  });
});

describe("NonceRewriter on a page rendered for a request", () => {
  it("swaps the placeholder for the nonce everywhere and adds nothing else", () => {
    const out = whole(rendered);
    expect(out).not.toContain(P);
    expect(out).toBe(rendered.replaceAll(P, N));
    expect(out.length).toBe(rendered.length);
  });

  it("gives no nonce to a script that was not rendered with the placeholder (say, injected markup)", () => {
    const injected = rendered.replace("<p>Text</p>", "<p>Text</p><script>alert(1)</script><script src=//evil.example/x.js></script>");
    const out = whole(injected);
    expect(out).toContain("<script>alert(1)</script>");
    expect(out).toContain("<script src=//evil.example/x.js></script>");
    expect(out.match(/nonce=/g)).toHaveLength(3);
  });

  it("gives the same bytes however the body is cut into chunks", () => {
    for (const sizes of [[1], [2, 3], [7], [21], [22], [23], [64, 5], [4096]]) {
      expect(streamed(rendered, sizes)).toBe(rendered.replaceAll(P, N));
    }
  });

  it("never writes into the buffer it was given (it may be Next's cached page)", () => {
    const input = Buffer.from(rendered);
    new NonceRewriter({ placeholder: P, nonce: N, html: true }).rewrite(input);
    expect(input.toString()).toBe(rendered);
  });

  it("rewrites an RSC payload without stamping anything", () => {
    const payload = `1:"$Sreact.fragment"\n2:["${P}"]\n<script`;
    expect(whole(payload, false)).toBe(payload.replace(P, N));
  });
});

describe("NonceRewriter on a page prerendered at build time (no nonce anywhere)", () => {
  const expected = prerendered
    .replace('<link rel="preload"', `<link nonce="${N}" rel="preload"`)
    .replace('<script src="/a.js"', `<script nonce="${N}" src="/a.js"`).replace("<script>self", `<script nonce="${N}">self`);

  it("stamps every <script> and <link> tag, and only those", () => {
    expect(whole(prerendered)).toBe(expected);
  });

  it("stamps the same way when streamed", () => {
    for (const sizes of [[1], [3], [8], [30]]) expect(streamed(prerendered, sizes)).toBe(expected);
  });
});
