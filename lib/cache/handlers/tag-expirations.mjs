// @ts-check
import pg from "pg";
import { isBuildPhase } from "../../env/build-phase.mjs";

/**
 * When each cache tag last expired, as this process knows it, for this process's
 * cache handler (page-cache.mjs).
 *
 * A write on any process of any server records the tags it touched in the
 * "CacheTagExpiration" table and announces them on a PostgreSQL channel, in one
 * statement (lib/cache/revalidate.ts). Every web process LISTENs on that channel and
 * marks the tags expired at the moment it hears of them, by its own clock: cached
 * entries are compared with their own start time in the same process, so clocks of
 * different servers never meet. A listener that lost its connection reads the table
 * on reconnecting, so a notification missed meanwhile cannot leave stale pages.
 */

export const CHANNEL = "chancery_cache_tags";
/** A notification's payload is limited to 8000 bytes; tags travel in chunks below that. */
export const MAX_PAYLOAD_BYTES = 7000;
/** How far back a reconnecting listener re-reads, beyond the last moment it knew it was current. */
const CATCH_UP_MARGIN_S = 5;
const HEARTBEAT_MS = 2_000;
const HEARTBEAT_TIMEOUT_MS = 3_000;
const RECONNECT_MIN_MS = 100;
const RECONNECT_MAX_MS = 1_000;

/**
 * @typedef {{
 *   expiredAt: Map<string, number>,
 *   flushedAt: number,
 *   listener: TagListener | null,
 * }} TagState
 */

const STATE_KEY = Symbol.for("chancery.cache.tagExpirations");

/** One state per process, even if bundlers load this module twice. @returns {TagState} */
function state() {
  const holder = /** @type {Record<symbol, TagState | undefined>} */ (/** @type {unknown} */ (globalThis));
  let current = holder[STATE_KEY];
  if (!current) {
    current = { expiredAt: new Map(), flushedAt: 0, listener: null };
    holder[STATE_KEY] = current;
  }
  return current;
}

/** The same clock Next uses for cache entry timestamps. */
export function now() {
  return performance.timeOrigin + performance.now();
}

/** Marks tags expired now (or at `at`): entries that began before this are stale. @param {Iterable<string>} tags */
export function expireTags(tags, at = now()) {
  const { expiredAt } = state();
  for (const tag of tags) {
    if ((expiredAt.get(tag) ?? 0) < at) expiredAt.set(tag, at);
  }
}

/** Treats every entry that began before now as stale (a listener that cannot tell what it missed). */
export function expireEverything(at = now()) {
  const current = state();
  if (current.flushedAt < at) current.flushedAt = at;
}

/** The latest expiration of any of the tags (0 when none expired). @param {Iterable<string>} tags */
export function latestExpiration(tags) {
  const current = state();
  let latest = current.flushedAt;
  for (const tag of tags) latest = Math.max(latest, current.expiredAt.get(tag) ?? 0);
  return latest;
}

/** Whether an entry that began at `startedAt` and carries these tags is out of date. @param {Iterable<string>} tags @param {number} startedAt */
export function isStale(tags, startedAt) {
  return latestExpiration(tags) >= startedAt;
}

/** Splits tags into notification payloads that each fit PostgreSQL's limit. @param {string[]} tags */
export function tagPayloads(tags) {
  /** @type {string[]} */
  const payloads = [];
  /** @type {string[]} */
  let chunk = [];
  let bytes = 2;
  for (const tag of tags) {
    const size = Buffer.byteLength(JSON.stringify(tag)) + 1;
    if (chunk.length > 0 && bytes + size > MAX_PAYLOAD_BYTES) {
      payloads.push(JSON.stringify(chunk));
      chunk = [];
      bytes = 2;
    }
    chunk.push(tag);
    bytes += size;
  }
  if (chunk.length > 0) payloads.push(JSON.stringify(chunk));
  return payloads;
}

/** @param {string} payload @returns {string[]} */
function parsePayload(payload) {
  try {
    const parsed = JSON.parse(payload);
    return Array.isArray(parsed) ? parsed.filter((t) => typeof t === "string") : [];
  } catch {
    return [];
  }
}

/** @param {string} line @param {unknown} [error] */
function warn(line, error) {
  console.error(`[cache] ${line}${error ? `: ${error instanceof Error ? error.message : String(error)}` : ""}`);
}

/**
 * Keeps one connection LISTENing on the channel, with a heartbeat that notices a
 * dead connection, and catches up from the table after every (re)connection.
 */
export class TagListener {
  /** @param {{ connectionString: string, onExpire?: (tags: string[], via: "notification" | "catch-up") => void }} options */
  constructor(options) {
    this.connectionString = options.connectionString;
    this.onExpire = options.onExpire ?? ((tags) => expireTags(tags));
    /** @type {pg.Client | null} */
    this.client = null;
    /** Database time up to which this process has heard every notification; null before the first connection. @type {Date | null} */
    this.currentUntil = null;
    this.connected = false;
    this.stopped = false;
    this.reconnectDelay = RECONNECT_MIN_MS;
    /** @type {NodeJS.Timeout | null} */
    this.timer = null;
    /** @type {Promise<void> | null} */
    this.connecting = null;
    /** Resolves once the first connection has caught up (or failed). */
    this.ready = this.connect();
  }

  /** @returns {Promise<void>} */
  connect() {
    if (this.stopped) return Promise.resolve();
    if (this.connecting) return this.connecting;
    this.connecting = this.openAndCatchUp()
      .then(() => {
        this.connected = true;
        this.reconnectDelay = RECONNECT_MIN_MS;
        this.schedule(HEARTBEAT_MS, () => this.heartbeat());
      })
      .catch((error) => {
        if (!this.stopped) warn("cannot listen for cache invalidations; retrying", error);
        this.drop();
        this.scheduleReconnect();
      })
      .finally(() => {
        this.connecting = null;
      });
    return this.connecting;
  }

  async openAndCatchUp() {
    const client = new pg.Client({
      connectionString: this.connectionString,
      keepAlive: true,
      application_name: "chancery-cache-listener",
      connectionTimeoutMillis: 5_000,
      query_timeout: HEARTBEAT_TIMEOUT_MS * 2,
    });
    this.client = client;
    client.on("notification", (message) => {
      if (message.channel === CHANNEL && message.payload) this.onExpire(parsePayload(message.payload), "notification");
    });
    client.on("error", (error) => {
      if (this.client !== client || this.stopped) return;
      warn("cache listener connection failed; reconnecting", error);
      this.drop();
      this.scheduleReconnect();
    });
    await client.connect();
    await client.query(`LISTEN ${CHANNEL}`);
    // Now listening: whatever expired before this moment is read from the table.
    // The first time, everything this process may already have cached is covered
    // by going back as far as the process has lived.
    const since = this.currentUntil
      ? { sql: `$1::timestamptz - make_interval(secs => ${CATCH_UP_MARGIN_S})`, value: this.currentUntil }
      : { sql: `clock_timestamp() - make_interval(secs => $1::double precision)`, value: process.uptime() + CATCH_UP_MARGIN_S };
    try {
      const result = await client.query(
        `SELECT clock_timestamp() AS "now", coalesce(array_agg("tag"), '{}') AS "tags"
           FROM "CacheTagExpiration" WHERE "expiredAt" > ${since.sql}`,
        [since.value],
      );
      const row = result.rows[0];
      if (row.tags.length > 0) this.onExpire(row.tags, "catch-up");
      this.currentUntil = row.now;
    } catch (error) {
      // Without the table (a database not migrated yet) nothing tells what was missed.
      warn("cannot read past cache invalidations; expiring this process's whole cache", error);
      expireEverything();
      this.currentUntil = (await client.query(`SELECT clock_timestamp() AS "now"`)).rows[0].now;
    }
  }

  async heartbeat() {
    const client = this.client;
    if (!client || this.stopped) return;
    try {
      const result = await Promise.race([
        client.query(`SELECT clock_timestamp() AS "now"`),
        new Promise((_, reject) => setTimeout(() => reject(new Error("heartbeat timed out")), HEARTBEAT_TIMEOUT_MS).unref()),
      ]);
      // Notifications committed before this query were delivered before its answer.
      this.currentUntil = /** @type {{ rows: Array<{ now: Date }> }} */ (result).rows[0]?.now ?? this.currentUntil;
      this.schedule(HEARTBEAT_MS, () => this.heartbeat());
    } catch (error) {
      if (this.stopped || this.client !== client) return;
      warn("cache listener stopped answering; reconnecting", error);
      this.drop();
      this.scheduleReconnect();
    }
  }

  /** Closes the current connection, if any, without waiting. */
  drop() {
    this.connected = false;
    const client = this.client;
    this.client = null;
    if (client) client.end().catch(() => undefined);
  }

  scheduleReconnect() {
    if (this.stopped) return;
    const delay = this.reconnectDelay;
    this.reconnectDelay = Math.min(RECONNECT_MAX_MS, delay * 2);
    this.schedule(delay, () => void this.connect());
  }

  /** @param {number} ms @param {() => void} run */
  schedule(ms, run) {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      run();
    }, ms);
    this.timer.unref();
  }

  /** The PostgreSQL backend pid of the listening connection (tests end it to simulate a failure). */
  get backendPid() {
    const client = /** @type {(pg.Client & { processID?: number }) | null} */ (this.client);
    return this.connected ? (client?.processID ?? null) : null;
  }

  async stop() {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    const client = this.client;
    this.client = null;
    this.connected = false;
    await client?.end().catch(() => undefined);
  }
}

/**
 * Starts this process's listener on first use, in a running server only: during
 * `next build` there is no database to listen to and nothing cached to expire.
 * Returns a promise that settles once the first catch-up is done (or failed).
 */
export function ensureListening() {
  const current = state();
  if (current.listener) return current.listener.ready;
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString || isBuildPhase()) return Promise.resolve();
  current.listener = new TagListener({ connectionString });
  return current.listener.ready;
}

/** This process's listener, if one runs. */
export function currentListener() {
  return state().listener;
}
