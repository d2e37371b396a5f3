import "server-only";
import { z } from "zod";
import { db, Prisma, queryRows } from "@/lib/db/client";
import { EVENT_TYPES } from "@/lib/api/list-query";
import { EVENT_TYPE_LABELS, STATUS_LABELS } from "@/lib/format/labels";
import { isRecordId, readDate } from "@/lib/records/fields";

/**
 * The events already recorded on a day with the countries of an event being entered: what the
 * event form shows under its participants ("Recorded already? …"), so that two editors working
 * from two wires do not record one call twice. Drafts and events under review count (they are
 * where a duplicate starts); retracted ones do not. Only a suggestion: nothing is refused.
 */

const MAX_REFS = 40;
const REF = /^(country|person|organization):(.+)$/;

export const SameDayQuerySchema = z
  .object({
    /** The day, as the form holds it: only a whole day (YYYY-MM-DD) is looked for. */
    date: z
      .string()
      .max(10)
      .transform((v, ctx) => {
        const reading = /^\d{4}-\d{2}-\d{2}$/.test(v) ? readDate(v) : null;
        if (reading?.ok) return reading.value.date;
        ctx.addIssue({ code: "custom", message: "date must be a day (YYYY-MM-DD)" });
        return z.NEVER;
      }),
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
    /** The event being edited, left out of its own duplicates. */
    except: z.string().refine(isRecordId, { error: "except is not a record id" }).optional(),
    /** The event's type: events of the same type are named first. */
    type: z.enum(EVENT_TYPES).optional(),
  })
  .strict();
export type SameDayQuery = z.output<typeof SameDayQuerySchema>;

export interface SameDayEvent {
  id: string;
  label: string;
  /** "Phone call · Published · Kazakhstan, United States": what tells two events apart at a glance. */
  detail: string;
}

/** At most three events of the day sharing a country with the event, the most countries shared and the same type first. */
export async function sameDayEvents(query: SameDayQuery): Promise<SameDayEvent[]> {
  const countries = new Set(query.refs.filter((r) => r.kind === "country").map((r) => r.id));
  const people = query.refs.filter((r) => r.kind === "person").map((r) => r.id);
  const organizations = query.refs.filter((r) => r.kind === "organization").map((r) => r.id);
  // A person or organization stands for its country, as EventCountry counts them.
  const [persons, orgs] = await Promise.all([
    people.length ? db.person.findMany({ where: { id: { in: people } }, select: { countryId: true } }) : [],
    organizations.length ? db.organization.findMany({ where: { id: { in: organizations } }, select: { countryId: true } }) : [],
  ]);
  for (const { countryId } of [...persons, ...orgs]) if (countryId) countries.add(countryId.trim());
  if (countries.size === 0) return [];
  const rows = await queryRows<{ id: string; title: string; type: string; status: string; names: string[] }>(
    db,
    Prisma.sql`
      SELECT e.id, e.title, e.type::text AS type, e.status::text AS status,
        (SELECT array_agg(c.name ORDER BY c.name) FROM "EventCountry" x JOIN "Country" c ON c.iso2 = x."countryId" WHERE x."eventId" = e.id) AS names
      FROM "Event" e
      JOIN LATERAL (
        SELECT count(*) AS shared FROM "EventCountry" ec WHERE ec."eventId" = e.id AND ec."countryId" = ANY(${[...countries]}::text[])
      ) s ON s.shared > 0
      WHERE e."date" = ${query.date}::date AND e."datePrecision" = 'DAY'
        AND e.status IN ('DRAFT', 'IN_REVIEW', 'SCHEDULED', 'PUBLISHED')
        ${query.except ? Prisma.sql`AND e.id <> ${query.except}` : Prisma.empty}
      ORDER BY s.shared DESC, (e.type::text = ${query.type ?? ""}) DESC, e."dayOrder", e.id
      LIMIT 3`,
  );
  return rows.map((row) => ({
    id: row.id,
    label: row.title,
    detail: [EVENT_TYPE_LABELS[row.type] ?? row.type, STATUS_LABELS[row.status] ?? row.status, (row.names ?? []).join(", ")].filter(Boolean).join(" · "),
  }));
}
