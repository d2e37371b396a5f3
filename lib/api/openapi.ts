import { z } from "zod";
import { TreatyActionType } from "@/lib/generated/prisma/enums";
import { EntityListQuerySchema, EventListQuerySchema, SearchQuerySchema, StatementListQuerySchema } from "./list-query";

const TREATY_ACTION_TYPES = Object.values(TreatyActionType).map((t) => t.toLowerCase());

/**
 * The OpenAPI 3.1 document, generated from the very zod schemas that validate the
 * parameters (z.toJSONSchema, input side), so the contract cannot drift.
 */
function queryParameters(schema: z.ZodObject) {
  return Object.entries(schema.shape).map(([name, field]) => {
    const json = z.toJSONSchema(field as z.ZodType, { io: "input", unrepresentable: "any", target: "draft-2020-12" }) as Record<string, unknown>;
    delete json.$schema;
    const { description, ...rest } = json;
    return {
      name,
      in: "query",
      required: !(field as z.ZodType).safeParse(undefined).success,
      ...(description ? { description } : {}),
      schema: rest,
    };
  });
}

const errorSchema = {
  type: "object",
  required: ["error"],
  properties: {
    error: {
      type: "object",
      required: ["message"],
      properties: { parameter: { type: "string", description: "The query parameter that was wrong." }, message: { type: "string" } },
    },
  },
};

const listOf = (item: string) => ({
  type: "object",
  required: ["data", "next"],
  properties: {
    data: { type: "array", items: { $ref: `#/components/schemas/${item}` } },
    next: { type: ["string", "null"], description: "URL of the next page, or null on the last page." },
    nextCursor: { type: ["string", "null"] },
    prev: { type: ["string", "null"], description: "URL of the previous page, or null on the first page." },
  },
});

const loose = (description: string, required: string[], properties: Record<string, object> = {}) => ({
  type: "object",
  description,
  required,
  properties,
  additionalProperties: true,
});

const nullableString = (description: string) => ({ type: ["string", "null"], description });
const eventLink = { type: "object", properties: { slug: { type: "string" }, title: { type: "string" }, url: { type: "string" } } };

/** The fields of the record's own vocabulary, spelled out where a reader needs the meaning. */
const EVENT_PROPERTIES = {
  dayOrder: {
    type: "integer",
    minimum: 0,
    description:
      "Position among the events of the same day (1, 2, …; 0 when not set). Lists order same-day events by it: the order of local times where a source gives them, otherwise the editors'.",
  },
  dateApproximate: { type: "boolean", description: "The date is an approximation at its precision (\"c. 1995\")." },
  unconfirmed: nullableString("What the sources leave unconfirmed about this event, if anything."),
  ledTo: { type: "array", items: eventLink, description: "Events this one led to (single event only)." },
  followedFrom: { type: "array", items: eventLink, description: "Events this one followed from (single event only)." },
  parent: { type: ["object", "null"], description: "The event this one is part of (single event only)." },
  treatyActions: {
    type: "array",
    description: "Treaty actions taken at this event (single event only).",
    items: {
      type: "object",
      properties: {
        type: { enum: TREATY_ACTION_TYPES },
        via: nullableString("For joined_through_related_instrument: the slug of the instrument the party joined through."),
        unconfirmed: nullableString("What the sources leave unconfirmed about this step."),
      },
    },
  },
};

const STATEMENT_PROPERTIES = {
  quoteType: {
    enum: ["direct", "partial", "paraphrase"],
    description: "direct and partial: `text` holds words a source prints as the speaker's (cuts marked …); paraphrase: a source's account of what was said, never to be shown in quotation marks.",
  },
  speakerTitle: nullableString("The speaker's title on the day: the office held then, as recorded."),
};

const AGREEMENT_PROPERTIES = {
  parties: {
    type: "array",
    items: {
      type: "object",
      properties: {
        status: { enum: ["intent-announced", "joined-through-related", "signed", "ratified", "acceded", "in-force", "withdrawn", "none"] },
        actions: {
          type: "array",
          items: {
            type: "object",
            properties: {
              type: { enum: TREATY_ACTION_TYPES },
              via: { type: ["object", "null"], description: "For joined_through_related_instrument: the instrument the party joined through." },
              unconfirmed: nullableString("What the sources leave unconfirmed about this step."),
            },
          },
        },
      },
    },
  },
};

const responses = (schema: object, { notFound = false } = {}) => ({
  "200": { description: "OK", headers: { ETag: { schema: { type: "string" } } }, content: { "application/json": { schema } } },
  "304": { description: "Not modified (If-None-Match matched the ETag)" },
  "400": { description: "A query parameter is wrong", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
  ...(notFound ? { "404": { description: "Not found", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } } } : {}),
});

const keyParam = (description: string) => [{ name: "key", in: "path", required: true, description, schema: { type: "string" } }];

export function buildOpenApiDocument(origin: string) {
  const entity = queryParameters(EntityListQuerySchema);
  const listPath = (tag: string, summary: string, item: string, params: ReturnType<typeof queryParameters>) => ({
    get: { tags: [tag], summary, parameters: params, responses: responses({ $ref: `#/components/schemas/${item}List` }) },
  });
  const itemPath = (tag: string, summary: string, item: string, description: string) => ({
    get: { tags: [tag], summary, parameters: keyParam(description), responses: responses({ $ref: `#/components/schemas/${item}` }, { notFound: true }) },
  });

  return {
    openapi: "3.1.0",
    info: {
      title: "Chancery open data API",
      version: "1.0.0",
      description:
        "The published diplomatic record: events, statements, countries, people, organizations, agreements and topics. Read-only, open to any origin. Lists are keyset-paged: follow `next`.",
      license: { name: "Open data" },
    },
    servers: [{ url: `${origin}/api/v1` }],
    paths: {
      "/events": listPath("events", "Published events, newest first", "Event", queryParameters(EventListQuerySchema)),
      "/events.csv": {
        get: {
          tags: ["events"],
          summary: "The same rows as /events, as CSV (RFC 4180)",
          parameters: queryParameters(EventListQuerySchema),
          responses: { "200": { description: "CSV", content: { "text/csv": { schema: { type: "string" } } } }, "400": responses({})["400"] },
        },
      },
      "/events/{key}": itemPath("events", "One published event (410 with a tombstone if retracted)", "Event", "Slug or id"),
      "/statements": listPath("statements", "Published statements, newest first", "Statement", queryParameters(StatementListQuerySchema)),
      "/statements/{key}": itemPath("statements", "One published statement (410 with a tombstone if retracted)", "Statement", "Slug or id"),
      "/countries": listPath("countries", "ISO 3166-1 countries", "Country", entity),
      "/countries/{key}": itemPath("countries", "One country", "Country", "ISO 3166-1 alpha-2 code"),
      "/people": listPath("people", "People", "Person", entity),
      "/people/{key}": itemPath("people", "One person with offices held", "Person", "Slug or id"),
      "/organizations": listPath("organizations", "Organizations", "Organization", entity),
      "/organizations/{key}": itemPath("organizations", "One organization with members", "Organization", "Slug or id"),
      "/agreements": listPath("agreements", "Agreements with parties, their derived status and treaty actions", "Agreement", entity),
      "/agreements/{key}": itemPath("agreements", "One agreement", "Agreement", "Slug or id"),
      "/topics": listPath("topics", "Topics", "Topic", entity),
      "/topics/{key}": itemPath("topics", "One topic", "Topic", "Slug or id"),
      "/search": listPath("search", "Full-text search over published events and statements", "SearchResult", queryParameters(SearchQuerySchema)),
    },
    components: {
      schemas: {
        Error: errorSchema,
        Event: loose(
          "A published event; dates are cut to their precision (YYYY, YYYY-MM or YYYY-MM-DD). Lists run newest first: by date, then position within the day (dayOrder), then id.",
          ["id", "slug", "title", "type", "date", "datePrecision", "dayOrder"],
          EVENT_PROPERTIES,
        ),
        EventList: listOf("Event"),
        Statement: loose("A published statement, verbatim, with its speaker's title at the time.", ["id", "slug", "title", "text", "language", "quoteType"], STATEMENT_PROPERTIES),
        StatementList: listOf("Statement"),
        Country: loose("An ISO 3166-1 country.", ["iso2", "iso3", "numeric", "name"]),
        CountryList: listOf("Country"),
        Person: loose("A person and the offices they held.", ["id", "slug", "name"]),
        PersonList: listOf("Person"),
        Organization: loose("An organization and its member countries.", ["id", "slug", "name", "kind"]),
        OrganizationList: listOf("Organization"),
        Agreement: loose("An agreement, its parties with their derived status, and their treaty actions.", ["id", "slug", "name", "parties"], AGREEMENT_PROPERTIES),
        AgreementList: listOf("Agreement"),
        Topic: loose("A topic.", ["id", "slug", "name"]),
        TopicList: listOf("Topic"),
        SearchResult: loose("A search hit: an event or a statement, with a highlighted snippet.", ["kind", "slug", "title", "snippet"]),
        SearchResultList: listOf("SearchResult"),
      },
    },
  };
}
