import "server-only";
import { db } from "@/lib/db/client";
import { EVENTS_OLDEST_FIRST } from "@/lib/events/event-order";
import { PUBLIC_EVENT_LIST_SELECT } from "@/lib/events/public-list";
import { PUBLIC_STATEMENT_LIST_SELECT } from "@/lib/statements/public-list";
import { withSpeakerTitleThen } from "@/lib/statements/speaker-title";
import { AGREEMENT_SUMMARY_FIELDS, OFFICE_SPAN_SELECT, PUBLIC_SOURCE_FIELDS, TREATY_ACTION_FIELDS } from "@/lib/site/public-selects";
import { QueryParameterError } from "./list-query";

/**
 * Public reads behind /api/v1 single items and the reference lists. Events and
 * statements are read as PUBLISHED only; a RETRACTED one yields a tombstone with
 * no text. Links to other events or statements are kept only when those are public.
 */

const SOURCE_SELECT = PUBLIC_SOURCE_FIELDS;
const PUBLIC_LINK = { slug: true, title: true, status: true } as const;
const isPublic = <T extends { status: string }>(row: T | null | undefined) => (row && row.status === "PUBLISHED" ? row : null);

export interface Tombstone {
  id: string;
  slug: string;
  retractedAt: Date | null;
  retractionReason: string | null;
}

export type Lookup<T> = { kind: "published"; item: T } | { kind: "retracted"; tombstone: Tombstone } | null;

const byKey = (key: string) => ({ OR: [{ slug: key }, { id: key }] });

export async function getPublicEvent(key: string) {
  const row = await db.event.findFirst({
    where: { ...byKey(key), status: { in: ["PUBLISHED", "RETRACTED"] } },
    select: {
      ...PUBLIC_EVENT_LIST_SELECT,
      status: true,
      retractedAt: true,
      retractionReason: true,
      parent: { select: PUBLIC_LINK },
      children: { select: PUBLIC_LINK, orderBy: EVENTS_OLDEST_FIRST },
      linksOut: { select: { kind: true, toEvent: { select: PUBLIC_LINK } } },
      linksIn: { select: { kind: true, fromEvent: { select: PUBLIC_LINK } } },
      statements: { select: PUBLIC_LINK, orderBy: [{ saidOn: "asc" }, { id: "asc" }] },
      sources: { select: SOURCE_SELECT, orderBy: { position: "asc" } },
      corrections: { select: { note: true, createdAt: true }, orderBy: { createdAt: "asc" } },
      treatyActions: {
        select: {
          type: true,
          countryId: true,
          date: true,
          precision: true,
          unconfirmedNote: true,
          agreement: { select: { slug: true } },
          viaAgreement: { select: { slug: true } },
        },
      },
    },
  });
  if (!row) return null;
  if (row.status === "RETRACTED") {
    return { kind: "retracted" as const, tombstone: { id: row.id, slug: row.slug, retractedAt: row.retractedAt, retractionReason: row.retractionReason } };
  }
  const { parent, children, statements, linksOut, linksIn, status: _status, retractedAt: _r, retractionReason: _rr, ...rest } = row;
  return {
    kind: "published" as const,
    item: {
      ...rest,
      parent: isPublic(parent),
      children: children.filter((c) => c.status === "PUBLISHED"),
      // Links to events that are not public are dropped, both ways.
      ledTo: linksOut.filter((l) => l.kind === "LED_TO" && l.toEvent.status === "PUBLISHED").map((l) => l.toEvent),
      followedFrom: linksIn.filter((l) => l.kind === "LED_TO" && l.fromEvent.status === "PUBLISHED").map((l) => l.fromEvent),
      statements: statements.filter((s) => s.status === "PUBLISHED"),
    },
  };
}

export async function getPublicStatement(key: string) {
  const row = await db.statement.findFirst({
    where: { ...byKey(key), status: { in: ["PUBLISHED", "RETRACTED"] } },
    select: {
      ...PUBLIC_STATEMENT_LIST_SELECT,
      status: true,
      retractedAt: true,
      retractionReason: true,
      sources: { select: SOURCE_SELECT, orderBy: { position: "asc" } },
      corrections: { select: { note: true, createdAt: true }, orderBy: { createdAt: "asc" } },
    },
  });
  if (!row) return null;
  if (row.status === "RETRACTED") {
    return { kind: "retracted" as const, tombstone: { id: row.id, slug: row.slug, retractedAt: row.retractedAt, retractionReason: row.retractionReason } };
  }
  const { event, status: _status, retractedAt: _r, retractionReason: _rr, ...rest } = row;
  return { kind: "published" as const, item: { ...withSpeakerTitleThen(rest), event: event && event.status === "PUBLISHED" ? { slug: event.slug, title: event.title } : null } };
}

export type PublicEventDetail = Extract<NonNullable<Awaited<ReturnType<typeof getPublicEvent>>>, { kind: "published" }>["item"];
export type PublicStatementDetail = Extract<NonNullable<Awaited<ReturnType<typeof getPublicStatement>>>, { kind: "published" }>["item"];

// ───────────── reference lists: keyset on the natural key (slug or ISO code) ─────────────

export function decodeKeyCursor(cursor: string | undefined): string | undefined {
  if (!cursor) return undefined;
  const raw = /^[A-Za-z0-9_-]+$/.test(cursor) ? Buffer.from(cursor, "base64url").toString("utf8") : "";
  if (!/^k\|[A-Za-z0-9-]{1,200}$/.test(raw)) throw new QueryParameterError("cursor", '"cursor" is not a valid cursor: use the link from the previous page');
  return raw.slice(2);
}

export const encodeKeyCursor = (key: string) => Buffer.from(`k|${key}`, "utf8").toString("base64url");

/** The findMany arguments of one page of a slug-keyed list: the rows after the cursor's slug, one more than the limit. */
const slugPage = (options: { cursor?: string; limit: number }) => {
  const after = decodeKeyCursor(options.cursor);
  return { where: after ? { slug: { gt: after } } : {}, orderBy: { slug: "asc" as const }, take: options.limit + 1 };
};

function pageOf<T>(rows: T[], limit: number, keyOf: (row: T) => string) {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, next: rows.length > limit && last ? encodeKeyCursor(keyOf(last)) : null };
}

export async function listPublicCountries(options: { cursor?: string; limit: number }) {
  const after = decodeKeyCursor(options.cursor);
  const rows = await db.country.findMany({
    where: after ? { iso2: { gt: after } } : {},
    orderBy: { iso2: "asc" },
    take: options.limit + 1,
    select: { iso2: true, iso3: true, numeric: true, name: true, wikidataId: true },
  });
  return pageOf(rows, options.limit, (r) => r.iso2);
}

export async function getPublicCountry(iso2: string) {
  if (!/^[A-Za-z]{2}$/.test(iso2)) return null;
  return db.country.findUnique({
    where: { iso2: iso2.toUpperCase() },
    select: { iso2: true, iso3: true, numeric: true, name: true, wikidataId: true },
  });
}

const PERSON_SELECT = {
  id: true,
  slug: true,
  name: true,
  wikidataId: true,
  description: true,
  country: { select: { iso2: true, name: true } },
  offices: {
    orderBy: { position: "asc" },
    select: {
      ...OFFICE_SPAN_SELECT,
      country: { select: { iso2: true, name: true } },
      organization: { select: { slug: true, name: true } },
    },
  },
} as const;

export async function listPublicPeople(options: { cursor?: string; limit: number }) {
  const rows = await db.person.findMany({ ...slugPage(options), select: PERSON_SELECT });
  return pageOf(rows, options.limit, (r) => r.slug);
}

export async function getPublicPerson(key: string) {
  return db.person.findFirst({ where: byKey(key), select: PERSON_SELECT });
}

const ORGANIZATION_SELECT = {
  id: true,
  slug: true,
  name: true,
  acronym: true,
  kind: true,
  wikidataId: true,
  description: true,
  country: { select: { iso2: true, name: true } },
  members: { orderBy: { countryId: "asc" }, select: { joinedOn: true, leftOn: true, country: { select: { iso2: true, name: true } } } },
} as const;

export async function listPublicOrganizations(options: { cursor?: string; limit: number }) {
  const rows = await db.organization.findMany({ ...slugPage(options), select: ORGANIZATION_SELECT });
  return pageOf(rows, options.limit, (r) => r.slug);
}

export async function getPublicOrganization(key: string) {
  return db.organization.findFirst({ where: byKey(key), select: ORGANIZATION_SELECT });
}

const TOPIC_SELECT = { id: true, slug: true, name: true, description: true } as const;

export async function listPublicTopics(options: { cursor?: string; limit: number }) {
  const rows = await db.topic.findMany({ ...slugPage(options), select: TOPIC_SELECT });
  return pageOf(rows, options.limit, (r) => r.slug);
}

export async function getPublicTopic(key: string) {
  return db.topic.findFirst({ where: byKey(key), select: TOPIC_SELECT });
}

const AGREEMENT_SELECT = {
  id: true,
  ...AGREEMENT_SUMMARY_FIELDS,
  wikidataId: true,
  sources: { select: SOURCE_SELECT, orderBy: { position: "asc" } },
  actions: {
    orderBy: { date: "asc" },
    select: {
      ...TREATY_ACTION_FIELDS,
      viaAgreement: { select: { slug: true, name: true } },
      country: { select: { iso2: true, name: true } },
      event: { select: PUBLIC_LINK },
      sources: { select: SOURCE_SELECT, orderBy: { position: "asc" } },
    },
  },
} as const;

function withPublicActionEvents<T extends { actions: Array<{ event: { slug: string; title: string; status: string } | null }> }>(row: T) {
  return { ...row, actions: row.actions.map((a) => ({ ...a, event: a.event && a.event.status === "PUBLISHED" ? { slug: a.event.slug, title: a.event.title } : null })) };
}

export async function listPublicAgreements(options: { cursor?: string; limit: number }) {
  const rows = await db.agreement.findMany({ ...slugPage(options), select: AGREEMENT_SELECT });
  const page = pageOf(rows, options.limit, (r) => r.slug);
  return { ...page, items: page.items.map(withPublicActionEvents) };
}

export async function getPublicAgreement(key: string) {
  const row = await db.agreement.findFirst({ where: byKey(key), select: AGREEMENT_SELECT });
  return row ? withPublicActionEvents(row) : null;
}

export type PublicAgreement = NonNullable<Awaited<ReturnType<typeof getPublicAgreement>>>;

/** Everything the sitemap lists: published items, and the pages that exist for the rest. */
export async function listSitemapRecords() {
  const [events, statements, countries, people, organizations, agreements, topics] = await Promise.all([
    db.event.findMany({ where: { status: "PUBLISHED" }, select: { slug: true, publishedAt: true }, orderBy: { id: "asc" } }),
    db.statement.findMany({ where: { status: "PUBLISHED" }, select: { slug: true, publishedAt: true }, orderBy: { id: "asc" } }),
    db.$queryRaw<Array<{ iso2: string }>>`
      SELECT c.iso2 FROM "Country" c
      WHERE EXISTS (SELECT 1 FROM "Event" e WHERE e."countryId" = c.iso2 AND e.status = 'PUBLISHED')
         OR EXISTS (SELECT 1 FROM "EventParticipant" p JOIN "Event" e ON e.id = p."eventId" WHERE p."countryId" = c.iso2 AND e.status = 'PUBLISHED')
         OR EXISTS (SELECT 1 FROM "StatementCountry" sc JOIN "Statement" s ON s.id = sc."statementId" WHERE sc."countryId" = c.iso2 AND s.status = 'PUBLISHED')
         OR EXISTS (SELECT 1 FROM "TreatyAction" t WHERE t."countryId" = c.iso2)
      ORDER BY c.iso2`,
    db.person.findMany({ select: { slug: true, updatedAt: true }, orderBy: { slug: "asc" } }),
    db.organization.findMany({ select: { slug: true, updatedAt: true }, orderBy: { slug: "asc" } }),
    db.agreement.findMany({ select: { slug: true, updatedAt: true }, orderBy: { slug: "asc" } }),
    db.topic.findMany({ select: { slug: true, updatedAt: true }, orderBy: { slug: "asc" } }),
  ]);
  return { events, statements, countries, people, organizations, agreements, topics };
}
