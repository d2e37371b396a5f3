import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { findPublicOrganization } from "@/lib/organizations/public-queries";
import { findPublicPerson } from "@/lib/people/public-queries";
import { NEWEST_SHOWN } from "@/lib/site/public-selects";
import { findPublicTopic } from "@/lib/topics/public-queries";

/**
 * Topic, person and organization pages show only the newest of their events and
 * statements (bounded at any record size), and count the rest over the whole record:
 * their headings and "The newest N of M" say how many there are. Drafts are never
 * counted.
 */
const PREFIX = "cutsect";

async function events(count: number, drafts: number) {
  await db.event.createMany({
    data: Array.from({ length: count + drafts }, (_, i) => ({
      slug: `${PREFIX}-event-${i}`,
      title: `Cut section event ${i}`,
      summary: "One of many.",
      type: "MEETING" as const,
      date: new Date(Date.UTC(1980, 0, 1 + i)),
      status: i < count ? ("PUBLISHED" as const) : ("DRAFT" as const),
    })),
  });
  return db.event.findMany({ where: { slug: { startsWith: `${PREFIX}-event-` } }, select: { id: true, slug: true } });
}

async function statements(count: number, drafts: number, speakerId?: string) {
  await db.statement.createMany({
    data: Array.from({ length: count + drafts }, (_, i) => ({
      slug: `${PREFIX}-said-${i}`,
      title: `Cut section statement ${i}`,
      text: "Words.",
      medium: "OFFICIAL_STATEMENT" as const,
      saidOn: new Date(Date.UTC(1980, 0, 1 + i)),
      status: i < count ? ("PUBLISHED" as const) : ("DRAFT" as const),
      ...(speakerId ? { speakerId } : { speakerLabel: "An official" }),
    })),
  });
  return db.statement.findMany({ where: { slug: { startsWith: `${PREFIX}-said-` } }, select: { id: true, slug: true } });
}

async function cleanUp() {
  await db.statement.deleteMany({ where: { slug: { startsWith: `${PREFIX}-said-` } } });
  await db.event.deleteMany({ where: { slug: { startsWith: `${PREFIX}-event-` } } });
  await db.topic.deleteMany({ where: { slug: { startsWith: PREFIX } } });
  await db.person.deleteMany({ where: { slug: { startsWith: PREFIX } } });
  await db.organization.deleteMany({ where: { slug: { startsWith: PREFIX } } });
}

describe("cut sections count the whole record", () => {
  afterEach(cleanUp);

  it("a topic shows its newest events and statements and counts every published one", async () => {
    const topic = await db.topic.create({ data: { slug: `${PREFIX}-topic`, name: "Cut section topic" } });
    const made = await events(NEWEST_SHOWN.events + 5, 2);
    const said = await statements(NEWEST_SHOWN.statements + 3, 2);
    await db.eventTopic.createMany({ data: made.map((e) => ({ eventId: e.id, topicId: topic.id })) });
    await db.statementTopic.createMany({ data: said.map((s) => ({ statementId: s.id, topicId: topic.id })) });
    const page = (await findPublicTopic(topic.slug))!;
    expect(page.events).toHaveLength(NEWEST_SHOWN.events);
    expect(page.events[0]!.slug).toBe(`${PREFIX}-event-${NEWEST_SHOWN.events + 4}`);
    expect(page.eventCount).toBe(NEWEST_SHOWN.events + 5);
    expect(page.statements).toHaveLength(NEWEST_SHOWN.statements);
    expect(page.statementCount).toBe(NEWEST_SHOWN.statements + 3);
    expect(page.topic).toEqual({ id: topic.id, slug: topic.slug, name: topic.name, description: null });
  });

  it("a person shows their newest statements and events and counts every published one", async () => {
    const person = await db.person.create({ data: { slug: `${PREFIX}-person`, name: "Cut Section Person" } });
    await statements(NEWEST_SHOWN.statements + 4, 2, person.id);
    const made = await events(NEWEST_SHOWN.events + 2, 3);
    await db.eventParticipant.createMany({ data: made.map((e) => ({ eventId: e.id, role: "PARTICIPANT" as const, personId: person.id })) });
    const page = (await findPublicPerson(person.slug))!;
    expect(page.statements).toHaveLength(NEWEST_SHOWN.statements);
    expect(page.statementCount).toBe(NEWEST_SHOWN.statements + 4);
    expect(page.participations).toHaveLength(NEWEST_SHOWN.events);
    expect(page.eventCount).toBe(NEWEST_SHOWN.events + 2);
  });

  it("an organization shows its newest events and counts every published one", async () => {
    const organization = await db.organization.create({ data: { slug: `${PREFIX}-org`, name: "Cut Section Organization", kind: "INTERGOVERNMENTAL" } });
    const made = await events(NEWEST_SHOWN.events + 1, 2);
    await db.eventParticipant.createMany({ data: made.map((e) => ({ eventId: e.id, role: "PARTICIPANT" as const, organizationId: organization.id })) });
    const page = (await findPublicOrganization(organization.slug))!;
    expect(page.participations).toHaveLength(NEWEST_SHOWN.events);
    expect(page.eventCount).toBe(NEWEST_SHOWN.events + 1);
  });

  it("a short record is shown whole, its count the same", async () => {
    const topic = await db.topic.create({ data: { slug: `${PREFIX}-short`, name: "Cut section short topic" } });
    const made = await events(3, 1);
    await db.eventTopic.createMany({ data: made.map((e) => ({ eventId: e.id, topicId: topic.id })) });
    const page = (await findPublicTopic(topic.slug))!;
    expect(page.events).toHaveLength(3);
    expect(page.eventCount).toBe(3);
    expect(page.statementCount).toBe(0);
  });
});
