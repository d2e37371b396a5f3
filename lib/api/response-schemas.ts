import { z } from "zod";
import {
  AgreementKind,
  Attribution,
  DatePrecision,
  EventType,
  Occurrence,
  OrganizationKind,
  ParticipantRole,
  QuoteType,
  StatementMedium,
  TreatyActionType,
} from "@/lib/generated/prisma/enums";

/**
 * What the open data API answers, as zod schemas. The serializers are typed by
 * them (a field added to one but not the other does not compile) and the OpenAPI
 * document's components are generated from them, so generated clients see every
 * field that is sent and no field that is not.
 */

/** Every schema a client can name, by its OpenAPI component name. */
export const apiSchemas = z.registry<{ id: string; description?: string }>();

/** The API speaks enum values in lower case ("day", "phone_call" stays upper for event types). */
function lowerEnum<T extends Record<string, string>>(values: T) {
  return z.enum(Object.values(values).map((v) => v.toLowerCase()) as [Lowercase<T[keyof T]>, ...Lowercase<T[keyof T]>[]]);
}

const nullable = <S extends z.ZodType>(schema: S) => schema.nullable();
const text = z.string();
const url = z.string().describe("An absolute URL");
const partialDate = z.string().describe("A date cut to its precision: YYYY, YYYY-MM or YYYY-MM-DD");
const instant = z.string().describe("An ISO 8601 instant in UTC");

const CountryRef = z.object({ iso2: text, name: text }).register(apiSchemas, { id: "CountryRef" });
const SlugRef = z.object({ slug: text, name: text });
const EventRef = z.object({ slug: text, title: text });

export const ApiSourceSchema = z
  .object({ url, title: text, publisher: nullable(text), publishedOn: nullable(partialDate), accessedOn: nullable(partialDate), archiveUrl: nullable(url) })
  .register(apiSchemas, { id: "Source" });

const CorrectionSchema = z.object({ note: text, at: instant }).register(apiSchemas, { id: "Correction" });

const participant = z.object({
  role: lowerEnum(ParticipantRole),
  kind: z.enum(["person", "organization", "country"]),
  slug: text.optional().describe("For a person or an organization"),
  iso2: nullable(text).optional().describe("For a country"),
  name: nullable(text),
});

export const ApiEventSchema = z
  .object({
    id: text,
    slug: text,
    url,
    title: text,
    summary: text,
    body: text.describe("Markdown"),
    type: z.enum(Object.values(EventType) as [EventType, ...EventType[]]),
    cameoCode: nullable(text),
    date: nullable(partialDate),
    datePrecision: lowerEnum(DatePrecision),
    dateApproximate: z.boolean().describe('The date is an approximation at its precision ("c. 1995", for "the mid-1990s")'),
    dayOrder: z
      .number()
      .int()
      .min(0)
      .describe(
        "Position among the events of the same day (1, 2, …; 0 when not set). Lists order same-day events by it: the order of local times where a source gives them, otherwise the editors'.",
      ),
    endDate: nullable(partialDate),
    localTime: nullable(text).describe("HH:MM in timeZone"),
    timeZone: nullable(text).describe("IANA time zone"),
    occurrence: lowerEnum(Occurrence),
    place: nullable(text),
    country: nullable(CountryRef),
    unconfirmed: nullable(text).describe("What the sources leave unconfirmed about this event"),
    agreement: nullable(SlugRef),
    topics: z.array(SlugRef),
    participants: z.array(participant),
    firstPublishedAt: nullable(instant),
    publishedAt: nullable(instant),
  })
  .register(apiSchemas, { id: "Event", description: "A published event; dates are cut to their precision." });

export const ApiEventDetailSchema = ApiEventSchema.extend({
  parent: nullable(EventRef),
  children: z.array(EventRef),
  ledTo: z.array(z.object({ slug: text, title: text, url })).describe("Published events this one led to"),
  followedFrom: z.array(z.object({ slug: text, title: text, url })).describe("Published events this one followed from"),
  statements: z.array(z.object({ slug: text, title: text, url })),
  treatyActions: z.array(
    z.object({
      agreement: text,
      country: text,
      type: lowerEnum(TreatyActionType),
      date: nullable(partialDate),
      via: nullable(text).describe("For joined_through_related_instrument: the slug of the instrument the party joined through"),
      unconfirmed: nullable(text).describe("What the sources leave unconfirmed about this step"),
    }),
  ),
  sources: z.array(ApiSourceSchema),
  corrections: z.array(CorrectionSchema),
}).register(apiSchemas, { id: "EventDetail", description: "A published event with its sources, statements, treaty actions and corrections." });

export const ApiStatementSchema = z
  .object({
    id: text,
    slug: text,
    url,
    title: text,
    text: text.describe("Verbatim, in its original language"),
    language: text,
    translation: nullable(text),
    translatedBy: nullable(text),
    speaker: nullable(SlugRef),
    speakerLabel: nullable(text),
    speakerTitle: nullable(text).describe("The speaker's title at the time"),
    attribution: lowerEnum(Attribution),
    medium: lowerEnum(StatementMedium),
    platform: nullable(text),
    quoteType: lowerEnum(QuoteType).describe(
      "direct and partial: text holds words a source prints as the speaker's (cuts marked …); paraphrase: a source's account of what was said, never to be shown in quotation marks",
    ),
    saidOn: nullable(partialDate),
    saidPrecision: lowerEnum(DatePrecision),
    saidTime: nullable(text),
    timeZone: nullable(text),
    context: nullable(text),
    event: nullable(EventRef),
    countries: z.array(CountryRef),
    topics: z.array(SlugRef),
    firstPublishedAt: nullable(instant),
    publishedAt: nullable(instant),
  })
  .register(apiSchemas, { id: "Statement", description: "A published statement, verbatim, with its speaker's title at the time." });

export const ApiStatementDetailSchema = ApiStatementSchema.extend({
  sources: z.array(ApiSourceSchema),
  corrections: z.array(CorrectionSchema),
}).register(apiSchemas, { id: "StatementDetail", description: "A published statement with its sources and corrections." });

export const ApiTombstoneSchema = z
  .object({ id: text, slug: text, kind: z.enum(["event", "statement"]), retracted: z.literal(true), retractedAt: nullable(instant), retractionReason: nullable(text) })
  .register(apiSchemas, { id: "Tombstone", description: "A retracted item keeps its address and the reason, never its text." });

export const ApiAgreementSchema = z
  .object({
    id: text,
    slug: text,
    url,
    name: text,
    kind: lowerEnum(AgreementKind),
    summary: nullable(text),
    concludedOn: nullable(partialDate),
    wikidataId: nullable(text),
    parent: nullable(SlugRef),
    parties: z.array(
      z.object({
        country: CountryRef,
        status: z
          .string()
          .describe('Derived from the party\'s actions: "intent-announced", "joined-through-related", "signed", "ratified", "in-force", "withdrawn", … or "none"'),
        actions: z.array(
          z.object({
            id: text,
            type: lowerEnum(TreatyActionType),
            date: nullable(partialDate),
            note: nullable(text),
            via: nullable(z.object({ slug: text, name: text, url })).describe("For joined_through_related_instrument: the instrument the party joined through"),
            unconfirmed: nullable(text).describe("What the sources leave unconfirmed about this step"),
            event: nullable(z.object({ slug: text, title: text, url })),
            sources: z.array(ApiSourceSchema),
          }),
        ),
      }),
    ),
    sources: z.array(ApiSourceSchema),
  })
  .register(apiSchemas, { id: "Agreement", description: "An agreement, its parties with their derived status, and their treaty actions." });

export const ApiCountrySchema = z
  .object({ iso2: text, iso3: text, numeric: text, name: text, wikidataId: nullable(text), url })
  .register(apiSchemas, { id: "Country", description: "An ISO 3166-1 country." });

export const ApiPersonSchema = z
  .object({
    id: text,
    slug: text,
    url,
    name: text,
    country: nullable(CountryRef),
    wikidataId: nullable(text),
    description: nullable(text),
    offices: z.array(z.object({ title: text, country: nullable(CountryRef), organization: nullable(SlugRef), from: nullable(partialDate), to: nullable(partialDate) })),
  })
  .register(apiSchemas, { id: "Person", description: "A person and the offices they held." });

export const ApiOrganizationSchema = z
  .object({
    id: text,
    slug: text,
    url,
    name: text,
    acronym: nullable(text),
    kind: lowerEnum(OrganizationKind),
    country: nullable(CountryRef),
    wikidataId: nullable(text),
    description: nullable(text),
    members: z.array(z.object({ iso2: text, name: text, joinedOn: nullable(partialDate), leftOn: nullable(partialDate) })),
  })
  .register(apiSchemas, { id: "Organization", description: "An organization and its member countries." });

export const ApiTopicSchema = z.object({ id: text, slug: text, url, name: text, description: nullable(text) }).register(apiSchemas, { id: "Topic", description: "A topic." });

export const ApiSearchResultSchema = z
  .object({
    kind: z.enum(["event", "statement"]),
    id: text,
    slug: text,
    url,
    title: text,
    snippet: text.describe("Plain text around the match"),
    snippetHtml: text.describe("The snippet with matches in <mark>; everything else escaped"),
    date: nullable(partialDate),
    rank: z.number(),
  })
  .register(apiSchemas, { id: "SearchResult", description: "A search hit: an event or a statement, with a highlighted snippet." });

export const ApiErrorSchema = z
  .object({ error: z.object({ parameter: text.optional().describe("The query parameter that was wrong"), message: text }) })
  .register(apiSchemas, { id: "Error" });

/** A keyset-paged list: follow `next` (or pass `nextCursor` as `cursor`). */
function pageOf<S extends z.ZodType>(item: S, id: string) {
  return z
    .object({
      data: z.array(item),
      next: nullable(url).describe("URL of the next page, or null on the last page"),
      nextCursor: nullable(text),
      prev: nullable(url).describe("URL of the previous page, or null on the first page"),
    })
    .register(apiSchemas, { id });
}

export const ApiEventListSchema = pageOf(ApiEventSchema, "EventList");
export const ApiStatementListSchema = pageOf(ApiStatementSchema, "StatementList");
export const ApiCountryListSchema = pageOf(ApiCountrySchema, "CountryList");
export const ApiPersonListSchema = pageOf(ApiPersonSchema, "PersonList");
export const ApiOrganizationListSchema = pageOf(ApiOrganizationSchema, "OrganizationList");
export const ApiAgreementListSchema = pageOf(ApiAgreementSchema, "AgreementList");
export const ApiTopicListSchema = pageOf(ApiTopicSchema, "TopicList");
export const ApiSearchResultListSchema = z
  .object({
    data: z.array(ApiSearchResultSchema),
    total: z.number().int().describe("How many published items match; with totalIsAtLeast, how many were ranked (the newest matches of each kind)"),
    totalIsAtLeast: z.boolean().optional().describe("True when more items match than were ranked: total is then a lower bound"),
    next: nullable(url).describe("URL of the next page of results, or null"),
    message: text.optional().describe("Why there are no results, when the query had nothing to search for"),
  })
  .register(apiSchemas, { id: "SearchResultList" });

/** An item endpoint's answer. */
export const itemOf = <S extends z.ZodType>(item: S) => z.object({ data: item });

export type ApiEvent = z.infer<typeof ApiEventSchema>;
export type ApiEventDetail = z.infer<typeof ApiEventDetailSchema>;
export type ApiStatement = z.infer<typeof ApiStatementSchema>;
export type ApiStatementDetail = z.infer<typeof ApiStatementDetailSchema>;
export type ApiTombstone = z.infer<typeof ApiTombstoneSchema>;
export type ApiAgreement = z.infer<typeof ApiAgreementSchema>;
export type ApiCountry = z.infer<typeof ApiCountrySchema>;
export type ApiPerson = z.infer<typeof ApiPersonSchema>;
export type ApiOrganization = z.infer<typeof ApiOrganizationSchema>;
export type ApiTopic = z.infer<typeof ApiTopicSchema>;
export type ApiSearchResult = z.infer<typeof ApiSearchResultSchema>;
export type ApiSearchResultList = z.infer<typeof ApiSearchResultListSchema>;
