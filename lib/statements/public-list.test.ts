import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { parseStatementListQuery, QueryParameterError } from "@/lib/api/list-query";
import { seedPublicRecordBeforeAll } from "@/lib/testing/public-record";
import { listPublishedStatements } from "./public-list";

const leak = seedPublicRecordBeforeAll("stlist");

const list = async (params: Record<string, string>) => listPublishedStatements(parseStatementListQuery(params, { strict: true }));

describe("listPublishedStatements", () => {
  it("returns only published statements, newest first, never staged or unpublished text", async () => {
    const page = await list({ limit: "100" });
    const published = await db.statement.count({ where: { status: "PUBLISHED" } });
    expect(page.items).toHaveLength(published);
    const text = JSON.stringify(page);
    for (const fixture of leak.fixtures.filter((f) => f.status !== "STAGED")) expect(text).not.toContain(fixture.marker);
    expect(text).not.toContain(leak.stagedMarker);
    expect(text).toContain(leak.publishedMarker);
    expect(text).not.toContain("stagedData");
  });

  it("filters by speaker, country, topic, agreement and date, and pages with cursors", async () => {
    const trump = await list({ speaker: "donald-trump" });
    expect(trump.items.map((s) => s.slug)).toEqual(["trump-kazakhstan-first-of-many"]);
    const kz = await list({ country: "KZ", limit: "100" });
    expect(kz.items.map((s) => s.slug)).toContain("kazakhstan-natural-and-logical-continuation");
    const accords = await list({ agreement: "abraham-accords", limit: "100" });
    expect(accords.items.map((s) => s.slug)).toContain("trump-kazakhstan-first-of-many");
    const old = await list({ to: "2020" });
    expect(old.items).toHaveLength(0);

    const all = (await list({ limit: "100" })).items.map((s) => s.slug);
    const walked: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await list({ limit: "2", ...(cursor ? { cursor } : {}) });
      walked.push(...page.items.map((s) => s.slug));
      cursor = page.next;
    } while (cursor);
    expect(walked).toEqual(all);
  });

  it("hides the event of a statement when that event is not published", async () => {
    const draft = await db.event.create({ data: { slug: "stlist-draft-parent", title: "Secret draft parent zqx", summary: "s", type: "MEETING", status: "DRAFT" } });
    await db.statement.create({
      data: { slug: "stlist-child", title: "Child", text: "t", speakerLabel: "an official", medium: "READOUT", status: "PUBLISHED", eventId: draft.id, saidOn: new Date("2024-01-01T00:00:00Z") },
    });
    const page = await list({ limit: "100" });
    const child = page.items.find((s) => s.slug === "stlist-child");
    expect(child?.event).toBeNull();
    expect(JSON.stringify(page)).not.toContain("Secret draft parent");
  });

  it("names the parameter when the speaker is unknown", async () => {
    await expect(list({ speaker: "nobody-at-all" })).rejects.toMatchObject({ parameter: "speaker" });
    await expect(list({ speaker: "nobody-at-all" })).rejects.toBeInstanceOf(QueryParameterError);
  });
});
