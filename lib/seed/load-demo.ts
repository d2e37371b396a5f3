import { createHash } from "node:crypto";
import type { Db, Tx } from "@/lib/db/client";
import type { ContentKind, Prisma } from "@/lib/generated/prisma/client";
import { writeAudit } from "@/lib/audit/write-audit";
import { writeTreatyActions } from "@/lib/agreements/treaty-action-rows";
import { demoRecord as currentRecord, type DemoEvent, type DemoRecord, type DemoSource, type DemoStatement } from "./demo-record";

/**
 * Loads the demo record and keeps it converged: what is missing is created, and a
 * demo record that the seed still owns (no editor has saved, staged, scheduled,
 * unpublished or retracted it) is rewritten when its content in demo-record.ts has
 * changed since it was last loaded. Records editors made, and demo records they have
 * touched, are never changed. Statements an earlier release published and no source
 * backs are retracted with a public reason; a corrected published item gets its
 * correction note. Everything happens in one transaction, and loading the same
 * record twice changes nothing. Returns how many records were created, corrected or
 * retracted.
 */
export const DEMO_SETTING_KEY = "demo-record";
/** Revision notes the seed writes; any other revision means an editor has been there. */
const SEED_NOTES = ["Loaded with the demo record", "Demo record"];
const CORRECTED_NOTE = "Demo record corrected against its sources";

interface DemoState {
  version: number;
  /** "event:slug" → hash of the demo content last written for it. */
  items: Record<string, string>;
}

const day = (iso: string | null | undefined) => (iso ? new Date(`${iso}T00:00:00.000Z`) : null);
const hashOf = (value: unknown) => createHash("sha256").update(JSON.stringify(value)).digest("hex").slice(0, 32);

const sourceRows = (sources: DemoSource[]) =>
  sources.map((s, position) => ({
    url: s.url,
    title: s.title,
    publisher: s.publisher,
    publishedOn: day(s.publishedOn),
    archiveUrl: s.archiveUrl ?? null,
    position,
  }));

export async function loadDemoRecord(db: Db, options: { now?: Date; record?: DemoRecord } = {}): Promise<number> {
  const now = options.now ?? new Date();
  const record = options.record ?? currentRecord;
  return db.$transaction((tx) => converge(tx, record, now), { timeout: 60_000 });
}

async function converge(tx: Tx, record: DemoRecord, now: Date): Promise<number> {
  const setting = await tx.setting.findUnique({ where: { key: DEMO_SETTING_KEY } });
  const state: DemoState = readState(setting?.value);
  const counts = { created: 0, corrected: 0, retracted: 0 };
  const ids = {
    topic: new Map<string, string>(),
    person: new Map<string, string>(),
    organization: new Map<string, string>(),
    agreement: new Map<string, string>(),
    event: new Map<string, string>(),
  };
  /** Demo events the seed may still write to (created now, or owned). */
  const ownedEvents = new Set<string>();
  const createdEvents = new Set<string>();

  /** Whether an existing row may be rewritten, and whether its content changed since it was loaded. */
  const plan = async (key: string, kind: ContentKind, row: { id: string }, item: unknown, extra: () => boolean = () => true) => {
    const owned = extra() && (await isSeedOwned(tx, kind, row.id));
    const hash = hashOf(item);
    return { owned, changed: state.items[key] !== hash, hash };
  };

  for (const t of record.topics) {
    const key = `topic:${t.slug}`;
    const row = await demoRow(tx, "TOPIC", t.slug, (where) => tx.topic.findUnique({ where }));
    if (!row) {
      ids.topic.set(t.slug, (await tx.topic.create({ data: { slug: t.slug, name: t.name } })).id);
      state.items[key] = hashOf(t);
      counts.created++;
      continue;
    }
    ids.topic.set(t.slug, row.id);
    const p = await plan(key, "TOPIC", row, t);
    if (p.owned && p.changed) {
      if (row.name !== t.name) {
        await tx.topic.update({ where: { id: row.id }, data: { name: t.name, version: { increment: 1 } } });
        counts.corrected++;
      }
      state.items[key] = p.hash;
    }
  }

  for (const o of record.organizations) {
    const key = `organization:${o.slug}`;
    const data = {
      name: o.name,
      acronym: o.acronym ?? null,
      kind: o.kind,
      wikidataId: o.wikidataId ?? null,
      countryId: o.countryId ?? null,
      description: o.description ?? null,
    };
    const members = (o.members ?? []).map((countryId) => ({ countryId }));
    const row = await demoRow(tx, "ORGANIZATION", o.slug, (where) => tx.organization.findUnique({ where }));
    if (!row) {
      const created = await tx.organization.create({ data: { slug: o.slug, ...data, members: { create: members } } });
      ids.organization.set(o.slug, created.id);
      state.items[key] = hashOf(o);
      counts.created++;
      continue;
    }
    ids.organization.set(o.slug, row.id);
    const p = await plan(key, "ORGANIZATION", row, o);
    if (p.owned && p.changed) {
      await tx.organizationMember.deleteMany({ where: { organizationId: row.id } });
      const updated = await tx.organization.update({
        where: { id: row.id },
        data: { ...data, version: { increment: 1 }, members: { create: members } },
      });
      await writeRevision(tx, "ORGANIZATION", row.id, updated.version, o, CORRECTED_NOTE);
      state.items[key] = p.hash;
      counts.corrected++;
    }
  }

  for (const person of record.people) {
    const key = `person:${person.slug}`;
    const offices = person.offices.map((o, position) => ({
      title: o.title,
      countryId: o.countryId ?? null,
      organizationId: o.organizationSlug ? required(ids.organization, o.organizationSlug) : null,
      startDate: day(o.start),
      startPrecision: o.startPrecision ?? "DAY",
      endDate: day(o.end),
      endPrecision: o.endPrecision ?? "DAY",
      position,
    }));
    const data = { name: person.name, countryId: person.countryId, wikidataId: person.wikidataId ?? null };
    const row = await demoRow(tx, "PERSON", person.slug, (where) => tx.person.findUnique({ where }));
    if (!row) {
      const created = await tx.person.create({ data: { slug: person.slug, ...data, offices: { create: offices } } });
      ids.person.set(person.slug, created.id);
      state.items[key] = hashOf(person);
      counts.created++;
      continue;
    }
    ids.person.set(person.slug, row.id);
    const p = await plan(key, "PERSON", row, person);
    if (p.owned && p.changed) {
      await tx.office.deleteMany({ where: { personId: row.id } });
      const updated = await tx.person.update({ where: { id: row.id }, data: { ...data, version: { increment: 1 }, offices: { create: offices } } });
      await writeRevision(tx, "PERSON", row.id, updated.version, person, CORRECTED_NOTE);
      state.items[key] = p.hash;
      counts.corrected++;
    }
  }

  // Agreements before events (events name them), their treaty actions after (actions name events).
  const agreementsToAct = new Set<string>();
  for (const a of record.agreements) {
    const key = `agreement:${a.slug}`;
    const data = {
      name: a.name,
      kind: a.kind,
      summary: a.summary,
      concludedOn: day(a.concludedOn),
      parentId: a.parentSlug ? required(ids.agreement, a.parentSlug) : null,
    };
    const row = await demoRow(tx, "AGREEMENT", a.slug, (where) => tx.agreement.findUnique({ where }));
    if (!row) {
      const created = await tx.agreement.create({ data: { slug: a.slug, ...data, sources: { create: sourceRows(a.sources) } } });
      ids.agreement.set(a.slug, created.id);
      agreementsToAct.add(a.slug);
      state.items[key] = hashOf(a);
      counts.created++;
      continue;
    }
    ids.agreement.set(a.slug, row.id);
    const p = await plan(key, "AGREEMENT", row, a);
    if (p.owned && p.changed) {
      await tx.source.deleteMany({ where: { agreementId: row.id } });
      const updated = await tx.agreement.update({
        where: { id: row.id },
        data: { ...data, version: { increment: 1 }, sources: { create: sourceRows(a.sources) } },
      });
      await writeRevision(tx, "AGREEMENT", row.id, updated.version, a, CORRECTED_NOTE);
      agreementsToAct.add(a.slug);
      state.items[key] = p.hash;
      counts.corrected++;
    }
  }

  // Events in order, so a parent exists before its children.
  for (const e of record.events) {
    const key = `event:${e.slug}`;
    const data = eventData(e, ids);
    const children = {
      participants: {
        create: e.participants.map((p, position) => ({
          role: p.role,
          countryId: p.countryId,
          personId: p.personSlug ? required(ids.person, p.personSlug) : undefined,
          organizationId: p.organizationSlug ? required(ids.organization, p.organizationSlug) : undefined,
          position,
        })),
      },
      topics: { create: (e.topics ?? []).map((slug) => ({ topicId: required(ids.topic, slug) })) },
      sources: { create: sourceRows(e.sources) },
    };
    const row = await tx.event.findUnique({ where: { slug: e.slug } });
    if (!row) {
      const created = await tx.event.create({
        data: { slug: e.slug, ...data, status: "PUBLISHED", firstPublishedAt: now, publishedAt: now, ...children },
      });
      ids.event.set(e.slug, created.id);
      ownedEvents.add(e.slug);
      createdEvents.add(e.slug);
      await writeRevision(tx, "EVENT", created.id, 1, e, "Loaded with the demo record");
      state.items[key] = hashOf(e);
      counts.created++;
      continue;
    }
    ids.event.set(e.slug, row.id);
    const p = await plan(key, "EVENT", row, e, () => untouchedPublished(row));
    if (!p.owned) continue;
    ownedEvents.add(e.slug);
    if (!p.changed) continue;
    // One after another: a transaction is one connection, which runs one query at a time.
    await tx.eventParticipant.deleteMany({ where: { eventId: row.id } });
    await tx.eventTopic.deleteMany({ where: { eventId: row.id } });
    await tx.source.deleteMany({ where: { eventId: row.id } });
    const updated = await tx.event.update({ where: { id: row.id }, data: { ...data, publishedAt: now, version: { increment: 1 }, ...children } });
    await writeRevision(tx, "EVENT", row.id, updated.version, e, CORRECTED_NOTE);
    await noteCorrection(tx, { eventId: row.id }, row.firstPublishedAt, e.correction);
    state.items[key] = p.hash;
    counts.corrected++;
  }

  await convergeLinks(tx, record.events, ids.event, ownedEvents);

  for (const a of record.agreements) {
    const agreementId = required(ids.agreement, a.slug);
    // An action whose event was (re)created now must point at it, so such agreements are rewritten too.
    const needsEvents = a.actions.some((x) => x.eventSlug && createdEvents.has(x.eventSlug));
    if (!agreementsToAct.has(a.slug) && !(needsEvents && (await isSeedOwned(tx, "AGREEMENT", agreementId)))) continue;
    // Its steps keep their rows (matched by party, step and instrument): events' staged changes and versions name them.
    await writeTreatyActions(
      tx,
      agreementId,
      a.actions.map((action) => ({
        id: null,
        countryId: action.countryId,
        type: action.type,
        date: day(action.date),
        precision: action.precision ?? "DAY",
        note: action.note ?? null,
        unconfirmedNote: action.unconfirmedNote ?? null,
        viaAgreementId: action.viaAgreementSlug ? required(ids.agreement, action.viaAgreementSlug) : null,
        eventId: action.eventSlug ? (ids.event.get(action.eventSlug) ?? null) : null,
        sources: sourceRows(action.sources),
      })),
    );
  }

  for (const s of record.statements) {
    const key = `statement:${s.slug}`;
    const data = statementData(s, ids);
    const children = {
      countries: { create: s.countries.map((countryId) => ({ countryId })) },
      topics: { create: (s.topics ?? []).map((slug) => ({ topicId: required(ids.topic, slug) })) },
      sources: { create: sourceRows(s.sources) },
    };
    const row = await tx.statement.findUnique({ where: { slug: s.slug } });
    if (!row) {
      const created = await tx.statement.create({
        data: { slug: s.slug, ...data, status: "PUBLISHED", firstPublishedAt: now, publishedAt: now, ...children },
      });
      await writeRevision(tx, "STATEMENT", created.id, 1, s, "Loaded with the demo record");
      state.items[key] = hashOf(s);
      counts.created++;
      continue;
    }
    const p = await plan(key, "STATEMENT", row, s, () => untouchedPublished(row));
    if (!p.owned || !p.changed) continue;
    await tx.statementCountry.deleteMany({ where: { statementId: row.id } });
    await tx.statementTopic.deleteMany({ where: { statementId: row.id } });
    await tx.source.deleteMany({ where: { statementId: row.id } });
    const updated = await tx.statement.update({ where: { id: row.id }, data: { ...data, publishedAt: now, version: { increment: 1 }, ...children } });
    await writeRevision(tx, "STATEMENT", row.id, updated.version, s, CORRECTED_NOTE);
    await noteCorrection(tx, { statementId: row.id }, row.firstPublishedAt, s.correction);
    state.items[key] = p.hash;
    counts.corrected++;
  }

  for (const retired of record.retiredStatements) {
    const row = await tx.statement.findUnique({ where: { slug: retired.slug } });
    if (!row || !untouchedPublished(row) || !(await isSeedOwned(tx, "STATEMENT", row.id))) continue;
    const updated = await tx.statement.update({
      where: { id: row.id },
      data: { status: "RETRACTED", retractedAt: now, retractionReason: retired.reason, version: { increment: 1 } },
    });
    await writeRevision(tx, "STATEMENT", row.id, updated.version, { retracted: retired.reason }, `${CORRECTED_NOTE}: retracted`);
    delete state.items[`statement:${retired.slug}`];
    counts.retracted++;
  }

  const changes = counts.created + counts.corrected + counts.retracted;
  if (changes > 0 || state.version !== record.version) {
    const value = { version: record.version, items: state.items } as unknown as Prisma.InputJsonValue;
    await tx.setting.upsert({ where: { key: DEMO_SETTING_KEY }, create: { key: DEMO_SETTING_KEY, value }, update: { value } });
  }
  if (changes > 0) await writeAudit(tx, { action: "seed.demo", summary: { version: record.version, ...counts } });
  return changes;
}

function readState(value: unknown): DemoState {
  const v = value as Partial<DemoState> | null | undefined;
  const items: Record<string, string> = Object.create(null);
  if (v && typeof v.items === "object" && v.items) {
    for (const [k, h] of Object.entries(v.items)) if (typeof h === "string") items[k] = h;
  }
  return { version: typeof v?.version === "number" ? v.version : 1, items };
}

type Ids = Record<"topic" | "person" | "organization" | "agreement" | "event", Map<string, string>>;

function eventData(e: DemoEvent, ids: Ids) {
  return {
    title: e.title,
    summary: e.summary,
    body: e.body,
    type: e.type,
    cameoCode: e.cameoCode,
    date: day(e.date),
    datePrecision: e.datePrecision ?? "DAY",
    dateApproximate: e.dateApproximate ?? false,
    dayOrder: e.dayOrder ?? 0,
    endDate: null,
    localTime: null,
    timeZone: null,
    occurrence: e.occurrence ?? "OCCURRED",
    placeName: e.placeName ?? null,
    countryId: e.countryId ?? null,
    agreementId: e.agreementSlug ? required(ids.agreement, e.agreementSlug) : null,
    parentId: e.parentSlug ? required(ids.event, e.parentSlug) : null,
    unconfirmedNote: e.unconfirmedNote ?? null,
  } as const;
}

function statementData(s: DemoStatement, ids: Ids) {
  return {
    title: s.title,
    text: s.text,
    language: s.language,
    speakerId: s.speakerSlug ? required(ids.person, s.speakerSlug) : null,
    speakerLabel: s.speakerLabel ?? null,
    speakerTitle: s.speakerTitle ?? null,
    attribution: s.attribution,
    medium: s.medium,
    platform: s.platform ?? null,
    quoteType: s.quoteType,
    saidOn: day(s.saidOn),
    saidPrecision: s.saidPrecision ?? "DAY",
    eventId: s.eventSlug ? required(ids.event, s.eventSlug) : null,
    context: s.context ?? null,
  } as const;
}

/** "Led to" links between demo events; the seed manages those that start at an event it owns. */
async function convergeLinks(tx: Tx, events: DemoEvent[], eventIds: Map<string, string>, owned: Set<string>) {
  const demoIds = new Set(eventIds.values());
  for (const e of events) {
    if (!owned.has(e.slug)) continue;
    const fromEventId = required(eventIds, e.slug);
    const wanted = new Set((e.ledTo ?? []).map((slug) => eventIds.get(slug)).filter((id): id is string => !!id));
    const existing = await tx.eventLink.findMany({ where: { fromEventId, kind: "LED_TO" }, select: { id: true, toEventId: true } });
    const stale = existing.filter((l) => demoIds.has(l.toEventId) && !wanted.has(l.toEventId)).map((l) => l.id);
    if (stale.length) await tx.eventLink.deleteMany({ where: { id: { in: stale } } });
    const have = new Set(existing.map((l) => l.toEventId));
    const missing = [...wanted].filter((id) => !have.has(id));
    if (missing.length) await tx.eventLink.createMany({ data: missing.map((toEventId) => ({ fromEventId, toEventId, kind: "LED_TO" as const })) });
  }
}

/** Published as the seed left it: no editor saved, staged, scheduled, unpublished or retracted it. */
function untouchedPublished(row: { status: string; createdById: string | null; updatedById: string | null; stagedData: unknown; scheduledAt: Date | null }) {
  return row.status === "PUBLISHED" && !row.createdById && !row.updatedById && row.stagedData === null && !row.scheduledAt;
}

/** No revision but the seed's own: an editor's save always leaves one. */
/**
 * A demo item's row, found by its slug; or, once an editor merged it into another record
 * (lib/records/merge.ts), that record's: a merged item is not created again at the next start,
 * and what the seed writes that names it names the record kept. (The kept record has the editor's
 * merge revision, so the seed leaves it as it is.)
 */
async function demoRow<R>(tx: Tx, kind: ContentKind, slug: string, find: (where: { slug: string } | { id: string }) => Promise<R | null>): Promise<R | null> {
  const row = await find({ slug });
  if (row) return row;
  const merged = await tx.mergedSlug.findUnique({ where: { kind_slug: { kind, slug } }, select: { targetId: true } });
  return merged ? find({ id: merged.targetId }) : null;
}

async function isSeedOwned(tx: Tx, kind: ContentKind, entityId: string): Promise<boolean> {
  const revisions = await tx.revision.findMany({ where: { kind, entityId }, select: { authorId: true, note: true } });
  return revisions.every((r) => !r.authorId && SEED_NOTES.some((n) => r.note?.startsWith(n)));
}

async function noteCorrection(tx: Tx, owner: { eventId: string } | { statementId: string }, firstPublishedAt: Date | null, note: string | undefined) {
  if (!firstPublishedAt || !note) return;
  if (await tx.correction.findFirst({ where: { ...owner, note }, select: { id: true } })) return;
  await tx.correction.create({ data: { ...owner, note } });
}

function required(map: Map<string, string>, key: string): string {
  const id = map.get(key);
  if (!id) throw new Error(`Demo record refers to unknown "${key}"`);
  return id;
}

async function writeRevision(tx: Tx, kind: ContentKind, entityId: string, version: number, data: unknown, note: string) {
  await tx.revision.create({ data: { kind, entityId, version, data: data as Prisma.InputJsonValue, note } });
}
