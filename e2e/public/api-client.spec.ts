import { expect, test } from "@playwright/test";
import createClient from "openapi-fetch";
import type { z } from "zod";
import * as schemas from "@/lib/api/response-schemas";
import type { paths } from "@/lib/generated/api/open-data-api";

/**
 * A client generated from /api/v1/openapi.json (openapi-typescript types +
 * openapi-fetch), used against the running server for every list and item
 * endpoint. The types prove the document is usable by generators (this file must
 * compile); the zod checks prove the server sends exactly what the document says.
 */
function expectExactly<S extends z.ZodType>(schema: S, value: unknown, what: string) {
  const parsed = schema.safeParse(value);
  expect(parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`), what).toEqual([]);
  // Parsing strips unknown keys: equal only if the server sent nothing undocumented.
  expect(parsed.data as unknown, `${what} has fields the document does not describe`).toEqual(value);
}

test("a generated client lists and reads every kind of record, and every answer matches the document", async ({ baseURL }) => {
  const api = createClient<paths>({ baseUrl: `${baseURL}/api/v1` });

  const events = await api.GET("/events", { params: { query: { limit: 5, country: "KZ" } } });
  expect(events.response.status).toBe(200);
  expectExactly(schemas.ApiEventListSchema, events.data, "GET /events");
  const eventSlug = events.data!.data[0]!.slug;
  const event = await api.GET("/events/{key}", { params: { path: { key: eventSlug } } });
  expectExactly(schemas.itemOf(schemas.ApiEventDetailSchema), event.data, "GET /events/{key}");
  expect(event.data!.data.sources.length).toBeGreaterThan(0);

  const statements = await api.GET("/statements", { params: { query: { limit: 5 } } });
  expectExactly(schemas.ApiStatementListSchema, statements.data, "GET /statements");
  const statement = await api.GET("/statements/{key}", { params: { path: { key: statements.data!.data[0]!.slug } } });
  expectExactly(schemas.itemOf(schemas.ApiStatementDetailSchema), statement.data, "GET /statements/{key}");

  const countries = await api.GET("/countries", { params: { query: { limit: 3 } } });
  expectExactly(schemas.ApiCountryListSchema, countries.data, "GET /countries");
  const country = await api.GET("/countries/{key}", { params: { path: { key: "kz" } } });
  expectExactly(schemas.itemOf(schemas.ApiCountrySchema), country.data, "GET /countries/{key}");
  expect(country.data!.data.name).toBe("Kazakhstan");

  const people = await api.GET("/people", { params: { query: { limit: 3 } } });
  expectExactly(schemas.ApiPersonListSchema, people.data, "GET /people");
  const person = await api.GET("/people/{key}", { params: { path: { key: people.data!.data[0]!.slug } } });
  expectExactly(schemas.itemOf(schemas.ApiPersonSchema), person.data, "GET /people/{key}");

  const organizations = await api.GET("/organizations", { params: { query: { limit: 3 } } });
  expectExactly(schemas.ApiOrganizationListSchema, organizations.data, "GET /organizations");
  const organization = await api.GET("/organizations/{key}", { params: { path: { key: organizations.data!.data[0]!.slug } } });
  expectExactly(schemas.itemOf(schemas.ApiOrganizationSchema), organization.data, "GET /organizations/{key}");

  const agreements = await api.GET("/agreements", { params: { query: { limit: 3 } } });
  expectExactly(schemas.ApiAgreementListSchema, agreements.data, "GET /agreements");
  const agreement = await api.GET("/agreements/{key}", { params: { path: { key: "abraham-accords" } } });
  expectExactly(schemas.itemOf(schemas.ApiAgreementSchema), agreement.data, "GET /agreements/{key}");
  expect(agreement.data!.data.parties.map((p) => p.country.iso2)).toContain("KZ");

  const topics = await api.GET("/topics", { params: { query: { limit: 3 } } });
  expectExactly(schemas.ApiTopicListSchema, topics.data, "GET /topics");
  const topic = await api.GET("/topics/{key}", { params: { path: { key: topics.data!.data[0]!.slug } } });
  expectExactly(schemas.itemOf(schemas.ApiTopicSchema), topic.data, "GET /topics/{key}");

  const search = await api.GET("/search", { params: { query: { q: "Kazakhstan Abraham" } } });
  expectExactly(schemas.ApiSearchResultListSchema, search.data, "GET /search");
  expect(search.data!.data.length).toBeGreaterThan(0);

  // Errors are typed too: a bad parameter is a documented 400.
  const bad = await api.GET("/events", { params: { query: { limit: 1000 } } });
  expect(bad.response.status).toBe(400);
  expectExactly(schemas.ApiErrorSchema, bad.error, "400 from GET /events");
  const missing = await api.GET("/people/{key}", { params: { path: { key: "nobody-at-all" } } });
  expect(missing.response.status).toBe(404);
  expectExactly(schemas.ApiErrorSchema, missing.error, "404 from GET /people/{key}");
});
