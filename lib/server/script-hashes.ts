import { createHash } from "node:crypto";
import { isTagBoundary, SCRIPT_OPEN, TAG_END } from "./nonce";

/**
 * A page every reader shares (public, cached by us and by a proxy for its s-maxage)
 * names its inline scripts by hash instead of by nonce: the same bytes and the same
 * policy go to everyone, so a proxy can send its cached copy as it is, and no secret
 * is shared (docs/deployment.md, "Content-Security-Policy").
 *
 * Which scripts are named: only the inline scripts Next rendered, known by the
 * placeholder nonce it put on them (secret, so markup from content never carries it).
 * They are found in the body as rendered; their hashes are taken from the body as sent,
 * where the placeholder (also inside their text: React's resource hints carry it) is
 * replaced, at the same offsets, by SHARED_PAGE_NONCE.
 */

/** What a shared page carries where the placeholder was: public, and in no policy. Same length as a nonce. */
export const SHARED_PAGE_NONCE = "sharedpagenoncenotused";

const SCRIPT_CLOSE = Buffer.from("</script");
const END_TAG_OPEN = Buffer.from("</");
const COMMENT_OPEN = Buffer.from("<!--");
const CR = 0x0d;
const NUL = 0x00;

/** The end of the start tag beginning at `from` (the index of its `>`), quotes respected; -1 if none. */
function startTagEnd(body: Buffer, from: number): number {
  let quote = 0;
  for (let i = from; i < body.length; i++) {
    const byte = body[i]!;
    if (quote !== 0) {
      if (byte === quote) quote = 0;
    } else if (byte === 0x22 || byte === 0x27) {
      quote = byte;
    } else if (byte === TAG_END) {
      return i;
    }
  }
  return -1;
}

/**
 * The CSP hash sources ('sha256-…') of every inline script in `rendered` that carries
 * the placeholder nonce, hashed over the same bytes of `sent` (the same page with the
 * placeholder replaced, same length). Null when a browser could read one of those
 * scripts' text otherwise than as its bytes (a carriage return or NUL, which HTML
 * normalises; a comment opener or an end tag inside, which change where a script
 * ends; no end at all): the page then keeps a nonce.
 */
export function renderedScriptHashes(rendered: Buffer, sent: Buffer, placeholder: string): string[] | null {
  if (rendered.length !== sent.length) throw new Error("the body as sent must have the length of the body as rendered");
  const marker = `nonce="${placeholder}"`;
  const hashes = new Set<string>();
  for (let open = rendered.indexOf(SCRIPT_OPEN); open !== -1; open = rendered.indexOf(SCRIPT_OPEN, open + SCRIPT_OPEN.length)) {
    if (!isTagBoundary(rendered[open + SCRIPT_OPEN.length])) continue;
    const close = startTagEnd(rendered, open + SCRIPT_OPEN.length);
    if (close === -1) return null;
    const tag = rendered.toString("latin1", open, close);
    if (!tag.includes(marker) || /\ssrc\s*=/i.test(tag)) continue;
    const start = close + 1;
    const end = rendered.indexOf(END_TAG_OPEN, start);
    if (end === -1 || !rendered.subarray(end, end + SCRIPT_CLOSE.length).equals(SCRIPT_CLOSE) || !isTagBoundary(rendered[end + SCRIPT_CLOSE.length])) return null;
    const text = sent.subarray(start, end);
    if (text.includes(COMMENT_OPEN) || text.includes(CR) || text.includes(NUL)) return null;
    hashes.add(`'sha256-${createHash("sha256").update(text).digest("base64")}'`);
    open = end;
  }
  return [...hashes];
}

/** Hashes by the ETag of the page as rendered: a cached page is hashed once, not on every response. */
const MEMO_ENTRIES = 2_000;
const memo = new Map<string, string[] | null>();

export function memoizedScriptHashes(etag: string, rendered: Buffer, sent: Buffer, placeholder: string): string[] | null {
  const known = memo.get(etag);
  if (known !== undefined) {
    memo.delete(etag);
    memo.set(etag, known);
    return known;
  }
  const hashes = renderedScriptHashes(rendered, sent, placeholder);
  memo.set(etag, hashes);
  if (memo.size > MEMO_ENTRIES) memo.delete(memo.keys().next().value!);
  return hashes;
}
