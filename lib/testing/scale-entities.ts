import type pg from "pg";

/**
 * The named records around a scale record (lib/testing/scale-record.ts): people,
 * organizations, agreements and topics, linked to its events and statements, so
 * that name suggestions, person and topic pages and the sitemap meet realistic
 * sizes. Written in SQL, deterministic (no randomness: names are built from the
 * row number), after generateScaleRecord with the same prefix.
 *
 * Besides the generated names there are a few real ones (PEOPLE_NAMED), so tests
 * and the bench can look for a misspelt real name ("Tokaev") among thousands.
 */
export interface ScaleEntitiesOptions {
  events: number;
  statements: number;
  people?: number;
  organizations?: number;
  agreements?: number;
  topics?: number;
  prefix?: string;
  /** Include PEOPLE_NAMED (leave out when the demo record, which has them, is loaded too). */
  namedPeople?: boolean;
}

export const PEOPLE_NAMED = ["Kassym-Jomart Tokayev", "Marco Rubio", "Donald Trump", "Benjamin Netanyahu", "Emmanuel Macron", "Olaf Scholz"];

const FIRST = ["Aru", "Bek", "Dana", "Erlan", "Gul", "Ilya", "Kaira", "Marat", "Nurl", "Sau", "Timur", "Zhan", "Alma", "Dias", "Rusl", "Yer"];
const LAST = ["baev", "kenov", "mirov", "sultan", "tayev", "zhanov", "galiev", "bekova", "nurova", "kasym", "olzhas", "tulegen", "amirov", "serik"];

export function scalePersonName(i: number, namedPeople = true): string {
  if (namedPeople && i <= PEOPLE_NAMED.length) return PEOPLE_NAMED[i - 1]!;
  const first = FIRST[i % FIRST.length]!;
  const last = LAST[Math.floor(i / FIRST.length) % LAST.length]!;
  return `${first}${"aeiou"[i % 5]} ${last[0]!.toUpperCase()}${last.slice(1)} ${i}`;
}

export async function generateScaleEntities(client: pg.ClientBase, options: ScaleEntitiesOptions): Promise<void> {
  const prefix = options.prefix ?? "scale";
  const people = options.people ?? 5_000;
  const organizations = options.organizations ?? 200;
  const agreements = options.agreements ?? 300;
  const topics = options.topics ?? 60;
  const names = Array.from({ length: people }, (_, k) => scalePersonName(k + 1, options.namedPeople ?? true));
  const { rows } = await client.query<{ iso2: string }>(`SELECT iso2 FROM "Country" ORDER BY iso2 LIMIT 40`);
  const codes = rows.map((r) => r.iso2);

  await client.query("BEGIN");
  try {
    await client.query(
      `INSERT INTO "Person" (id, slug, name, "countryId", "updatedAt")
       SELECT 'pe_' || $1 || '_' || i, $1 || '-person-' || i, n, ($3::text[])[1 + i % cardinality($3::text[])], now()
         FROM unnest($2::text[]) WITH ORDINALITY AS x(n, i)`,
      [prefix, names, codes],
    );
    await client.query(
      `INSERT INTO "Organization" (id, slug, name, acronym, kind, "countryId", "updatedAt")
       SELECT 'org_' || $1 || '_' || i, $1 || '-organization-' || i, 'Council for Regional Cooperation ' || i, 'CRC' || i,
              (CASE WHEN i % 2 = 0 THEN 'INTERGOVERNMENTAL' ELSE 'GOVERNMENT_BODY' END)::"OrganizationKind",
              CASE WHEN i % 2 = 0 THEN NULL ELSE ($3::text[])[1 + i % cardinality($3::text[])] END, now()
         FROM generate_series(1, $2::int) AS i`,
      [prefix, organizations, codes],
    );
    await client.query(
      `INSERT INTO "Agreement" (id, slug, name, kind, "concludedOn", "updatedAt")
       SELECT 'ag_' || $1 || '_' || i, $1 || '-agreement-' || i, 'Treaty of Friendship and Trade ' || i, 'TREATY'::"AgreementKind",
              date '2025-12-31' - (i * 17), now()
         FROM generate_series(1, $2::int) AS i`,
      [prefix, agreements],
    );
    await client.query(
      `INSERT INTO "Topic" (id, slug, name, "updatedAt")
       SELECT 'tp_' || $1 || '_' || i, $1 || '-topic-' || i, 'Topic ' || i || ' of ' || $1, now() FROM generate_series(1, $2::int) AS i`,
      [prefix, topics],
    );
    // Every event: one person taking part and one topic; every third statement: a named speaker.
    await client.query(
      `INSERT INTO "EventParticipant" (id, "eventId", role, "personId", position)
       SELECT 'ep_' || $1 || '_' || i || '_p', 'ev_' || $1 || '_' || i, 'PARTICIPANT', 'pe_' || $1 || '_' || (1 + i % $3::int), 2
         FROM generate_series(1, $2::int) AS i`,
      [prefix, options.events, people],
    );
    await client.query(
      `INSERT INTO "EventTopic" ("eventId", "topicId")
       SELECT 'ev_' || $1 || '_' || i, 'tp_' || $1 || '_' || (1 + i % $3::int) FROM generate_series(1, $2::int) AS i`,
      [prefix, options.events, topics],
    );
    await client.query(
      `UPDATE "Statement" s SET "speakerId" = 'pe_' || $1 || '_' || (1 + x.i % $3::int)
         FROM generate_series(3, $2::int, 3) AS x(i) WHERE s.id = 'st_' || $1 || '_' || x.i`,
      [prefix, options.statements, people],
    );
    await client.query(
      `INSERT INTO "StatementTopic" ("statementId", "topicId")
       SELECT 'st_' || $1 || '_' || i, 'tp_' || $1 || '_' || (1 + i % $3::int) FROM generate_series(1, $2::int) AS i`,
      [prefix, options.statements, topics],
    );
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  }
  await client.query(`ANALYZE "Person", "Organization", "Agreement", "Topic", "EventParticipant", "EventTopic", "StatementTopic", "Statement"`);
}
