import type { Db, Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { writeAudit } from "@/lib/audit/write-audit";
import {
  demoAgreements,
  demoEvents,
  demoOrganizations,
  demoPeople,
  demoStatements,
  demoTopics,
  type DemoSource,
} from "./demo-record";

const day = (iso: string | null) => (iso ? new Date(`${iso}T00:00:00.000Z`) : null);

const sourceRows = (sources: DemoSource[]) =>
  sources.map((s, position) => ({ url: s.url, title: s.title, publisher: s.publisher, position }));

/**
 * Loads the demo record, creating only what is missing (matched by slug), so
 * loading it twice changes nothing and never overwrites an editor's later work.
 * Everything goes in one transaction. Returns how many records were created.
 */
export async function loadDemoRecord(db: Db, options: { now?: Date } = {}): Promise<number> {
  const now = options.now ?? new Date();
  return db.$transaction(
    async (tx) => {
      let created = 0;
      const ids = {
        topic: new Map<string, string>(),
        person: new Map<string, string>(),
        organization: new Map<string, string>(),
        agreement: new Map<string, string>(),
        event: new Map<string, string>(),
      };

      for (const t of demoTopics) {
        const row = await tx.topic.findUnique({ where: { slug: t.slug } });
        if (row) ids.topic.set(t.slug, row.id);
        else {
          ids.topic.set(t.slug, (await tx.topic.create({ data: { slug: t.slug, name: t.name } })).id);
          created++;
        }
      }

      for (const o of demoOrganizations) {
        const row = await tx.organization.findUnique({ where: { slug: o.slug } });
        if (row) ids.organization.set(o.slug, row.id);
        else {
          const org = await tx.organization.create({
            data: {
              slug: o.slug,
              name: o.name,
              acronym: o.acronym,
              kind: o.kind,
              wikidataId: o.wikidataId,
              countryId: o.countryId,
              description: o.description,
              members: { create: (o.members ?? []).map((countryId) => ({ countryId })) },
            },
          });
          ids.organization.set(o.slug, org.id);
          created++;
        }
      }

      for (const p of demoPeople) {
        const row = await tx.person.findUnique({ where: { slug: p.slug } });
        if (row) ids.person.set(p.slug, row.id);
        else {
          const person = await tx.person.create({
            data: {
              slug: p.slug,
              name: p.name,
              countryId: p.countryId,
              wikidataId: p.wikidataId,
              offices: {
                create: p.offices.map((o, position) => ({
                  title: o.title,
                  countryId: o.countryId,
                  organizationId: o.organizationSlug ? ids.organization.get(o.organizationSlug) : undefined,
                  position,
                })),
              },
            },
          });
          ids.person.set(p.slug, person.id);
          created++;
        }
      }

      // Agreements first without their treaty actions: actions link to events.
      const newAgreements: typeof demoAgreements = [];
      for (const a of demoAgreements) {
        const row = await tx.agreement.findUnique({ where: { slug: a.slug } });
        if (row) {
          ids.agreement.set(a.slug, row.id);
          continue;
        }
        const agreement = await tx.agreement.create({
          data: {
            slug: a.slug,
            name: a.name,
            kind: a.kind,
            summary: a.summary,
            concludedOn: day(a.concludedOn),
            parentId: a.parentSlug ? ids.agreement.get(a.parentSlug) : undefined,
            sources: { create: sourceRows(a.sources) },
          },
        });
        ids.agreement.set(a.slug, agreement.id);
        newAgreements.push(a);
        created++;
      }

      // Events in order, so a parent exists before its children.
      for (const e of demoEvents) {
        const row = await tx.event.findUnique({ where: { slug: e.slug } });
        if (row) {
          ids.event.set(e.slug, row.id);
          continue;
        }
        const event = await tx.event.create({
          data: {
            slug: e.slug,
            title: e.title,
            summary: e.summary,
            body: e.body,
            type: e.type,
            cameoCode: e.cameoCode,
            date: day(e.date),
            datePrecision: e.datePrecision ?? "DAY",
            occurrence: e.occurrence ?? "OCCURRED",
            placeName: e.placeName,
            countryId: e.countryId,
            agreementId: e.agreementSlug ? ids.agreement.get(e.agreementSlug) : undefined,
            parentId: e.parentSlug ? ids.event.get(e.parentSlug) : undefined,
            status: "PUBLISHED",
            firstPublishedAt: now,
            publishedAt: now,
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
          },
        });
        ids.event.set(e.slug, event.id);
        await writeRevision(tx, "EVENT", event.id, e as unknown as Prisma.InputJsonValue);
        created++;
      }

      for (const a of newAgreements) {
        const agreementId = required(ids.agreement, a.slug);
        for (const action of a.actions) {
          await tx.treatyAction.create({
            data: {
              agreementId,
              countryId: action.countryId,
              type: action.type,
              date: day(action.date),
              precision: action.precision ?? "DAY",
              note: action.note,
              eventId: action.eventSlug ? ids.event.get(action.eventSlug) : undefined,
              sources: { create: sourceRows(action.sources) },
            },
          });
        }
      }

      for (const s of demoStatements) {
        if (await tx.statement.findUnique({ where: { slug: s.slug } })) continue;
        const statement = await tx.statement.create({
          data: {
            slug: s.slug,
            title: s.title,
            text: s.text,
            language: s.language,
            speakerId: s.speakerSlug ? required(ids.person, s.speakerSlug) : undefined,
            speakerLabel: s.speakerLabel,
            speakerTitle: s.speakerTitle,
            attribution: s.attribution,
            medium: s.medium,
            platform: s.platform,
            quoteType: s.quoteType,
            saidOn: day(s.saidOn),
            eventId: s.eventSlug ? ids.event.get(s.eventSlug) : undefined,
            context: s.context,
            status: "PUBLISHED",
            firstPublishedAt: now,
            publishedAt: now,
            countries: { create: s.countries.map((countryId) => ({ countryId })) },
            topics: { create: (s.topics ?? []).map((slug) => ({ topicId: required(ids.topic, slug) })) },
            sources: { create: sourceRows(s.sources) },
          },
        });
        await writeRevision(tx, "STATEMENT", statement.id, s as unknown as Prisma.InputJsonValue);
        created++;
      }

      if (created > 0) {
        await writeAudit(tx, { action: "seed.demo", summary: { created } });
      }
      return created;
    },
    { timeout: 60_000 },
  );
}

function required(map: Map<string, string>, key: string): string {
  const id = map.get(key);
  if (!id) throw new Error(`Demo record refers to unknown "${key}"`);
  return id;
}

async function writeRevision(tx: Tx, kind: "EVENT" | "STATEMENT", entityId: string, data: Prisma.InputJsonValue) {
  await tx.revision.create({ data: { kind, entityId, version: 1, data, note: "Loaded with the demo record" } });
}
