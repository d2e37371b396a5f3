import type { PublishedEvent } from "@/lib/events/public-queries";
import { isoDate } from "@/lib/format/date";
import type { PublishedStatement } from "@/lib/statements/public-queries";
import { recordGraph, wikidataUrl, type JsonLd } from "./json-ld";
import { absoluteUrl } from "./url";
import { countryPath, eventPath, organizationPath, pageTrail, personPath, SECTIONS, statementPath, topicPath } from "@/lib/site/paths";

/** schema.org statuses for the record's occurrences; an event that occurred kept its schedule. */
const EVENT_STATUS: Record<string, string> = {
  OCCURRED: "https://schema.org/EventScheduled",
  SCHEDULED: "https://schema.org/EventScheduled",
  POSTPONED: "https://schema.org/EventPostponed",
  CANCELLED: "https://schema.org/EventCancelled",
};

export function countryNode(country: { iso2: string; name: string; wikidataId?: string | null }): JsonLd {
  return {
    "@type": "Country",
    name: country.name,
    identifier: country.iso2,
    url: absoluteUrl(countryPath(country.iso2)),
    sameAs: wikidataUrl(country.wikidataId),
  };
}

export function personNode(person: { slug: string; name: string; wikidataId?: string | null }, jobTitle?: string | null): JsonLd {
  return {
    "@type": "Person",
    name: person.name,
    url: absoluteUrl(personPath(person.slug)),
    jobTitle: jobTitle ?? undefined,
    sameAs: wikidataUrl(person.wikidataId),
  };
}

export function organizationNode(org: { slug: string; name: string; kind: string; wikidataId?: string | null; acronym?: string | null }): JsonLd {
  return {
    "@type": org.kind === "GOVERNMENT_BODY" ? "GovernmentOrganization" : "Organization",
    name: org.name,
    alternateName: org.acronym ?? undefined,
    url: absoluteUrl(organizationPath(org.slug)),
    sameAs: wikidataUrl(org.wikidataId),
  };
}

export function eventJsonLd(event: PublishedEvent, url: string): JsonLd {
  const attendees = event.participants
    .map((p) =>
      p.person ? personNode(p.person) : p.organization ? organizationNode(p.organization) : p.country ? countryNode(p.country) : null,
    )
    .filter((n): n is JsonLd => n !== null);
  const node: JsonLd = {
    "@type": "Event",
    "@id": url,
    name: event.title,
    description: event.summary,
    url,
    startDate: event.date ? isoDate(event.date, event.datePrecision) : undefined,
    endDate: event.endDate ? isoDate(event.endDate, event.datePrecision) : undefined,
    eventStatus: EVENT_STATUS[event.occurrence],
    eventAttendanceMode: "https://schema.org/OfflineEventAttendanceMode",
    location:
      event.placeName || event.country
        ? {
            "@type": "Place",
            name: event.placeName ?? event.country?.name,
            address: event.country ? { "@type": "PostalAddress", addressCountry: event.country.iso2 } : undefined,
          }
        : undefined,
    attendee: attendees,
    about: event.topics.map(({ topic }) => ({ "@type": "Thing", name: topic.name, url: absoluteUrl(topicPath(topic.slug)) })),
    superEvent: event.parent ? { "@type": "Event", name: event.parent.title, url: absoluteUrl(eventPath(event.parent.slug)) } : undefined,
    subEvent: event.children.map((c) => ({ "@type": "Event", name: c.title, url: absoluteUrl(eventPath(c.slug)) })),
    citation: event.sources.map((s) => ({ "@type": "CreativeWork", name: s.title, url: s.url, publisher: s.publisher ?? undefined })),
    publisher: { "@type": "Organization", name: "Chancery" },
  };
  return recordGraph(node, pageTrail({ name: event.title, href: eventPath(event.slug) }, SECTIONS.events));
}

export function statementJsonLd(statement: PublishedStatement, url: string): JsonLd {
  const speaker = statement.speaker
    ? personNode(statement.speaker, statement.speakerTitle)
    : statement.speakerLabel
      ? { "@type": "Person", name: statement.speakerLabel, jobTitle: statement.speakerTitle ?? undefined }
      : undefined;
  const node: JsonLd = {
    "@type": "Quotation",
    "@id": url,
    name: statement.title,
    url,
    text: statement.text,
    inLanguage: statement.language,
    spokenByCharacter: speaker,
    creator: speaker,
    dateCreated: statement.saidOn ? isoDate(statement.saidOn, statement.saidPrecision) : undefined,
    translationOfWork: undefined,
    workTranslation: statement.translation
      ? { "@type": "CreativeWork", text: statement.translation, inLanguage: "en", translator: statement.translatedBy ? { "@type": "Person", name: statement.translatedBy } : undefined }
      : undefined,
    isPartOf: statement.event ? { "@type": "Event", name: statement.event.title, url: absoluteUrl(eventPath(statement.event.slug)) } : undefined,
    about: statement.topics.map(({ topic }) => ({ "@type": "Thing", name: topic.name, url: absoluteUrl(topicPath(topic.slug)) })),
    spatialCoverage: statement.countries.map(({ country }) => countryNode(country)),
    citation: statement.sources.map((s) => ({ "@type": "CreativeWork", name: s.title, url: s.url, publisher: s.publisher ?? undefined })),
    publisher: { "@type": "Organization", name: "Chancery" },
  };
  return recordGraph(node, pageTrail({ name: statement.title, href: statementPath(statement.slug) }, SECTIONS.statements));
}
