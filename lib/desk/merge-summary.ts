import "server-only";
import { db, Prisma, queryRows } from "@/lib/db/client";
import { plural } from "@/lib/format/count";

type Kind = "people" | "organizations" | "topics";

/** For each kind: how many events name the record, and how many of what else; how that is said. */
const COUNTS: Record<Kind, { query: (id: string) => Prisma.Sql; others: (n: number) => string; verb: [one: string, many: string] }> = {
  people: {
    query: (id) => Prisma.sql`SELECT (SELECT count(DISTINCT "eventId")::int FROM "EventParticipant" WHERE "personId" = ${id}) AS events,
                                     (SELECT count(*)::int FROM "Statement" WHERE "speakerId" = ${id}) AS others`,
    others: (n) => plural(n, "statement"),
    verb: ["names", "name"],
  },
  organizations: {
    query: (id) => Prisma.sql`SELECT (SELECT count(DISTINCT "eventId")::int FROM "EventParticipant" WHERE "organizationId" = ${id}) AS events,
                                     (SELECT count(DISTINCT "personId")::int FROM "Office" WHERE "organizationId" = ${id}) AS others`,
    // "The offices of 1 person" are several offices: never said in the singular.
    others: (n) => `the offices of ${plural(n, "person", "people")}`,
    verb: ["names", "name"],
  },
  topics: {
    query: (id) => Prisma.sql`SELECT (SELECT count(*)::int FROM "EventTopic" WHERE "topicId" = ${id}) AS events,
                                     (SELECT count(*)::int FROM "StatementTopic" WHERE "topicId" = ${id}) AS others`,
    others: (n) => plural(n, "statement"),
    verb: ["is filed under", "are filed under"],
  },
};

/**
 * What names a person or organization, or is filed under a topic, as the merge section says it,
 * up to the record it is said of (which the section names, once the record to keep is chosen):
 * "2 events and 3 statements name", "1 event is filed under", or "".
 */
export async function mergeSummary(kind: Kind, id: string): Promise<string> {
  const counts = COUNTS[kind];
  const [row] = await queryRows<{ events: number; others: number }>(db, counts.query(id));
  const { events, others } = row!;
  const parts = [events && plural(events, "event"), others && counts.others(others)].filter(Boolean);
  // "1 event names", "2 events name", "1 event and 1 statement name", "the offices of 1 person name".
  const one = parts.length === 1 && (events === 1 || (kind !== "organizations" && others === 1));
  return parts.length ? `${parts.join(" and ")} ${counts.verb[one ? 0 : 1]}` : "";
}
