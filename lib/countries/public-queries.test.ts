import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { EVENTS_NEWEST_FIRST } from "@/lib/events/event-order";
import { STATEMENTS_NEWEST_FIRST } from "@/lib/statements/statement-order";
import { seedPublicRecordBeforeAll } from "@/lib/testing/public-record";
import { findPublicCountry, findPublicRelation } from "./public-queries";

const leak = seedPublicRecordBeforeAll("countryq");

/** "Involves", said the obvious way: the event's country, or a participant's, or a participant person's or organization's. */
const involving = (iso2: string) => ({
  OR: [{ countryId: iso2 }, { participants: { some: { OR: [{ countryId: iso2 }, { person: { countryId: iso2 } }, { organization: { countryId: iso2 } }] } } }],
});
const concerning = (iso2: string) => ({ OR: [{ countries: { some: { countryId: iso2 } } }, { speaker: { countryId: iso2 } }] });

describe("country pages read by index", () => {
  it("show the published events and statements that involve a country, newest first, as the plain filter finds them", async () => {
    for (const iso2 of ["KZ", "US", "AZ", "IL"]) {
      const page = await findPublicCountry(iso2);
      const events = await db.event.findMany({ where: { status: "PUBLISHED", ...involving(iso2) }, orderBy: EVENTS_NEWEST_FIRST, take: 300, select: { id: true } });
      const statements = await db.statement.findMany({ where: { status: "PUBLISHED", ...concerning(iso2) }, orderBy: STATEMENTS_NEWEST_FIRST, take: 50, select: { id: true } });
      expect(page!.events.map((e) => e.id), iso2).toEqual(events.map((e) => e.id));
      expect(page!.statements.map((s) => s.id), iso2).toEqual(statements.map((s) => s.id));
    }
    const kz = await findPublicCountry("KZ");
    expect(kz!.events.length).toBeGreaterThan(0);
    expect(kz!.statements.length).toBeGreaterThan(0);
    const text = JSON.stringify(await Promise.all(["KZ", "US"].map(findPublicCountry)));
    for (const fixture of leak.fixtures.filter((f) => f.status !== "STAGED")) expect(text).not.toContain(fixture.marker);
  });

  it("show two countries' shared record: only what involves both", async () => {
    const relation = await findPublicRelation("KZ", "US");
    const events = await db.event.findMany({ where: { status: "PUBLISHED", AND: [involving("KZ"), involving("US")] }, orderBy: EVENTS_NEWEST_FIRST, take: 300, select: { id: true } });
    const statements = await db.statement.findMany({ where: { status: "PUBLISHED", AND: [concerning("KZ"), concerning("US")] }, orderBy: STATEMENTS_NEWEST_FIRST, take: 50, select: { id: true } });
    expect(relation!.events.map((e) => e.id)).toEqual(events.map((e) => e.id));
    expect(relation!.events.length).toBeGreaterThan(0);
    expect(relation!.statements.map((s) => s.id)).toEqual(statements.map((s) => s.id));
    expect(await findPublicRelation("KZ", "KZ")).toBeNull();
  });
});
