import pg from "pg";
import { countryPath, relationPath } from "@/lib/site/paths";

/**
 * What a starting web process renders to itself before it listens (warmRendering,
 * lib/server/web-worker.ts). The first page of its kind a process rendered paid for
 * running that page's code for the first time: on the scale record the busiest
 * country's page took 329-536 ms as the first country page of a process and
 * 150-196 ms after another real one. Only a real page's rows take that path (a
 * 404, or the same reads with no rows, did not lower it), so the warm-up renders
 * a country page and a relation page of a recent published event: the kinds of page
 * whose first renders missed the 300 ms goal, and on a live record likely the pages
 * readers open next.
 */

/**
 * A country page for a code no country has ("zz" is reserved for private use): the
 * site's 404 page inside its layout, reading almost nothing. Rendered when the record
 * has no published event with a country, or the choice failed.
 */
export const EMPTY_RECORD_WARM_UP = ["/countries/zz"];

/**
 * Among the newest 100 published events (the first entries of the events' newest-first
 * index), the newest that involves two countries or more, else the newest that involves
 * one: its first country by code, and that country's first partner. About a hundred
 * look-ups in EventCountry's primary key.
 */
const NEWEST_COUNTRIES = `
  SELECT c."countryId" AS country, c.partners[1] AS partner
    FROM (SELECT id, date, "dayOrder" FROM "Event" WHERE status = 'PUBLISHED'
           ORDER BY date DESC NULLS FIRST, "dayOrder" DESC, id DESC LIMIT 100) e
    JOIN "EventCountry" c ON c."eventId" = e.id AND c.published
   ORDER BY cardinality(c.partners) > 0 DESC, e.date DESC NULLS FIRST, e."dayOrder" DESC, e.id DESC, c."countryId"
   LIMIT 1`;

/**
 * The paths to warm up with, from one small query on a connection of its own (opened
 * and closed here, so the app's pool is left as the instrumentation hook made it).
 * Rejects when the database does not answer within `timeoutMs` to connect and again
 * to answer; the caller then renders EMPTY_RECORD_WARM_UP.
 */
export async function chooseWarmUpPages(connectionString: string, { timeoutMs }: { timeoutMs: number }): Promise<string[]> {
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: timeoutMs, query_timeout: timeoutMs, application_name: "chancery-warm-up" });
  // A connection that dies after its answer must not take the process with it.
  client.on("error", () => {});
  try {
    await client.connect();
    const { rows } = await client.query<{ country: string; partner: string | null }>(NEWEST_COUNTRIES);
    const row = rows[0];
    if (!row) return EMPTY_RECORD_WARM_UP;
    return row.partner ? [countryPath(row.country), relationPath(row.country, row.partner)] : [countryPath(row.country)];
  } finally {
    void client.end().catch(() => {});
  }
}
