import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { countryHasFewEvents, eventConditions, FEW_COUNTRY_EVENTS } from "./filters";
import { keysetPage } from "./keyset";
import { decodeCursor } from "./cursor";
import { parseEventListQuery } from "./list-query";

/**
 * A country's events are found by one of two plans (filters.ts): through the set of
 * their ids when the country is in few events, by walking the date index otherwise.
 * Both must give the same pages; which one runs depends only on the count.
 */

// FR: more events than the bound, as the place of some and a participant in others;
// BE: a few, one as the place only, one as a participant only; DE: one, a draft.
beforeAll(async () => {
  await db.$executeRaw`
    INSERT INTO "Event" (id, slug, title, summary, type, "date", "dayOrder", "countryId", status, "updatedAt")
    SELECT 'fltr_' || i, 'fltr-' || i, 'Event ' || i, 's', (CASE WHEN i % 3 = 0 THEN 'VISIT' ELSE 'MEETING' END)::"EventType",
      CASE WHEN i % 250 = 0 THEN NULL ELSE DATE '2025-12-31' - (i / 2) END, i % 2,
      CASE WHEN i % 2 = 0 THEN 'FR' WHEN i = 7 THEN 'BE' END, (CASE WHEN i = 9 THEN 'DRAFT' ELSE 'PUBLISHED' END)::"PublicationStatus", now()
    FROM generate_series(1, ${FEW_COUNTRY_EVENTS + 20}) AS i`;
  await db.$executeRaw`
    INSERT INTO "EventParticipant" (id, "eventId", role, "countryId", position)
    SELECT 'fltr_p_' || i, 'fltr_' || i, 'VISITOR', CASE WHEN i % 2 = 1 THEN 'FR' WHEN i IN (8, 30) THEN 'BE' ELSE 'FR' END, 0
    FROM generate_series(1, ${FEW_COUNTRY_EVENTS + 20}) AS i`;
  await db.$executeRaw`
    INSERT INTO "EventParticipant" (id, "eventId", role, "countryId", position)
    VALUES ('fltr_q_9', 'fltr_9', 'HOST', 'DE', 1), ('fltr_q_30', 'fltr_30', 'HOST', 'BE', 1)`;
});

/** Every page of a filtered list, walked forwards, and the page back from the last, with one plan or the other. */
async function walk(params: Record<string, string>, isFewCountryEvents: boolean) {
  const query = parseEventListQuery({ ...params, limit: "25" });
  const source = { table: "Event" as const, dateColumn: "date" as const, where: eventConditions(query, { isFewCountryEvents }) };
  const pages = [];
  let page = await keysetPage(db, source, { limit: 25 });
  pages.push(page);
  while (page.next) {
    page = await keysetPage(db, source, { limit: 25, cursor: decodeCursor(page.next) });
    pages.push(page);
  }
  const back = page.prev ? await keysetPage(db, source, { limit: 25, cursor: decodeCursor(page.prev) }) : null;
  return { pages, back };
}

describe("a country's events", () => {
  it("are counted up to the bound, as the place or a participant, whatever their status", async () => {
    expect(await countryHasFewEvents(db, "FR")).toBe(false);
    expect(await countryHasFewEvents(db, "BE")).toBe(true);
    expect(await countryHasFewEvents(db, "DE")).toBe(true);
    expect(await countryHasFewEvents(db, "NO")).toBe(true);
  });

  it("are the same pages through the set of their ids and through the date index", async () => {
    const cases: Array<Record<string, string>> = [
      { country: "FR" },
      { country: "FR", type: "VISIT", to: "2024" },
      { country: "FR", from: "2025-06" },
      { country: "BE" },
      { country: "BE", type: "MEETING" },
      { country: "DE" },
      { country: "NO" },
    ];
    for (const params of cases) {
      const few = await walk(params, true);
      const many = await walk(params, false);
      expect(few, JSON.stringify(params)).toEqual(many);
    }
    const be = (await walk({ country: "BE" }, true)).pages.flatMap((p) => p.ids);
    expect(be.sort()).toEqual(["fltr_30", "fltr_7", "fltr_8"]);
    expect((await walk({ country: "DE" }, true)).pages.flatMap((p) => p.ids)).toEqual([]);
    const fr = await walk({ country: "FR" }, true);
    expect(fr.pages.flatMap((p) => p.ids)).toHaveLength(FEW_COUNTRY_EVENTS + 20 - 1);
    expect(fr.back?.ids).toEqual(fr.pages.at(-2)?.ids);
  });
});
