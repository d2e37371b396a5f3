import "server-only";
import { tags } from "@/lib/cache/tags";
import { listPublishedEvents } from "@/lib/events/public-list";
import { listPublishedStatements } from "@/lib/statements/public-list";
import { mergedSlug, type MergedKind } from "@/lib/records/merged-slug";
import { itemRoute, listRoute } from "./handlers";
import { parseEntityListQuery, parseEventListQuery, parseStatementListQuery } from "./list-query";
import {
  getPublicAgreement,
  getPublicCountry,
  getPublicEvent,
  getPublicOrganization,
  getPublicPerson,
  getPublicStatement,
  getPublicTopic,
  listPublicAgreements,
  listPublicCountries,
  listPublicOrganizations,
  listPublicPeople,
  listPublicTopics,
  type Lookup,
} from "./public-reads";
import {
  serializeAgreement,
  serializeCountry,
  serializeEvent,
  serializeEventDetail,
  serializeOrganization,
  serializePerson,
  serializeStatement,
  serializeStatementDetail,
  serializeTombstone,
  serializeTopic,
} from "./serializers";

/**
 * The GET handlers of /api/v1, one pair (list, item) per kind. Each route file
 * exports its handler from here; what differs between kinds is only what is read,
 * how a row is serialized and which cache tags it lives under.
 */

/** A reference kind (countries, people, …): keyset pages on its natural key, every item public. */
function referenceRoutes<Row, Api>(kind: {
  name: string;
  what: string;
  tags: string[];
  itemTag: (key: string) => string;
  list: (query: { cursor?: string; limit: number }) => Promise<{ items: Row[]; next: string | null }>;
  get: (key: string) => Promise<Row | null>;
  serialize: (row: Row, origin: string) => Api;
  /** People, organizations, topics and agreements: a merged duplicate's slug redirects to the record kept. */
  merged?: MergedKind;
}) {
  const merged = kind.merged;
  return {
    list: listRoute({
      name: kind.name,
      tags: kind.tags,
      read: async (params, origin) => {
        const page = await kind.list(parseEntityListQuery(params));
        return { data: page.items.map((row) => kind.serialize(row, origin)), nextCursor: page.next };
      },
    }),
    item: itemRoute({
      name: `${kind.name}-item`,
      what: kind.what,
      tags: (key) => [...kind.tags, kind.itemTag(key)],
      read: async (key, origin) => {
        const row = await kind.get(key);
        return row ? { status: 200 as const, data: kind.serialize(row, origin) } : null;
      },
      ...(merged
        ? {
            movedTo: async (key: string) => {
              const slug = await mergedSlug(merged, key);
              return slug ? `/api/v1/${kind.name}/${slug}` : null;
            },
          }
        : {}),
    }),
  };
}

/** An editorial kind (events, statements): published items only, a retracted one answers 410 with its tombstone. */
function publicationRoutes<Query, ListRow, Detail>(kind: {
  name: "event" | "statement";
  tags: string[];
  itemTag: (key: string) => string;
  parse: (params: URLSearchParams, options: { strict: true }) => Query;
  list: (query: Query) => Promise<{ items: ListRow[]; next: string | null; prev: string | null }>;
  serialize: (row: ListRow, origin: string) => unknown;
  get: (key: string) => Promise<Lookup<Detail>>;
  serializeDetail: (item: Detail, origin: string) => unknown;
}) {
  return {
    list: listRoute({
      name: `${kind.name}s`,
      tags: kind.tags,
      read: async (params, origin) => {
        const page = await kind.list(kind.parse(params, { strict: true }));
        return { data: page.items.map((row) => kind.serialize(row, origin)), nextCursor: page.next, prevCursor: page.prev };
      },
    }),
    item: itemRoute({
      name: kind.name,
      what: kind.name === "event" ? "Event" : "Statement",
      tags: (key) => [...kind.tags, kind.itemTag(key)],
      read: async (key, origin) => {
        const found = await kind.get(key);
        if (!found) return null;
        return found.kind === "retracted"
          ? { status: 410 as const, data: serializeTombstone(kind.name, found.tombstone) }
          : { status: 200 as const, data: kind.serializeDetail(found.item, origin) };
      },
    }),
  };
}

export const eventRoutes = publicationRoutes({ name: "event", tags: [tags.eventLists], itemTag: tags.event, parse: parseEventListQuery, list: listPublishedEvents, serialize: serializeEvent, get: getPublicEvent, serializeDetail: serializeEventDetail });
export const statementRoutes = publicationRoutes({ name: "statement", tags: [tags.statementLists], itemTag: tags.statement, parse: parseStatementListQuery, list: listPublishedStatements, serialize: serializeStatement, get: getPublicStatement, serializeDetail: serializeStatementDetail });

// name, what a 404 calls it, list tags (the item adds its own), and the reads.
export const agreementRoutes = referenceRoutes({ name: "agreements", what: "Agreement", merged: "AGREEMENT", tags: [tags.agreementLists, tags.eventLists], itemTag: tags.agreement, list: listPublicAgreements, get: getPublicAgreement, serialize: serializeAgreement });
export const countryRoutes = referenceRoutes({ name: "countries", what: "Country", tags: [tags.search], itemTag: tags.country, list: listPublicCountries, get: getPublicCountry, serialize: serializeCountry });
export const personRoutes = referenceRoutes({ name: "people", what: "Person", merged: "PERSON", tags: [tags.search], itemTag: tags.person, list: listPublicPeople, get: getPublicPerson, serialize: serializePerson });
export const organizationRoutes = referenceRoutes({ name: "organizations", what: "Organization", merged: "ORGANIZATION", tags: [tags.search], itemTag: tags.organization, list: listPublicOrganizations, get: getPublicOrganization, serialize: serializeOrganization });
export const topicRoutes = referenceRoutes({ name: "topics", what: "Topic", merged: "TOPIC", tags: [tags.search], itemTag: tags.topic, list: listPublicTopics, get: getPublicTopic, serialize: serializeTopic });
