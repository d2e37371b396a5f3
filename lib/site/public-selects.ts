/**
 * The Prisma select shapes the public reads share (pages, feeds and the API), so a
 * column added to what readers see of an event, a source or an office is added
 * once. Each read still filters by status itself.
 */

/**
 * How many of a section's newest rows a record page shows (a country, a relation, a
 * topic, a person, an organization): pages stay bounded at any record size. What they
 * show is counted over the whole record beside them ("The newest 100 of 7,500").
 */
export const NEWEST_SHOWN = { events: 100, statements: 50 } as const;

/** What any listing of an event shows: card, timeline, related links. */
export const EVENT_SUMMARY_FIELDS = {
  id: true,
  slug: true,
  title: true,
  summary: true,
  type: true,
  date: true,
  datePrecision: true,
  dateApproximate: true,
  dayOrder: true,
  occurrence: true,
  placeName: true,
} as const;

/** The rest of an event's own columns, for its page, the API and the feeds. */
export const EVENT_DETAIL_FIELDS = {
  body: true,
  cameoCode: true,
  endDate: true,
  localTime: true,
  timeZone: true,
  unconfirmedNote: true,
  firstPublishedAt: true,
  publishedAt: true,
} as const;

/** An event named from another record (a participation, a link between events). */
export const LINKED_EVENT_SELECT = { id: true, slug: true, title: true, type: true, date: true, datePrecision: true, dateApproximate: true, dayOrder: true, occurrence: true } as const;

/** A person's or an organization's part in events, newest first is the caller's order. */
export const PARTICIPATION_SELECT = { id: true, role: true, event: { select: LINKED_EVENT_SELECT } } as const;

/** A source as the public pages cite it. */
export const PUBLIC_SOURCE_FIELDS = { url: true, title: true, publisher: true, publishedOn: true, accessedOn: true, archiveUrl: true } as const;
export const PUBLIC_SOURCES = { orderBy: { position: "asc" }, select: { id: true, ...PUBLIC_SOURCE_FIELDS } } as const;

/** The span of an office held: title and dates. */
export const OFFICE_SPAN_SELECT = { title: true, startDate: true, startPrecision: true, endDate: true, endPrecision: true } as const;

/** A treaty action's own columns. */
export const TREATY_ACTION_FIELDS = { id: true, type: true, date: true, precision: true, note: true, unconfirmedNote: true } as const;

/** A statement's columns beyond what a list shows of it, for its page, the API and the feeds. */
export const STATEMENT_DETAIL_FIELDS = {
  translatedBy: true,
  attribution: true,
  platform: true,
  saidTime: true,
  timeZone: true,
  context: true,
  firstPublishedAt: true,
  publishedAt: true,
} as const;

/** What any listing of an agreement shows: name, kind, when concluded, what it is part of. */
export const AGREEMENT_SUMMARY_FIELDS = {
  slug: true,
  name: true,
  kind: true,
  summary: true,
  concludedOn: true,
  concludedPrecision: true,
  parent: { select: { slug: true, name: true } },
} as const;
