import { etagOf } from "./etag";

/** A page as every reader gets it: its bytes, and the hashes of its inline scripts (lib/server/script-hashes.ts). */
export interface SharedForm {
  readonly sent: Buffer;
  readonly hashes: string[];
}

/** What sending one whole page takes, worked out once for its text. */
export interface WholePage {
  readonly body: Buffer;
  readonly etag: string;
  /** Its shared form (null: it cannot be shared) for the placeholder it was made with; absent until asked. */
  shared?: { readonly placeholder: string; readonly form: SharedForm | null };
}

/**
 * Whole pages by their text. Next hands a cached page to the response as the same string
 * on every hit; encoding it, hashing it for its ETag and making its shared form took a
 * seventh of a web process's CPU under the benchmark's cached event page
 * (docs/performance.md, "A cached page is encoded once"). The entries are a small LRU,
 * bounded by count and by bytes, so one-off pages only pass through.
 *
 * Keys are the texts themselves: a hit on the string Next holds compares one pointer,
 * another string with the same text compares its characters (far less than encoding
 * and hashing them), and an entry never answers for a different text.
 */
export class WholePages {
  private readonly entries = new Map<string, WholePage>();
  private bytes = 0;

  constructor(private readonly limits: { entries: number; bytes: number }) {}

  get(text: string): WholePage {
    const known = this.entries.get(text);
    if (known) {
      this.entries.delete(text);
      this.entries.set(text, known);
      return known;
    }
    const body = Buffer.from(text, "utf8");
    const page: WholePage = { body, etag: etagOf(body) };
    // (Its text, its bytes and, once asked, its shared form: about three times the body.)
    if (3 * body.length > this.limits.bytes) return page;
    this.entries.set(text, page);
    this.bytes += 3 * body.length;
    while (this.entries.size > this.limits.entries || this.bytes > this.limits.bytes) {
      const [oldest, entry] = this.entries.entries().next().value!;
      this.entries.delete(oldest);
      this.bytes -= 3 * entry.body.length;
    }
    return page;
  }

  /** How many pages are held (for tests). */
  get size(): number {
    return this.entries.size;
  }
}
