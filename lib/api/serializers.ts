import { deriveParticipantStatus, type TreatyActionKind } from "@/lib/agreements/participant-status";
import type { Precision } from "@/lib/format/date";
import type { PublicEventListItem } from "@/lib/events/public-list";
import type { PublicStatementListItem } from "@/lib/statements/public-list";
import type { OrganizationKind } from "@/lib/generated/prisma/enums";
import type { SearchHit } from "@/lib/search/search-record";
import { snippetText, snippetToHtml } from "@/lib/search/snippet";
import type { PublicAgreement, PublicEventDetail, PublicStatementDetail, Tombstone } from "./public-reads";
import type {
  ApiAgreement,
  ApiCountry,
  ApiEvent,
  ApiEventDetail,
  ApiOrganization,
  ApiPerson,
  ApiSearchResult,
  ApiStatement,
  ApiStatementDetail,
  ApiTombstone,
  ApiTopic,
} from "./response-schemas";
import { agreementPath, countryPath, eventPath, organizationPath, personPath, statementPath, topicPath } from "@/lib/site/paths";

/**
 * What the open data API shows. Each serializer names the fields it exposes, one
 * by one, so a new column (workflow state, staged edits, who wrote what) never
 * reaches the API by accident.
 */

/** A date cut to what is known: "2025-11-06", "1992-08" or "1992". */
export function apiDate(date: Date | null | undefined, precision: Precision = "DAY"): string | null {
  if (!date) return null;
  const iso = date.toISOString().slice(0, 10);
  return precision === "YEAR" ? iso.slice(0, 4) : precision === "MONTH" ? iso.slice(0, 7) : iso;
}

const lower = <T extends string>(value: T) => value.toLowerCase() as Lowercase<T>;
const country = (c: { iso2: string; name: string } | null) => (c ? { iso2: c.iso2, name: c.name } : null);
const source = (s: { url: string; title: string; publisher: string | null; publishedOn: Date | null; accessedOn: Date | null; archiveUrl: string | null }) => ({
  url: s.url,
  title: s.title,
  publisher: s.publisher,
  publishedOn: apiDate(s.publishedOn),
  accessedOn: apiDate(s.accessedOn),
  archiveUrl: s.archiveUrl,
});

export function serializeEvent(event: PublicEventListItem, origin: string): ApiEvent {
  return {
    id: event.id,
    slug: event.slug,
    url: `${origin}${eventPath(event.slug)}`,
    title: event.title,
    summary: event.summary,
    body: event.body,
    type: event.type,
    cameoCode: event.cameoCode,
    date: apiDate(event.date, event.datePrecision),
    datePrecision: lower(event.datePrecision),
    endDate: apiDate(event.endDate, event.datePrecision),
    localTime: event.localTime,
    timeZone: event.timeZone,
    occurrence: lower(event.occurrence),
    place: event.placeName,
    country: country(event.country),
    agreement: event.agreement ? { slug: event.agreement.slug, name: event.agreement.name } : null,
    topics: event.topics.map((t) => ({ slug: t.topic.slug, name: t.topic.name })),
    participants: event.participants.map((p) => ({
      role: lower(p.role),
      ...(p.person
        ? { kind: "person", slug: p.person.slug, name: p.person.name }
        : p.organization
          ? { kind: "organization", slug: p.organization.slug, name: p.organization.name }
          : { kind: "country", iso2: p.country?.iso2 ?? null, name: p.country?.name ?? null }),
    })),
    firstPublishedAt: event.firstPublishedAt?.toISOString() ?? null,
    publishedAt: event.publishedAt?.toISOString() ?? null,
  };
}

export function serializeEventDetail(event: PublicEventDetail, origin: string): ApiEventDetail {
  return {
    ...serializeEvent(event, origin),
    parent: event.parent ? { slug: event.parent.slug, title: event.parent.title } : null,
    children: event.children.map((c) => ({ slug: c.slug, title: c.title })),
    statements: event.statements.map((s) => ({ slug: s.slug, title: s.title, url: `${origin}${statementPath(s.slug)}` })),
    treatyActions: event.treatyActions.map((a) => ({ agreement: a.agreement.slug, country: a.countryId, type: lower(a.type), date: apiDate(a.date, a.precision) })),
    sources: event.sources.map(source),
    corrections: event.corrections.map((c) => ({ note: c.note, at: c.createdAt.toISOString() })),
  };
}

export function serializeStatement(statement: PublicStatementListItem, origin: string): ApiStatement {
  return {
    id: statement.id,
    slug: statement.slug,
    url: `${origin}${statementPath(statement.slug)}`,
    title: statement.title,
    text: statement.text,
    language: statement.language,
    translation: statement.translation,
    translatedBy: statement.translatedBy,
    speaker: statement.speaker ? { slug: statement.speaker.slug, name: statement.speaker.name } : null,
    speakerLabel: statement.speakerLabel,
    speakerTitle: statement.speakerTitle,
    attribution: lower(statement.attribution),
    medium: lower(statement.medium),
    platform: statement.platform,
    quoteType: lower(statement.quoteType),
    saidOn: apiDate(statement.saidOn, statement.saidPrecision),
    saidPrecision: lower(statement.saidPrecision),
    saidTime: statement.saidTime,
    timeZone: statement.timeZone,
    context: statement.context,
    event: statement.event ? { slug: statement.event.slug, title: statement.event.title } : null,
    countries: statement.countries.map((c) => ({ iso2: c.country.iso2, name: c.country.name })),
    topics: statement.topics.map((t) => ({ slug: t.topic.slug, name: t.topic.name })),
    firstPublishedAt: statement.firstPublishedAt?.toISOString() ?? null,
    publishedAt: statement.publishedAt?.toISOString() ?? null,
  };
}

export function serializeStatementDetail(statement: PublicStatementDetail, origin: string): ApiStatementDetail {
  return {
    ...serializeStatement(statement, origin),
    sources: statement.sources.map(source),
    corrections: statement.corrections.map((c) => ({ note: c.note, at: c.createdAt.toISOString() })),
  };
}

/** A retracted item keeps its address and the reason, never its text. */
export function serializeTombstone(kind: "event" | "statement", tombstone: Tombstone): ApiTombstone {
  return {
    id: tombstone.id,
    slug: tombstone.slug,
    kind,
    retracted: true,
    retractedAt: tombstone.retractedAt?.toISOString() ?? null,
    retractionReason: tombstone.retractionReason,
  };
}

// ───────────── agreements: each party's status is derived from its actions ─────────────

/**
 * A party's status in API words ("signed", "in-force", …), derived by the same
 * rule the public pages use (lib/agreements/participant-status.ts); "none" when a
 * country has no action yet.
 */
export function derivePartyStatus(actions: Array<{ type: TreatyActionKind; date: Date | null }>): string {
  const status = deriveParticipantStatus(actions);
  return status ? status.toLowerCase().replaceAll("_", "-") : "none";
}

export function serializeAgreement(agreement: PublicAgreement, origin: string): ApiAgreement {
  const parties = new Map<string, { iso2: string; name: string; actions: PublicAgreement["actions"] }>();
  for (const action of agreement.actions) {
    const entry = parties.get(action.country.iso2) ?? { iso2: action.country.iso2, name: action.country.name, actions: [] };
    entry.actions.push(action);
    parties.set(action.country.iso2, entry);
  }
  return {
    id: agreement.id,
    slug: agreement.slug,
    url: `${origin}${agreementPath(agreement.slug)}`,
    name: agreement.name,
    kind: lower(agreement.kind),
    summary: agreement.summary,
    concludedOn: apiDate(agreement.concludedOn, agreement.concludedPrecision),
    wikidataId: agreement.wikidataId,
    parent: agreement.parent ? { slug: agreement.parent.slug, name: agreement.parent.name } : null,
    parties: [...parties.values()]
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((party) => ({
        country: { iso2: party.iso2, name: party.name },
        status: derivePartyStatus(party.actions),
        actions: party.actions.map((a) => ({
          id: a.id,
          type: lower(a.type),
          date: apiDate(a.date, a.precision),
          note: a.note,
          event: a.event ? { slug: a.event.slug, title: a.event.title, url: `${origin}${eventPath(a.event.slug)}` } : null,
          sources: a.sources.map(source),
        })),
      })),
    sources: agreement.sources.map(source),
  };
}

export function serializeCountry(c: { iso2: string; iso3: string; numeric: string; name: string; wikidataId: string | null }, origin: string): ApiCountry {
  return { iso2: c.iso2, iso3: c.iso3, numeric: c.numeric, name: c.name, wikidataId: c.wikidataId, url: `${origin}${countryPath(c.iso2)}` };
}

type PersonRow = {
  id: string;
  slug: string;
  name: string;
  wikidataId: string | null;
  description: string | null;
  country: { iso2: string; name: string } | null;
  offices: Array<{
    title: string;
    startDate: Date | null;
    startPrecision: Precision;
    endDate: Date | null;
    endPrecision: Precision;
    country: { iso2: string; name: string } | null;
    organization: { slug: string; name: string } | null;
  }>;
};

export function serializePerson(p: PersonRow, origin: string): ApiPerson {
  return {
    id: p.id,
    slug: p.slug,
    url: `${origin}${personPath(p.slug)}`,
    name: p.name,
    country: country(p.country),
    wikidataId: p.wikidataId,
    description: p.description,
    offices: p.offices.map((o) => ({
      title: o.title,
      country: country(o.country),
      organization: o.organization ? { slug: o.organization.slug, name: o.organization.name } : null,
      from: apiDate(o.startDate, o.startPrecision),
      to: apiDate(o.endDate, o.endPrecision),
    })),
  };
}

type OrganizationRow = {
  id: string;
  slug: string;
  name: string;
  acronym: string | null;
  kind: OrganizationKind;
  wikidataId: string | null;
  description: string | null;
  country: { iso2: string; name: string } | null;
  members: Array<{ joinedOn: Date | null; leftOn: Date | null; country: { iso2: string; name: string } }>;
};

export function serializeOrganization(o: OrganizationRow, origin: string): ApiOrganization {
  return {
    id: o.id,
    slug: o.slug,
    url: `${origin}${organizationPath(o.slug)}`,
    name: o.name,
    acronym: o.acronym,
    kind: lower(o.kind),
    country: country(o.country),
    wikidataId: o.wikidataId,
    description: o.description,
    members: o.members.map((m) => ({ iso2: m.country.iso2, name: m.country.name, joinedOn: apiDate(m.joinedOn), leftOn: apiDate(m.leftOn) })),
  };
}

export function serializeTopic(t: { id: string; slug: string; name: string; description: string | null }, origin: string): ApiTopic {
  return { id: t.id, slug: t.slug, url: `${origin}${topicPath(t.slug)}`, name: t.name, description: t.description };
}

export function serializeSearchHit(hit: SearchHit, origin: string): ApiSearchResult {
  return {
    kind: hit.kind,
    id: hit.id,
    slug: hit.slug,
    url: `${origin}/${hit.kind === "event" ? "events" : "statements"}/${hit.slug}`,
    title: snippetText(hit.title),
    snippet: snippetText(hit.snippet),
    snippetHtml: snippetToHtml(hit.snippet),
    date: apiDate(hit.date, hit.precision),
    rank: hit.rank,
  };
}
