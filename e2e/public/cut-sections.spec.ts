import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { expectAccessible } from "../support/axe";
import { e2eDatabaseUrl, withDatabase } from "../support/database";
import { VIEWPORTS } from "../support/viewports";
import { uniqueSlug } from "./record-fixtures";

/**
 * A record page shows only the newest of a long section (pages stay bounded at any
 * record size) and says so: how many there are in all, and a link to the list that
 * holds every one. The topic is new and never read before, so nothing cached stands
 * in for what is written here; drafts are written too, and never counted.
 */
const EVENTS = 103;
const STATEMENTS = 52;

/** What each kind's rows are written with (fixed SQL, no input): its own columns, and the table linking it to a topic. */
const KINDS = [
  {
    count: EVENTS,
    table: "Event",
    columns: `title, summary, body, type, date, "datePrecision"`,
    values: `'Long topic meeting ' || i, 'One of many meetings on the topic.', '', 'MEETING', DATE '2001-01-01' + i, 'DAY'`,
    link: `"EventTopic" ("eventId", "topicId")`,
  },
  {
    count: STATEMENTS,
    table: "Statement",
    columns: `title, text, "speakerLabel", medium, "saidOn", "saidPrecision"`,
    values: `'Long topic statement ' || i, 'Words on the topic.', 'a spokesperson', 'OFFICIAL_STATEMENT', DATE '2001-01-01' + i, 'DAY'`,
    link: `"StatementTopic" ("statementId", "topicId")`,
  },
];

/** A new topic with `count` published rows of each kind and two drafts, dated a day apart. */
async function topicWithLongRecord(): Promise<{ slug: string; name: string }> {
  const slug = uniqueSlug("long-topic");
  const name = `Long topic ${slug.slice(-8)}`;
  const topicId = `e2et${randomUUID().replaceAll("-", "")}`;
  await withDatabase(e2eDatabaseUrl(), async (client) => {
    await client.query(`INSERT INTO "Topic" (id, slug, name, "updatedAt") VALUES ($1, $2, $3, now())`, [topicId, slug, name]);
    for (const kind of KINDS) {
      await client.query(
        `WITH made AS (
           INSERT INTO "${kind.table}" (id, slug, ${kind.columns}, status, "firstPublishedAt", "publishedAt", "updatedAt")
           SELECT $1 || '-${kind.table}-' || i, $2 || '-${kind.table}-' || i, ${kind.values},
                  CASE WHEN i <= $3 THEN 'PUBLISHED' ELSE 'DRAFT' END::"PublicationStatus",
                  CASE WHEN i <= $3 THEN now() END, CASE WHEN i <= $3 THEN now() END, now()
             FROM generate_series(1, $3 + 2) AS i
           RETURNING id)
         INSERT INTO ${kind.link} SELECT id, $1 FROM made`,
        [topicId, slug, kind.count],
      );
    }
  });
  return { slug, name };
}

for (const viewport of VIEWPORTS) {
  test(`on a ${viewport.name}, a topic with a long record shows its newest, says how many there are, and links to them all`, async ({ page }) => {
    await page.setViewportSize(viewport);
    const topic = await topicWithLongRecord();
    await page.goto(`/topics/${topic.slug}`);
    await expect(page.getByRole("heading", { level: 1, name: topic.name })).toBeVisible();
    // The counts are the whole record's published rows, not the page's and not the drafts.
    await expect(page.getByText(`${EVENTS} events and ${STATEMENTS} statements on the record.`)).toBeVisible();
    const events = page.getByRole("region", { name: "Events" });
    await expect(events.getByRole("link", { name: `Long topic meeting ${EVENTS}`, exact: true })).toBeVisible();
    await expect(events.getByRole("link", { name: /^Long topic meeting/ })).toHaveCount(100);
    await expect(events).toContainText(`The newest 100 of ${EVENTS}.`);
    const statements = page.getByRole("region", { name: "Statements" });
    await expect(statements).toContainText(`The newest 50 of ${STATEMENTS}.`);
    await expect(statements.getByRole("link", { name: `All statements on ${topic.name}` })).toHaveAttribute("href", `/statements?topic=${topic.slug}`);
    await expectAccessible(page);

    await events.getByRole("link", { name: `All events on ${topic.name}` }).click();
    await expect(page).toHaveURL(new RegExp(`/events\\?topic=${topic.slug}$`));
    await expect(page.getByRole("link", { name: `Long topic meeting ${EVENTS}`, exact: true })).toBeVisible();
    await expect(page.getByRole("link", { name: `Long topic meeting ${EVENTS + 1}`, exact: true })).toHaveCount(0);
    await expectAccessible(page);
  });
}
