import "server-only";
import { db, Prisma, queryRows } from "@/lib/db/client";
import { plural } from "@/lib/format/count";

type Kind = "people" | "organizations" | "topics" | "agreements";

/** A count in words ("2 events", "the offices of 1 person") and whether the verb after it is singular. */
type Say = (n: number) => [words: string, isOne: boolean];
const counted = (one: string, many = `${one}s`): Say => (n) => [plural(n, one, many), n === 1];

/** Counts (columns of the kind's query) said together before one verb: "2 events and 1 statement name". */
interface Clause {
  counts: Array<{ column: string; say: Say }>;
  verb: [one: string, many: string];
}

/** For each kind: what refers to the record (one query), and how each clause says it. */
const COUNTS: Record<Kind, { query: (id: string) => Prisma.Sql; clauses: Clause[] }> = {
  people: {
    query: (id) => Prisma.sql`SELECT (SELECT count(DISTINCT "eventId")::int FROM "EventParticipant" WHERE "personId" = ${id}) AS events,
                                     (SELECT count(*)::int FROM "Statement" WHERE "speakerId" = ${id}) AS statements`,
    clauses: [{ counts: [{ column: "events", say: counted("event") }, { column: "statements", say: counted("statement") }], verb: ["names", "name"] }],
  },
  organizations: {
    query: (id) => Prisma.sql`SELECT (SELECT count(DISTINCT "eventId")::int FROM "EventParticipant" WHERE "organizationId" = ${id}) AS events,
                                     (SELECT count(DISTINCT "personId")::int FROM "Office" WHERE "organizationId" = ${id}) AS people`,
    clauses: [
      {
        // "The offices of 1 person" are several offices: never said in the singular.
        counts: [{ column: "events", say: counted("event") }, { column: "people", say: (n) => [`the offices of ${plural(n, "person", "people")}`, false] }],
        verb: ["names", "name"],
      },
    ],
  },
  topics: {
    query: (id) => Prisma.sql`SELECT (SELECT count(*)::int FROM "EventTopic" WHERE "topicId" = ${id}) AS events,
                                     (SELECT count(*)::int FROM "StatementTopic" WHERE "topicId" = ${id}) AS statements`,
    clauses: [{ counts: [{ column: "events", say: counted("event") }, { column: "statements", say: counted("statement") }], verb: ["is filed under", "are filed under"] }],
  },
  agreements: {
    query: (id) => Prisma.sql`SELECT (SELECT count(*)::int FROM "Event" WHERE "agreementId" = ${id}) AS events,
                                     (SELECT count(*)::int FROM "Agreement" WHERE "parentId" = ${id}) AS parts,
                                     (SELECT count(*)::int FROM "TreatyAction" WHERE "viaAgreementId" = ${id} AND "agreementId" <> ${id}) AS through`,
    clauses: [
      { counts: [{ column: "events", say: counted("event") }], verb: ["concerns", "concern"] },
      { counts: [{ column: "parts", say: counted("agreement") }], verb: ["is part of", "are part of"] },
      { counts: [{ column: "through", say: counted("treaty action on another agreement", "treaty actions on other agreements") }], verb: ["was taken through", "were taken through"] },
    ],
  },
};

/**
 * What refers to a record, as the merge section says it, clause by clause up to the record each is
 * said of (the section names it, once the record to keep is chosen: `usesSentence`):
 * ["2 events and 3 statements name"], ["1 event is filed under"], ["2 events concern", "1 agreement
 * is part of"], or [].
 */
export async function mergeSummary(kind: Kind, id: string): Promise<string[]> {
  const { query, clauses } = COUNTS[kind];
  const [row] = await queryRows<Record<string, number>>(db, query(id));
  return clauses.flatMap(({ counts, verb }) => {
    const parts = counts.filter((c) => row![c.column]).map((c) => c.say(row![c.column]!));
    // "1 event names", "2 events name", "1 event and 1 statement name", "the offices of 1 person name".
    const isOne = parts.length === 1 && parts[0]![1];
    return parts.length ? [`${parts.map(([words]) => words).join(" and ")} ${verb[isOne ? 0 : 1]}`] : [];
  });
}

/** The parties' steps an agreement records, which a merge adds to the kept one's: "12 treaty actions of 9 parties", or "". */
export async function treatyActionsSummary(id: string): Promise<string> {
  const [row] = await queryRows<{ actions: number; parties: number }>(
    db,
    Prisma.sql`SELECT count(*)::int AS actions, count(DISTINCT "countryId")::int AS parties FROM "TreatyAction" WHERE "agreementId" = ${id}`,
  );
  return row!.actions ? `${plural(row!.actions, "treaty action")} of ${plural(row!.parties, "party", "parties")}` : "";
}
