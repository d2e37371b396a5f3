import type { ContentKind } from "@/lib/publication/content-workflow";
import { dayText, sourceInputs, sourceRows, toDay } from "@/lib/records/fields";
import { StatementInputSchema, type StatementInput } from "./statement-input";
import { KIND_NAMES } from "@/lib/records/record-kind";

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

/** Statements: the kernel's record kind, with the editorial workflow's columns. */
export const statementRecord: ContentKind<StatementInput> = {
  ...KIND_NAMES.STATEMENT,
  schema: StatementInputSchema,
  model: (tx) => tx.statement,
  content: (tx) => tx.statement,
  nameOf: (input) => input.title,
  correctionOf: (statementId) => ({ statementId }),

  insert: (tx, { slug, input, actor }) =>
    tx.statement.create({
      data: { ...scalarData(input), slug, createdById: actor.id, updatedById: actor.id },
      select: { id: true },
    }),

  async write(tx, id, input) {
    await tx.statement.update({
      where: { id },
      data: {
        ...scalarData(input),
        countries: { deleteMany: {}, create: [...new Set(input.countryIds)].map((countryId) => ({ countryId })) },
        topics: { deleteMany: {}, create: [...new Set(input.topicIds)].map((topicId) => ({ topicId })) },
        sources: { deleteMany: {}, create: sourceRows(input.sources) },
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

  async check(tx, _id, input) {
    const errors: Record<string, string[]> = {};
    if (input.speakerId && !(await tx.person.findUnique({ where: { id: input.speakerId } }))) errors.speakerId = ["There is no such person."];
    if (input.eventId && !(await tx.event.findUnique({ where: { id: input.eventId } }))) errors.eventId = ["There is no such event."];
    const countries = [...new Set(input.countryIds)];
    if (countries.length && (await tx.country.count({ where: { iso2: { in: countries } } })) !== countries.length) {
      errors.countryIds = ["One of the countries does not exist."];
    }
    const topics = [...new Set(input.topicIds)];
    if (topics.length && (await tx.topic.count({ where: { id: { in: topics } } })) !== topics.length) {
      errors.topicIds = ["One of the topics does not exist."];
    }
    return errors;
  },

  publicChange: async (_tx, { slug, before, after }) => {
    const countries = new Set<string>();
    for (const s of [before, after] as Array<StatementInput | null>) s?.countryIds.forEach((c) => countries.add(c));
    return { statements: [slug], countries: [...countries] };
  },
};
