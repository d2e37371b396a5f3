import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { getPublicAgreement, getPublicEvent, getPublicStatement, listPublicCountries, listSitemapRecords } from "./public-reads";
import { seedPublicRecordBeforeAll } from "@/lib/testing/public-record";
import { derivePartyStatus, serializeAgreement, serializeEventDetail, serializeStatementDetail, serializeTombstone } from "./serializers";

const leak = seedPublicRecordBeforeAll("reads");
const ORIGIN = "https://chancery.example";

describe("public single reads", () => {
  it("find published items by slug or id, never unpublished ones, and retracted ones only as tombstones", async () => {
    for (const f of leak.fixtures) {
      const event = await getPublicEvent(f.eventSlug);
      const statement = await getPublicStatement(f.statementSlug);
      if (f.status === "STAGED") {
        expect(event?.kind).toBe("published");
        expect(statement?.kind).toBe("published");
        const text = JSON.stringify([
          event?.kind === "published" && serializeEventDetail(event.item, ORIGIN),
          statement?.kind === "published" && serializeStatementDetail(statement.item, ORIGIN),
        ]);
        expect(text).toContain(leak.publishedMarker);
        expect(text).not.toContain(leak.stagedMarker);
        for (const field of ["stagedData", "createdById", "updatedById", "stagedById", "status", "version", "scheduledAt"]) expect(text).not.toContain(`"${field}"`);
      } else if (f.status === "RETRACTED") {
        expect(event?.kind).toBe("retracted");
        const text = JSON.stringify(event?.kind === "retracted" && serializeTombstone("event", event.tombstone));
        expect(text).not.toContain(f.marker);
        expect(text).toContain("Retracted for the leak test.");
        expect(statement?.kind).toBe("retracted");
      } else {
        expect(event, f.status).toBeNull();
        expect(statement, f.status).toBeNull();
        const row = await db.event.findUnique({ where: { slug: f.eventSlug }, select: { id: true } });
        expect(await getPublicEvent(row!.id)).toBeNull();
      }
    }
    const accession = await getPublicEvent("kazakhstan-to-join-the-abraham-accords");
    expect(accession?.kind).toBe("published");
  });

  it("derives each party's status from its treaty actions", async () => {
    expect(derivePartyStatus([])).toBe("none");
    expect(derivePartyStatus([{ type: "INTENT_ANNOUNCED", date: new Date("2020-01-01") }, { type: "SIGNATURE", date: new Date("2020-02-01") }])).toBe("signed");
    expect(derivePartyStatus([{ type: "SIGNATURE", date: new Date("2020-02-01") }, { type: "ENTRY_INTO_FORCE", date: new Date("2020-02-01") }])).toBe("in-force");
    expect(derivePartyStatus([{ type: "ACCESSION", date: new Date("2020-01-01") }, { type: "WITHDRAWAL", date: new Date("2022-01-01") }])).toBe("withdrawn");
    const accords = serializeAgreement((await getPublicAgreement("abraham-accords"))!, ORIGIN);
    const byCountry = Object.fromEntries(accords.parties.map((p) => [p.country.iso2, p.status]));
    // Morocco joined through the US–Israel–Morocco Joint Declaration (the first demo record had it as an intent only).
    expect(byCountry).toMatchObject({ KZ: "intent-announced", AE: "signed", BH: "signed", SD: "signed", MA: "joined-through-related" });
    const morocco = accords.parties.find((p) => p.country.iso2 === "MA")!;
    expect(morocco.actions.find((a) => a.type === "joined_through_related_instrument")).toMatchObject({
      via: { slug: "us-israel-morocco-joint-declaration" },
      unconfirmed: expect.stringMatching(/not confirmed/),
    });
  });

  it("pages countries by code and lists only published items in the sitemap", async () => {
    const first = await listPublicCountries({ limit: 10 });
    expect(first.items).toHaveLength(10);
    const next = await listPublicCountries({ limit: 10, cursor: first.next! });
    expect(next.items[0]!.iso2 > first.items[9]!.iso2).toBe(true);
    const sitemap = await listSitemapRecords();
    const slugs = [...sitemap.events, ...sitemap.statements].map((r) => r.slug);
    for (const f of leak.fixtures.filter((f) => f.status !== "STAGED")) {
      expect(slugs).not.toContain(f.eventSlug);
      expect(slugs).not.toContain(f.statementSlug);
    }
    expect(sitemap.countries.map((c) => c.iso2)).toContain("KZ");
  });
});
