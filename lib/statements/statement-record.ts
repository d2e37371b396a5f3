import { copyTitle, type ContentKind } from "@/lib/publication/content-workflow";
import { dayText, SOURCE_COLUMNS, sourceInputs, sourceRows, toDay } from "@/lib/records/fields";
import { insertRows, newId } from "@/lib/records/insert-rows";
import { StatementInputSchema, type StatementInput } from "./statement-input";
import { KIND_NAMES } from "@/lib/records/record-kind";
import { allFound, existingIds } from "@/lib/records/existing";
import type { Tx } from "@/lib/db/client";

function scalarData(input: StatementInput) {
  return {
    title: input.title,
    text: input.text,
    language: input.language,
    translation: input.translation,
    translatedBy: input.translatedBy,
    speakerId: input.speakerId,
    speakerLabel: input.speakerLabel,
    speakerTitle: input.speakerTitle,
    attribution: input.attribution,
    medium: input.medium,
    platform: input.platform,
    quoteType: input.quoteType,
    saidOn: toDay(input.saidOn),
    saidPrecision: input.saidPrecision,
    saidTime: input.saidTime,
    timeZone: input.timeZone,
    eventId: input.eventId,
    context: input.context,
  };
}

/** The columns `insertMany` writes (lib/records/insert-rows.ts): those of `scalarData`, the row's own, an import's. */
const STATEMENT_COLUMNS = {
  id: "text",
  slug: "text",
  title: "text",
  text: "text",
  language: "text",
  translation: "text",
  translatedBy: "text",
  speakerId: "text",
  speakerLabel: "text",
  speakerTitle: "text",
  attribution: '"Attribution"',
  medium: '"StatementMedium"',
  platform: "text",
  quoteType: '"QuoteType"',
  saidOn: "date",
  saidPrecision: '"DatePrecision"',
  saidTime: "text",
  timeZone: "text",
  eventId: "text",
  context: "text",
  externalSource: "text",
  externalId: "text",
  createdById: "text",
  updatedById: "text",
  createdAt: "timestamptz",
  updatedAt: "timestamptz",
} as const;

/** A statement's relations as rows (without its id): what `write` replaces and `insertMany` writes first. */
function relationRows(input: StatementInput) {
  return {
    countries: [...new Set(input.countryIds)].map((countryId) => ({ countryId })),
    topics: [...new Set(input.topicIds)].map((topicId) => ({ topicId })),
    sources: sourceRows(input.sources),
  };
}

/** The references of statements, checked for many at once or one: one query per table. */
async function checkStatements(tx: Tx, inputs: StatementInput[]): Promise<Array<Record<string, string[]>>> {
  const found = await existingIds(tx, {
    people: inputs.map((input) => input.speakerId),
    events: inputs.map((input) => input.eventId),
    countries: inputs.flatMap((input) => input.countryIds),
    topics: inputs.flatMap((input) => input.topicIds),
  });
  return inputs.map((input) => {
    const errors: Record<string, string[]> = {};
    if (input.speakerId && !found.people.has(input.speakerId)) errors.speakerId = ["There is no such person."];
    if (input.eventId && !found.events.has(input.eventId)) errors.eventId = ["There is no such event."];
    if (!allFound(input.countryIds, found.countries)) errors.countryIds = ["One of the countries does not exist."];
    if (!allFound(input.topicIds, found.topics)) errors.topicIds = ["One of the topics does not exist."];
    return errors;
  });
}

/** Statements: the kernel's record kind, with the editorial workflow's columns. */
export const statementRecord: ContentKind<StatementInput> = {
  ...KIND_NAMES.STATEMENT,
  schema: StatementInputSchema,
  model: (tx) => tx.statement,
  content: (tx) => tx.statement,
  nameOf: (input) => input.title,
  correctionOf: (statementId) => ({ statementId }),
  forCopy: (input) => ({ ...input, title: copyTitle(input.title) }),

  insert: (tx, { slug, input, actor }) =>
    tx.statement.create({
      data: { ...scalarData(input), slug, createdById: actor.id, updatedById: actor.id },
      select: { id: true },
    }),

  async insertMany(tx, rows) {
    const now = new Date();
    const made = rows.map((row) => ({ id: newId(), relations: relationRows(row.input) }));
    await insertRows(
      tx,
      "Statement",
      STATEMENT_COLUMNS,
      rows.map(({ slug, input, actor, columns }, i) => ({
        ...scalarData(input),
        externalSource: columns?.externalSource ?? null,
        externalId: columns?.externalId ?? null,
        id: made[i]!.id,
        slug,
        createdById: actor.id,
        updatedById: actor.id,
        createdAt: now,
        updatedAt: now,
      })),
    );
    await insertRows(tx, "StatementCountry", { statementId: "text", countryId: "text" }, made.flatMap(({ id, relations }) => relations.countries.map((c) => ({ ...c, statementId: id }))));
    await insertRows(tx, "StatementTopic", { statementId: "text", topicId: "text" }, made.flatMap(({ id, relations }) => relations.topics.map((t) => ({ ...t, statementId: id }))));
    await insertRows(tx, "Source", SOURCE_COLUMNS, made.flatMap(({ id, relations }) => relations.sources.map((source) => ({ ...source, id: newId(), statementId: id, createdAt: now }))));
    return made.map((m) => m.id);
  },

  async write(tx, id, input) {
    const relations = relationRows(input);
    await tx.statement.update({
      where: { id },
      data: {
        ...scalarData(input),
        countries: { deleteMany: {}, create: relations.countries },
        topics: { deleteMany: {}, create: relations.topics },
        sources: { deleteMany: {}, create: relations.sources },
      },
    });
  },

  async snapshot(tx, id) {
    const s = await tx.statement.findUniqueOrThrow({
      where: { id },
      include: {
        countries: { orderBy: { countryId: "asc" } },
        topics: { orderBy: { topicId: "asc" } },
        sources: { orderBy: { position: "asc" } },
      },
    });
    return {
      title: s.title,
      text: s.text,
      language: s.language,
      translation: s.translation,
      translatedBy: s.translatedBy,
      speakerId: s.speakerId,
      speakerLabel: s.speakerLabel,
      speakerTitle: s.speakerTitle,
      attribution: s.attribution,
      medium: s.medium,
      platform: s.platform,
      quoteType: s.quoteType,
      saidOn: dayText(s.saidOn),
      saidPrecision: s.saidPrecision,
      saidTime: s.saidTime,
      timeZone: s.timeZone,
      eventId: s.eventId,
      context: s.context,
      countryIds: s.countries.map((c) => c.countryId),
      topicIds: s.topics.map((t) => t.topicId),
      sources: sourceInputs(s.sources),
    };
  },

  check: async (tx, _id, input) => (await checkStatements(tx, [input]))[0]!,
  checkMany: (tx, inputs) => checkStatements(tx, inputs),

  publicChange: async (_tx, { slug, before, after }) => {
    const countries = new Set<string>();
    for (const s of [before, after] as Array<StatementInput | null>) s?.countryIds.forEach((c) => countries.add(c));
    return { statements: [slug], countries: [...countries] };
  },
};
