import { Prisma, type Tx } from "@/lib/db/client";
import { filledIn, repointLinks } from "@/lib/records/merge";
import { editorsOnly } from "@/lib/records/permissions";
import { KIND_NAMES, type RecordKind } from "@/lib/records/record-kind";
import { recordWrites } from "@/lib/records/record-store";
import { TopicInputSchema, type TopicFormValues, type TopicInput } from "./topic-input";

async function snapshotTopic(tx: Tx, id: string): Promise<TopicFormValues> {
  const t = await tx.topic.findUniqueOrThrow({ where: { id } });
  return { name: t.name, description: t.description ?? "" };
}

/** Topics: defense, energy, trade, … — a name (unique whatever its case) and a description. */
export const topicRecord: RecordKind<TopicInput> = {
  ...KIND_NAMES.TOPIC,
  schema: TopicInputSchema,
  model: (tx) => tx.topic,
  nameOf: (input) => input.name,
  insert: (tx, { slug, input }) => tx.topic.create({ data: { slug, name: input.name, description: input.description }, select: { id: true } }),
  write: async (tx, id, input) => {
    await tx.topic.update({ where: { id }, data: { name: input.name, description: input.description } });
  },
  snapshot: snapshotTopic,
  async check(tx, id, input): Promise<Record<string, string[]>> {
    // The same name in another case or with other accents is the same topic ("Sécurité alimentaire", "securite alimentaire").
    const [same] = await tx.$queryRaw<Array<{ name: string }>>`SELECT "name" FROM "Topic" WHERE name_folded("name") = name_folded(${input.name}) ${id ? Prisma.sql`AND "id" <> ${id}` : Prisma.empty} LIMIT 1`;
    return same ? { name: [`There is already a topic “${same.name}”.`] } : {};
  },
  async usedBy(tx, id) {
    const { _count } = await tx.topic.findUniqueOrThrow({ where: { id }, select: { _count: { select: { events: true, statements: true } } } });
    const uses = [
      _count.events && `${_count.events} event${_count.events === 1 ? "" : "s"}`,
      _count.statements && `${_count.statements} statement${_count.statements === 1 ? "" : "s"}`,
    ].filter(Boolean);
    return uses.length ? `${uses.join(" and ")} use it` : null;
  },
  publicChange: async (_tx, { slug }) => ({ topics: [slug] }),
  // "Nuclear power" brought in beside "Nuclear energy": its events and statements are filed under the one kept.
  merging: {
    combine: (kept, duplicate) => filledIn(kept as TopicFormValues, duplicate as TopicFormValues, ["description"]),
    async repoint(tx, from, to) {
      const [events, statements] = [
        await repointLinks(tx, { table: "EventTopic", owner: "eventId", column: "topicId" }, from, to),
        await repointLinks(tx, { table: "StatementTopic", owner: "statementId", column: "topicId" }, from, to),
      ];
      return { events, statements, people: [], agreements: [] };
    },
  },
};

export const topicWrites = recordWrites(topicRecord, editorsOnly("topics"));
export const { create: createTopic, update: updateTopic, restore: restoreTopic, remove: deleteTopic } = topicWrites;
