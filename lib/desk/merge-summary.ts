import "server-only";
import { db, Prisma, queryRows } from "@/lib/db/client";
import { plural } from "@/lib/format/count";

/**
 * What names a person or organization, or is filed under a topic, as the merge section says it:
 * "2 events and 3 statements name Tokaev", "1 event is filed under Nuclear power", or "".
 */
export async function mergeSummary(kind: "people" | "organizations" | "topics", id: string, name: string): Promise<string> {
  if (kind === "topics") {
    const [row] = await queryRows<{ events: number; statements: number }>(
      db,
      Prisma.sql`SELECT (SELECT count(*)::int FROM "EventTopic" WHERE "topicId" = ${id}) AS events, (SELECT count(*)::int FROM "StatementTopic" WHERE "topicId" = ${id}) AS statements`,
    );
    const parts = [row!.events && plural(row!.events, "event"), row!.statements && plural(row!.statements, "statement")].filter(Boolean);
    return parts.length ? `${parts.join(" and ")} ${parts.length === 1 && row!.events + row!.statements === 1 ? "is" : "are"} filed under ${name}` : "";
  }
  const [row] = await queryRows<{ events: number; others: number }>(
    db,
    kind === "people"
      ? Prisma.sql`SELECT (SELECT count(DISTINCT "eventId")::int FROM "EventParticipant" WHERE "personId" = ${id}) AS events,
                          (SELECT count(*)::int FROM "Statement" WHERE "speakerId" = ${id}) AS others`
      : Prisma.sql`SELECT (SELECT count(DISTINCT "eventId")::int FROM "EventParticipant" WHERE "organizationId" = ${id}) AS events,
                          (SELECT count(DISTINCT "personId")::int FROM "Office" WHERE "organizationId" = ${id}) AS others`,
  );
  const { events, others } = row!;
  const parts = [events && plural(events, "event"), others && (kind === "people" ? plural(others, "statement") : `the offices of ${plural(others, "person", "people")}`)].filter(Boolean);
  // "1 event names", "2 events name", "1 event and 1 statement name", "the offices of 1 person name".
  const one = parts.length === 1 && (events === 1 || (kind === "people" && others === 1));
  return parts.length ? `${parts.join(" and ")} ${one ? "names" : "name"} ${name}` : "";
}
