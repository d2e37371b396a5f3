import { db, type Tx } from "@/lib/db/client";
import { writeAudit } from "@/lib/audit/write-audit";
import { writeRevision } from "@/lib/revisions/write-revision";
import { revalidatePublicRecord } from "@/lib/cache/revalidate";
import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/records/field-errors";
import type { Actor } from "@/lib/reference/actor";
import { uniqueSlug } from "@/lib/reference/slug";
import { keepBaseRevision, refuseStaleSave } from "@/lib/reference/versioning";
import { TopicInputSchema, type TopicFormValues } from "./topic-input";

const nameTaken = () => new AppError("INVALID", "Some fields need attention. Nothing was saved.", { name: ["There is already a topic with this name."] });

async function snapshotTopic(tx: Tx, id: string): Promise<TopicFormValues> {
  const t = await tx.topic.findUniqueOrThrow({ where: { id } });
  return { name: t.name, description: t.description ?? "" };
}

export async function createTopic(actor: Actor, raw: unknown) {
  const input = parseInput(TopicInputSchema, raw);
  const topic = await db.$transaction(async (tx) => {
    if (await tx.topic.findFirst({ where: { name: { equals: input.name, mode: "insensitive" } }, select: { id: true } })) throw nameTaken();
    const slug = await uniqueSlug(input.name, async (s) => Boolean(await tx.topic.findUnique({ where: { slug: s }, select: { id: true } })));
    const row = await tx.topic.create({ data: { slug, name: input.name, description: input.description ?? null } });
    await writeRevision(tx, { kind: "TOPIC", entityId: row.id, version: 1, data: { ...(await snapshotTopic(tx, row.id)) }, authorId: actor.id, note: "Created" });
    await writeAudit(tx, { action: "topic.create", actorId: actor.id, actorEmail: actor.email, targetType: "Topic", targetId: row.id, summary: { slug, name: row.name } });
    return row;
  });
  revalidatePublicRecord({ topics: [topic.slug] });
  return { id: topic.id, slug: topic.slug, version: topic.version };
}

export async function updateTopic(actor: Actor, options: { id: string; baseVersion: number; input: unknown; note?: string }) {
  const { id, baseVersion } = options;
  const input = parseInput(TopicInputSchema, options.input);
  const topic = await db.$transaction(async (tx) => {
    const current = await tx.topic.findUnique({ where: { id } });
    if (!current) throw new AppError("NOT_FOUND", "This topic no longer exists.");
    await refuseStaleSave(tx, { kind: "TOPIC", entityId: id, current: current.version, base: baseVersion, what: "topic" });
    await keepBaseRevision(tx, { kind: "TOPIC", entityId: id, version: baseVersion, data: { ...(await snapshotTopic(tx, id)) } });
    if (await tx.topic.findFirst({ where: { id: { not: id }, name: { equals: input.name, mode: "insensitive" } }, select: { id: true } })) throw nameTaken();
    // The WHERE on the base version makes two racing saves unable to both pass.
    const { count } = await tx.topic.updateMany({
      where: { id, version: baseVersion },
      data: { name: input.name, description: input.description ?? null, version: { increment: 1 } },
    });
    if (count !== 1) await refuseStaleSave(tx, { kind: "TOPIC", entityId: id, current: baseVersion + 1, base: baseVersion, what: "topic" });
    const version = baseVersion + 1;
    await writeRevision(tx, { kind: "TOPIC", entityId: id, version, data: { ...(await snapshotTopic(tx, id)) }, authorId: actor.id, note: options.note ?? null });
    await writeAudit(tx, { action: "topic.update", actorId: actor.id, actorEmail: actor.email, targetType: "Topic", targetId: id, summary: { version, note: options.note ?? null } });
    return { ...current, version };
  });
  revalidatePublicRecord({ topics: [topic.slug] });
  return { id, slug: topic.slug, version: topic.version };
}

/** Restoring is a new save of an old revision's values, on top of the current version. */
export async function restoreTopicRevision(actor: Actor, options: { id: string; version: number; baseVersion: number }) {
  const revision = await db.revision.findUnique({ where: { kind_entityId_version: { kind: "TOPIC", entityId: options.id, version: options.version } } });
  if (!revision) throw new AppError("NOT_FOUND", `There is no version ${options.version} of this topic.`);
  return updateTopic(actor, { id: options.id, baseVersion: options.baseVersion, input: revision.data, note: `Restored version ${options.version}` });
}

/** Deletes a topic only when no event or statement uses it. */
export async function deleteTopic(actor: Actor, options: { id: string }) {
  const slug = await db.$transaction(async (tx) => {
    const topic = await tx.topic.findUnique({ where: { id: options.id }, include: { _count: { select: { events: true, statements: true } } } });
    if (!topic) throw new AppError("NOT_FOUND", "This topic no longer exists.");
    const uses = [
      topic._count.events && `${topic._count.events} event${topic._count.events === 1 ? "" : "s"}`,
      topic._count.statements && `${topic._count.statements} statement${topic._count.statements === 1 ? "" : "s"}`,
    ].filter(Boolean);
    if (uses.length) throw new AppError("CONFLICT", `This topic cannot be deleted: ${uses.join(" and ")} use it. Remove it from them first.`);
    await tx.topic.delete({ where: { id: topic.id } });
    await writeAudit(tx, { action: "topic.delete", actorId: actor.id, actorEmail: actor.email, targetType: "Topic", targetId: topic.id, summary: { slug: topic.slug, name: topic.name } });
    return topic.slug;
  });
  revalidatePublicRecord({ topics: [slug] });
}
