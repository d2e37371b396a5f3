import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { officeHeldOn } from "@/lib/people/offices";
import { isRecordId, partialDateText, readDate, type Precision } from "@/lib/records/fields";

/**
 * What a form can fill in from a record just chosen in a picker: the title a
 * speaker held on the day they spoke (from their offices), an event's date and
 * the countries it concerns. Only suggestions: the editor sees them and may
 * change them; nothing is written here.
 */
export const RecordFactsQuerySchema = z
  .object({
    kind: z.enum(["person", "event"], { error: "kind must be person or event" }),
    id: z.string().refine(isRecordId, { error: "id is not a record id" }),
    /** The day the person's office is wanted for: YYYY, YYYY-MM or YYYY-MM-DD. */
    on: z
      .string()
      .max(10)
      .refine((v) => v === "" || readDate(v).ok, { error: "on must be a date (YYYY-MM-DD, YYYY-MM or YYYY)" })
      .optional(),
  })
  .strict();
export type RecordFactsQuery = z.infer<typeof RecordFactsQuerySchema>;

export interface PersonFacts {
  kind: "person";
  /** The office held on the day asked for; null when none (or no day was given and nothing is held now). */
  title: string | null;
  country: { id: string; name: string } | null;
}

export interface EventFacts {
  kind: "event";
  /** As the form edits it: cut to its precision ("2025-11-06", "2025-11", "2025"); "" when unknown. */
  date: string;
  precision: Precision;
  /** The place's country, then the participants' countries (their own, or a person's or organization's), once each. */
  countries: Array<{ id: string; name: string }>;
}

async function personFacts(id: string, on: string | undefined): Promise<PersonFacts> {
  const person = await db.person.findUnique({
    where: { id },
    select: {
      country: { select: { iso2: true, name: true } },
      offices: { select: { title: true, startDate: true, startPrecision: true, endDate: true, endPrecision: true } },
    },
  });
  if (!person) throw new AppError("NOT_FOUND", "There is no such person.");
  const reading = on ? readDate(on) : null;
  // Without a day, the office held today is the best guess for a statement being recorded now.
  const day = reading?.ok ? reading.value.date : new Date();
  return {
    kind: "person",
    title: officeHeldOn(person.offices, day)?.title ?? null,
    country: person.country ? { id: person.country.iso2.trim(), name: person.country.name } : null,
  };
}

async function eventFacts(id: string): Promise<EventFacts> {
  const country = { select: { iso2: true, name: true } } as const;
  const event = await db.event.findUnique({
    where: { id },
    select: {
      date: true,
      datePrecision: true,
      country,
      participants: {
        orderBy: { position: "asc" },
        select: { country, person: { select: { country } }, organization: { select: { country } } },
      },
    },
  });
  if (!event) throw new AppError("NOT_FOUND", "There is no such event.");
  const found = [event.country, ...event.participants.map((p) => p.country ?? p.person?.country ?? p.organization?.country ?? null)];
  const countries = new Map<string, string>();
  for (const c of found) if (c && !countries.has(c.iso2.trim())) countries.set(c.iso2.trim(), c.name);
  return {
    kind: "event",
    date: partialDateText(event.date, event.datePrecision),
    precision: event.datePrecision,
    countries: [...countries].map(([iso2, name]) => ({ id: iso2, name })),
  };
}

export async function recordFacts(query: RecordFactsQuery): Promise<PersonFacts | EventFacts> {
  return query.kind === "person" ? personFacts(query.id, query.on) : eventFacts(query.id);
}
