import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { eventConditions, publishedListSource, statementConditions } from "./filters";
import { keysetPage, type KeysetSource } from "./keyset";
import { decodeCursor } from "./cursor";
import { parseEventListQuery, parseStatementListQuery } from "./list-query";

/**
 * A country filter keeps what the country's page counts: the events involving it (its
 * own, a participating country, a participating person's or organization's) and the
 * statements concerning it (tagged with it, or said by its people). The lists walk the
 * country's part of the country index (EventCountry, StatementConcern, kept by
 * triggers); the pages must be the ones the plain condition on the table gives, in
 * both directions, with every other filter.
 */

const MANY = 1_020;

// FR: many events, as the place of some and a participating country in others; BE: a
// few, one as the place, one as a participating country, one through a Belgian minister
// and one through a Belgian ministry (neither names a country of its own); DE: one, a
// draft. Statements: tagged with FR; BE: one tagged, one said by the Belgian minister
// (tagged FR), one draft tagged BE.
beforeAll(async () => {
  await db.$executeRaw`
    INSERT INTO "Person" (id, slug, name, "countryId", "updatedAt") VALUES ('fltr_person_be', 'fltr-minister', 'A Belgian minister', 'BE', now())`;
  await db.$executeRaw`
    INSERT INTO "Organization" (id, slug, name, kind, "countryId", "updatedAt") VALUES ('fltr_org_be', 'fltr-ministry', 'A Belgian ministry', 'GOVERNMENT_BODY', 'BE', now())`;
  await db.$executeRaw`
    INSERT INTO "Event" (id, slug, title, summary, type, "date", "dayOrder", "countryId", status, "updatedAt")
    SELECT 'fltr_' || i, 'fltr-' || i, 'Event ' || i, 's', (CASE WHEN i % 3 = 0 THEN 'VISIT' ELSE 'MEETING' END)::"EventType",
      CASE WHEN i % 250 = 0 THEN NULL ELSE DATE '2025-12-31' - (i / 2) END, i % 2,
      CASE WHEN i % 2 = 0 THEN 'FR' WHEN i = 7 THEN 'BE' END, (CASE WHEN i = 9 THEN 'DRAFT' ELSE 'PUBLISHED' END)::"PublicationStatus", now()
    FROM generate_series(1, ${MANY}) AS i`;
  await db.$executeRaw`
    INSERT INTO "EventParticipant" (id, "eventId", role, "countryId", position)
    SELECT 'fltr_p_' || i, 'fltr_' || i, 'VISITOR', CASE WHEN i IN (8, 30) THEN 'BE' ELSE 'FR' END, 0
    FROM generate_series(1, ${MANY}) AS i`;
  await db.$executeRaw`
    INSERT INTO "EventParticipant" (id, "eventId", role, "countryId", "personId", "organizationId", position)
    VALUES ('fltr_q_9', 'fltr_9', 'HOST', 'DE', NULL, NULL, 1), ('fltr_q_30', 'fltr_30', 'HOST', 'BE', NULL, NULL, 1),
           ('fltr_q_250', 'fltr_250', 'HOST', NULL, 'fltr_person_be', NULL, 1), ('fltr_q_41', 'fltr_41', 'HOST', NULL, NULL, 'fltr_org_be', 1)`;
  await db.$executeRaw`
    INSERT INTO "Statement" (id, slug, title, text, medium, "speakerLabel", "speakerId", "saidOn", status, "updatedAt")
    SELECT 'fltr_s_' || i, 'fltr-s-' || i, 'Statement ' || i, 'said', 'SPEECH', 'someone', CASE WHEN i = 5 THEN 'fltr_person_be' END,
      CASE WHEN i % 40 = 0 THEN NULL ELSE DATE '2025-12-31' - (i / 3) END, (CASE WHEN i = 11 THEN 'DRAFT' ELSE 'PUBLISHED' END)::"PublicationStatus", now()
    FROM generate_series(1, 120) AS i`;
  await db.$executeRaw`
    INSERT INTO "StatementCountry" ("statementId", "countryId")
    SELECT 'fltr_s_' || i, CASE WHEN i IN (3, 11) THEN 'BE' ELSE 'FR' END FROM generate_series(1, 120) AS i`;
  // Topics: energy on every third event (the draft and dateless ones among them) and every
  // other statement; trade on every fifth event, beside energy on some.
  await db.$executeRaw`
    INSERT INTO "Topic" (id, slug, name, "updatedAt") VALUES ('fltr_energy', 'fltr-energy', 'Energy (filters)', now()), ('fltr_trade', 'fltr-trade', 'Trade (filters)', now())`;
  await db.$executeRaw`
    INSERT INTO "EventTopic" ("eventId", "topicId")
    SELECT 'fltr_' || i, 'fltr_energy' FROM generate_series(3, ${MANY}, 3) AS i
    UNION ALL SELECT 'fltr_' || i, 'fltr_trade' FROM generate_series(5, ${MANY}, 5) AS i
    UNION ALL SELECT 'fltr_9', 'fltr_trade'`;
  await db.$executeRaw`
    INSERT INTO "StatementTopic" ("statementId", "topicId") SELECT 'fltr_s_' || i, 'fltr_energy' FROM generate_series(1, 120, 2) AS i`;
  await db.$executeRaw`ANALYZE "EventCountry", "StatementConcern", "EventTopic", "StatementTopic", "Event", "Statement"`;
});

/** Every page of a list, walked forwards, and every page walked back from the last. */
async function walk(source: KeysetSource) {
  const forward = [];
  let page = await keysetPage(db, source, { limit: 25 });
  forward.push(page);
  while (page.next) {
    page = await keysetPage(db, source, { limit: 25, cursor: decodeCursor(page.next) });
    forward.push(page);
  }
  const back = [];
  while (page.prev) {
    page = await keysetPage(db, source, { limit: 25, cursor: decodeCursor(page.prev) });
    back.push(page);
  }
  return { forward, back, ids: forward.flatMap((p) => p.ids) };
}

const events = (params: Record<string, string>) => parseEventListQuery({ ...params, limit: "25" });
const statements = (params: Record<string, string>) => parseStatementListQuery({ ...params, limit: "25" });

describe("a country filter", () => {
  it("walks the country's events in its index and gives the pages the table gives", async () => {
    const cases: Array<Record<string, string>> = [
      { country: "FR" },
      { country: "FR", type: "VISIT", to: "2024" },
      { country: "FR", from: "2025-06" },
      { country: "FR", from: "2025-03", to: "2025-08", type: "MEETING" },
      { country: "BE" },
      { country: "BE", type: "MEETING" },
      { country: "DE" },
      { country: "NO" },
    ];
    for (const params of cases) {
      const filters = events(params);
      const walked = publishedListSource("Event", filters);
      expect(walked.walk, JSON.stringify(params)).toEqual({ by: "country", value: params.country });
      const plain = await walk({ table: "Event", dateColumn: "date", where: eventConditions(filters) });
      expect(await walk(walked), JSON.stringify(params)).toEqual(plain);
    }
    const fr = await walk(publishedListSource("Event", events({ country: "FR" })));
    expect(fr.ids).toHaveLength(MANY - 1); // every event names France but the draft
    expect(fr.back.at(-1)?.ids).toEqual(fr.forward[0]?.ids);
  });

  it("keeps an event through its place, a participating country, person or organization; never a draft", async () => {
    const be = await walk(publishedListSource("Event", events({ country: "BE" })));
    expect(be.ids.sort()).toEqual(["fltr_250", "fltr_30", "fltr_41", "fltr_7", "fltr_8"]);
    expect((await walk(publishedListSource("Event", events({ country: "DE" })))).ids).toEqual([]);
  });

  it("keeps a statement tagged with the country or said by its people, and gives the table's pages", async () => {
    const cases: Array<Record<string, string>> = [{ country: "FR" }, { country: "FR", from: "2025-11", to: "2025-12" }, { country: "BE" }, { country: "FR", speaker: "fltr-minister" }];
    for (const params of cases) {
      const filters = statements(params);
      const plain = await walk({ table: "Statement", dateColumn: "saidOn", where: statementConditions(filters) });
      expect(await walk(publishedListSource("Statement", filters)), JSON.stringify(params)).toEqual(plain);
    }
    const be = await walk(publishedListSource("Statement", statements({ country: "BE" })));
    expect(be.ids.sort()).toEqual(["fltr_s_3", "fltr_s_5"]);
    const fr = await walk(publishedListSource("Statement", statements({ country: "FR" })));
    expect(fr.ids).toHaveLength(120 - 2); // all but the two tagged with Belgium alone
  });
});

describe("a topic filter", () => {
  it("walks the topic's events and statements in its index and gives the pages the table gives", async () => {
    const eventCases: Array<Record<string, string>> = [
      { topic: "fltr-energy" },
      { topic: "fltr-energy", type: "VISIT" },
      { topic: "fltr-energy", from: "2025-06" },
      { topic: "fltr-energy", to: "2025-08" },
      { topic: "fltr-trade", from: "2025-03", to: "2025-08", type: "MEETING" },
      { topic: "fltr-trade", country: "FR" },
      { topic: "fltr-trade", country: "BE" },
    ];
    for (const params of eventCases) {
      const filters = events(params);
      const walked = publishedListSource("Event", filters);
      // A country, when there is one, is walked; the topic is then tested on the rows.
      expect(walked.walk, JSON.stringify(params)).toEqual(params.country ? { by: "country", value: params.country } : { by: "topic", value: params.topic });
      const plain = await walk({ table: "Event", dateColumn: "date", where: eventConditions(filters) });
      expect(await walk(walked), JSON.stringify(params)).toEqual(plain);
    }
    const energy = await walk(publishedListSource("Event", events({ topic: "fltr-energy" })));
    expect(energy.ids).toHaveLength(MANY / 3 - 1); // every third event but the draft
    expect(energy.ids).toContain("fltr_750"); // dateless, first
    expect(energy.ids.indexOf("fltr_750")).toBeLessThan(energy.ids.indexOf("fltr_3"));
    expect((await walk(publishedListSource("Event", events({ topic: "fltr-trade", country: "DE" })))).ids).toEqual([]);

    const statementCases: Array<Record<string, string>> = [{ topic: "fltr-energy" }, { topic: "fltr-energy", from: "2025-11-20" }, { topic: "fltr-energy", country: "BE" }, { topic: "fltr-trade" }];
    for (const params of statementCases) {
      const filters = statements(params);
      const plain = await walk({ table: "Statement", dateColumn: "saidOn", where: statementConditions(filters) });
      expect(await walk(publishedListSource("Statement", filters)), JSON.stringify(params)).toEqual(plain);
    }
    const said = await walk(publishedListSource("Statement", statements({ topic: "fltr-energy" })));
    expect(said.ids).toHaveLength(60 - 1); // every other statement but the draft
  });
});
