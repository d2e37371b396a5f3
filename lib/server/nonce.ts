import { createHmac, randomBytes } from "node:crypto";

/**
 * Content-Security-Policy nonces with shared, cached HTML.
 *
 * Next.js puts the nonce it finds in the request's Content-Security-Policy header on
 * every script and stylesheet it renders. Our server hands it a placeholder — the
 * same on every process and server (derived from NEXTAUTH_SECRET), never sent to a
 * client — so a cached page holds the placeholder, and the server swaps in a fresh
 * nonce on every response (NonceRewriter). A script that did not come from Next's
 * render (say, markup injected through content) has no placeholder and so no nonce.
 *
 * Pages prerendered at build time were rendered without any request, so they carry no
 * nonce at all; the first <script> of such a document has none, and then (only then)
 * every <script> and <link> tag of that document is stamped. Those documents come from the
 * build, not from anything a user wrote.
 */

const NONCE_BYTES = 16; // base64url: 22 characters, placeholder and nonce alike

/**
 * Random bytes drawn 256 nonces at a time, each nonce's 16 used once and never again (the
 * way Node's own crypto.randomUUID() keeps its entropy). One randomBytes(16) call a response
 * cost 12-50 µs here, 3 % of a cached page's CPU under load (a CPU profile of one web process
 * under wrk, docs/performance.md); a nonce from the pool costs about 0.5 µs.
 */
const POOL_NONCES = 256;
let pool = Buffer.alloc(0);
let offset = 0;

export function newNonce(): string {
  if (offset + NONCE_BYTES > pool.length) {
    pool = randomBytes(NONCE_BYTES * POOL_NONCES);
    offset = 0;
  }
  const nonce = pool.toString("base64url", offset, offset + NONCE_BYTES);
  offset += NONCE_BYTES;
  return nonce;
}

export function placeholderNonce(secret: string): string {
  return createHmac("sha256", secret).update("chancery:csp-nonce-placeholder").digest().subarray(0, NONCE_BYTES).toString("base64url");
}

export const SCRIPT_OPEN = Buffer.from("<script");
// A prerendered page also preloads its scripts with <link rel="preload" as="script">,
// which the policy checks like the script itself.
const STAMPED_TAGS = [SCRIPT_OPEN, Buffer.from("<link")];
export const TAG_END = 0x3e; // >
const NONCE_ATTR = Buffer.from("nonce=");
const EMPTY = Buffer.alloc(0);

export function isTagBoundary(byte: number | undefined): boolean {
  // <script> or <script followed by whitespace; not <scripts or <script-x
  return byte === TAG_END || byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d || byte === 0x0c || byte === 0x2f;
}

/** Replaces every occurrence of `from` by `to` (same length); copies only when there is one. */
function replaceAll(data: Buffer, from: Buffer, to: Buffer): Buffer {
  let at = data.indexOf(from);
  if (at === -1) return data;
  const out = Buffer.from(data); // never write into the caller's buffer: it may be Next's cached page
  while (at !== -1) {
    to.copy(out, at);
    at = out.indexOf(from, at + to.length);
  }
  return out;
}

/**
 * Streams an HTML (or RSC) body through, placeholder → nonce. Feed chunks to push(),
 * then call end(); each returns the bytes ready to send. Holds back at most a tag's
 * worth of bytes so that nothing is missed across chunk boundaries.
 */
export class NonceRewriter {
  private readonly placeholder: Buffer;
  private readonly nonce: Buffer;
  private readonly stampAttr: Buffer;
  private mode: "undecided" | "replace" | "stamp";
  private pending: Buffer = EMPTY;

  constructor(options: { placeholder: string; nonce: string; html: boolean }) {
    if (options.placeholder.length !== options.nonce.length) throw new Error("placeholder and nonce must have the same length");
    this.placeholder = Buffer.from(options.placeholder);
    this.nonce = Buffer.from(options.nonce);
    this.stampAttr = Buffer.from(` nonce="${options.nonce}"`);
    this.mode = options.html ? "undecided" : "replace";
  }

  push(chunk: Buffer): Buffer {
    return this.process(this.pending.length > 0 ? Buffer.concat([this.pending, chunk]) : chunk, false);
  }

  end(): Buffer {
    const rest = this.pending;
    this.pending = EMPTY;
    return rest.length > 0 ? this.process(rest, true) : EMPTY;
  }

  /** Whether the page was rendered without the placeholder and gets the nonce stamped on its tags (a build's prerendered page). */
  get stamps(): boolean {
    return this.mode === "stamp";
  }

  /** A whole body at once (cached and prerendered pages). */
  rewrite(body: Buffer): Buffer {
    return this.process(this.pending.length > 0 ? Buffer.concat([this.pending, body]) : body, true);
  }

  private process(input: Buffer, final: boolean): Buffer {
    const data = replaceAll(input, this.placeholder, this.nonce);
    // A placeholder cut by the chunk boundary completes with the next chunk.
    let cut = final ? data.length : Math.max(0, data.length - (this.placeholder.length - 1));
    if (this.mode === "undecided") {
      // Nothing goes out before the first <script> tag says which kind of page this is
      // (it comes early, in <head>; what precedes it may need stamping too).
      const open = data.indexOf(SCRIPT_OPEN);
      const close = open === -1 ? -1 : data.indexOf(TAG_END, open);
      if (close !== -1) {
        this.mode = data.subarray(open, close).includes(NONCE_ATTR) ? "replace" : "stamp";
      } else if (!final) {
        this.pending = Buffer.from(data);
        return EMPTY;
      }
    }
    if (this.mode === "stamp" && !final) {
      // Never cut between "<script" (or "<link") and the character that says it is a tag.
      for (const open of STAMPED_TAGS) {
        const last = cut > 0 ? data.lastIndexOf(open, cut - 1) : -1;
        if (last !== -1 && last + open.length + 1 > cut) cut = last;
      }
    }
    const ready = this.mode === "stamp" ? this.stamp(data, cut) : data.subarray(0, cut);
    this.pending = cut < data.length ? Buffer.from(data.subarray(cut)) : EMPTY;
    return ready;
  }

  /** Adds the nonce to every <script and <link tag starting before `cut` that has none. */
  private stamp(data: Buffer, cut: number): Buffer {
    const parts: Buffer[] = [];
    let from = 0;
    const next = (start: number) => {
      let best: { at: number; length: number } | null = null;
      for (const open of STAMPED_TAGS) {
        const at = data.indexOf(open, start);
        if (at !== -1 && (best === null || at < best.at)) best = { at, length: open.length };
      }
      return best;
    };
    for (let found = next(0); found !== null && found.at < cut; found = next(found.at + found.length)) {
      const after = found.at + found.length;
      const close = data.indexOf(TAG_END, after);
      const tag = data.subarray(after, close === -1 ? data.length : close);
      if (isTagBoundary(data[after]) && !tag.includes(NONCE_ATTR)) {
        parts.push(data.subarray(from, after), this.stampAttr);
        from = after;
      }
    }
    parts.push(data.subarray(from, cut));
    return parts.length === 1 ? parts[0]! : Buffer.concat(parts);
  }

}
