import http from "node:http";
import { etagOf, ifNoneMatchHolds } from "./etag";
import { NonceRewriter } from "./nonce";
import { RETRY_AFTER_SECONDS } from "./retry-after";
import { memoizedScriptHashes, SHARED_PAGE_NONCE } from "./script-hashes";
import { documentPolicy, RESOURCE_POLICY, sharedDocumentPolicy, staticSecurityHeaders, type SecurityHeaderOptions } from "./security-headers";
import { type SharedForm, type WholePage, WholePages } from "./whole-pages";

/** An HTML response's nonce, for a proxy that gives each copy a fresh one; absent from pages every reader shares. */
export const NONCE_HEADER = "x-chancery-nonce";

/** What the server decides about one request before Next.js handles it. */
export interface ResponsePlan {
  requestId: string;
  /** This response's fresh nonce, and the placeholder Next rendered in its place. */
  nonce: string;
  placeholder: string;
  security: SecurityHeaderOptions;
  isShuttingDown: () => boolean;
  /** Whether PostgreSQL answers; asked only when a response is about to be a 5xx. */
  isDatabaseAvailable: () => Promise<boolean>;
}


/** Cached pages Next hands over as text, ready to send (a few MB at most: lib/server/whole-pages.ts). */
const wholePages = new WholePages({ entries: 64, bytes: 16 * 1024 * 1024 });

type Chunk = string | Buffer | Uint8Array;
type Callback = (error?: Error | null) => void;

function toBuffer(chunk: Chunk, encoding?: BufferEncoding): Buffer {
  if (Buffer.isBuffer(chunk)) return chunk;
  return typeof chunk === "string" ? Buffer.from(chunk, encoding ?? "utf8") : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}

/** A page's bytes as every reader gets them, and its scripts' hashes; null when it keeps a nonce. */
function sharedForm(body: Buffer, etag: string, placeholder: string): SharedForm | null {
  const rewriter = new NonceRewriter({ placeholder, nonce: SHARED_PAGE_NONCE, html: true });
  const sent = rewriter.rewrite(body);
  if (rewriter.stamps) return null;
  const hashes = memoizedScriptHashes(etag, body, sent, placeholder);
  return hashes === null ? null : { sent, hashes };
}

/**
 * The response object of Chancery's server (http.createServer's ServerResponse
 * option). Right before the head goes out it adds the security headers and the
 * request id; HTML and RSC bodies pass through a NonceRewriter. Two kinds of answer
 * are kept back until their end instead of streaming: a 5xx, until we know whether
 * PostgreSQL is away (then it goes out as 503 with Retry-After), and a rewritten
 * body that came with a Content-Length, which is sized again once rewritten.
 */
export class ChanceryResponse extends http.ServerResponse {
  plan: ResponsePlan | null = null;
  private prepared = false;
  private rewriter: NonceRewriter | null = null;
  private deferred: Buffer[] | null = null;
  private checkedDatabase = false;

  private isFailure(): boolean {
    return this.plan !== null && !this.checkedDatabase && this.statusCode >= 500 && this.statusCode !== 503;
  }

  /** Adds our headers and picks the body treatment; runs once, before the head is written. */
  private prepare(): void {
    if (this.prepared || !this.plan) return;
    this.prepared = true;
    const plan = this.plan;
    // Next 16 replays a cached redirect's headers onto a response that has them already
    // (vercel/next.js#95913): Location twice, which clients and proxies join into "/a, /a".
    // A header never needs one value twice; Set-Cookie is left as it is.
    for (const name of this.getHeaderNames()) {
      const value = this.getHeader(name);
      if (name !== "set-cookie" && Array.isArray(value) && new Set(value).size < value.length) this.setHeader(name, [...new Set(value)]);
    }
    this.setHeader("X-Request-Id", plan.requestId);
    for (const [name, value] of Object.entries(staticSecurityHeaders(plan.security))) {
      if (!this.hasHeader(name)) this.setHeader(name, value);
    }
    const type = String(this.getHeader("content-type") ?? "");
    const isHtml = type.startsWith("text/html");
    // A 304 keeps the policy stored with the body the client already has (its nonce).
    if (this.statusCode !== 304) this.setHeader("Content-Security-Policy", isHtml ? documentPolicy(plan.nonce, plan.security) : RESOURCE_POLICY);
    // The nonce a proxy swaps for a fresh one (deploy/nginx.conf), named apart from the policy
    // so that the proxy finds it without a regular expression and knows a page without one.
    if (isHtml && this.statusCode !== 304) this.setHeader(NONCE_HEADER, plan.nonce);
    if (plan.isShuttingDown()) this.setHeader("Connection", "close");
    if (isHtml || type.startsWith("text/x-component")) {
      this.rewriter = new NonceRewriter({ placeholder: plan.placeholder, nonce: plan.nonce, html: isHtml });
    }
  }

  /** Whether the head must wait for the whole body; decided when the head would go out. */
  private shouldDefer(): boolean {
    if (this.deferred) return true;
    if (this.headersSent || !this.plan) return false;
    if (this.isFailure()) return true;
    this.prepare();
    return this.rewriter !== null && this.hasHeader("content-length");
  }

  override writeHead(statusCode: number, ...rest: unknown[]): this {
    const [statusMessage, headers] = typeof rest[0] === "string" ? [rest[0], rest[1]] : [undefined, rest[0]];
    if (headers && typeof headers === "object") {
      if (Array.isArray(headers)) {
        const flat = Array.isArray(headers[0]) ? (headers as Array<[string, string]>).flat() : (headers as string[]);
        for (let i = 0; i + 1 < flat.length; i += 2) this.appendHeader(String(flat[i]), String(flat[i + 1]));
      } else {
        for (const [name, value] of Object.entries(headers as http.OutgoingHttpHeaders)) if (value !== undefined) this.setHeader(name, value);
      }
    }
    this.statusCode = statusCode;
    if (statusMessage) this.statusMessage = statusMessage;
    if (this.shouldDefer()) {
      this.deferred ??= [];
      return this;
    }
    this.prepare();
    return super.writeHead(this.statusCode);
  }

  override flushHeaders(): void {
    if (this.shouldDefer()) {
      this.deferred ??= [];
      return;
    }
    if (!this.headersSent) this.writeHead(this.statusCode);
    // Next flushes the head right before it writes a streamed body's first chunk. Node
    // sends a flushed head at once, in a write of its own; held until this tick ends (as
    // Node holds its own writes), head and first chunk leave in one.
    const socket = this.socket;
    if (socket && !socket.writableCorked) {
      socket.cork();
      process.nextTick(() => socket.uncork());
    }
    super.flushHeaders();
  }

  override write(chunk: Chunk, encodingOrCallback?: BufferEncoding | Callback, callback?: Callback): boolean {
    const encoding = typeof encodingOrCallback === "string" ? encodingOrCallback : undefined;
    const done = typeof encodingOrCallback === "function" ? encodingOrCallback : callback;
    if (this.shouldDefer()) {
      (this.deferred ??= []).push(Buffer.from(toBuffer(chunk, encoding)));
      done?.();
      return true;
    }
    if (!this.headersSent) this.writeHead(this.statusCode);
    if (!this.rewriter) return super.write(chunk, encoding ?? "utf8", done);
    const out = this.rewriter.push(toBuffer(chunk, encoding));
    if (out.length === 0) {
      done?.();
      return true;
    }
    return super.write(out, done);
  }

  override end(chunkOrCallback?: Chunk | Callback | null, encodingOrCallback?: BufferEncoding | Callback, callback?: Callback): this {
    const chunk = typeof chunkOrCallback === "function" ? undefined : (chunkOrCallback ?? undefined);
    const encoding = typeof encodingOrCallback === "string" ? encodingOrCallback : undefined;
    const done = [chunkOrCallback, encodingOrCallback, callback].find((c): c is Callback => typeof c === "function");
    if (!this.headersSent && (this.deferred || this.isFailure())) {
      const parts = this.deferred ?? [];
      if (chunk !== undefined) parts.push(toBuffer(chunk, encoding));
      this.deferred = null;
      const body = parts.length === 1 ? parts[0]! : Buffer.concat(parts);
      if (this.isFailure()) void this.sendFailure(body, done);
      else this.sendWhole(body, done);
      return this;
    }
    if (!this.headersSent) {
      this.prepare();
      if (chunk !== undefined && this.rewriter) {
        // A cached page comes as the same text on every hit: its bytes, ETag and shared
        // form are worked out once (for what could be tagged, below).
        if (typeof chunk === "string" && (encoding ?? "utf8") === "utf8" && chunk.length > 0 && this.isTagged()) {
          const page = wholePages.get(chunk);
          this.sendWhole(page.body, done, page);
        } else {
          this.sendWhole(toBuffer(chunk, encoding), done);
        }
        return this;
      }
      return chunk === undefined ? super.end(done) : super.end(chunk, encoding ?? "utf8", done);
    }
    if (!this.rewriter) return chunk === undefined ? super.end(done) : super.end(chunk, encoding ?? "utf8", done);
    const head = chunk === undefined ? Buffer.alloc(0) : this.rewriter.push(toBuffer(chunk, encoding));
    const tail = this.rewriter.end();
    const rest = tail.length === 0 ? head : head.length === 0 ? tail : Buffer.concat([head, tail]);
    return rest.length > 0 ? super.end(rest, done) : super.end(done);
  }

  /**
   * The whole body at once (a cached or prerendered page, or one we held): tag, rewrite,
   * size, send. A page Next gives us whole gets its ETag here, from the body as rendered
   * (before its nonce goes in), and a request that names it gets 304: Next's own tags are
   * off (`generateEtags` in next.config.js) because it hashed every page in JavaScript on
   * every response. nginx revalidates its copies with these tags (deploy/nginx.conf).
   */
  private sendWhole(body: Buffer, done?: Callback, page?: WholePage): void {
    this.prepare();
    const etag = body.length > 0 && this.isTagged() ? (page?.etag ?? etagOf(body)) : null;
    if (etag) {
      this.setHeader("ETag", etag);
      if (ifNoneMatchHolds(this.req.headers["if-none-match"], etag)) {
        // A 304 keeps the policy stored with the body the client already has (its nonce).
        for (const name of ["content-length", "content-type", "content-security-policy", NONCE_HEADER]) this.removeHeader(name);
        super.writeHead(304);
        super.end(done);
        return;
      }
    }
    const out = (etag && this.sharedPage(body, etag, page)) || (this.rewriter && body.length > 0 ? this.rewriter.rewrite(body) : body);
    // (A HEAD answer keeps the length Next gave it: its body is empty on purpose.)
    if (out !== body || (body.length > 0 && this.hasHeader("content-length"))) this.setHeader("Content-Length", out.length);
    super.writeHead(this.statusCode);
    super.end(out, done);
  }

  /** Whether a whole body gets an ETag here: a rewritten (HTML or RSC) 200 to a GET that Next did not tag. */
  private isTagged(): boolean {
    return this.rewriter !== null && this.statusCode === 200 && this.req?.method === "GET" && !this.hasHeader("etag");
  }

  /**
   * A page every reader shares (HTML that any cache may keep for its s-maxage, with no
   * cookie) goes out the same to everyone: its inline scripts named by hash in the
   * policy, SHARED_PAGE_NONCE where the placeholder was (lib/server/script-hashes.ts).
   * A proxy then sends its cached copy as it is (deploy/nginx.conf rewrites only
   * responses that name a nonce in NONCE_HEADER). Null, and a nonce as for any page, for anything
   * else: a page made for one reader, a build's prerendered page (no placeholder), a
   * page whose scripts cannot be hashed.
   */
  private sharedPage(body: Buffer, etag: string, page?: WholePage): Buffer | null {
    const plan = this.plan!;
    const cacheControl = String(this.getHeader("cache-control") ?? "");
    const shared =
      String(this.getHeader("content-type") ?? "").startsWith("text/html") &&
      /(^|[\s,])s-maxage=\d/.test(cacheControl) &&
      !/(^|[\s,])(private|no-store|no-cache)\b/.test(cacheControl) &&
      !this.hasHeader("set-cookie");
    if (!shared) return null;
    let form: SharedForm | null;
    if (page?.shared?.placeholder === plan.placeholder) {
      form = page.shared.form;
    } else {
      form = sharedForm(body, etag, plan.placeholder);
      if (page) page.shared = { placeholder: plan.placeholder, form };
    }
    if (!form) return null;
    this.setHeader("Content-Security-Policy", sharedDocumentPolicy(form.hashes, plan.security));
    this.removeHeader(NONCE_HEADER);
    return form.sent;
  }

  /** A 5xx: as 503 with Retry-After when the database is what is missing, else as it is. */
  private async sendFailure(body: Buffer, done?: Callback): Promise<void> {
    const available = await this.plan!.isDatabaseAvailable().catch(() => false);
    this.checkedDatabase = true;
    if (!available) {
      this.statusCode = 503;
      this.statusMessage = http.STATUS_CODES[503]!;
      this.setHeader("Retry-After", String(RETRY_AFTER_SECONDS));
      this.setHeader("Cache-Control", "no-store");
    }
    this.sendWhole(body, done);
  }
}
