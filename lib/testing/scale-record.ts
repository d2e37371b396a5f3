import type pg from "pg";

/**
 * A large published record, written straight in SQL for benchmarks and for tests
 * that need scale (backups, paging, search). Text is drawn from a Zipf-distributed
 * vocabulary (the word of rank r has probability ∝ 1/r), so full-text search meets
 * common and rare words as it would in a real archive. The draw is seeded: the
 * same options give the same record. Countries must be loaded first.
 */
export interface ScaleRecordOptions {
  events: number;
  statements: number;
  /** How many countries take part (the first N by ISO code). */
  countries?: number;
  vocabulary?: number;
  /** Added to every id and slug, so two scale records can share a database. */
  prefix?: string;
  seed?: number;
  onProgress?: (what: string, done: number, total: number) => void;
}

const EVENT_TYPES = ["PHONE_CALL", "VISIT", "MEETING", "SUMMIT", "NEGOTIATION", "INTENT_ANNOUNCED", "AGREEMENT_SIGNED", "RELATIONS_ESTABLISHED", "ENDORSEMENT", "PROTEST", "COOPERATION", "SANCTIONS"];
const MEDIA = ["SOCIAL_POST", "REMARKS_TO_REPORTERS", "PRESS_CONFERENCE", "OFFICIAL_STATEMENT", "INTERVIEW", "SPEECH"];
const BATCH = 5_000;

/** mulberry32: a small, fast, seedable PRNG (reproducible records). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Pronounceable pseudo-words, unique by construction (a mixed-radix number in syllables). */
export function scaleVocabulary(size: number): string[] {
  const onsets = ["ka", "lo", "mi", "ne", "sa", "tu", "ri", "do", "ve", "zu", "pa", "go", "fi", "ha", "je", "bo"];
  const middles = ["ran", "tel", "mos", "vik", "dar", "lun", "sop", "kez", "mir", "tob"];
  const codas = ["", "a", "e", "i", "o", "u", "an", "en", "ar", "or", "is"];
  const tails = ["", "t", "s", "n", "m", "l", "r", "k", "v", "d", "z"];
  const words: string[] = [];
  for (let r = 0; r < size; r++) {
    const a = r % 16;
    const b = Math.floor(r / 16) % 10;
    const c = Math.floor(r / 160) % 11;
    const d = Math.floor(r / 1760) % 11;
    words.push(onsets[a]! + middles[b]! + codas[c]! + tails[d]!);
  }
  return words;
}

export async function generateScaleRecord(client: pg.ClientBase, options: ScaleRecordOptions): Promise<void> {
  const random = prng(options.seed ?? 1);
  const words = scaleVocabulary(options.vocabulary ?? 5_000);
  const lnSize = Math.log(words.length);
  // Rank r (1-based) with probability ∝ 1/r: exp of a uniform draw over [0, ln N).
  const text = (n: number) => Array.from({ length: n }, () => words[Math.floor(Math.exp(random() * lnSize)) - 1]!).join(" ");
  const title = (n: number) => text(n).replace(/^./, (c) => c.toUpperCase());
  const prefix = options.prefix ?? "scale";
  const { rows } = await client.query<{ iso2: string }>(`SELECT iso2 FROM "Country" ORDER BY iso2 LIMIT $1`, [options.countries ?? 40]);
  const codes = rows.map((r) => r.iso2);
  const day = (i: number) => new Date(Date.UTC(2025, 11, 31) - (i % 9000) * 86_400_000).toISOString().slice(0, 10);

  await client.query("BEGIN");
  try {
    for (let start = 1; start <= options.events; start += BATCH) {
      const ids: number[] = [];
      for (let i = start; i < Math.min(start + BATCH, options.events + 1); i++) ids.push(i);
      await client.query(
        `INSERT INTO "Event" (id, slug, title, summary, body, type, date, "countryId", status, "firstPublishedAt", "publishedAt", "updatedAt")
         SELECT 'ev_' || $1 || '_' || i, $1 || '-event-' || i, t, s, b, ty::"EventType", d::date, c, 'PUBLISHED', now(), now(), now()
           FROM unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[]) AS x(i, t, s, b, ty, d, c)`,
        [
          prefix,
          ids,
          ids.map((i) => title(5 + (i % 4))),
          ids.map((i) => text(20 + (i % 10))),
          ids.map((i) => text(60 + (i % 40))),
          ids.map((i) => EVENT_TYPES[i % EVENT_TYPES.length]!),
          ids.map(day),
          ids.map((i) => codes[i % codes.length]!),
        ],
      );
      await client.query(
        `INSERT INTO "EventParticipant" (id, "eventId", role, "countryId", position)
         SELECT 'ep_' || $1 || '_' || i || '_' || v.p, 'ev_' || $1 || '_' || i, (CASE v.p WHEN 0 THEN 'HOST' ELSE 'VISITOR' END)::"ParticipantRole", v.country, v.p
           FROM unnest($2::int[], $3::text[], $4::text[]) AS x(i, host, visitor), LATERAL (VALUES (0, x.host), (1, x.visitor)) AS v(p, country)`,
        [prefix, ids, ids.map((i) => codes[i % codes.length]!), ids.map((i) => codes[(i + 7) % codes.length]!)],
      );
      await client.query(
        `INSERT INTO "Source" (id, url, title, publisher, "publishedOn", "eventId")
         SELECT 'src_ev_' || $1 || '_' || i, 'https://news.example.org/' || $1 || '/events/' || i, 'Report ' || i, 'Example News', d::date, 'ev_' || $1 || '_' || i
           FROM unnest($2::int[], $3::text[]) AS x(i, d)`,
        [prefix, ids, ids.map(day)],
      );
      options.onProgress?.("events", Math.min(start + BATCH - 1, options.events), options.events);
    }
    for (let start = 1; start <= options.statements; start += BATCH) {
      const ids: number[] = [];
      for (let i = start; i < Math.min(start + BATCH, options.statements + 1); i++) ids.push(i);
      await client.query(
        `INSERT INTO "Statement" (id, slug, title, text, medium, "speakerLabel", "saidOn", status, "firstPublishedAt", "publishedAt", "eventId", "updatedAt")
         SELECT 'st_' || $1 || '_' || i, $1 || '-statement-' || i, t, x.text, m::"StatementMedium", 'an official of ' || c, d::date, 'PUBLISHED', now(), now(), e, now()
           FROM unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[]) AS x(i, t, text, m, c, d, e)`,
        [
          prefix,
          ids,
          ids.map(() => title(6)),
          ids.map((i) => text(30 + (i % 30))),
          ids.map((i) => MEDIA[i % MEDIA.length]!),
          ids.map((i) => codes[i % codes.length]!),
          ids.map(day),
          ids.map((i) => (options.events > 0 && i % 3 === 0 ? `ev_${prefix}_${1 + (i % options.events)}` : null)),
        ],
      );
      await client.query(
        `INSERT INTO "StatementCountry" ("statementId", "countryId")
         SELECT 'st_' || $1 || '_' || i, c FROM unnest($2::int[], $3::text[]) AS x(i, c)`,
        [prefix, ids, ids.map((i) => codes[i % codes.length]!)],
      );
      await client.query(
        `INSERT INTO "Source" (id, url, title, publisher, "statementId")
         SELECT 'src_st_' || $1 || '_' || i, 'https://news.example.org/' || $1 || '/statements/' || i, 'Quote report ' || i, 'Example News', 'st_' || $1 || '_' || i
           FROM unnest($2::int[]) AS x(i)`,
        [prefix, ids],
      );
      options.onProgress?.("statements", Math.min(start + BATCH - 1, options.statements), options.statements);
    }
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  }
  await client.query(`ANALYZE "Event", "EventParticipant", "Statement", "StatementCountry", "Source"`);
}
