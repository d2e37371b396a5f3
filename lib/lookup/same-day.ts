import "server-only";
import { z } from "zod";
import { db, Prisma, queryRows, type Db, type Tx } from "@/lib/db/client";
import { EVENT_TYPES } from "@/lib/api/list-query";
import { EVENT_TYPE_LABELS, MEDIUM_LABELS, STATUS_LABELS } from "@/lib/format/labels";
import { isRecordId, readDate } from "@/lib/records/fields";

/**
 * What the record already holds on a day, for an item being entered: the events with the
 * countries of an event (what the event form shows under its participants, "Recorded
 * already? …") and the statements of a statement's speaker ("Said already? …"), so that two
 * editors working from two wires do not record one call or one quote twice. The import's dry run
 * asks the same for every row of a file at once. Drafts and items under review count (they are
 * where a duplicate starts); retracted ones do not. Only a suggestion: nothing is refused.
 */

const MAX_REFS = 40;
const REF = /^(country|person|organization):(.+)$/;

/** The day, as the form holds it: only a whole day (YYYY-MM-DD) is looked for. */
const dayParam = z
  .string()
  .max(10)
  .transform((v, ctx) => {
    const reading = /^\d{4}-\d{2}-\d{2}$/.test(v) ? readDate(v) : null;
    if (reading?.ok) return reading.value.date;
    ctx.addIssue({ code: "custom", message: "date must be a day (YYYY-MM-DD)" });
    return z.NEVER;
  });
/** The item being edited, left out of its own duplicates. */
const exceptParam = z.string().refine(isRecordId, { error: "except is not a record id" }).optional();

export const SameDayQuerySchema = z
  .object({
    kind: z.literal("events").optional(),
    date: dayParam,
    /** The event's participants and place, each `country:KZ`, `person:<id>` or `organization:<id>`, comma-separated. */
    refs: z
      .string()
      .max(MAX_REFS * 40)
      .transform((v, ctx) => {
        const refs = v.split(",").filter(Boolean);
        if (refs.length > MAX_REFS) ctx.addIssue({ code: "custom", message: `refs: at most ${MAX_REFS}` });
        const parsed = refs.map((ref) => REF.exec(ref));
        if (parsed.some((m) => !m || (m[1] === "country" ? !/^[A-Za-z]{2}$/.test(m[2]!) : !isRecordId(m[2]!)))) {
          ctx.addIssue({ code: "custom", message: "refs must be country:XX, person:<id> or organization:<id>, comma-separated" });
          return z.NEVER;
        }
        return parsed.map((m) => ({ kind: m![1] as "country" | "person" | "organization", id: m![1] === "country" ? m![2]!.toUpperCase() : m![2]! }));
      }),
    except: exceptParam,
    /** The event's type: events of the same type are named first. */
    type: z.enum(EVENT_TYPES).optional(),
  })
  .strict();
export type SameDayQuery = z.output<typeof SameDayQuerySchema>;

export const SameDayStatementsQuerySchema = z
  .object({
    kind: z.literal("statements"),
    date: dayParam,
    /** The statement's speaker. */
    speaker: z.string().refine(isRecordId, { error: "speaker is not a record id" }),
    except: exceptParam,
  })
  .strict();
export type SameDayStatementsQuery = z.output<typeof SameDayStatementsQuerySchema>;

/** The schema of `GET /api/desk/lookup/same-day` for its `kind` (events unless it says statements). */
export const sameDaySchemaFor = (kind: string | null) => (kind === "statements" ? SameDayStatementsQuerySchema : SameDayQuerySchema);

export interface SameDayRecord {
  id: string;
  label: string;
  /** "Phone call · Published · Kazakhstan, United States": what tells two events apart at a glance. */
  detail: string;
}

/**
 * One event being entered, as the look-up compares it: its day (a whole day), its countries, and
 * the people and organizations taking part (each stands for its country, as `EventCountry` counts
 * them). `key` names it in the answer.
 */
export interface SameDayProbe<K> {
  key: K;
  date: Date;
  countries: readonly string[];
  people?: readonly string[];
  organizations?: readonly string[];
  type?: string;
  /** An event left out of the answer (the one being edited). */
  except?: string;
}

const day = (date: Date) => date.toISOString().slice(0, 10);

/** The records found, under the key of the probe each row answers (rows come in the order to show). */
function byProbe<K, R extends { probe: number }>(probes: ReadonlyArray<{ key: K }>, rows: readonly R[], record: (row: R) => SameDayRecord): Map<K, SameDayRecord[]> {
  const found = new Map<K, SameDayRecord[]>();
  for (const row of rows) {
    const key = probes[row.probe]!.key;
    const list = found.get(key);
    if (list) list.push(record(row));
    else found.set(key, [record(row)]);
  }
  return found;
}

/**
 * For every probe at once (one query, however many: an import's dry run holds up to 10,000 rows),
 * at most `limit` events of its day sharing a country with it, the most countries shared and the
 * same type first. Probes without a country get nothing.
 */
export async function sameDayMatches<K>(client: Db | Tx, probes: ReadonlyArray<SameDayProbe<K>>, options: { limit: number }): Promise<Map<K, SameDayRecord[]>> {
  const people = [...new Set(probes.flatMap((p) => p.people ?? []))];
  const organizations = [...new Set(probes.flatMap((p) => p.organizations ?? []))];
  const [persons, orgs] = await Promise.all([
    people.length ? client.person.findMany({ where: { id: { in: people } }, select: { id: true, countryId: true } }) : [],
    organizations.length ? client.organization.findMany({ where: { id: { in: organizations } }, select: { id: true, countryId: true } }) : [],
  ]);
  const countryOf = new Map([...persons, ...orgs].filter((r) => r.countryId).map((r) => [r.id, r.countryId!.trim()]));
  const asked = probes.flatMap((probe, index) => {
    const countries = new Set(probe.countries.map((c) => c.toUpperCase()));
    for (const id of [...(probe.people ?? []), ...(probe.organizations ?? [])]) if (countryOf.has(id)) countries.add(countryOf.get(id)!);
    return countries.size ? [{ index, day: day(probe.date), countries: [...countries].join(","), type: probe.type ?? "", except: probe.except ?? "" }] : [];
  });
  if (asked.length === 0) return new Map();
  const rows = await queryRows<{ probe: number; id: string; title: string; type: string; status: string; names: string[] }>(
    client,
    Prisma.sql`
      SELECT q.probe, m.*
      FROM unnest(${asked.map((a) => a.index)}::int[], ${asked.map((a) => a.day)}::date[], ${asked.map((a) => a.countries)}::text[],
                  ${asked.map((a) => a.type)}::text[], ${asked.map((a) => a.except)}::text[]) AS q(probe, day, countries, type, except_id)
      CROSS JOIN LATERAL (
        SELECT e.id, e.title, e.type::text AS type, e.status::text AS status,
          (SELECT array_agg(c.name ORDER BY c.name) FROM "EventCountry" x JOIN "Country" c ON c.iso2 = x."countryId" WHERE x."eventId" = e.id) AS names,
          s.shared, (e.type::text = q.type) AS same_type, e."dayOrder" AS day_order
        FROM "Event" e
        JOIN LATERAL (
          SELECT count(*) AS shared FROM "EventCountry" ec WHERE ec."eventId" = e.id AND ec."countryId" = ANY(string_to_array(q.countries, ','))
        ) s ON s.shared > 0
        WHERE e."date" = q.day AND e."datePrecision" = 'DAY'
          AND e.status IN ('DRAFT', 'IN_REVIEW', 'SCHEDULED', 'PUBLISHED')
          AND e.id <> q.except_id
        ORDER BY s.shared DESC, (e.type::text = q.type) DESC, e."dayOrder", e.id
        LIMIT ${options.limit}
      ) m
      ORDER BY q.probe, m.shared DESC, m.same_type DESC, m.day_order, m.id`,
  );
  return byProbe(probes, rows, (row) => ({
    id: row.id,
    label: row.title,
    detail: [EVENT_TYPE_LABELS[row.type] ?? row.type, STATUS_LABELS[row.status] ?? row.status, (row.names ?? []).join(", ")].filter(Boolean).join(" · "),
  }));
}

/** At most three events of the day sharing a country with the event, the most countries shared and the same type first. */
export async function sameDayEvents(query: SameDayQuery): Promise<SameDayRecord[]> {
  const of = (kind: string) => query.refs.filter((r) => r.kind === kind).map((r) => r.id);
  const probe = { key: 0, date: query.date, countries: of("country"), people: of("person"), organizations: of("organization"), type: query.type, except: query.except };
  return (await sameDayMatches(db, [probe], { limit: 3 })).get(0) ?? [];
}

/** A statement being entered, as the look-up compares it: its speaker and its day. */
export interface SameDaySpeakerProbe<K> {
  key: K;
  date: Date;
  speakerId: string;
  except?: string;
}

/**
 * For every probe at once, at most `limit` statements of the same speaker on its day, the
 * earliest recorded first. The detail tells them apart: medium, status and the speaker's title.
 */
export async function sameDayStatementMatches<K>(client: Db | Tx, probes: ReadonlyArray<SameDaySpeakerProbe<K>>, options: { limit: number }): Promise<Map<K, SameDayRecord[]>> {
  if (probes.length === 0) return new Map();
  const rows = await queryRows<{ probe: number; id: string; title: string; medium: string; status: string; speakerTitle: string | null }>(
    client,
    Prisma.sql`
      SELECT q.probe, m.*
      FROM unnest(${probes.map((_, i) => i)}::int[], ${probes.map((p) => day(p.date))}::date[], ${probes.map((p) => p.speakerId)}::text[],
                  ${probes.map((p) => p.except ?? "")}::text[]) AS q(probe, day, speaker, except_id)
      CROSS JOIN LATERAL (
        SELECT s.id, s.title, s.medium::text AS medium, s.status::text AS status, s."speakerTitle", s."createdAt" AS created_at
        FROM "Statement" s
        WHERE s."speakerId" = q.speaker AND s."saidOn" = q.day AND s."saidPrecision" = 'DAY'
          AND s.status IN ('DRAFT', 'IN_REVIEW', 'SCHEDULED', 'PUBLISHED')
          AND s.id <> q.except_id
        ORDER BY s."createdAt", s.id
        LIMIT ${options.limit}
      ) m
      ORDER BY q.probe, m.created_at, m.id`,
  );
  return byProbe(probes, rows, (row) => ({
    id: row.id,
    label: row.title,
    detail: [MEDIUM_LABELS[row.medium] ?? row.medium, STATUS_LABELS[row.status] ?? row.status, row.speakerTitle ?? ""].filter(Boolean).join(" · "),
  }));
}

/** At most three statements by the speaker on the day. */
export async function sameDayStatements(query: SameDayStatementsQuery): Promise<SameDayRecord[]> {
  return (await sameDayStatementMatches(db, [{ key: 0, date: query.date, speakerId: query.speaker, except: query.except }], { limit: 3 })).get(0) ?? [];
}
