import type { ContentAdapter } from "@/lib/workflow/content-workflow";
import { fieldErrorsOf } from "@/lib/records/field-errors";
import { dayText, sourceInputs, sourceRows, toDay } from "@/lib/records/fields";
import { StatementInputSchema, type StatementInput } from "./statement-input";

const WORKFLOW_SELECT = {
  id: true,
  slug: true,
  title: true,
  status: true,
  version: true,
  createdById: true,
  firstPublishedAt: true,
  stagedData: true,
  scheduledAt: true,
} as const;

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

/** How the shared workflow reads and writes statements. */
export const statementAdapter: ContentAdapter<StatementInput> = {
  kind: "STATEMENT",
  noun: "statement",
  auditType: "Statement",

  parse(raw) {
    const parsed = StatementInputSchema.safeParse(raw);
    return parsed.success ? { ok: true, input: parsed.data } : { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  },

  find: (tx, id) => tx.statement.findUnique({ where: { id }, select: WORKFLOW_SELECT }),

  async claim(tx, id, baseVersion, data) {
    const { count } = await tx.statement.updateMany({ where: { id, version: baseVersion }, data: { ...data, version: { increment: 1 } } });
    return count;
  },

  insert: (tx, row) =>
    tx.statement.create({
      data: { ...scalarData(row.input), slug: row.slug, createdById: row.createdById, updatedById: row.createdById },
      select: { id: true },
    }),

  async apply(tx, id, input) {
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

  async checkReferences(tx, _id, input) {
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

  async isSlugTaken(tx, slug, exceptId) {
    const row = await tx.statement.findUnique({ where: { slug }, select: { id: true } });
    return row !== null && row.id !== exceptId;
  },

  async remove(tx, id) {
    await tx.statement.delete({ where: { id } });
  },

  publicChange(slug, input) {
    return { statements: [slug], countries: input.countryIds };
  },
};
