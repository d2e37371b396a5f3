import type { Tx } from "@/lib/db/client";
import { copyTitle, type ContentKind } from "@/lib/publication/content-workflow";
import { countryCodesIn } from "@/lib/records/permissions";
import { dayText, SOURCE_COLUMNS, sourceInputs, sourceRows, toDay } from "@/lib/records/fields";
import { insertRows, newId } from "@/lib/records/insert-rows";
import { EventInputSchema, type EventInput } from "./event-input";
import { KIND_NAMES } from "@/lib/records/record-kind";
import { walkParentChain } from "@/lib/records/parent-chain";
import { allFound, existingIds } from "@/lib/records/existing";

function scalarData(input: EventInput) {
  return {
    title: input.title,
    summary: input.summary,
    body: input.body,
    type: input.type,
    date: toDay(input.date),
    datePrecision: input.datePrecision,
    dateApproximate: input.dateApproximate,
    endDate: toDay(input.endDate),
    localTime: input.localTime,
    timeZone: input.timeZone,
    dayOrder: input.dayOrder,
    occurrence: input.occurrence,
    placeName: input.placeName,
    countryId: input.countryId,
    agreementId: input.agreementId,
    parentId: input.parentId,
    unconfirmedNote: input.unconfirmedNote,
  };
}

/** The columns `insertMany` writes (lib/records/insert-rows.ts): those of `scalarData`, the row's own, an import's. */
const EVENT_COLUMNS = {
  id: "text",
  slug: "text",
  title: "text",
  summary: "text",
  body: "text",
  type: '"EventType"',
  date: "date",
  datePrecision: '"DatePrecision"',
  dateApproximate: "boolean",
  endDate: "date",
  localTime: "text",
  timeZone: "text",
  dayOrder: "int",
  occurrence: '"Occurrence"',
  placeName: "text",
  countryId: "text",
  agreementId: "text",
  parentId: "text",
  unconfirmedNote: "text",
  externalSource: "text",
  externalId: "text",
  cameoCode: "text",
  createdById: "text",
  updatedById: "text",
  createdAt: "timestamptz",
  updatedAt: "timestamptz",
} as const;
const PARTICIPANT_COLUMNS = { id: "text", eventId: "text", role: '"ParticipantRole"', countryId: "text", organizationId: "text", personId: "text", position: "int" } as const;
const LINK_COLUMNS = { id: "text", fromEventId: "text", toEventId: "text", kind: '"EventLinkKind"', createdAt: "timestamptz" } as const;

/** An event's relations as rows (without the event's id): what `write` replaces and `insertMany` writes first. */
function relationRows(input: EventInput) {
  return {
    participants: input.participants.map((p, position) => ({ role: p.role, countryId: p.countryId, organizationId: p.organizationId, personId: p.personId, position })),
    topics: [...new Set(input.topicIds)].map((topicId) => ({ topicId })),
    sources: sourceRows(input.sources),
    // "Led to" is kept on the event it starts from; the other event reads it as "followed from".
    linksOut: input.ledToIds.map((toEventId) => ({ toEventId, kind: "LED_TO" as const })),
  };
}

/** The treaty action this event records points back at it (and no other does). */
async function pointTreatyAction(tx: Tx, id: string, treatyActionId: string | null) {
  if (treatyActionId) {
    await tx.treatyAction.updateMany({ where: { eventId: id, id: { not: treatyActionId } }, data: { eventId: null } });
    await tx.treatyAction.update({ where: { id: treatyActionId }, data: { eventId: id } });
  } else {
    await tx.treatyAction.updateMany({ where: { eventId: id }, data: { eventId: null } });
  }
}

/** Whether following "led to" links from `starts` reaches `target` (a loop if `target` led to them). */
async function leadsBackTo(tx: Tx, starts: string[], target: string): Promise<boolean> {
  const seen = new Set<string>(starts);
  let frontier = starts;
  while (frontier.length) {
    const links = await tx.eventLink.findMany({ where: { fromEventId: { in: frontier }, kind: "LED_TO" }, select: { toEventId: true } });
    frontier = [];
    for (const { toEventId } of links) {
      if (toEventId === target) return true;
      if (!seen.has(toEventId)) {
        seen.add(toEventId);
        frontier.push(toEventId);
      }
    }
  }
  return false;
}

/**
 * The references of events, checked for many at once (a bulk import) or one (a
 * desk save): every id named is looked up in one query per table; only the walks
 * along "part of" and "led to" go event by event.
 */
async function checkEvents(tx: Tx, items: Array<{ id: string | null; input: EventInput }>): Promise<Array<Record<string, string[]>>> {
  const inputs = items.map((item) => item.input);
  const found = await existingIds(tx, {
    countries: inputs.flatMap((input) => [input.countryId, ...input.participants.map((p) => p.countryId)]),
    organizations: inputs.flatMap((input) => input.participants.map((p) => (p.countryId ? null : p.organizationId))),
    people: inputs.flatMap((input) => input.participants.map((p) => (p.countryId || p.organizationId ? null : p.personId))),
    topics: inputs.flatMap((input) => input.topicIds),
    events: inputs.flatMap((input) => input.ledToIds),
    agreements: inputs.map((input) => input.agreementId),
  });
  const actionIds = [...new Set(inputs.map((input) => input.treatyActionId).filter((id): id is string => !!id))];
  const actions = new Map(actionIds.length ? (await tx.treatyAction.findMany({ where: { id: { in: actionIds } }, select: { id: true, agreementId: true } })).map((a) => [a.id, a]) : []);
  const results: Array<Record<string, string[]>> = [];
  for (const { id, input } of items) {
    const errors: Record<string, string[]> = {};
    if (input.parentId) {
      if (input.parentId === id) errors.parentId = ["An event cannot be its own parent."];
      else {
        // Meeting this event again on the way up, or going round, means a loop.
        const chain = await walkParentChain({ start: input.parentId, self: id, parentOf: (cursor) => tx.event.findUnique({ where: { id: cursor }, select: { parentId: true } }) });
        if (chain === "meets-self" || chain === "goes-round") errors.parentId = ["That parent is already inside this event: it would make a loop."];
        if (chain === "missing") errors.parentId = ["There is no such event."];
      }
    }
    if (input.ledToIds.length) {
      if (id !== null && input.ledToIds.includes(id)) errors.ledToIds = ["An event cannot lead to itself."];
      else if (!allFound(input.ledToIds, found.events)) errors.ledToIds = ["One of the events it led to does not exist."];
      // A new event has nothing leading to it yet, so only an existing one can close a loop.
      else if (id !== null && (await leadsBackTo(tx, input.ledToIds, id))) errors.ledToIds = ["One of those events already leads to this one: it would make a loop."];
    }
    if (input.countryId && !found.countries.has(input.countryId)) errors.countryId = ["There is no such country."];
    if (input.agreementId && !found.agreements.has(input.agreementId)) errors.agreementId = ["There is no such agreement."];
    if (input.treatyActionId) {
      const action = actions.get(input.treatyActionId);
      if (!action) errors.treatyActionId = ["There is no such treaty action."];
      else if (input.agreementId && action.agreementId !== input.agreementId) errors.treatyActionId = ["That treaty action belongs to another agreement."];
    }
    if (!allFound(input.topicIds, found.topics)) errors.topicIds = ["One of the topics does not exist."];
    for (const [i, p] of input.participants.entries()) {
      const exists = p.countryId ? found.countries.has(p.countryId) : p.organizationId ? found.organizations.has(p.organizationId) : p.personId ? found.people.has(p.personId) : false;
      if (!exists) errors[`participants.${i}.countryId`] = ["There is no such country, organization or person."];
    }
    results.push(errors);
  }
  return results;
}

/** Events: the kernel's record kind, with the editorial workflow's columns. */
export const eventRecord: ContentKind<EventInput> = {
  ...KIND_NAMES.EVENT,
  schema: EventInputSchema,
  model: (tx) => tx.event,
  content: (tx) => tx.event,
  nameOf: (input) => input.title,
  correctionOf: (eventId) => ({ eventId }),
  // A treaty action records one event, and "led to" is a fact about the original: a copy keeps neither.
  forCopy: (input) => ({ ...input, title: copyTitle(input.title), treatyActionId: null, ledToIds: [] }),

  insert: (tx, { slug, input, actor }) =>
    tx.event.create({
      data: { ...scalarData(input), slug, createdById: actor.id, updatedById: actor.id },
      select: { id: true },
    }),

  async insertMany(tx, rows) {
    const now = new Date();
    const made = rows.map((row) => ({ id: newId(), input: row.input, relations: relationRows(row.input) }));
    await insertRows(
      tx,
      "Event",
      EVENT_COLUMNS,
      rows.map(({ slug, input, actor, columns }, i) => ({ ...scalarData(input), ...columns, id: made[i]!.id, slug, createdById: actor.id, updatedById: actor.id, createdAt: now, updatedAt: now })),
    );
    await insertRows(tx, "EventParticipant", PARTICIPANT_COLUMNS, made.flatMap(({ id, relations }) => relations.participants.map((p) => ({ ...p, id: newId(), eventId: id }))));
    await insertRows(tx, "EventTopic", { eventId: "text", topicId: "text" }, made.flatMap(({ id, relations }) => relations.topics.map((t) => ({ ...t, eventId: id }))));
    await insertRows(tx, "Source", SOURCE_COLUMNS, made.flatMap(({ id, relations }) => relations.sources.map((source) => ({ ...source, id: newId(), eventId: id, createdAt: now }))));
    await insertRows(tx, "EventLink", LINK_COLUMNS, made.flatMap(({ id, relations }) => relations.linksOut.map((link) => ({ ...link, id: newId(), fromEventId: id, createdAt: now }))));
    for (const { id, input } of made) if (input.treatyActionId) await pointTreatyAction(tx, id, input.treatyActionId);
    return made.map((m) => m.id);
  },

  async write(tx, id, input) {
    const relations = relationRows(input);
    await tx.event.update({
      where: { id },
      data: {
        ...scalarData(input),
        participants: { deleteMany: {}, create: relations.participants },
        topics: { deleteMany: {}, create: relations.topics },
        sources: { deleteMany: {}, create: relations.sources },
        linksOut: { deleteMany: { kind: "LED_TO" }, create: relations.linksOut },
      },
    });
    await pointTreatyAction(tx, id, input.treatyActionId);
  },

  async snapshot(tx, id) {
    const e = await tx.event.findUniqueOrThrow({
      where: { id },
      include: {
        participants: { orderBy: { position: "asc" } },
        topics: { orderBy: { topicId: "asc" } },
        sources: { orderBy: { position: "asc" } },
        treatyActions: { select: { id: true }, orderBy: { createdAt: "asc" }, take: 1 },
        linksOut: { where: { kind: "LED_TO" }, select: { toEventId: true }, orderBy: { toEventId: "asc" } },
      },
    });
    return {
      title: e.title,
      summary: e.summary,
      body: e.body,
      type: e.type,
      date: dayText(e.date),
      datePrecision: e.datePrecision,
      dateApproximate: e.dateApproximate,
      endDate: dayText(e.endDate),
      localTime: e.localTime,
      timeZone: e.timeZone,
      dayOrder: e.dayOrder,
      occurrence: e.occurrence,
      placeName: e.placeName,
      countryId: e.countryId,
      agreementId: e.agreementId,
      treatyActionId: e.treatyActions[0]?.id ?? null,
      parentId: e.parentId,
      ledToIds: e.linksOut.map((l) => l.toEventId),
      unconfirmedNote: e.unconfirmedNote,
      participants: e.participants.map((p) => ({ role: p.role, countryId: p.countryId, organizationId: p.organizationId, personId: p.personId })),
      topicIds: e.topics.map((t) => t.topicId),
      sources: sourceInputs(e.sources),
    };
  },

  check: async (tx, id, input) => (await checkEvents(tx, [{ id, input }]))[0]!,
  checkMany: (tx, inputs) => checkEvents(tx, inputs.map((input) => ({ id: null, input }))),

  publicChange: async (_tx, { slug, before, after }) => ({ events: [slug], countries: countryCodesIn(before, after) }),
};
