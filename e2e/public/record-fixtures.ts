import { randomUUID } from "node:crypto";
import { expect, type Page } from "@playwright/test";
import pg from "pg";
import { e2eDatabaseUrl, withDatabase } from "../support/database";

/**
 * Writes records straight into the e2e server's database, for states the demo
 * record does not have (drafts, retractions, corrections, other languages).
 * Slugs are unique per call so specs can run in parallel.
 */
const withClient = <T>(fn: (client: pg.Client) => Promise<T>) => withDatabase(e2eDatabaseUrl(), fn);

export const uniqueSlug = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;

type Status = "DRAFT" | "IN_REVIEW" | "SCHEDULED" | "PUBLISHED" | "RETRACTED";

export interface EventFixture {
  slug: string;
  title: string;
  summary: string;
  body?: string;
  status: Status;
  retractionReason?: string;
  scheduledAt?: Date;
  correction?: string;
}

export async function insertEvent(fixture: EventFixture): Promise<string> {
  const id = `e2e${randomUUID().replaceAll("-", "")}`;
  const wasPublished = fixture.status === "PUBLISHED" || fixture.status === "RETRACTED";
  await withClient(async (client) => {
    await client.query(
      `INSERT INTO "Event" (id, slug, title, summary, body, type, date, "datePrecision", status, "scheduledAt",
         "firstPublishedAt", "publishedAt", "retractedAt", "retractionReason", "updatedAt")
       VALUES ($1, $2, $3, $4, $5, 'MEETING', DATE '2025-11-06', 'DAY', $6, $7, $8, $8, $9, $10, now())`,
      [
        id,
        fixture.slug,
        fixture.title,
        fixture.summary,
        fixture.body ?? "",
        fixture.status,
        fixture.scheduledAt ?? null,
        wasPublished ? new Date() : null,
        fixture.status === "RETRACTED" ? new Date() : null,
        fixture.retractionReason ?? null,
      ],
    );
    await client.query(
      `INSERT INTO "Source" (id, url, title, publisher, "eventId") VALUES ($1, 'https://example.org/e2e', 'E2E source', 'Example', $2)`,
      [`e2es${randomUUID().replaceAll("-", "")}`, id],
    );
    if (fixture.correction) {
      await client.query(`INSERT INTO "Correction" (id, "eventId", note) VALUES ($1, $2, $3)`, [
        `e2ec${randomUUID().replaceAll("-", "")}`,
        id,
        fixture.correction,
      ]);
    }
  });
  return id;
}

export interface StatementFixture {
  slug: string;
  title: string;
  text: string;
  language?: string;
  translation?: string;
  translatedBy?: string;
  speakerLabel?: string;
  speakerTitle?: string;
  quoteType?: "DIRECT" | "PARTIAL" | "PARAPHRASE";
  status: Status;
  retractionReason?: string;
}

export async function insertStatement(fixture: StatementFixture): Promise<string> {
  const id = `e2e${randomUUID().replaceAll("-", "")}`;
  const wasPublished = fixture.status === "PUBLISHED" || fixture.status === "RETRACTED";
  await withClient((client) =>
    client.query(
      `INSERT INTO "Statement" (id, slug, title, text, language, translation, "translatedBy", "speakerLabel", "speakerTitle",
         medium, "saidOn", "saidPrecision", status, "firstPublishedAt", "publishedAt", "retractedAt", "retractionReason", "quoteType", "updatedAt")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'OFFICIAL_STATEMENT', DATE '2025-11-07', 'DAY', $10, $11, $11, $12, $13, $14, now())`,
      [
        id,
        fixture.slug,
        fixture.title,
        fixture.text,
        fixture.language ?? "en",
        fixture.translation ?? null,
        fixture.translatedBy ?? null,
        fixture.speakerLabel ?? "a government spokesperson",
        fixture.speakerTitle ?? null,
        fixture.status,
        wasPublished ? new Date() : null,
        fixture.status === "RETRACTED" ? new Date() : null,
        fixture.retractionReason ?? null,
        fixture.quoteType ?? "DIRECT",
      ],
    ),
  );
  return id;
}

/** Every JSON-LD node on the page, with @graph documents flattened. */
export async function readJsonLd(page: Page): Promise<Array<Record<string, unknown>>> {
  const scripts = await page.locator('script[type="application/ld+json"]').allTextContents();
  expect(scripts.length, "JSON-LD scripts").toBeGreaterThan(0);
  return scripts.flatMap((text) => {
    const doc = JSON.parse(text) as Record<string, unknown>;
    expect(doc["@context"]).toBe("https://schema.org");
    return (doc["@graph"] as Array<Record<string, unknown>> | undefined) ?? [doc];
  });
}

export function nodeOfType(nodes: Array<Record<string, unknown>>, type: string): Record<string, unknown> {
  const node = nodes.find((n) => n["@type"] === type);
  expect(node, `a JSON-LD ${type}`).toBeTruthy();
  return node!;
}

export function expectBreadcrumbs(nodes: Array<Record<string, unknown>>, names: string[]) {
  const crumbs = nodeOfType(nodes, "BreadcrumbList").itemListElement as Array<{ name: string; position: number; item: string }>;
  expect(crumbs.map((c) => c.name)).toEqual(names);
  expect(crumbs.map((c) => c.position)).toEqual(names.map((_, i) => i + 1));
  for (const c of crumbs) expect(c.item).toMatch(/^https?:\/\//);
}
