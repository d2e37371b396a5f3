import type { Db } from "@/lib/db/client";
import type { PublicationStatus } from "@/lib/generated/prisma/client";

/**
 * Rows in every editorial state, for tests that prove only published data reaches
 * the public: one event and one statement per state, each carrying its own marker
 * word so a leak is easy to spot in any output.
 */
export interface LeakFixture {
  marker: string;
  status: PublicationStatus | "STAGED";
  eventSlug: string;
  statementSlug: string;
}

export async function seedEditorialStates(db: Db, prefix: string): Promise<{ fixtures: LeakFixture[]; stagedMarker: string; publishedMarker: string }> {
  const future = new Date(Date.now() + 7 * 24 * 3600 * 1000);
  const states: Array<LeakFixture["status"]> = ["DRAFT", "IN_REVIEW", "SCHEDULED", "STAGED", "RETRACTED"];
  const fixtures: LeakFixture[] = [];
  const stagedMarker = `${prefix}stagedzq`;
  const publishedMarker = `${prefix}livetextzq`;
  for (const state of states) {
    const marker = `${prefix}${state.toLowerCase().replace("_", "")}zq`;
    const slug = `${prefix}-${state.toLowerCase().replace("_", "-")}`;
    const status: PublicationStatus = state === "STAGED" ? "PUBLISHED" : state;
    const live = state === "STAGED" || state === "RETRACTED";
    const workflow = {
      status,
      scheduledAt: state === "SCHEDULED" ? future : null,
      firstPublishedAt: live ? new Date() : null,
      publishedAt: live ? new Date() : null,
      retractedAt: state === "RETRACTED" ? new Date() : null,
      retractionReason: state === "RETRACTED" ? "Retracted for the leak test." : null,
      stagedAt: state === "STAGED" ? new Date() : null,
    };
    // A retracted item's tombstone keeps its title (that is how readers recognise it); only its text must go.
    const title = state === "STAGED" ? `Published ${publishedMarker} event` : state === "RETRACTED" ? `Retracted event ${prefix}` : `Event ${marker}`;
    await db.event.create({
      data: {
        slug: `${slug}-event`,
        title,
        summary: state === "STAGED" ? `Summary ${publishedMarker}` : `Summary ${marker}`,
        body: state === "STAGED" ? `Body ${publishedMarker}` : `Body ${marker}`,
        type: "MEETING",
        date: state === "SCHEDULED" ? future : new Date("2024-03-05T00:00:00Z"),
        occurrence: state === "SCHEDULED" ? "SCHEDULED" : "OCCURRED",
        countryId: "KZ",
        stagedData: state === "STAGED" ? { title: `Staged ${stagedMarker}`, summary: `Staged ${stagedMarker}`, body: stagedMarker } : undefined,
        ...workflow,
        sources: { create: [{ url: "https://example.org/source", title: `Source ${state === "STAGED" ? publishedMarker : marker}` }] },
      },
    });
    await db.statement.create({
      data: {
        slug: `${slug}-statement`,
        title: state === "STAGED" ? `Published ${publishedMarker} statement` : state === "RETRACTED" ? `Retracted statement ${prefix}` : `Statement ${marker}`,
        text: state === "STAGED" ? `Words ${publishedMarker}` : `Words ${marker}`,
        medium: "OFFICIAL_STATEMENT",
        saidOn: new Date("2024-03-05T00:00:00Z"),
        speakerLabel: "a spokesperson",
        stagedData: state === "STAGED" ? { title: `Staged ${stagedMarker}`, text: `Staged ${stagedMarker}` } : undefined,
        ...workflow,
        countries: { create: [{ countryId: "KZ" }] },
        sources: { create: [{ url: "https://example.org/source", title: "Source" }] },
      },
    });
    fixtures.push({ marker, status: state, eventSlug: `${slug}-event`, statementSlug: `${slug}-statement` });
  }
  return { fixtures, stagedMarker, publishedMarker };
}
