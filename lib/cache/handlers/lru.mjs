// @ts-check
/**
 * A least-recently-used map bounded by the bytes its entries are estimated to take,
 * so that a process's cache cannot grow with the number of distinct URLs it serves.
 * @template V
 */
export class ByteLru {
  /** @param {number} maxBytes */
  constructor(maxBytes) {
    this.maxBytes = maxBytes;
    this.bytes = 0;
    /** @type {Map<string, { value: V, size: number }>} */
    this.map = new Map();
  }

  /** @param {string} key */
  get(key) {
    const slot = this.map.get(key);
    if (!slot) return undefined;
    // Re-insert so that iteration order stays least-recently-used first.
    this.map.delete(key);
    this.map.set(key, slot);
    return slot.value;
  }

  /** @param {string} key @param {V} value @param {number} size */
  set(key, value, size) {
    this.delete(key);
    const bytes = size + key.length;
    if (bytes > this.maxBytes) return;
    this.map.set(key, { value, size: bytes });
    this.bytes += bytes;
    for (const [oldest, slot] of this.map) {
      if (this.bytes <= this.maxBytes) break;
      this.map.delete(oldest);
      this.bytes -= slot.size;
    }
  }

  /** @param {string} key */
  delete(key) {
    const slot = this.map.get(key);
    if (!slot) return;
    this.map.delete(key);
    this.bytes -= slot.size;
  }

  get size() {
    return this.map.size;
  }
}

/** Megabytes from an environment variable, or the default. */
export function megabytesFromEnv(/** @type {string} */ name, /** @type {number} */ fallback) {
  const raw = process.env[name];
  const value = raw === undefined || raw === "" ? NaN : Number(raw);
  return (Number.isFinite(value) && value >= 0 ? value : fallback) * 1024 * 1024;
}
