import "server-only";
import type pg from "pg";
import { createPool, openConnections } from "@/lib/db/client";
import { SEARCH_CONFIG_SQL } from "@/lib/search/config";

/**
 * A few connections of search's own, so that each step of a search can carry its
 * own time limit (`SET statement_timeout` on a connection nothing else uses) and
 * skip the ORM for queries whose shape is already SQL. Rebuilt when DATABASE_URL
 * changes (tests switch databases per worker).
 *
 * A search is mostly PostgreSQL's CPU, so more searches at once than PostgreSQL has
 * cores only queue inside PostgreSQL, where they slow each other down. A server's web
 * processes share SERVER_SEARCH_CONNECTIONS (the launcher tells each how many
 * processes there are): one process has 4, two have 2 each, four or more 1 each.
 * Measured on the scale record with two web processes, 400 unique searches at c10,
 * settings in turns: 2 a process 111–126 ms p50 and 76–86 req/s, against 129–133 ms
 * and 69–72 req/s with 4 a process (docs/performance.md, "Search").
 */
export const SERVER_SEARCH_CONNECTIONS = 4;
export function searchConnectionsPerProcess(webProcesses: number): number {
  return Math.max(1, Math.round(SERVER_SEARCH_CONNECTIONS / Math.max(1, Math.floor(webProcesses) || 1)));
}
/** This process's share; the launcher sets CHANCERY_WEB_PROCESSES (scripts/start.ts). */
export const SEARCH_CONNECTIONS = searchConnectionsPerProcess(Number(process.env.CHANCERY_WEB_PROCESSES ?? 1));
export const WORD_SIMILARITY_THRESHOLD = 0.5;
/**
 * The time limit of every statement on search's connections, set as a connection's session
 * starts (SEARCH_SESSION_OPTIONS): a search's first round in the newest rows (bounded by itself; this is a
 * safety net), its headlines, name suggestions. A step that needs a tighter limit sets
 * one (setStatementTimeout), and this one is put back before the connection returns to the
 * pool. As the connections' own, it costs a first round in the newest rows and name
 * suggestions no statement to set and lift (docs/performance.md, "Fewer statements").
 */
export const SEARCH_STATEMENT_MS = 2_000;
const globalForSearch = globalThis as unknown as { chancerySearchPool?: pg.Pool; chancerySearchUrl?: string };

/**
 * A search connection's own settings, sent as its session starts (createPool). Name
 * suggestions (suggest.ts) take near spellings down to this word similarity: "Tokaev" is
 * 0.57 of "Kassym-Jomart Tokayev", below pg_trgm's default of 0.6. No parallel plans, as on
 * every connection of the app (createPool): besides, the planner's estimates of a search's
 * matches are read from one EXPLAIN of both kinds (search-record.ts, matchEstimates), which a
 * parallel plan splits per worker.
 */
const SEARCH_SESSION_OPTIONS = `-c statement_timeout=${SEARCH_STATEMENT_MS} -c pg_trgm.word_similarity_threshold=${WORD_SIMILARITY_THRESHOLD}`;

function searchPool(): pg.Pool {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: start Chancery with `npm start` (which provides a database) or set DATABASE_URL.");
  if (!globalForSearch.chancerySearchPool || globalForSearch.chancerySearchUrl !== url) {
    void globalForSearch.chancerySearchPool?.end();
    // Kept open, as the main pool's are: closed after 30 s idle, they made the first search
    // after every quiet spell pay for a new session (createPool).
    globalForSearch.chancerySearchPool = createPool(url, { max: SEARCH_CONNECTIONS, keepOpen: SEARCH_CONNECTIONS, sessionOptions: SEARCH_SESSION_OPTIONS });
    globalForSearch.chancerySearchUrl = url;
  }
  return globalForSearch.chancerySearchPool;
}

/**
 * What a session loads the first time it searches: the English text search configuration
 * (its stemmer and stop words) and pg_trgm. The first `websearch_to_tsquery` of a session took
 * 5.0-6.6 ms, the next 0.6-1.3 (docs/performance.md, "A search session's first use").
 */
const SEARCH_WARM_UP = `SELECT websearch_to_tsquery(${SEARCH_CONFIG_SQL}, 'warm up'), word_similarity('warm', 'warm up')`;

/** Opens this process's search connections, with what a search loads loaded, before its first search (a web process's warm-up). */
export async function openSearchConnections(): Promise<void> {
  await openConnections(SEARCH_CONNECTIONS, searchPool(), SEARCH_WARM_UP);
}

/** Connections carrying a time limit of a step (setStatementTimeout), put back to SEARCH_STATEMENT_MS before they go back to the pool. */
const limited = new WeakSet<pg.PoolClient>();

/**
 * Gives the statements that follow on this connection a time limit. The connection's own
 * (SEARCH_STATEMENT_MS) is put back before it goes back to the pool. Left in place, a search step's
 * 20 ms limit governed the next search's first statement on that connection: a limit
 * is armed when a statement starts, so a statement that changed it still ran under
 * the old one, and on a busy machine the next search failed with a 500.
 */
export async function setStatementTimeout(client: pg.PoolClient, ms: number): Promise<void> {
  limitStatements(client);
  await client.query(`SET statement_timeout = ${Math.max(1, Math.round(ms))}`);
}

/** Marks a connection whose limit must be put back before it returns to the pool (called before the SET is sent, so that its failure still puts it back). */
function limitStatements(client: pg.PoolClient): void {
  limited.add(client);
}

export async function withSearchConnection<T>(run: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await searchPool().connect();
  let broken = false;
  try {
    return await run(client);
  } catch (error) {
    // A cancelled statement leaves the connection usable; anything else may not have.
    broken = !isStatementTimeout(error);
    throw error;
  } finally {
    if (!broken && limited.has(client)) {
      // The SET runs under the limit it replaces; if even that is cancelled, the connection is dropped instead.
      try {
        await client.query(`SET statement_timeout = ${SEARCH_STATEMENT_MS}`);
        limited.delete(client);
      } catch {
        broken = true;
      }
    }
    client.release(broken);
  }
}

/** PostgreSQL's query_canceled (57014): a statement stopped by statement_timeout. */
export function isStatementTimeout(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === "57014";
}

/** Closes search's connections (scripts and tests that stop their database). */
export async function closeSearchPool(): Promise<void> {
  const pool = globalForSearch.chancerySearchPool;
  globalForSearch.chancerySearchPool = undefined;
  globalForSearch.chancerySearchUrl = undefined;
  await pool?.end();
}
