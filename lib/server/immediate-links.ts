/**
 * Node 20 leaves the `_idleNext`/`_idlePrev` links of an Immediate in place after it
 * has run, so the Immediates that ran in one turn of the event loop stay chained to
 * each other. An Error created in one of their callbacks keeps its call sites until
 * its stack is read, and a call site keeps its receiver: that Immediate, and through
 * the links every other one of its turn, each with the AsyncLocalStorage store it ran
 * in (nodejs/node#66129). In a web process those stores are requests: React aborts
 * each render's cache signal with an Error that nobody formats, so a busy turn's
 * renders stayed reachable together (a heap snapshot under a flood of distinct URLs:
 * 6,608 of React's render requests and 3,322 requests live, while 100 were in hand,
 * retained through error call sites and Immediate links), and the process ran out of heap.
 *
 * `unlinkRanImmediates` wraps `setImmediate` so that an Immediate, once its callback
 * has run, drops its link back, and the one before it drops its link forward. Node's
 * loop only follows the link forward from the Immediate it is running, and a cleared
 * one is skipped through the links of the one before it, which are both left alone.
 */
type Linked = { _idleNext?: unknown; _idlePrev?: Linked | null };

const INSTALLED = Symbol.for("chancery.unlinkRanImmediates");

export function unlinkRanImmediates(): void {
  const holder = globalThis as unknown as Record<symbol, boolean | undefined>;
  if (holder[INSTALLED]) return;
  holder[INSTALLED] = true;
  const original = globalThis.setImmediate;
  const patched = function setImmediate(callback: (...args: unknown[]) => void, ...args: unknown[]) {
    if (typeof callback !== "function") return original(callback, ...args);
    return original(function (this: unknown, ...callArgs: unknown[]) {
      try {
        callback.apply(this, callArgs);
      } finally {
        unlink(this);
      }
    }, ...args);
  };
  // Its other properties, util.promisify's own form among them, stay the original's.
  for (const key of Reflect.ownKeys(original)) {
    if (key === "length" || key === "name" || key === "prototype") continue;
    Object.defineProperty(patched, key, Object.getOwnPropertyDescriptor(original, key)!);
  }
  globalThis.setImmediate = patched as typeof globalThis.setImmediate;
}

function unlink(ran: unknown): void {
  if (!ran || typeof ran !== "object" || !("_idlePrev" in ran)) return;
  const immediate = ran as Linked;
  const before = immediate._idlePrev;
  if (before && typeof before === "object") before._idleNext = null;
  immediate._idlePrev = null;
}
