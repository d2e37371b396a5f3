import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { NonceRewriter, placeholderNonce } from "./nonce";
import { memoizedScriptHashes, renderedScriptHashes, SHARED_PAGE_NONCE } from "./script-hashes";

const P = placeholderNonce("a secret of at least thirty-two characters");

function hashOf(text: string): string {
  return `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;
}

/** The page as sent to every reader, and the hashes of its rendered scripts. */
function shared(rendered: string): { sent: string; hashes: string[] | null } {
  const body = Buffer.from(rendered);
  const sent = new NonceRewriter({ placeholder: P, nonce: SHARED_PAGE_NONCE, html: true }).rewrite(body);
  return { sent: sent.toString(), hashes: renderedScriptHashes(body, sent, P) };
}

const bootstrap = `(self.__next_f=self.__next_f||[]).push([0])`;
const payload = `self.__next_f.push([1,":HL[\\"/a.css\\",\\"style\\",{\\"nonce\\":\\"${P}\\"}]\\nTitle \\u003cem\\u003e“quoted” — ünïcode"])`;
const rendered = [
  `<!DOCTYPE html><html><head><link rel="stylesheet" href="/a.css" nonce="${P}"/>`,
  `<script src="/_next/static/chunks/a.js" async="" nonce="${P}"></script>`,
  `<script nonce="${P}" id="_R_">${bootstrap}</script>`,
  `<title>A title with &lt;script&gt; in it</title></head><body><p data-x="a > b">Text</p>`,
  `<script nonce="${P}">${payload}</script>`,
  `<script type="application/ld+json">{"a":1}</script>`,
  `<script>alert("not rendered by Next")</script>`,
  `<script nonce="${P}">${bootstrap}</script>`,
  `</body></html>`,
].join("");

describe("renderedScriptHashes", () => {
  it("hashes each inline script Next rendered, as the reader receives it (the placeholder inside replaced), once each", () => {
    const { sent, hashes } = shared(rendered);
    expect(sent).not.toContain(P);
    expect(sent.length).toBe(rendered.length);
    expect(hashes).toEqual([hashOf(bootstrap), hashOf(payload.replaceAll(P, SHARED_PAGE_NONCE))]);
  });

  it("names no script that came without the placeholder (markup from content, data blocks) and no script file", () => {
    const { hashes } = shared(rendered);
    for (const text of [`alert("not rendered by Next")`, `{"a":1}`, ""]) expect(hashes).not.toContain(hashOf(text));
    expect(hashes).toHaveLength(2);
    // Markup that writes the public stand-in itself is not a rendered script either.
    expect(shared(`<p>x</p><script nonce="${SHARED_PAGE_NONCE}">alert(1)</script>`).hashes).toEqual([]);
  });

  it("gives up (the page keeps a nonce) when a browser would read a script's text otherwise than its bytes", () => {
    for (const text of ["a\r\nb", "a\0b", "x = '<!--'", "x = '</div>'", "unterminated"]) {
      const page = `<html><body><script nonce="${P}">${text}${text === "unterminated" ? "" : "</script>"}</body></html>`;
      expect(shared(page).hashes, JSON.stringify(text)).toBeNull();
    }
    expect(shared(`<html><body><script nonce="${P}">a</SCRIPT></body></html>`).hashes).toBeNull();
  });

  it("reads a start tag to its real end, past a quoted '>'", () => {
    const { hashes } = shared(`<script nonce="${P}" data-a="1 > 0">run()</script>`);
    expect(hashes).toEqual([hashOf("run()")]);
  });

  it("refuses bodies of different lengths", () => {
    expect(() => renderedScriptHashes(Buffer.from("ab"), Buffer.from("abc"), P)).toThrow(/length/);
  });
});

describe("memoizedScriptHashes", () => {
  it("hashes a page once for its ETag", () => {
    const body = Buffer.from(rendered);
    const sent = new NonceRewriter({ placeholder: P, nonce: SHARED_PAGE_NONCE, html: true }).rewrite(body);
    const first = memoizedScriptHashes('"memo-test"', body, sent, P);
    // Another body under the same tag: the remembered answer comes back.
    expect(memoizedScriptHashes('"memo-test"', Buffer.from("<p>x</p>"), Buffer.from("<p>x</p>"), P)).toBe(first);
    expect(memoizedScriptHashes('"memo-other"', Buffer.from("<p>x</p>"), Buffer.from("<p>x</p>"), P)).toEqual([]);
  });
});
