import { z } from "zod";
import { EntityListQuerySchema, EventListQuerySchema, SearchQuerySchema, StatementListQuerySchema } from "./list-query";
import { apiSchemas } from "./response-schemas";

/**
 * The OpenAPI 3.1 document, generated from the very zod schemas that validate the
 * parameters (input side) and type the responses (output side), so the contract
 * cannot drift from the code.
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

/** The response components, generated from the schemas that type the serializers. */
function componentSchemas(): Record<string, unknown> {
  const { schemas } = z.toJSONSchema(apiSchemas, { target: "draft-2020-12", io: "output", uri: (id) => `#/components/schemas/${id}` });
  const strip = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(strip);
    if (!value || typeof value !== "object") return value;
    // Responses may gain fields over time: clients must not reject the ones they do not know.
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => key !== "$schema" && key !== "$id" && key !== "additionalProperties")
        .map(([key, v]) => [key, strip(v)]),
    );
  };
  return Object.fromEntries(Object.entries(schemas).map(([name, schema]) => [name, strip(schema)]));
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: object) => ({ "application/json": { schema } });
const errorResponse = (description: string) => ({ description, content: json(ref("Error")) });
const etag = { ETag: { description: "Send it back in If-None-Match to get 304 when nothing changed", schema: { type: "string" } } };

/** A public GET: no credentials, an ETag on 200 and 304 when If-None-Match matched it. */
function getOperation(operationId: string, tag: string, summary: string, parameters: unknown[], ok: { description: string; content: object }, errors: Record<string, object>) {
  return {
    get: {
      operationId,
      tags: [tag],
      summary,
      security: [],
      parameters,
      responses: {
        "200": { description: ok.description, headers: etag, content: ok.content },
        "304": { description: "Not modified (If-None-Match matched the ETag)" },
        ...errors,
        "503": {
          description: "The database is away or too busy to take the query; nothing is wrong with the request. Ask again after Retry-After seconds",
          headers: { "Retry-After": { description: "Seconds to wait before asking again", schema: { type: "integer" } } },
          content: json(ref("Error")),
        },
      },
    },
  };
}

/** A list whose `topic`, `agreement` or `speaker` filter names a record merged into another answers 308 to the same request naming the one kept. */
const movedFilter = {
  "308": {
    description: "The topic, agreement or speaker filter names a record merged into another: Location is the same request naming the one kept",
    headers: { Location: { description: "The same path and query, the filter naming the record kept", schema: { type: "string" } } },
    content: json(ref("Error")),
  },
};

function listOperation(operationId: string, tag: string, summary: string, item: string, parameters: ReturnType<typeof queryParameters>, options: { filtered?: boolean } = {}) {
  return getOperation(operationId, tag, summary, parameters, { description: "A page of results", content: json(ref(`${item}List`)) }, { "400": errorResponse("A query parameter is wrong"), ...(options.filtered ? movedFilter : {}) });
}

const dataOf = (name: string) => json({ type: "object", required: ["data"], properties: { data: ref(name) } });

function itemOperation(operationId: string, tag: string, summary: string, item: string, keyDescription: string, options: { retractable?: boolean; mergeable?: boolean } = {}) {
  const key = { name: "key", in: "path", required: true, description: keyDescription, schema: { type: "string" } };
  return getOperation(operationId, tag, summary, [key], { description: "The item", content: dataOf(item) }, {
    "404": errorResponse("No published item has this key"),
    ...(options.retractable ? { "410": { description: "Retracted: the tombstone, with the reason", content: dataOf("Tombstone") } } : {}),
    ...(options.mergeable
      ? { "308": { description: "Merged into another record: Location is that record's address here", headers: { Location: { description: "The item path of the record kept", schema: { type: "string" } } }, content: json(ref("Error")) } }
      : {}),
  });
}

export function buildOpenApiDocument(origin: string) {
  const entity = queryParameters(EntityListQuerySchema);
  return {
    openapi: "3.1.0",
    info: {
      title: "Chancery open data API",
      version: "1.0.0",
      description:
        "The published diplomatic record: events, statements, countries, people, organizations, agreements and topics. Read-only, open to any origin, no authentication. Lists are keyset-paged: follow `next`.",
      license: { name: "Open data", identifier: "CC-BY-4.0" },
    },
    servers: [{ url: `${origin}/api/v1` }],
    // Every operation is public: no credentials are asked for or accepted.
    security: [],
    tags: [
      { name: "events", description: "Diplomatic events: calls, meetings, summits, signings, accessions" },
      { name: "statements", description: "Attributed statements, verbatim" },
      { name: "countries", description: "ISO 3166-1 countries" },
      { name: "people", description: "People and the offices they held" },
      { name: "organizations", description: "Organizations and their members" },
      { name: "agreements", description: "Agreements, parties and treaty actions" },
      { name: "topics", description: "Topics" },
      { name: "search", description: "Full-text search" },
    ],
    paths: {
      "/events": listOperation("listEvents", "events", "Published events, newest first: by date, then position within the day (dayOrder), then id", "Event", queryParameters(EventListQuerySchema), { filtered: true }),
      "/events.csv": {
        get: {
          operationId: "listEventsCsv",
          tags: ["events"],
          summary: "The same rows as /events, as CSV (RFC 4180)",
          security: [],
          parameters: queryParameters(EventListQuerySchema),
          responses: { "200": { description: "CSV", content: { "text/csv": { schema: { type: "string" } } } }, "400": errorResponse("A query parameter is wrong"), ...movedFilter },
        },
      },
      "/events/{key}": itemOperation("getEvent", "events", "One published event (410 with a tombstone if retracted)", "EventDetail", "Slug or id", { retractable: true }),
      "/statements": listOperation("listStatements", "statements", "Published statements, newest first", "Statement", queryParameters(StatementListQuerySchema), { filtered: true }),
      "/statements/{key}": itemOperation("getStatement", "statements", "One published statement (410 with a tombstone if retracted)", "StatementDetail", "Slug or id", { retractable: true }),
      "/countries": listOperation("listCountries", "countries", "ISO 3166-1 countries", "Country", entity),
      "/countries/{key}": itemOperation("getCountry", "countries", "One country", "Country", "ISO 3166-1 alpha-2 code"),
      "/people": listOperation("listPeople", "people", "People", "Person", entity),
      "/people/{key}": itemOperation("getPerson", "people", "One person with offices held (308 to the person kept if merged into another)", "Person", "Slug or id", { mergeable: true }),
      "/organizations": listOperation("listOrganizations", "organizations", "Organizations", "Organization", entity),
      "/organizations/{key}": itemOperation("getOrganization", "organizations", "One organization with members (308 to the organization kept if merged into another)", "Organization", "Slug or id", { mergeable: true }),
      "/agreements": listOperation("listAgreements", "agreements", "Agreements with parties, their derived status and treaty actions", "Agreement", entity),
      "/agreements/{key}": itemOperation("getAgreement", "agreements", "One agreement (308 to the agreement kept if merged into another)", "Agreement", "Slug or id", { mergeable: true }),
      "/topics": listOperation("listTopics", "topics", "Topics", "Topic", entity),
      "/topics/{key}": itemOperation("getTopic", "topics", "One topic (308 to the topic kept if merged into another)", "Topic", "Slug or id", { mergeable: true }),
      "/search": listOperation("searchRecord", "search", "Full-text search over published events and statements", "SearchResult", queryParameters(SearchQuerySchema), { filtered: true }),
    },
    components: { schemas: componentSchemas() },
  };
}

export interface ApiEndpoint {
  /** The path under /api/v1, as the document writes it ("/events/{key}"). */
  path: string;
  tag: string;
  summary: string;
  parameters: Array<{ name: string; required: boolean; description: string }>;
}

/**
 * The document's operations as a person reads them (the /data page): each path with what
 * it answers and the parameters it takes, in the document's order, so the page cannot say
 * anything the API does not do.
 */
export function apiEndpoints(document: ReturnType<typeof buildOpenApiDocument>): ApiEndpoint[] {
  return Object.entries(document.paths).map(([path, item]) => {
    const operation = (item as { get: { tags: string[]; summary: string; parameters: Array<{ name: string; required: boolean; description?: string }> } }).get;
    return {
      path,
      tag: operation.tags[0] ?? "",
      summary: operation.summary,
      parameters: operation.parameters.map((p) => ({ name: p.name, required: p.required, description: p.description ?? "" })),
    };
  });
}
