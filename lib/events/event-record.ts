import type { Tx } from "@/lib/db/client";
import type { ContentKind } from "@/lib/publication/content-workflow";
import { countryCodesIn } from "@/lib/records/permissions";
import { dayText, sourceInputs, sourceRows, toDay } from "@/lib/records/fields";
import { EventInputSchema, type EventInput } from "./event-input";
import { KIND_NAMES } from "@/lib/records/record-kind";

function scalarData(input: EventInput) {
  return {
    title: input.title,
    summary: input.summary,
    body: input.body,
    type: input.type,
    date: toDay(input.date),
    datePrecision: input.datePrecision,
    endDate: toDay(input.endDate),
    localTime: input.localTime,
    timeZone: input.timeZone,
    occurrence: input.occurrence,
    placeName: input.placeName,
    countryId: input.countryId,
    agreementId: input.agreementId,
    parentId: input.parentId,
  };
}

async function missing(ids: string[], found: (ids: string[]) => Promise<number>): Promise<boolean> {
  const unique = [...new Set(ids)];
  return unique.length > 0 && (await found(unique)) !== unique.length;
}

/** Events: the kernel's record kind, with the editorial workflow's columns. */
export const eventRecord: ContentKind<EventInput> = {
  ...KIND_NAMES.EVENT,
  schema: EventInputSchema,
  model: (tx) => tx.event,
  content: (tx) => tx.event,
  nameOf: (input) => input.title,
  correctionOf: (eventId) => ({ eventId }),

  insert: (tx, { slug, input, actor }) =>
    tx.event.create({
      data: { ...scalarData(input), slug, createdById: actor.id, updatedById: actor.id },
      select: { id: true },
    }),

  async write(tx, id, input) {
    await tx.event.update({
      where: { id },
      data: {
        ...scalarData(input),
        participants: {
          deleteMany: {},
          create: input.participants.map((p, position) => ({
            role: p.role,
            countryId: p.countryId,
            organizationId: p.organizationId,
            personId: p.personId,
            position,
          })),
        },
        topics: { deleteMany: {}, create: [...new Set(input.topicIds)].map((topicId) => ({ topicId })) },
        sources: { deleteMany: {}, create: sourceRows(input.sources) },
      },
    });
    // The treaty action this event records points back at it.
    if (input.treatyActionId) {
      await tx.treatyAction.updateMany({ where: { eventId: id, id: { not: input.treatyActionId } }, data: { eventId: null } });
      await tx.treatyAction.update({ where: { id: input.treatyActionId }, data: { eventId: id } });
    } else {
      await tx.treatyAction.updateMany({ where: { eventId: id }, data: { eventId: null } });
    }
  },

  async snapshot(tx, id) {
    const e = await tx.event.findUniqueOrThrow({
      where: { id },
      include: {
        participants: { orderBy: { position: "asc" } },
        topics: { orderBy: { topicId: "asc" } },
        sources: { orderBy: { position: "asc" } },
        treatyActions: { select: { id: true }, orderBy: { createdAt: "asc" }, take: 1 },
      },
    });
    return {
      title: e.title,
      summary: e.summary,
      body: e.body,
      type: e.type,
      date: dayText(e.date),
      datePrecision: e.datePrecision,
      endDate: dayText(e.endDate),
      localTime: e.localTime,
      timeZone: e.timeZone,
      occurrence: e.occurrence,
      placeName: e.placeName,
      countryId: e.countryId,
      agreementId: e.agreementId,
      treatyActionId: e.treatyActions[0]?.id ?? null,
      parentId: e.parentId,
      participants: e.participants.map((p) => ({ role: p.role, countryId: p.countryId, organizationId: p.organizationId, personId: p.personId })),
      topicIds: e.topics.map((t) => t.topicId),
      sources: sourceInputs(e.sources),
    };
  },

  async check(tx: Tx, id, input) {
    const errors: Record<string, string[]> = {};
    if (input.parentId) {
      if (input.parentId === id) errors.parentId = ["An event cannot be its own parent."];
      else {
        // Walk up from the chosen parent: meeting it again means a cycle.
        let cursor: string | null = input.parentId;
        const seen = new Set<string>();
        while (cursor && !errors.parentId) {
          if (cursor === id || seen.has(cursor)) errors.parentId = ["That parent is already inside this event: it would make a loop."];
          seen.add(cursor);
          const parent: { parentId: string | null } | null = await tx.event.findUnique({ where: { id: cursor }, select: { parentId: true } });
          if (!parent) {
            if (cursor === input.parentId) errors.parentId = ["There is no such event."];
            break;
          }
          cursor = parent.parentId;
        }
      }
    }
    if (input.countryId && !(await tx.country.findUnique({ where: { iso2: input.countryId } }))) errors.countryId = ["There is no such country."];
    if (input.agreementId && !(await tx.agreement.findUnique({ where: { id: input.agreementId } }))) errors.agreementId = ["There is no such agreement."];
    if (input.treatyActionId) {
      const action = await tx.treatyAction.findUnique({ where: { id: input.treatyActionId } });
      if (!action) errors.treatyActionId = ["There is no such treaty action."];
      else if (input.agreementId && action.agreementId !== input.agreementId) errors.treatyActionId = ["That treaty action belongs to another agreement."];
    }
    if (await missing(input.topicIds, (ids) => tx.topic.count({ where: { id: { in: ids } } }))) errors.topicIds = ["One of the topics does not exist."];
    for (const [i, p] of input.participants.entries()) {
      const exists = p.countryId
        ? await tx.country.findUnique({ where: { iso2: p.countryId } })
        : p.organizationId
          ? await tx.organization.findUnique({ where: { id: p.organizationId } })
          : p.personId
            ? await tx.person.findUnique({ where: { id: p.personId } })
            : null;
      if (!exists) errors[`participants.${i}.countryId`] = ["There is no such country, organization or person."];
    }
    return errors;
  },

  publicChange: async (_tx, { slug, before, after }) => ({ events: [slug], countries: countryCodesIn(before, after) }),
};
