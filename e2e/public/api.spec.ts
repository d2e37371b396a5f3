import { expect, test } from "@playwright/test";

const ACCESSION = "kazakhstan-to-join-the-abraham-accords";

test("events: list with filters and cursor paging, and one event by slug or id", async ({ request, baseURL }) => {
  const first = await request.get("/api/v1/events?limit=5");
  expect(first.status()).toBe(200);
  expect(first.headers()["content-type"]).toBe("application/json; charset=utf-8");
  const page1 = await first.json();
  expect(page1.data).toHaveLength(5);
  expect(page1.next).toMatch(new RegExp(`^${baseURL}/api/v1/events\\?`));
  const page2 = await (await request.get(page1.next.replace(baseURL, ""))).json();
  const ids1 = page1.data.map((e: { id: string }) => e.id);
  expect(page2.data.some((e: { id: string }) => ids1.includes(e.id))).toBe(false);

  const kz = await (await request.get("/api/v1/events?country=KZ&agreement=abraham-accords&from=2025-11&to=2025-11-30&limit=100")).json();
  const accession = kz.data.find((e: { slug: string }) => e.slug === ACCESSION);
  expect(accession).toMatchObject({ type: "INTENT_ANNOUNCED", date: "2025-11-06", datePrecision: "day", url: `${baseURL}/events/${ACCESSION}` });
  for (const key of ["stagedData", "createdById", "updatedById", "status", "version", "searchVector"]) expect(accession).not.toHaveProperty(key);

  const bySlug = await (await request.get(`/api/v1/events/${ACCESSION}`)).json();
  const byId = await (await request.get(`/api/v1/events/${accession.id}`)).json();
  expect(byId).toEqual(bySlug);
  expect(bySlug.data.sources.length).toBeGreaterThan(0);
  expect(bySlug.data.statements.map((s: { slug: string }) => s.slug)).toContain("trump-kazakhstan-first-of-many");
});

test("statements, countries, people, organizations, agreements and topics answer lists and items", async ({ request }) => {
  const statements = await (await request.get("/api/v1/statements?speaker=donald-trump")).json();
  expect(statements.data.map((s: { slug: string }) => s.slug)).toEqual(["trump-kazakhstan-first-of-many"]);
  expect(statements.data[0]).toMatchObject({ speakerTitle: "President of the United States", platform: "Truth Social", medium: "social_post" });
  expect((await request.get("/api/v1/statements/trump-kazakhstan-first-of-many")).status()).toBe(200);

  const countries = await (await request.get("/api/v1/countries?limit=100")).json();
  expect(countries.data).toHaveLength(100);
  const more = await (await request.get(countries.next.replace(/^https?:\/\/[^/]+/, ""))).json();
  expect(more.data[0].iso2 > countries.data[99].iso2).toBe(true);
  expect((await (await request.get("/api/v1/countries/kz")).json()).data).toMatchObject({ iso2: "KZ", iso3: "KAZ", numeric: "398", wikidataId: "Q232" });

  const people = await (await request.get("/api/v1/people")).json();
  expect(people.data.map((p: { slug: string }) => p.slug)).toContain("marco-rubio");
  expect((await (await request.get("/api/v1/people/donald-trump")).json()).data.offices[0].title).toBe("President of the United States");

  const organizations = await (await request.get("/api/v1/organizations")).json();
  expect(organizations.data.map((o: { slug: string }) => o.slug)).toContain("c5-plus-1");
  expect((await (await request.get("/api/v1/organizations/c5-plus-1")).json()).data.members.length).toBe(6);

  const agreements = await (await request.get("/api/v1/agreements")).json();
  expect(agreements.data.map((a: { slug: string }) => a.slug)).toContain("abraham-accords");
  const accords = (await (await request.get("/api/v1/agreements/abraham-accords")).json()).data;
  const kz = accords.parties.find((p: { country: { iso2: string } }) => p.country.iso2 === "KZ");
  expect(kz.status).toBe("intent-announced");
  expect(kz.actions[0].event.slug).toBe(ACCESSION);

  const topics = await (await request.get("/api/v1/topics")).json();
  expect(topics.data.map((t: { slug: string }) => t.slug)).toContain("energy");
  expect((await request.get("/api/v1/topics/energy")).status()).toBe(200);

  const search = await (await request.get("/api/v1/search?q=Kazakhstan+Abraham")).json();
  expect(search.data.map((h: { slug: string }) => h.slug)).toContain(ACCESSION);
  expect(search.data[0].snippetHtml).toContain("<mark>");
});

test("bad parameters answer 400 naming the parameter; unknown ids 404", async ({ request }) => {
  const bad: Array<[string, string]> = [
    ["/api/v1/events?country=zz", "country"],
    ["/api/v1/events?country=kaz", "country"],
    ["/api/v1/events?type=picnic", "type"],
    ["/api/v1/events?from=2025-02-30", "from"],
    ["/api/v1/events?from=2025&to=2024", "to"],
    ["/api/v1/events?limit=1000", "limit"],
    ["/api/v1/events?cursor=nope", "cursor"],
    ["/api/v1/events?colour=red", "colour"],
    ["/api/v1/events?country=kz&country=il", "country"],
    ["/api/v1/statements?speaker=nobody-here", "speaker"],
    ["/api/v1/events.csv?topic=Not%20A%20Slug", "topic"],
    ["/api/v1/countries?limit=0", "limit"],
    ["/api/v1/people?cursor=%%%", "cursor"],
    ["/api/v1/search?q=x&page=999", "page"],
    // PostgreSQL refuses a NUL in text: refused here, never passed on.
    ["/api/v1/search?q=tok%00aev", "q"],
  ];
  for (const [url, parameter] of bad) {
    const response = await request.get(url);
    expect(response.status(), url).toBe(400);
    expect(response.headers()["access-control-allow-origin"]).toBe("*");
    const body = await response.json();
    expect(body.error.parameter, url).toBe(parameter);
    expect(typeof body.error.message).toBe("string");
  }
  for (const url of ["/api/v1/events/no-such-event", "/api/v1/statements/no-such", "/api/v1/countries/zz", "/api/v1/people/nobody", "/api/v1/organizations/none", "/api/v1/agreements/none", "/api/v1/topics/none"]) {
    const response = await request.get(url);
    expect(response.status(), url).toBe(404);
    expect((await response.json()).error.message).toBeTruthy();
  }
});

test("events.csv exports the same rows as the JSON list, quoted per RFC 4180", async ({ request }) => {
  const json = await (await request.get("/api/v1/events?country=kz&limit=50")).json();
  const response = await request.get("/api/v1/events.csv?country=kz&limit=50");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toMatch(/^text\/csv; charset=utf-8/);
  const text = await response.text();
  const lines = text.trimEnd().split("\r\n");
  expect(lines[0]).toBe("id,slug,url,title,summary,type,cameo_code,date,date_precision,end_date,occurrence,place,country_iso2,agreement,topics,participants,published_at");
  expect(lines.length - 1).toBe(json.data.length);
  expect(lines.slice(1).map((l) => l.split(",")[0])).toEqual(json.data.map((e: { id: string }) => e.id));
  expect(text).toContain(`"Signing ceremony for Kazakhstan's accession to the Abraham Accords"`.replace(/^"|"$/g, ""));
});

test("GET is open to any origin; OPTIONS answers the preflight", async ({ request }) => {
  const get = await request.get("/api/v1/events", { headers: { Origin: "https://elsewhere.example" } });
  expect(get.headers()["access-control-allow-origin"]).toBe("*");
  const options = await request.fetch("/api/v1/events", { method: "OPTIONS", headers: { Origin: "https://elsewhere.example", "Access-Control-Request-Method": "GET" } });
  expect(options.status()).toBe(204);
  expect(options.headers()["access-control-allow-origin"]).toBe("*");
  expect(options.headers()["access-control-allow-methods"]).toContain("GET");
});

test("responses carry an ETag and Cache-Control, and a matching If-None-Match gets 304", async ({ request }) => {
  for (const url of ["/api/v1/events", `/api/v1/events/${ACCESSION}`, "/api/v1/events.csv", "/api/v1/agreements", "/api/v1/openapi.json", "/feed.xml"]) {
    const first = await request.get(url);
    const etag = first.headers()["etag"];
    expect(etag, url).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(first.headers()["cache-control"], url).toContain("public");
    expect(first.headers()["cache-control"], url).toContain("s-maxage=");
    const again = await request.get(url, { headers: { "If-None-Match": etag! } });
    expect(again.status(), url).toBe(304);
    const other = await request.get(url, { headers: { "If-None-Match": '"something-else"' } });
    expect(other.status(), url).toBe(200);
  }
});

test("the OpenAPI 3.1 document is generated from the parameter schemas", async ({ request, baseURL }) => {
  const doc = await (await request.get("/api/v1/openapi.json")).json();
  expect(doc.openapi).toBe("3.1.0");
  expect(doc.servers[0].url).toBe(`${baseURL}/api/v1`);
  for (const path of ["/events", "/events/{key}", "/events.csv", "/statements", "/statements/{key}", "/countries", "/people", "/organizations", "/agreements", "/topics", "/search"]) {
    expect(doc.paths[path], path).toBeTruthy();
  }
  const params = doc.paths["/events"].get.parameters as Array<{ name: string; schema: { maximum?: number; enum?: string[]; pattern?: string } }>;
  expect(params.map((p) => p.name).sort()).toEqual(["agreement", "country", "cursor", "from", "limit", "to", "topic", "type"]);
  expect(params.find((p) => p.name === "limit")!.schema.maximum).toBe(100);
  const speaker = (doc.paths["/statements"].get.parameters as Array<{ name: string }>).map((p) => p.name);
  expect(speaker).toContain("speaker");
});
